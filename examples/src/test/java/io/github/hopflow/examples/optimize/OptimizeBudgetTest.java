package io.github.hopflow.examples.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OptimizeBudgetTest {

    /** Σ x_i² on [0,1]^3 without an analytic gradient. */
    private static final Objective SPHERE = new Objective() {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public String name() {
            return "sphere";
        }

        @Override
        public double value(double[] x, int offset) {
            return x[offset] * x[offset] + x[offset + 1] * x[offset + 1] + x[offset + 2] * x[offset + 2];
        }

        @Override
        public OptionalDouble globalMinimum() {
            return OptionalDouble.of(0);
        }
    };

    @Test
    void valuesCostOneAndTheBudgetIsNeverExceeded() {
        BudgetedObjective f = BudgetedObjective.of(SPHERE, 5, GradientCost.AUTO, 1e-3, null);
        double[] x = {0.5, 0.5, 0.5};
        for (int i = 0; i < 5; i++) {
            f.value(x);
        }
        assertEquals(5, f.used());
        SearchStopped s = assertThrows(SearchStopped.class, () -> f.value(x));
        assertEquals(SearchStopped.Reason.BUDGET, s.reason());
        assertEquals(5, f.used());
        assertEquals(5, f.valueEvaluations());
        assertEquals(0.75, f.bestValue(), 0);
    }

    @Test
    void aFiniteDifferenceGradientIsMadeOfChargedEvaluations() {
        BudgetedObjective f = BudgetedObjective.of(SPHERE, 8, GradientCost.AUTO, 1e-3, null);
        assertEquals(6, f.gradientCharge());
        double[] x = {0.5, 0.25, 0.125};
        double[] g = new double[3];
        f.gradient(x, g);
        assertEquals(6, f.used());
        assertEquals(6, f.valueEvaluations());
        assertEquals(1.0, g[0], 1e-8);
        assertEquals(0.5, g[1], 1e-8);
        assertEquals(0.25, g[2], 1e-8);
        // two units left: the next gradient spends them on its first two evaluations and is refused
        assertThrows(SearchStopped.class, () -> f.gradient(x, g));
        assertEquals(8, f.used());
        assertEquals(8, f.valueEvaluations());
        assertEquals(1, f.gradientEvaluations());
        assertArrayEquals(new double[] {0.5, 0.25, 0.125}, x, "the point is restored");
    }

    @Test
    void anAnalyticGradientCostsOneUnlessEveryGradientIsChargedN() {
        Objective h = Objectives.byName("himmelblau", 2);
        assertTrue(h.hasAnalyticGradient());
        assertEquals(1, BudgetedObjective.of(h, 10, GradientCost.AUTO, 1e-3, null).gradientCharge());
        assertEquals(2, BudgetedObjective.of(h, 10, GradientCost.DIMENSION, 1e-3, null).gradientCharge());
        assertTrue(GradientCost.AUTO.describe(h).startsWith("analytic"));
        assertTrue(GradientCost.AUTO.describe(SPHERE).startsWith("finite-difference"));
    }

    @Test
    void reachingTheTargetRecordsTheEvaluationsAndStops() {
        BudgetedObjective f = BudgetedObjective.of(SPHERE, 100, GradientCost.AUTO, 0.01, null);
        f.value(new double[] {0.5, 0.5, 0.5});
        f.gradient(new double[] {0.5, 0.5, 0.5}, new double[3]);
        assertFalse(f.evaluationsToTarget().isPresent());
        SearchStopped s = assertThrows(SearchStopped.class, () -> f.value(new double[] {0.05, 0.05, 0.05}));
        assertEquals(SearchStopped.Reason.TARGET, s.reason());
        assertEquals(8, f.evaluationsToTarget().getAsLong());
        assertEquals(0.0075, f.error(), 1e-15);
        assertEquals(0.05, f.bestPoint()[2], 0);
    }

    @Test
    void cancellationStopsBeforeTheNextEvaluation() {
        boolean[] cancel = {false};
        BudgetedObjective f = BudgetedObjective.of(SPHERE, 100, GradientCost.AUTO, 1e-3, () -> cancel[0]);
        f.value(new double[] {0.5, 0.5, 0.5});
        cancel[0] = true;
        SearchStopped s = assertThrows(SearchStopped.class, () -> f.value(new double[] {0.5, 0.5, 0.5}));
        assertEquals(SearchStopped.Reason.CANCELLED, s.reason());
        assertEquals(1, f.used());
    }

    @Test
    void badArgumentsAreRejectedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BudgetedObjective.of(SPHERE, 0, GradientCost.AUTO, 1e-3, null));
        assertTrue(e.getMessage().contains("budget") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BudgetedObjective.of(SPHERE, 10, GradientCost.AUTO, -1, null));
        assertTrue(e.getMessage().contains("target") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCost.parse("cheap"));
        assertTrue(e.getMessage().contains("cheap"), e.getMessage());
    }
}
