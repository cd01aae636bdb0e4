package io.github.hopflow.wasserstein.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The leave-one-out sums against the sums written out term by term in the log domain with
 * {@link Math#exp} (the definition). The class documents each output's log within 1e-8 of the
 * exact value on the grid path and 1e-11 on the dense one; the tests assert those bounds on every
 * row, on clouds that force the exact rows of each path, and bit-identical results for one and two
 * threads.
 */
class LeaveOneOutGaussianSumsTest {

    /** The documented bound of the grid path. */
    private static final double GRID = 1e-8;
    /** The documented bound of the dense path. */
    private static final double DENSE = 1e-11;

    /** The definition: log Σ_{c≠i} exp(−½ Σ_k ((x_ik − x_ck)/h_k)² + logW_c), shifted by the row's largest term. */
    private static double[] definition(int dim, double[] x, double[] h, double[] logW) {
        int count = logW.length;
        double[] out = new double[count];
        double[] term = new double[count];
        for (int i = 0; i < count; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < count; c++) {
                double q = 0;
                for (int k = 0; k < dim; k++) {
                    double d = (x[i * dim + k] - x[c * dim + k]) / h[k];
                    q += d * d;
                }
                term[c] = c == i ? Double.NEGATIVE_INFINITY : logW[c] - q / 2;
                max = Math.max(max, term[c]);
            }
            double s = 0;
            for (int c = 0; c < count; c++) {
                s += Math.exp(term[c] - max);
            }
            out[i] = max + Math.log(s);
        }
        return out;
    }

    private static boolean onGrid(int dim, double[] x, double[] h) {
        double[] s = x.clone();
        for (int p = 0; p < s.length; p++) {
            s[p] /= h[p % dim];
        }
        return LeaveOneOutGaussianSums.gridPays(dim, s, s.length / dim);
    }

    private static double[] uniform(int count, int dim, Random rnd) {
        double[] x = new double[count * dim];
        for (int p = 0; p < x.length; p++) {
            x[p] = rnd.nextDouble();
        }
        return x;
    }

    private static double[] logWeights(int count, double span, Random rnd) {
        double[] w = new double[count];
        for (int c = 0; c < count; c++) {
            w[c] = -span * rnd.nextDouble();
        }
        return w;
    }

    /** Runs both thread counts, checks they agree bit for bit and match the definition. */
    private static double[] checked(int dim, double[] x, double[] h, double[] logW, double tolerance) {
        int count = logW.length;
        double[] one = new double[count];
        double[] two = new double[count];
        LeaveOneOutGaussianSums.logSums(dim, x, h, logW, 1, one);
        LeaveOneOutGaussianSums.logSums(dim, x, h, logW, 2, two);
        assertArrayEquals(one, two, "results depend on the thread count");
        double[] ref = definition(dim, x, h, logW);
        double worst = 0;
        for (int i = 0; i < count; i++) {
            assertTrue(Double.isFinite(one[i]), "row " + i + " is " + one[i]);
            worst = Math.max(worst, Math.abs(one[i] - ref[i]));
        }
        assertTrue(worst <= tolerance, "largest log error " + worst);
        return one;
    }

    @Test
    void gridPathMatchesTheDefinition() {
        Random rnd = new Random(11);
        int count = 3000;
        double[] x = uniform(count, 2, rnd);
        double[] h = {0.3 * Math.pow(count, -1.0 / 6), 0.25 * Math.pow(count, -1.0 / 6)};
        assertTrue(onGrid(2, x, h), "expected the grid path");
        checked(2, x, h, logWeights(count, 2, rnd), GRID);
    }

    @Test
    void gridPathSumsIsolatedPointsExactly() {
        // a point 30 bandwidths from the others: its own term is all of its grid row, and the
        // others' terms are below e^-450, so only an exact row gets its log right
        Random rnd = new Random(12);
        int count = 1500;
        double[] x = uniform(count, 1, rnd);
        double h = 0.02;
        x[0] = 1 + 30 * h;
        assertTrue(onGrid(1, x, new double[] {h}), "expected the grid path");
        double[] out = checked(1, x, new double[] {h}, logWeights(count, 1, rnd), GRID);
        assertTrue(out[0] < -440, "isolated row " + out[0]);
    }

    @Test
    void densePathMatchesTheDefinition() {
        Random rnd = new Random(13);
        int count = 1100;
        double[] x = uniform(count, 5, rnd);
        double[] h = new double[5];
        java.util.Arrays.fill(h, 0.29 * Math.pow(count, -1.0 / 9));
        assertTrue(!onGrid(5, x, h));
        checked(5, x, h, logWeights(count, 3, rnd), DENSE);
        // more than 64 rows per block: tiles computed in several groups of rows
        int many = 4500;
        double[] y = uniform(many, 4, rnd);
        double[] g = new double[4];
        java.util.Arrays.fill(g, 0.29 * Math.pow(many, -1.0 / 8));
        assertTrue(!onGrid(4, y, g));
        checked(4, y, g, logWeights(many, 3, rnd), DENSE);
    }

    @Test
    void densePathSumsFarPointsAndWideWeightsExactly() {
        Random rnd = new Random(14);
        int count = 700;
        double[] x = uniform(count, 4, rnd);
        double[] h = {0.05, 0.05, 0.05, 0.05};
        // 60 bandwidths away: every term of its row underflows the plain domain
        for (int k = 0; k < 4; k++) {
            x[5 * 4 + k] = 1 + 60 * h[k];
        }
        double[] out = checked(4, x, h, logWeights(count, 1, rnd), DENSE);
        assertTrue(out[5] < -1700, "far row " + out[5]);
        // log-weights spanning 400 nats: every row in the log domain
        checked(4, x, h, logWeights(count, 400, rnd), DENSE);
    }

    @Test
    void twoPointsGiveEachOthersTerm() {
        double[] x = {0.1, 0.2, 0.4, -0.2};
        double[] h = {0.5, 0.25};
        double[] logW = {-1.5, 0.75};
        double[] out = new double[2];
        LeaveOneOutGaussianSums.logSums(2, x, h, logW, 2, out);
        double q = 0.5 * (0.36 + 2.56);
        assertEquals(0.75 - q, out[0], 1e-11);
        assertEquals(-1.5 - q, out[1], 1e-11);
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        double[] x = {0, 1, 2};
        double[] h = {1};
        double[] w = {0, 0, 0};
        double[] out = new double[3];
        assertThrows(IllegalArgumentException.class, () -> LeaveOneOutGaussianSums.logSums(0, x, h, w, 1, out));
        assertThrows(IllegalArgumentException.class, () -> LeaveOneOutGaussianSums.logSums(1, x, h, w, 0, out));
        assertThrows(IllegalArgumentException.class,
                () -> LeaveOneOutGaussianSums.logSums(1, new double[] {0}, h, new double[1], 1, new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> LeaveOneOutGaussianSums.logSums(1, x, new double[] {0}, w, 1, out));
        assertThrows(IllegalArgumentException.class,
                () -> LeaveOneOutGaussianSums.logSums(1, x, h, new double[2], 1, out));
        assertThrows(IllegalArgumentException.class,
                () -> LeaveOneOutGaussianSums.logSums(1, new double[] {0, Double.NaN, 1}, h, w, 1, out));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeaveOneOutGaussianSums.logSums(1, x, h, new double[] {0, Double.NEGATIVE_INFINITY, 0}, 1, out));
        assertTrue(e.getMessage().contains("logWeights[1]"), e.getMessage());
    }
}
