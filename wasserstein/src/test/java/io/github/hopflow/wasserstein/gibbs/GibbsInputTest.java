package io.github.hopflow.wasserstein.gibbs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.wasserstein.kernel.DenseGibbsKernel;
import org.junit.jupiter.api.Test;

/** Non-finite input is refused with the point named, never answered with NaN; sizes past a limit say so. */
class GibbsInputTest {

    private final Objective f = ScaledHimmelblau.of();

    @Test
    void theFreeEnergyRefusesNonFinitePositions() {
        double[] x = {0.2, 0.3, Double.NaN, 0.5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FreeEnergy.estimate(f, 25, x, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("point 1"), e.getMessage());
    }

    @Test
    void theGibbsDensityRefusesNonFinitePoints() {
        GibbsDensity g = GibbsDensity.of(f, 25, LogPartition.known(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.logDensity(new double[] {0.2, Double.NaN}, 0));
        assertTrue(e.getMessage().contains("x[1]"), e.getMessage());
        assertTrue(Double.isFinite(g.logDensity(new double[] {0.2, 0.4}, 0)));
    }

    @Test
    void aDenseKernelTooLargeForAJavaArrayStatesTheLimit() {
        double[] u = new double[50_000];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseGibbsKernel.of(1, u, u, 1, 1));
        assertTrue(e.getMessage().contains("50000 × 50000") && e.getMessage().contains("2^31"), e.getMessage());
    }
}
