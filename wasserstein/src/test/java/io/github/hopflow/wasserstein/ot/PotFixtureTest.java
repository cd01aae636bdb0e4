package io.github.hopflow.wasserstein.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.sde.cloud.MassCloud;
import io.github.hopflow.wasserstein.Fixtures;
import org.junit.jupiter.api.Test;

class PotFixtureTest {

    private static final JsonNode F = Fixtures.read("ot_reference_pot.json");

    private static MassCloud cloud(String x, String w) {
        return MassCloud.of(2, Fixtures.flat(F.get(x)), Fixtures.vector(F.get(w)));
    }

    private static WassersteinDistance wg() {
        return WassersteinDistance.of(HopfieldMetric.paperExample(2, F.get("beta_activation").asDouble()));
    }

    @Test
    void exactTransportMatchesEmd2() {
        ExactTransportResult r = wg().exact(cloud("xa", "a"), cloud("xb", "b"));
        double expected = F.get("emd2_exact_W2_squared").asDouble();
        System.out.printf("exact W_G^2 = %.15f, POT emd2 = %.15f, |diff| = %.2e, pivots %d%n",
                r.cost(), expected, Math.abs(r.cost() - expected), r.pivots());
        assertEquals(expected, r.cost(), 1e-9);
        // the plan's marginals
        double[] a = Fixtures.vector(F.get("a"));
        double[] b = Fixtures.vector(F.get("b"));
        double[] ra = new double[a.length];
        double[] cb = new double[b.length];
        for (int k = 0; k < r.planSize(); k++) {
            ra[r.planRow(k)] += r.planMass(k);
            cb[r.planColumn(k)] += r.planMass(k);
        }
        for (int j = 0; j < a.length; j++) {
            assertEquals(a[j], ra[j], 1e-12);
        }
        for (int i = 0; i < b.length; i++) {
            assertEquals(b[i], cb[i], 1e-12);
        }
    }

    @Test
    void sinkhornMatchesPotForEachEpsilon() {
        for (Sinkhorn.Domain domain : Sinkhorn.Domain.values()) {
            for (JsonNode s : F.get("sinkhorn")) {
                double eps = s.get("reg").asDouble();
                Sinkhorn solver = Sinkhorn.builder().epsilon(eps).tolerance(1e-12).domain(domain).build();
                SinkhornResult r = wg().entropic(cloud("xa", "a"), cloud("xb", "b"), solver);
                double cost = s.get("linear_cost").asDouble();
                double obj = s.get("objective_with_entropy").asDouble();
                System.out.printf("%s eps=%g: cost %.12f (POT %.12f, diff %.1e), objective diff %.1e, "
                        + "row/col marginal errors %.1e/%.1e, iterations %d, stages %d%n",
                        domain, eps, r.cost(), cost, Math.abs(r.cost() - cost), Math.abs(r.objective() - obj),
                        r.rowMarginalError(), r.columnMarginalError(), r.iterations(), r.stages());
                assertTrue(r.converged(), r.toString());
                assertEquals(cost, r.cost(), 1e-6);
                assertEquals(obj, r.objective(), 1e-6);
                assertTrue(r.rowMarginalError() < 1e-9, "row marginal error " + r.rowMarginalError());
                assertTrue(r.columnMarginalError() < 1e-9, "column marginal error " + r.columnMarginalError());
            }
        }
    }
}
