package io.github.hopflow.geometry.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The competitive network's equilibrium against FISTA on random instances (m = 64, n = 256,
 * 8-sparse positive truth, Gaussian dictionary with unit columns), and both against the
 * optimality conditions of the positive lasso.
 */
class CompetitiveNetworkTest {

    static PositiveLasso instance(long seed, int m, int n, int sparsity) {
        Random r = new Random(seed);
        double[] d = new double[m * n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                d[i * n + j] = r.nextGaussian();
                norm += d[i * n + j] * d[i * n + j];
            }
            for (int i = 0; i < m; i++) {
                d[i * n + j] /= Math.sqrt(norm);
            }
        }
        double[] truth = new double[n];
        for (int k = 0; k < sparsity; k++) {
            truth[r.nextInt(n)] = 0.5 + r.nextDouble();
        }
        double[] u = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                u[i] += d[i * n + j] * truth[j];
            }
            u[i] += 0.01 * r.nextGaussian();
        }
        return PositiveLasso.of(d, n, u, 0.05);
    }

    @Test
    void theEquilibriumIsTheLassoOptimum() {
        for (long seed = 1; seed <= 5; seed++) {
            PositiveLasso p = instance(seed, 64, 256, 8);
            Fista.Solution reference = Fista.solve(p, 1e-10, 200_000);
            assertTrue(reference.converged(), "FISTA residual " + reference.residual());
            CompetitiveNetwork.Equilibrium e = CompetitiveNetwork.of(p).run(0.5, 1e-9, 2_000_000, 100);
            assertTrue(e.converged(), "network residual " + e.residual());
            double relative = (e.objective() - reference.objective()) / reference.objective();
            assertTrue(Math.abs(relative) <= 1e-6, "seed " + seed + ": relative objective gap " + relative);
            // optimality: ∇g_j + λ = 0 on the support, ≥ 0 off it
            double[] g = new double[256];
            p.gradient(e.x(), new double[64], g);
            for (int j = 0; j < 256; j++) {
                if (e.x()[j] > 1e-8) {
                    assertEquals(-p.lambda(), g[j], 1e-6, "stationarity at " + j);
                } else {
                    assertTrue(g[j] + p.lambda() >= -1e-6, "dual feasibility at " + j + ": " + (g[j] + p.lambda()));
                }
            }
        }
    }

    @Test
    void theLipschitzConstantIsTheLargestEigenvalue() {
        // D = diag(3, 1) padded: DᵀD = diag(9, 1)
        PositiveLasso p = PositiveLasso.of(new double[] {3, 0, 0, 1, 0, 0}, 2, new double[] {1, 1, 0}, 0.1);
        assertEquals(9, p.lipschitz(), 1e-8);
    }

    @Test
    void theContractionBoundsAreTheLogNormsAtTheSlopeExtremes() {
        int m = 16;
        int n = 32;
        PositiveLasso p = instance(3, m, n, 3);
        CompetitiveNetwork net = CompetitiveNetwork.of(p);
        double[] rates = net.contraction();
        // W = I − ηDᵀD, formed here entry by entry
        double[] d = p.dictionary();
        double[][] w = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double g = 0;
                for (int i = 0; i < m; i++) {
                    g += d[i * n + a] * d[i * n + b];
                }
                w[a][b] = (a == b ? 1 : 0) - net.eta() * g;
            }
        }
        // ℓ∞: max over rows of the Jacobian −I + dW at d = 0 (−1) and d = 1
        double rowMax = -1;
        // ℓ1: columns of −I + W, and of −I + W − (I∘W) (diagonal of W removed)
        double colFull = Double.NEGATIVE_INFINITY;
        double colOff = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            double row = -1 + w[a][a];
            double col = -1 + w[a][a];
            for (int b = 0; b < n; b++) {
                if (b != a) {
                    row += Math.abs(w[a][b]);
                    col += Math.abs(w[b][a]);
                }
            }
            rowMax = Math.max(rowMax, row);
            colFull = Math.max(colFull, col);
            colOff = Math.max(colOff, col - w[a][a]);
        }
        assertEquals(Math.max(colFull, colOff), rates[0], 1e-12, "osLip_1");
        assertEquals(rowMax, rates[1], 1e-12, "osLip_inf");
    }

    @Test
    void badProblemsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PositiveLasso.of(new double[6], 2, new double[2], 0.1));
        assertTrue(e.getMessage().contains("not 2 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PositiveLasso.of(new double[4], 2, new double[2], 0));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PositiveLasso.of(new double[] {1, Double.NaN, 0, 1}, 2, new double[2], 1));
        assertTrue(e.getMessage().contains("(1, 2)"), e.getMessage());
    }
}
