package io.github.hopflow.geometry.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProximalOperatorTest {

    /** argmin over x of γg(x) + ½(x − v)² for a separable g, by a fine grid and golden refinement. */
    private static double bruteForceScalar(ProximalOperator p, double v, double gamma) {
        double lo = -5;
        double hi = 5;
        double best = Double.NaN;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= 100_000; k++) {
            double x = lo + (hi - lo) * k / 100_000;
            double value = gamma * p.penalty(new double[] {x}) + 0.5 * (x - v) * (x - v);
            if (value < bestValue) {
                bestValue = value;
                best = x;
            }
        }
        // refine with a ternary search on [best − 1e-4, best + 1e-4] (the objective is convex)
        double a = best - 1e-4;
        double b = best + 1e-4;
        for (int it = 0; it < 200; it++) {
            double m1 = a + (b - a) / 3;
            double m2 = b - (b - a) / 3;
            double f1 = gamma * p.penalty(new double[] {m1}) + 0.5 * (m1 - v) * (m1 - v);
            double f2 = gamma * p.penalty(new double[] {m2}) + 0.5 * (m2 - v) * (m2 - v);
            if (f1 <= f2) {
                b = m2;
            } else {
                a = m1;
            }
        }
        return 0.5 * (a + b);
    }

    @Test
    void euclideanProxesMatchBruteForceMinimisation() {
        ProximalOperator[] catalogue = {
            ProximalOperator.box(-0.5, 1.25), ProximalOperator.l1(0.3), ProximalOperator.nonNegativeL1(0.3),
            ProximalOperator.identity(),
        };
        Random rnd = new Random(17);
        for (ProximalOperator p : catalogue) {
            for (int trial = 0; trial < 30; trial++) {
                double v = -3 + 6 * rnd.nextDouble();
                double gamma = 0.2 + 2 * rnd.nextDouble();
                double[] out = new double[1];
                p.apply(new double[] {v}, gamma, out);
                assertEquals(bruteForceScalar(p, v, gamma), out[0], 1e-7, p.name() + " at v = " + v);
            }
        }
    }

    @Test
    void boxWithPerCoordinateBounds() {
        ProximalOperator p = ProximalOperator.box(new double[] {0, Double.NEGATIVE_INFINITY},
                new double[] {1, 2});
        double[] v = {1.7, -40};
        p.apply(v, 1, v);
        assertEquals(1, v[0], 0.0);
        assertEquals(-40, v[1], 0.0);
        assertEquals(Double.POSITIVE_INFINITY, p.penalty(new double[] {1.1, 0}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProximalOperator.box(new double[] {1}, new double[] {0}));
        assertTrue(e.getMessage().contains("lower[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProximalOperator.l1(-1));
        assertTrue(e.getMessage().contains("lambda") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProximalOperator.l1(1).apply(v, Double.NaN, v));
        assertTrue(e.getMessage().contains("gamma") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void softmaxMinimisesEntropicObjectiveOverTheSimplex() {
        Random rnd = new Random(23);
        for (int trial = 0; trial < 5; trial++) {
            double[] v = {3 * rnd.nextDouble(), 3 * rnd.nextDouble(), 3 * rnd.nextDouble()};
            double gamma = 0.3 + rnd.nextDouble();
            double[] x = new double[3];
            ProximalOperator.softmax().apply(v, gamma, x);
            assertEquals(1, x[0] + x[1] + x[2], 1e-15);
            double value = entropic(x, v, gamma);
            // brute force over a grid of the simplex
            double bestValue = Double.POSITIVE_INFINITY;
            double[] best = null;
            int m = 1000;
            for (int i = 0; i <= m; i++) {
                for (int j = 0; i + j <= m; j++) {
                    double[] y = {(double) i / m, (double) j / m, (double) (m - i - j) / m};
                    double fy = entropic(y, v, gamma);
                    if (fy < bestValue) {
                        bestValue = fy;
                        best = y;
                    }
                }
            }
            assertTrue(value <= bestValue + 1e-14, "softmax value " + value + " > grid minimum " + bestValue);
            for (int i = 0; i < 3; i++) {
                assertEquals(best[i], x[i], 2e-3);
            }
        }
        // huge arguments do not overflow
        double[] big = {1e4, 1e4 - 1, -1e4};
        ProximalOperator.softmax().apply(big, 1, big);
        assertEquals(1 / (1 + Math.exp(-1)), big[0], 1e-15);
    }

    private static double entropic(double[] x, double[] v, double gamma) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                s += gamma * x[i] * Math.log(x[i]);
            }
            s -= v[i] * x[i];
        }
        return s;
    }
}
