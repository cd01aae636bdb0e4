package io.github.hopflow.examples.optimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The density-driven diffusion search against the same annealed cloud without its density: on
 * Ackley in 5 dimensions (budget 20000, target 10⁻³, 10 runs, fixed seeds, so the counts are exact
 * and the test cannot flake) the birth–death resampling is what finds the global basin.
 */
class DiffusionSearchTest {

    private static long solved(Optimizer method) {
        Experiment e = Experiment.of(List.of(Problem.of("ackley", 5)), List.of(method), 10, 20000, 1e-3, 1,
                GradientCost.AUTO);
        return e.run(2, null, null).stream().filter(RunResult::solved).count();
    }

    @Test
    void theDensityValuesFindTheGlobalBasin() {
        DiffusionSearch.Settings d = DiffusionSearch.Settings.defaults();
        long withValues = solved(DiffusionSearch.of(d));
        long without = solved(DiffusionSearch.of(new DiffusionSearch.Settings(d.particles(), d.cycleSteps(),
                d.temperatureFactor(), d.finalRatio(), 0, d.initialStep(), d.beta())));
        long langevin = solved(ParticleSearch.langevin(ParticleSearch.Settings.defaults()));
        assertTrue(withValues >= 9, "diffusion solved " + withValues + "/10");
        assertTrue(without <= 6, "without resampling " + without + "/10");
        assertTrue(langevin <= 2, "langevin " + langevin + "/10");
    }
}
