package io.github.hopflow.wasserstein.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import org.junit.jupiter.api.Test;

/**
 * The paper's example (HNN paper, Sec. V-C): n = 2, the scaled Himmelblau function (59), T = 25,
 * tanh activations with β = ¼ (mobility 4βx(1 − x)), uniform ρ₀, t = 0.1, h = 10⁻⁴.
 *
 * <p>The maximum of the cell averages samples the four narrow peaks at the cell centres, so it
 * moves by O(Δ²) with the alignment of the grid (11.8718 at 160², 11.8682 at 240², 11.8635 at
 * 320²): it agrees between grids to a few 10⁻⁴, not better. Smooth functionals converge cleanly at
 * second order, the free energy among them (F(160²) − F(∞) ≈ −1.1·10⁻⁴).
 */
@org.junit.jupiter.api.Tag("slow")
class FokkerPlanckPaperExampleTest {

    private static FokkerPlanckSolution solve(int cells) {
        long start = System.nanoTime();
        FokkerPlanckSolver solver = FokkerPlanckSolver.builder().metric(HopfieldMetric.paperExample(2, 0.25))
                .objective(ScaledHimmelblau.of()).temperature(25).cellsPerAxis(cells).build();
        long built = System.nanoTime();
        FokkerPlanckState state = solver.start();
        FokkerPlanckSolution s = state.advanceTo(0.1);
        long end = System.nanoTime();
        System.out.printf("paper example %d², t = 0.1, h = %g: build %.2f s + solve %.2f s, %d steps, %d"
                + " factorisation (LU form %d entries), max %.8f, F %.8f, mass - 1 = %.1e, largest mass correction"
                + " %.1e%n", cells,
                solver.timeStep(), (built - start) * 1e-9, (end - built) * 1e-9, s.steps(), state.factorisations(),
                solver.factorNonZeros(), s.maxDensity(), s.freeEnergy(), s.mass() - 1, state.largestMassCorrection());
        assertEquals(1, state.factorisations());
        assertTrue(state.largestMassCorrection() < 1e-13, "mass correction " + state.largestMassCorrection());
        return s;
    }

    @Test
    void theDensityAtTimeOneTenthIsGridConverged() {
        // 160² first, so that its time is that of a fresh JVM (the JIT not yet warmed by the others)
        FokkerPlanckSolution s160 = solve(160);
        FokkerPlanckSolution s120 = solve(120);
        FokkerPlanckSolution s80 = solve(80);
        assertEquals(1000, s160.steps());
        assertEquals(0.1, s160.time(), 0);
        assertEquals(1, s160.mass(), 1e-12);
        // the transient maximum, against ρ∞'s 9.0
        assertEquals(11.9, s160.maxDensity(), 0.05);
        FokkerPlanckSolution inf = FokkerPlanckSolver.builder().metric(HopfieldMetric.paperExample(2, 0.25))
                .objective(ScaledHimmelblau.of()).temperature(25).cellsPerAxis(160).build().stationary(25);
        assertEquals(9.0, inf.maxDensity(), 0.05);
        // maxima: 120² against 160² within 1e-3 relative, 80² within 5e-3
        assertEquals(s160.maxDensity(), s120.maxDensity(), 1e-3 * s160.maxDensity());
        assertEquals(s160.maxDensity(), s80.maxDensity(), 5e-3 * s160.maxDensity());
        // the free energy converges at second order:
        // (F(120²) − F(80²)) : (F(160²) − F(120²)) = (1/80² − 1/120²) : (1/120² − 1/160²)
        double d1 = s120.freeEnergy() - s80.freeEnergy();
        double d2 = s160.freeEnergy() - s120.freeEnergy();
        double expected = (1.0 / 6400 - 1.0 / 14400) / (1.0 / 14400 - 1.0 / 25600);
        assertTrue(Math.abs(d1 / d2 / expected - 1) < 0.15, "free-energy differences " + d1 + ", " + d2
                + ": ratio " + d1 / d2 + ", second order gives " + expected);
        // log ρ at points: 120² and 160² agree to 5e-3. The difference is mostly the error
        // Δ²/8·|∂² log ρ| of the linear interpolation between centres, largest at the peaks:
        // (0.8, 0.7), (0.2, 0.8) and (0.1, 0.15) are near minimisers of f; at (0.1, 0.15) log ρ is
        // 2.31378 (120²), 2.31747 (160²), 2.32010 (240²), 2.32102 (320²), i.e. 2.3222 − 121/M²
        double[][] points = {{0.8, 0.7}, {0.5, 0.5}, {0.2, 0.8}, {0.1, 0.15}, {0.85, 0.3}, {0.3, 0.3}};
        for (double[] x : points) {
            double a = s120.logDensity(x);
            double b = s160.logDensity(x);
            assertEquals(b, a, 5e-3, "log density at (" + x[0] + ", " + x[1] + ")");
        }
        // ρ_t still differs from ρ∞ by −0.1 … +0.3 in log (docs/design.md §1)
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s160.grid().cellCount(); k++) {
            double d = Math.log(s160.cellDensity(k)) - Math.log(inf.cellDensity(k));
            lowest = Math.min(lowest, d);
            highest = Math.max(highest, d);
        }
        System.out.printf("log rho_0.1 - log rho_inf in [%.3f, %.3f]%n", lowest, highest);
        assertTrue(lowest > -0.2 && lowest < -0.05 && highest > 0.2 && highest < 0.4,
                "log rho_t - log rho_inf in [" + lowest + ", " + highest + "]");
    }
}
