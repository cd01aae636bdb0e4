package io.github.hopflow.wasserstein.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.sde.cloud.MassCloud;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransportPropertiesTest {

    private static MassCloud randomCloud(Random r, int count, int n) {
        double[] x = new double[count * n];
        double[] w = new double[count];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        for (int i = 0; i < count; i++) {
            w[i] = 0.5 + r.nextDouble();
        }
        return MassCloud.of(n, x, w);
    }

    @Test
    void exactMatchesTheBestPermutationForUniformWeights() {
        Random r = new Random(3);
        int m = 6;
        for (int trial = 0; trial < 5; trial++) {
            double[] c = new double[m * m];
            for (int k = 0; k < c.length; k++) {
                c[k] = r.nextDouble();
            }
            double[] a = new double[m];
            java.util.Arrays.fill(a, 1.0 / m);
            double best = bestPermutation(c, m, new int[m], new boolean[m], 0, 0.0);
            ExactTransportResult res = ExactTransport.solve(m, m, c, a, a.clone());
            assertEquals(best / m, res.cost(), 1e-14);
        }
    }

    private static double bestPermutation(double[] c, int m, int[] perm, boolean[] used, int row, double acc) {
        if (row == m) {
            return acc;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            if (!used[i]) {
                used[i] = true;
                best = Math.min(best, bestPermutation(c, m, perm, used, row + 1, acc + c[row * m + i]));
                used[i] = false;
            }
        }
        return best;
    }

    @Test
    void exactDistanceSatisfiesTheTriangleInequalityAndVanishesOnIdenticalClouds() {
        Random r = new Random(5);
        WassersteinDistance wg = WassersteinDistance.of(HopfieldMetric.paperExample(2, 0.25));
        for (int trial = 0; trial < 10; trial++) {
            MassCloud p = randomCloud(r, 30 + r.nextInt(20), 2);
            MassCloud q = randomCloud(r, 30 + r.nextInt(20), 2);
            MassCloud s = randomCloud(r, 30 + r.nextInt(20), 2);
            double pq = wg.exact(p, q).distance();
            double qs = wg.exact(q, s).distance();
            double ps = wg.exact(p, s).distance();
            assertTrue(ps <= pq + qs + 1e-12, ps + " > " + pq + " + " + qs);
            assertTrue(pq <= ps + qs + 1e-12);
            assertTrue(qs <= pq + ps + 1e-12);
            assertEquals(0.0, wg.exact(p, p).cost(), 1e-14);
            assertEquals(pq, wg.exact(q, p).distance(), 1e-12);
        }
    }

    @Test
    void exactHandlesFewHundredPoints() {
        Random r = new Random(9);
        WassersteinDistance wg = WassersteinDistance.of(EuclideanMetric.of(3));
        MassCloud p = randomCloud(r, 300, 3);
        MassCloud q = randomCloud(r, 250, 3);
        ExactTransportResult res = wg.exact(p, q);
        // dual feasibility certifies optimality: u_j + v_i <= C(j, i), with equality on the plan
        double[] u = res.rowPotentials();
        double[] v = res.columnPotentials();
        double dual = 0;
        double[] wp = p.masses();
        double[] wq = q.masses();
        double worst = 0;
        for (int j = 0; j < p.size(); j++) {
            dual += wp[j] * u[j];
            for (int i = 0; i < q.size(); i++) {
                double c = 0;
                for (int k = 0; k < 3; k++) {
                    double d = p.coordinate(j, k) - q.coordinate(i, k);
                    c += d * d;
                }
                worst = Math.max(worst, u[j] + v[i] - c);
            }
        }
        for (int i = 0; i < q.size(); i++) {
            dual += wq[i] * v[i];
        }
        System.out.printf("exact OT 300 x 250: cost %.12f, dual %.12f, pivots %d, max dual violation %.1e%n",
                res.cost(), dual, res.pivots(), worst);
        assertTrue(worst < 1e-12);
        assertEquals(res.cost(), dual, 1e-10);
    }

    @Test
    void sinkhornDivergenceIsNonNegativeAndZeroForIdenticalClouds() {
        Random r = new Random(11);
        WassersteinDistance wg = WassersteinDistance.of(HopfieldMetric.paperExample(2, 0.25));
        Sinkhorn solver = Sinkhorn.builder().epsilon(0.05).tolerance(1e-11).build();
        for (int trial = 0; trial < 5; trial++) {
            MassCloud p = randomCloud(r, 40, 2);
            MassCloud q = randomCloud(r, 50, 2);
            SinkhornDivergence d = wg.divergence(p, q, solver);
            assertTrue(d.converged(), d.crossTerm() + " / " + d.selfTermA() + " / " + d.selfTermB());
            assertTrue(d.value() > 0, "divergence " + d.value());
            assertEquals(0.0, wg.divergence(p, p, solver).value(), 0.0);
        }
    }

    @Test
    void warmStartReusesPotentials() {
        Random r = new Random(13);
        WassersteinDistance wg = WassersteinDistance.of(HopfieldMetric.paperExample(2, 0.25));
        MassCloud p = randomCloud(r, 60, 2);
        MassCloud q = randomCloud(r, 70, 2);
        Sinkhorn solver = Sinkhorn.builder().epsilon(0.01).tolerance(1e-10).build();
        SinkhornResult cold = wg.entropic(p, q, solver);
        double[] up = io.github.hopflow.wasserstein.cost.IsometricCloud.toIsometric(wg.metric(), "p", p.positions());
        double[] uq = io.github.hopflow.wasserstein.cost.IsometricCloud.toIsometric(wg.metric(), "q", q.positions());
        SinkhornResult warm = solver.solve(2, up, p.masses(), uq, q.masses(),
                cold.rowPotentials(), cold.columnPotentials());
        assertTrue(warm.iterations() <= 1, "warm start took " + warm.iterations() + " iterations");
        assertEquals(cold.objective(), warm.objective(), 1e-9);
        SinkhornResult noScaling = Sinkhorn.builder().epsilon(0.01).tolerance(1e-10).epsilonScaling(false).build()
                .solve(2, up, p.masses(), uq, q.masses());
        assertEquals(cold.objective(), noScaling.objective(), 1e-8);
        System.out.printf("Sinkhorn eps=0.01 60x70: %d iterations with eps-scaling (%d stages), %d without%n",
                cold.iterations(), cold.stages(), noScaling.iterations());
    }

    @Test
    void nonConvergenceIsFlaggedWithDiagnostics() {
        Random r = new Random(17);
        WassersteinDistance wg = WassersteinDistance.of(HopfieldMetric.paperExample(2, 0.25));
        SinkhornResult res = wg.entropic(randomCloud(r, 30, 2), randomCloud(r, 30, 2),
                Sinkhorn.builder().epsilon(0.001).maxIterations(3).build());
        assertTrue(!res.converged());
        assertEquals(3, res.iterations());
        assertTrue(Double.isFinite(res.marginalError()) && res.marginalError() > res.tolerance());
        assertTrue(Double.isFinite(res.cost()));
    }

    @Test
    void badInputIsRejectedWithTheParameterNamed() {
        Random r = new Random(19);
        WassersteinDistance wg = WassersteinDistance.of(HopfieldMetric.paperExample(2, 0.25));
        MassCloud p = randomCloud(r, 5, 2);
        assertMessage(() -> Sinkhorn.of(0.0), "eps");
        assertMessage(() -> Sinkhorn.of(-1), "eps");
        assertMessage(() -> Sinkhorn.of(Double.NaN), "eps");
        MassCloud outside = MassCloud.of(2, new double[] {0.5, 1.5}, new double[] {1});
        assertMessage(() -> wg.exact(p, outside), "outside the domain");
        assertMessage(() -> wg.entropic(p, MassCloud.of(3, new double[] {0.1, 0.2, 0.3}, new double[] {1}),
                Sinkhorn.of(0.1)), "dimension");
        Sinkhorn s = Sinkhorn.of(0.1);
        assertMessage(() -> s.solve(1, new double[] {0, 1}, new double[] {0.5, 0.5}, new double[] {0},
                new double[] {0.7}), "total masses");
        assertMessage(() -> s.solve(1, new double[] {0, 1}, new double[] {0.5, -0.5}, new double[] {0},
                new double[] {0}), "a[1]");
        assertMessage(() -> s.solve(1, new double[] {0, 1}, new double[] {0.5, Double.NaN}, new double[] {0},
                new double[] {1}), "a[1]");
        assertMessage(() -> s.solve(1, new double[] {0, 1}, new double[] {1}, new double[] {0}, new double[] {1}),
                "a must have");
        assertMessage(() -> ExactTransport.solve(1, 1, new double[] {1}, new double[] {0}, new double[] {1}), "a[0]");
        assertMessage(() -> ExactTransport.solve(1, 2, new double[] {1}, new double[] {1}, new double[] {1, 1}), "cost");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String fragment) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' lacks '" + fragment + "'");
    }
}
