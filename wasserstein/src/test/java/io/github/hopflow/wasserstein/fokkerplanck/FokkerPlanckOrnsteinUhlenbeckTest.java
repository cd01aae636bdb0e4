package io.github.hopflow.wasserstein.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.objective.Quadratic;
import org.junit.jupiter.api.Test;

/**
 * The solver against the Ornstein–Uhlenbeck closed form: Euclidean metric, f = a(x − c)²/2,
 * constant T, ρ₀ Gaussian with mean μ₀ and variance s₀². Then ρ_t is Gaussian with mean
 * c + (μ₀ − c)e^{−at} and variance T/a + (s₀² − T/a)e^{−2at}. The box c ± (10σ∞ + 1.5),
 * σ∞ = √(T/a), holds the mass to below 10⁻²⁰, so its reflecting faces do not matter.
 */
class FokkerPlanckOrnsteinUhlenbeckTest {

    private static final double STIFFNESS = 2;
    private static final double CENTRE = 0.5;
    private static final double TEMPERATURE = 0.5;
    private static final double MEAN0 = 2;
    private static final double SD0 = 0.4;
    private static final double HALF_WIDTH = 10 * Math.sqrt(TEMPERATURE / STIFFNESS) + 1.5;

    /** Errors of mean, variance and the L1 distance to the exact density, at each time. */
    private record Errors(double[] mean, double[] variance, double[] l1) {
    }

    private static double exactMean(double t) {
        return CENTRE + (MEAN0 - CENTRE) * Math.exp(-STIFFNESS * t);
    }

    private static double exactVariance(double t) {
        double stationary = TEMPERATURE / STIFFNESS;
        return stationary + (SD0 * SD0 - stationary) * Math.exp(-2 * STIFFNESS * t);
    }

    private static Errors run(int cells, double step, double... times) {
        FokkerPlanckSolver solver = FokkerPlanckSolver.builder().metric(EuclideanMetric.of(1))
                .objective(Quadratic.of(new double[] {CENTRE}, STIFFNESS)).temperature(TEMPERATURE)
                .cellsPerAxis(cells).timeStep(step).domain(CENTRE - HALF_WIDTH, CENTRE + HALF_WIDTH)
                .initialDensity(x -> Math.exp(-0.5 * (x[0] - MEAN0) * (x[0] - MEAN0) / (SD0 * SD0))).build();
        FokkerPlanckState state = solver.start();
        Errors e = new Errors(new double[times.length], new double[times.length], new double[times.length]);
        for (int i = 0; i < times.length; i++) {
            FokkerPlanckSolution s = state.advanceTo(times[i]);
            FokkerPlanckGrid g = s.grid();
            double vol = g.cellVolume();
            double mean = 0;
            for (int k = 0; k < g.cellCount(); k++) {
                mean += vol * g.centre(0, k) * s.cellDensity(k);
            }
            double variance = 0;
            double l1 = 0;
            double mu = exactMean(times[i]);
            double var = exactVariance(times[i]);
            for (int k = 0; k < g.cellCount(); k++) {
                double x = g.centre(0, k);
                variance += vol * (x - mean) * (x - mean) * s.cellDensity(k);
                double exact = Math.exp(-0.5 * (x - mu) * (x - mu) / var) / Math.sqrt(2 * Math.PI * var);
                l1 += vol * Math.abs(s.cellDensity(k) - exact);
            }
            assertEquals(1, s.mass(), 1e-12);
            e.mean()[i] = Math.abs(mean - mu);
            e.variance()[i] = Math.abs(variance - var);
            e.l1()[i] = l1;
        }
        return e;
    }

    private static void assertRatio(String what, double coarse, double fine, double expected) {
        double ratio = coarse / fine;
        assertTrue(ratio > 0.85 * expected && ratio < 1.15 * expected,
                what + ": error ratio " + ratio + " (" + coarse + " / " + fine + "), expected about " + expected);
    }

    @Test
    void meanVarianceAndDensityMatchTheClosedForm() {
        double[] times = {0.1, 0.5, 1.5};
        Errors e = run(400, 1e-4, times);
        for (int i = 0; i < times.length; i++) {
            System.out.printf("OU 400 cells, h = 1e-4, t = %.1f: |mean error| %.2e, |variance error| %.2e, L1 %.2e%n",
                    times[i], e.mean()[i], e.variance()[i], e.l1()[i]);
            assertTrue(e.mean()[i] < 5e-4, "mean error " + e.mean()[i] + " at t = " + times[i]);
            assertTrue(e.variance()[i] < 3e-4, "variance error " + e.variance()[i] + " at t = " + times[i]);
            assertTrue(e.l1()[i] < 1.5e-3, "L1 error " + e.l1()[i] + " at t = " + times[i]);
        }
    }

    @Test
    void theErrorIsSecondOrderInSpace() {
        // h small enough that the time error (about 1e-5 here) is a few per cent of the space error
        double[] errorsMean = new double[3];
        double[] errorsVariance = new double[3];
        double[] errorsL1 = new double[3];
        int[] cells = {50, 100, 200};
        for (int j = 0; j < cells.length; j++) {
            Errors e = run(cells[j], 1e-5, 0.5);
            errorsMean[j] = e.mean()[0];
            errorsVariance[j] = e.variance()[0];
            errorsL1[j] = e.l1()[0];
            System.out.printf("OU t = 0.5, %3d cells, h = 1e-5: |mean error| %.3e, |variance error| %.3e, L1 %.3e%n",
                    cells[j], errorsMean[j], errorsVariance[j], errorsL1[j]);
        }
        for (int j = 0; j + 1 < cells.length; j++) {
            assertRatio("mean, " + cells[j] + " -> " + cells[j + 1] + " cells", errorsMean[j], errorsMean[j + 1], 4);
            assertRatio("variance, " + cells[j] + " -> " + cells[j + 1] + " cells", errorsVariance[j],
                    errorsVariance[j + 1], 4);
            assertRatio("L1, " + cells[j] + " -> " + cells[j + 1] + " cells", errorsL1[j], errorsL1[j + 1], 4);
        }
    }

    @Test
    void theErrorIsFirstOrderInTime() {
        // 2000 cells: the space error (about 1.6e-5) is a few per cent of the time error
        double[] steps = {0.02, 0.01, 0.005};
        double[] errorsMean = new double[3];
        double[] errorsVariance = new double[3];
        double[] errorsL1 = new double[3];
        for (int j = 0; j < steps.length; j++) {
            Errors e = run(2000, steps[j], 0.5);
            errorsMean[j] = e.mean()[0];
            errorsVariance[j] = e.variance()[0];
            errorsL1[j] = e.l1()[0];
            System.out.printf("OU t = 0.5, 2000 cells, h = %.3f: |mean error| %.3e, |variance error| %.3e, L1 %.3e%n",
                    steps[j], errorsMean[j], errorsVariance[j], errorsL1[j]);
        }
        for (int j = 0; j + 1 < steps.length; j++) {
            assertRatio("mean, h = " + steps[j] + " -> " + steps[j + 1], errorsMean[j], errorsMean[j + 1], 2);
            assertRatio("variance, h = " + steps[j] + " -> " + steps[j + 1], errorsVariance[j], errorsVariance[j + 1],
                    2);
            assertRatio("L1, h = " + steps[j] + " -> " + steps[j + 1], errorsL1[j], errorsL1[j + 1], 2);
        }
    }
}
