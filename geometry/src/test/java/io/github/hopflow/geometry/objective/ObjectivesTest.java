package io.github.hopflow.geometry.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectivesTest {

    static Stream<Arguments> catalogue() {
        List<Arguments> out = new ArrayList<>();
        for (String name : Objectives.names()) {
            if (name.equals("himmelblau")) {
                out.add(Arguments.of(name, 2));
            } else {
                for (int n : new int[] {1, 2, 3, 5}) {
                    out.add(Arguments.of(name, n));
                }
            }
        }
        return out.stream();
    }

    /** Fourth-order central difference (five-point stencil), independent of the analytic gradient. */
    static double[] fivePointGradient(Objective f, double[] x, double h) {
        double[] g = new double[x.length];
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + 2 * h;
            double f2 = f.value(y);
            y[i] = x[i] + h;
            double f1 = f.value(y);
            y[i] = x[i] - h;
            double fm1 = f.value(y);
            y[i] = x[i] - 2 * h;
            double fm2 = f.value(y);
            y[i] = x[i];
            g[i] = (-f2 + 8 * f1 - 8 * fm1 + fm2) / (12 * h);
        }
        return g;
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("catalogue")
    void analyticGradientMatchesFiniteDifferences(String name, int n) {
        Objective f = Objectives.byName(name, n);
        assertTrue(f.hasAnalyticGradient());
        assertEquals(n, f.dimension());
        assertEquals(name, f.name());
        Random rnd = new Random(7 + n);
        double worst = 0;
        for (int trial = 0; trial < 40; trial++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.02 + 0.96 * rnd.nextDouble();
            }
            double[] g = new double[n];
            f.gradient(x, g);
            double[] fd = fivePointGradient(f, x, 1e-5);
            double scale = 1;
            for (double v : fd) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(g[i] - fd[i]) / scale);
            }
        }
        assertTrue(worst < 1e-6, name + ": relative gradient error " + worst);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("catalogue")
    void gradientAtOffsetMatchesGradientOfCopy(String name, int n) {
        Objective f = Objectives.byName(name, n);
        double[] flat = new double[3 * n + 1];
        Random rnd = new Random(3);
        for (int i = 0; i < flat.length; i++) {
            flat[i] = rnd.nextDouble();
        }
        double[] x = java.util.Arrays.copyOfRange(flat, n + 1, 2 * n + 1);
        double[] g = new double[n];
        f.gradient(x, g);
        double[] out = new double[2 * n];
        f.gradient(flat, n + 1, out, n);
        for (int i = 0; i < n; i++) {
            assertEquals(g[i], out[n + i], 0.0);
        }
        assertEquals(f.value(x), f.value(flat, n + 1), 0.0);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("catalogue")
    void listedMinimisersAreGlobalMinima(String name, int n) {
        Objective f = Objectives.byName(name, n);
        List<double[]> minimisers = f.globalMinimisers();
        assertFalse(minimisers.isEmpty());
        double fmin = f.globalMinimum().orElseThrow();
        Random rnd = new Random(11);
        double[] g = new double[n];
        for (double[] m : minimisers) {
            for (double v : m) {
                assertTrue(v > 0 && v < 1, name + " minimiser outside the unit cube: " + v);
            }
            double fm = f.value(m);
            assertEquals(fmin, fm, 1e-10 * Math.max(1, Math.abs(fmin)), name + " value at minimiser");
            f.gradient(m, g);
            for (double v : g) {
                assertEquals(0, v, 1e-7, name + " gradient at minimiser");
            }
            // small perturbations along random directions and along each axis
            for (int trial = 0; trial < 200; trial++) {
                double[] y = m.clone();
                double radius = trial < 100 ? 1e-3 : 1e-5;
                for (int i = 0; i < n; i++) {
                    y[i] += radius * (2 * rnd.nextDouble() - 1);
                }
                assertTrue(f.value(y) >= fm, name + " perturbation lowers f");
            }
        }
        // random points of the cube
        for (int trial = 0; trial < 2000; trial++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextDouble();
            }
            assertTrue(f.value(y) >= fmin - 1e-12, name + " random point below the minimum");
        }
    }

    @Test
    void knownMinimiserLocations() {
        assertEquals(0.5, Objectives.byName("rastrigin", 3).globalMinimisers().get(0)[2], 1e-15);
        assertEquals(0.5, Objectives.byName("ackley", 3).globalMinimisers().get(0)[1], 1e-15);
        assertEquals(0.55, Objectives.byName("levy", 4).globalMinimisers().get(0)[3], 1e-15);
        // Styblinski–Tang: y* ≈ −2.903534, per-coordinate minimum ≈ −39.16617
        Objective st = Objectives.byName("styblinski-tang", 2);
        assertEquals((-2.903534027771178 + 5) / 10, st.globalMinimisers().get(0)[0], 1e-12);
        assertEquals(-2 * 39.16616570377142, st.globalMinimum().getAsDouble(), 1e-9);
        List<double[]> wells = Objectives.byName("double-well", 3).globalMinimisers();
        assertEquals(8, wells.size());
        assertEquals(0.25, wells.get(0)[0], 1e-15);
        assertEquals(0.75, wells.get(7)[2], 1e-15);
        assertTrue(DoubleWell.of(40).globalMinimisers().isEmpty());
    }

    @Test
    void quadraticParameters() {
        Objective q = Objectives.byName("quadratic", 2,
                Map.of(Objectives.CENTER, new double[] {0.2, 0.9}, Objectives.STIFFNESS, new double[] {3}));
        assertEquals(1.5 * (0.04 + 0.01), q.value(new double[] {0.0, 1.0}), 1e-15);
        assertEquals(0.9, q.globalMinimisers().get(0)[1], 0.0);
        Quadratic d = (Quadratic) Objectives.byName("quadratic", 3);
        assertEquals(1.0, d.stiffness(), 0.0);
        assertEquals(0.5, d.center()[2], 0.0);
    }

    @Test
    void badInputNamesParameterAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Objectives.byName("banana", 2));
        assertTrue(e.getMessage().contains("banana"));
        e = assertThrows(IllegalArgumentException.class, () -> Objectives.byName("himmelblau", 3));
        assertTrue(e.getMessage().contains("3"));
        e = assertThrows(IllegalArgumentException.class, () -> Objectives.byName("levy", 0));
        assertTrue(e.getMessage().contains("dimension") && e.getMessage().contains("0"));
        e = assertThrows(IllegalArgumentException.class, () -> Objectives.byName("quadratic", 2,
                Map.of(Objectives.CENTER, new double[] {0.1, 0.2, 0.3})));
        assertTrue(e.getMessage().contains("center") && e.getMessage().contains("0.3"));
        e = assertThrows(IllegalArgumentException.class, () -> Objectives.byName("quadratic", 2,
                Map.of(Objectives.STIFFNESS, new double[] {-1})));
        assertTrue(e.getMessage().contains("stiffness") && e.getMessage().contains("-1"));
        e = assertThrows(IllegalArgumentException.class, () -> Objectives.byName("quadratic", 2,
                Map.of(Objectives.STIFFNESS, new double[] {Double.NaN})));
        assertTrue(e.getMessage().contains("stiffness") && e.getMessage().contains("NaN"));
        e = assertThrows(IllegalArgumentException.class, () -> Objectives.byName("ackley", 2,
                Map.of(Objectives.CENTER, new double[] {0.1, 0.2})));
        assertTrue(e.getMessage().contains("center"));
    }

    @Test
    void userObjectiveWithAndWithoutGradient() {
        Objective analytic = Objective.of(2, x -> x[0] * x[0] + 3 * x[1],
                (x, g) -> {
                    g[0] = 2 * x[0];
                    g[1] = 3;
                });
        Objective numeric = Objective.of(2, x -> x[0] * x[0] + 3 * x[1]);
        assertTrue(analytic.hasAnalyticGradient());
        assertFalse(numeric.hasAnalyticGradient());
        double[] flat = {9, 0.4, 0.7, 9};
        double[] out = new double[4];
        analytic.gradient(flat, 1, out, 2);
        assertEquals(0.8, out[2], 0.0);
        assertEquals(3, out[3], 0.0);
        numeric.gradient(flat, 1, out, 0);
        assertEquals(0.8, out[0], 1e-9);
        assertEquals(3, out[1], 1e-9);
        assertEquals(9, flat[0], 0.0);
        assertEquals(0.4, flat[1], 0.0);
        assertEquals(0.16 + 2.1, analytic.value(flat, 1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Objective.of(0, x -> 0));
    }

    @Test
    void countingObjectiveCountsFiniteDifferenceEvaluations() {
        CountingObjective c = CountingObjective.of(Objective.of(3, x -> x[0] + x[1] + x[2]));
        c.gradient(new double[] {0.1, 0.2, 0.3}, new double[3]);
        c.value(new double[] {0.1, 0.2, 0.3});
        assertEquals(1, c.gradientEvaluations());
        assertEquals(7, c.valueEvaluations());
        CountingObjective h = CountingObjective.of(ScaledHimmelblau.of());
        h.gradient(new double[] {0.1, 0.2}, new double[2]);
        assertEquals(0, h.valueEvaluations());
        assertEquals(1, h.gradientEvaluations());
    }
}
