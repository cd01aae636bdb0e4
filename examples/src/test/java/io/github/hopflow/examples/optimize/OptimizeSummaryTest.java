package io.github.hopflow.examples.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizeSummaryTest {

    private static RunResult run(int k, long evaluations, long toTarget) {
        return new RunResult("quadratic", 2, "random", k, 0.1, 0.1, evaluations, toTarget, evaluations, 0, 0.0, Double.NaN,
                new double[] {0.5, 0.5});
    }

    @Test
    void statisticsFollowTheirDefinitions() {
        Summary.Stats s = Summary.Stats.of(List.of(run(0, 100, 100), run(1, 1000, -1), run(2, 40, 40),
                run(3, 70, 70), run(4, 1000, -1)));
        assertEquals(5, s.runs());
        assertEquals(3, s.successes());
        assertEquals(0.6, s.successRate(), 1e-15);
        assertEquals(70, s.medianEvaluationsToTarget(), 0);
        assertEquals((100 + 1000 + 40 + 70 + 1000) / 3.0, s.averageRunningTime(), 1e-12);
        assertEquals(2210, s.totalEvaluations());
        Summary.Stats none = Summary.Stats.of(List.of(run(0, 10, -1)));
        assertTrue(Double.isNaN(none.medianEvaluationsToTarget()));
        assertTrue(none.toMap().get("median_evaluations_to_target") == null);
        assertEquals(55, Summary.median(new double[] {70, 40}), 0);
    }

    @Test
    void theEcdfIsAStepFunctionFromZeroToTheSolvedFraction() {
        double[][] c = EcdfChart.curve(new long[] {300, 20}, 4, 1000);
        assertArrayEquals(new double[] {1, 20, 20, 300, 300, 1000}, c[0], 0);
        assertArrayEquals(new double[] {0, 0, 0.25, 0.25, 0.5, 0.5}, c[1], 0);
    }
}
