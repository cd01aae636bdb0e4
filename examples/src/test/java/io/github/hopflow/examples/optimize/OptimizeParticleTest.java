package io.github.hopflow.examples.optimize;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizeParticleTest {

    private static long solved(Optimizer method, int runs, long budget) {
        List<RunResult> rs = Experiment.of(List.of(Problem.of("himmelblau", 2)), List.of(method), runs, budget, 1e-3,
                2024, GradientCost.AUTO).run(2, null, null);
        return rs.stream().filter(RunResult::solved).count();
    }

    @Test
    void langevinSolvesThePapersHimmelblauInMostRuns() {
        long ok = solved(ParticleSearch.langevin(ParticleSearch.Settings.defaults()), 10, 10000);
        assertTrue(ok >= 7, ok + " of 10 runs solved");
    }

    @Test
    void diffusionSolvesThePapersHimmelblauInMostRunsAndReportsItsDensityMode() {
        List<RunResult> rs = Experiment.of(List.of(Problem.of("himmelblau", 2)),
                List.of(ParticleSearch.paper(ParticleSearch.Settings.defaults())), 10, 10000, 1e-3, 2024,
                GradientCost.AUTO).run(2, null, null);
        long ok = rs.stream().filter(RunResult::solved).count();
        assertTrue(ok >= 7, ok + " of 10 runs solved");
        for (RunResult r : rs) {
            assertTrue(!Double.isNaN(r.estimateError()) && r.estimateError() >= r.error(), r.toString());
        }
    }

    @Test
    void withoutAnnealingTheCloudStaysTooHotToMeetTheTarget() {
        // the same machine at (almost) constant temperature T0: the target is met far less often,
        // which shows that the annealing, not the budget alone, solves the problem
        ParticleSearch.Settings hot = new ParticleSearch.Settings(40, 3e-4, 0.2, 0.999,
                ParticleSearch.Annealing.EXPONENTIAL, 0.25, 0.01);
        long ok = solved(ParticleSearch.langevin(hot), 10, 10000);
        assertTrue(ok <= 3, ok + " of 10 runs solved");
    }

    @Test
    void badSettingsAreRejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ParticleSearch.Settings(0,
                3e-4, 0.2, 1e-6, ParticleSearch.Annealing.EXPONENTIAL, 0.25, 0.01));
        assertTrue(e.getMessage().contains("particles"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ParticleSearch.Settings(10, 3e-4, 0.2, 1.5,
                ParticleSearch.Annealing.EXPONENTIAL, 0.25, 0.01));
        assertTrue(e.getMessage().contains("finalRatio") && e.getMessage().contains("1.5"), e.getMessage());
    }
}
