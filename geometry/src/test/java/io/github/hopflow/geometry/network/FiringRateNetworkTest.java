package io.github.hopflow.geometry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.contraction.LogNorms;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The firing-rate network: the linear network's equilibrium (I − W)⁻¹Bu by a direct solve, the
 * contraction bound checked along trajectories, and the Perron-weighted bound of a non-negative W.
 */
class FiringRateNetworkTest {

    private static double[] randomMatrix(Random r, int rows, int columns, double scale) {
        double[] a = new double[rows * columns];
        for (int k = 0; k < a.length; k++) {
            a[k] = scale * r.nextGaussian();
        }
        return a;
    }

    @Test
    void theLinearNetworkReachesTheSolutionOfItsLinearSystem() {
        Random r = new Random(1);
        int n = 12;
        int m = 5;
        double[] w = randomMatrix(r, n, n, 0.4 / Math.sqrt(n));
        double[] b = randomMatrix(r, n, m, 1);
        double[] u = randomMatrix(r, m, 1, 1);
        FiringRateNetwork net = FiringRateNetwork.of(w, b, u, Transfer.IDENTITY);
        FiringRateNetwork.Run run = net.run(new double[n], 0.5, 1e-12, 100_000, 50);
        assertTrue(run.converged(), "residual " + run.residual());
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(i, j, (i == j ? 1 : 0) - w[i * n + j]);
            }
        }
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < m; k++) {
                s += b[i * m + k] * u[k];
            }
            rhs.set(i, 0, s);
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        assertTrue(CommonOps_DDRM.solve(a, rhs, x));
        for (int i = 0; i < n; i++) {
            assertEquals(x.get(i, 0), run.x()[i], 1e-10, "unit " + i);
        }
        // linear: the ℓ2 rate is exactly −1 + μ₂(W)
        assertEquals(-1 + LogNorms.mu2(w), net.contraction().l2Bound(), 1e-12);
    }

    @Test
    void trajectoriesApproachEachOtherAtTheInfinityNormRate() {
        Random r = new Random(2);
        int n = 20;
        double[] w = randomMatrix(r, n, n, 0.6 / n);
        double[] u = randomMatrix(r, n, 1, 1);
        FiringRateNetwork net = FiringRateNetwork.of(w, null, u, Transfer.TANH);
        double c = net.contraction().infinity();
        assertTrue(c < 0, "contracting: " + c);
        double h = 0.1;
        int steps = 200;
        FiringRateNetwork.Run a = net.run(randomMatrix(r, n, 1, 3), h, 1e-300, steps, steps + 1);
        FiringRateNetwork.Run b = net.run(randomMatrix(r, n, 1, 3), h, 1e-300, steps, steps + 1);
        double d0 = distance(a.states()[0], b.states()[0]);
        for (int k = 1; k <= steps; k++) {
            // the Euler map contracts by ‖I + hJ‖∞ = 1 + h·μ∞(J) ≤ 1 + hc for h ≤ 1
            double bound = Math.pow(1 + h * c, k) * d0;
            assertTrue(distance(a.states()[k], b.states()[k]) <= bound * (1 + 1e-12), "step " + k);
        }
        assertTrue(distance(a.x(), b.x()) < 1e-3 * d0);
    }

    private static double distance(double[] x, double[] y) {
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            d = Math.max(d, Math.abs(x[i] - y[i]));
        }
        return d;
    }

    @Test
    void perronWeightsGiveTheSpectralRadiusBoundForNonNegativeWeights() {
        // W = [[0, 2], [0.5, 0]]: ρ(W) = 1, Perron vector (2, 1)/2; unweighted μ∞(−I + W) = 1
        double[] w = {0, 2, 0.5, 0};
        FiringRateNetwork net = FiringRateNetwork.of(w, null, null, Transfer.LOGISTIC);
        FiringRateNetwork.Contraction c = net.contraction();
        assertEquals(1.0, c.weights()[0], 1e-6);
        assertEquals(0.5, c.weights()[1], 1e-6);
        assertEquals(-1 + 0.25 * 2, c.infinity(), 1e-12);
        assertEquals(-1 + 0.25 * 1, c.infinityWeighted(), 1e-6);
    }

    @Test
    void badNetworksAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiringRateNetwork.of(new double[3], null, null, Transfer.RELU));
        assertTrue(e.getMessage().contains("square"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FiringRateNetwork.of(new double[4], new double[5], new double[2], Transfer.RELU));
        assertTrue(e.getMessage().contains("not 2 x 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Transfer.byName("sigmoidal"));
        assertTrue(e.getMessage().contains("relu"), e.getMessage());
    }
}
