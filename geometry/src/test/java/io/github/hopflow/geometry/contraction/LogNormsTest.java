package io.github.hopflow.geometry.contraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogNormsTest {

    private static double[] random(int n, Random rnd) {
        double[] a = new double[n * n];
        for (int k = 0; k < a.length; k++) {
            a[k] = 2 * rnd.nextGaussian();
        }
        return a;
    }

    /** Induced norms, for the definition μ(A) = lim (‖I + hA‖ − 1)/h. */
    private static double norm1(double[] m, int n) {
        double best = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.abs(m[i * n + j]);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    private static double normInf(double[] m, int n) {
        double best = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(m[i * n + j]);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /** max over unit x of xᵀAx (the variational form of μ₂), by power iteration on (A + Aᵀ)/2 + cI. */
    private static double maxRayleigh(double[] a, int n) {
        double c = 0;
        for (double v : a) {
            c += v * v;
        }
        c = Math.sqrt(c);
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1 / Math.sqrt(n));
        v[0] += 0.1;
        for (int it = 0; it < 20000; it++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = c * v[i];
                for (int j = 0; j < n; j++) {
                    w[i] += 0.5 * (a[i * n + j] + a[j * n + i]) * v[j];
                }
            }
            double norm = 0;
            for (double wi : w) {
                norm += wi * wi;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / norm;
            }
        }
        double q = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q += v[i] * a[i * n + j] * v[j];
            }
        }
        return q;
    }

    private static double[] identityPlus(double h, double[] a, int n) {
        double[] m = new double[n * n];
        for (int k = 0; k < m.length; k++) {
            m[k] = h * a[k];
        }
        for (int i = 0; i < n; i++) {
            m[i * n + i] += 1;
        }
        return m;
    }

    @Test
    void logNormsMatchTheirDefinitionAsALimit() {
        Random rnd = new Random(3);
        int n = 4;
        for (int trial = 0; trial < 5; trial++) {
            double[] a = random(n, rnd);
            double h = 1e-7;
            double[] m = identityPlus(h, a, n);
            assertEquals((norm1(m, n) - 1) / h, LogNorms.mu1(a), 1e-5);
            assertEquals((normInf(m, n) - 1) / h, LogNorms.muInfinity(a), 1e-5);
            assertEquals(maxRayleigh(a, n), LogNorms.mu2(a), 1e-9);
        }
    }

    @Test
    void twoByTwoExplicitFormulas() {
        double a = -1.5;
        double b = 2;
        double c = -0.5;
        double d = 0.25;
        double[] m = {a, b, c, d};
        assertEquals((a + d) / 2 + Math.sqrt((a - d) * (a - d) / 4 + (b + c) * (b + c) / 4), LogNorms.mu2(m), 1e-14);
        assertEquals(Math.max(a + Math.abs(c), d + Math.abs(b)), LogNorms.mu1(m), 0.0);
        assertEquals(Math.max(a + Math.abs(b), d + Math.abs(c)), LogNorms.muInfinity(m), 0.0);
        double[] eta = {1, 4};
        // μ_{∞,[η]⁻¹}: rows of [η]⁻¹A[η]: (a, b·η2/η1), (c·η1/η2, d)
        assertEquals(Math.max(a + Math.abs(b) * 4, d + Math.abs(c) / 4), LogNorms.muInfinityWeighted(m, eta), 1e-15);
        // μ_{1,[η]}: columns of [η]A[η]⁻¹: (a, c·η2/η1), (b·η1/η2, d)
        assertEquals(Math.max(a + Math.abs(c) * 4, d + Math.abs(b) / 4), LogNorms.mu1Weighted(m, eta), 1e-15);
        // μ_{2,P^{1/2}} with P = diag(1, 4): P^{1/2}AP^{-1/2} = [[a, b/2], [2c, d]]
        assertEquals(LogNorms.mu2(new double[] {a, b / 2, 2 * c, d}), LogNorms.mu2Weighted(m, new double[] {1, 4}), 1e-14);
    }

    @Test
    void firingRateOneSidedLipschitzIsTheMaximumOverAllSlopeVertices() {
        Random rnd = new Random(9);
        int n = 4;
        double dMin = 0.1;
        double dMax = 0.9;
        for (int trial = 0; trial < 5; trial++) {
            double[] a = random(n, rnd);
            double[] eta = {1, 2, 0.5, 3};
            double bestInf = Double.NEGATIVE_INFINITY;
            double best1 = Double.NEGATIVE_INFINITY;
            double bestInfWeighted = Double.NEGATIVE_INFINITY;
            for (int mask = 0; mask < (1 << n); mask++) {
                double[] j = new double[n * n];
                for (int r = 0; r < n; r++) {
                    double dr = ((mask >>> r) & 1) == 0 ? dMin : dMax;
                    for (int c = 0; c < n; c++) {
                        j[r * n + c] = dr * a[r * n + c] - (r == c ? 1 : 0);
                    }
                }
                bestInf = Math.max(bestInf, LogNorms.muInfinity(j));
                best1 = Math.max(best1, LogNorms.mu1(j));
                bestInfWeighted = Math.max(bestInfWeighted, LogNorms.muInfinityWeighted(j, eta));
            }
            assertEquals(bestInf, FiringRateContraction.oneSidedLipschitzInfinity(a, dMin, dMax), 1e-12);
            assertEquals(best1, FiringRateContraction.oneSidedLipschitz1(a, dMin, dMax), 1e-12);
            assertEquals(bestInfWeighted, FiringRateContraction.oneSidedLipschitzInfinity(a, dMin, dMax, eta), 1e-12);
            // and no interior slope does better
            for (int k = 0; k < 200; k++) {
                double[] j = new double[n * n];
                for (int r = 0; r < n; r++) {
                    double dr = dMin + (dMax - dMin) * rnd.nextDouble();
                    for (int c = 0; c < n; c++) {
                        j[r * n + c] = dr * a[r * n + c] - (r == c ? 1 : 0);
                    }
                }
                assertTrue(LogNorms.muInfinity(j) <= bestInf + 1e-12);
                assertTrue(LogNorms.mu1(j) <= best1 + 1e-12);
            }
        }
    }

    @Test
    void badInputNamesParameterAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogNorms.mu2(new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LogNorms.mu1Weighted(new double[] {1, 2, 3, 4}, new double[] {1, -2}));
        assertTrue(e.getMessage().contains("eta[1]") && e.getMessage().contains("-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FiringRateContraction.oneSidedLipschitzInfinity(new double[] {1, 2, 3, 4}, 0.5, 0.2));
        assertTrue(e.getMessage().contains("dMax") && e.getMessage().contains("0.2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LogNorms.muInfinity(new double[] {1, Double.NaN, 3, 4}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
