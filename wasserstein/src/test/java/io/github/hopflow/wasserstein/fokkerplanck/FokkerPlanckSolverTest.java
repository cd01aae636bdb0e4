package io.github.hopflow.wasserstein.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.activation.LogisticActivation;
import io.github.hopflow.geometry.activation.ScaledTanhActivation;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.DoubleWell;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Quadratic;
import io.github.hopflow.geometry.objective.Rastrigin;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.sde.TemperatureSchedule;
import io.github.hopflow.wasserstein.gibbs.LogPartition;
import io.github.hopflow.wasserstein.gibbs.PartitionFunction;
import org.junit.jupiter.api.Test;

/**
 * The discrete stationary state, mass and positivity, the free energy, interpolation and the
 * Bernoulli function of the finite-volume Fokker–Planck solver.
 */
class FokkerPlanckSolverTest {

    private static final double T_PAPER = 25;

    private static FokkerPlanckSolver.Builder paperExample(int cells) {
        return FokkerPlanckSolver.builder().metric(HopfieldMetric.paperExample(2, 0.25))
                .objective(ScaledHimmelblau.of()).temperature(T_PAPER).cellsPerAxis(cells);
    }

    /** max_k |(Aπ)_k| / max_k (|A||π|)_k for π_k = exp(−(f_k − f_min)/T). */
    private static double stationaryResidual(FokkerPlanckSolver solver, double temperature) {
        double[] pi = solver.stationary(temperature).densities();
        double[] rate = new double[pi.length];
        solver.applyOperator(temperature, pi, rate);
        ScharfetterGummelOperator op = solver.operator();
        double[][] forward = op.newRateArray();
        double[][] backward = op.newRateArray();
        op.rates(temperature, forward, backward);
        double[] scale = new double[pi.length];
        op.applyAbsolute(forward, backward, pi, scale);
        double residual = 0;
        double norm = 0;
        for (int k = 0; k < pi.length; k++) {
            residual = Math.max(residual, Math.abs(rate[k]));
            norm = Math.max(norm, scale[k]);
        }
        assertTrue(norm > 0, "the operator must not vanish");
        return residual / norm;
    }

    @Test
    void theDiscreteGibbsStateIsStationaryToRoundOffForAnyActivationAndDimension() {
        record Case(String name, DiagonalMetric metric, Objective f, double temperature, int cells, double lo,
                double hi) {
        }
        Case[] cases = {
            new Case("paper example 2-D", HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), 25, 80, 0, 1),
            new Case("paper example at T = 1", HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), 1, 40, 0,
                    1),
            new Case("logistic and tanh, 2-D double well",
                    HopfieldMetric.of(LogisticActivation.of(3), ScaledTanhActivation.of(0.7)), DoubleWell.of(2), 0.2,
                    50, 0, 1),
            new Case("logistic 1-D Rastrigin", HopfieldMetric.of(LogisticActivation.of(2)), Rastrigin.of(1), 0.5, 300,
                    0, 1),
            new Case("3-D tanh double well", HopfieldMetric.paperExample(3, 0.5), DoubleWell.of(3), 0.3, 12, 0, 1),
            new Case("Euclidean 1-D quadratic", EuclideanMetric.of(1), Quadratic.of(new double[] {0.3}, 2), 0.5, 200,
                    -4, 4),
            new Case("Euclidean 3-D quadratic", EuclideanMetric.of(3), Quadratic.of(new double[] {0.1, -0.2, 0.3}, 1),
                    0.7, 10, -3, 3),
        };
        for (Case c : cases) {
            FokkerPlanckSolver.Builder b = FokkerPlanckSolver.builder().metric(c.metric()).objective(c.f())
                    .temperature(c.temperature()).cellsPerAxis(c.cells());
            if (c.metric() instanceof EuclideanMetric) {
                b.domain(c.lo(), c.hi());
            }
            FokkerPlanckSolver solver = b.build();
            double r = stationaryResidual(solver, c.temperature());
            System.out.printf("stationary residual %-36s %.2e%n", c.name(), r);
            assertTrue(r < 1e-14, c.name() + ": relative residual " + r);
        }
        // and a state that is not stationary is not: the uniform density
        FokkerPlanckSolver solver = paperExample(40).build();
        double[] uniform = solver.initial().densities();
        double[] rate = new double[uniform.length];
        solver.applyOperator(T_PAPER, uniform, rate);
        double max = 0;
        for (double v : rate) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 1, "A·uniform = " + max);
    }

    /** Diagonal entries &gt; 0, off-diagonal ≤ 0: the triangular solves then keep ρ ≥ 0 exactly. */
    private static void assertMMatrixSigns(org.ejml.data.DMatrixSparseCSC m, String what) {
        for (int col = 0; col < m.numCols; col++) {
            for (int p = m.col_idx[col]; p < m.col_idx[col + 1]; p++) {
                double v = m.nz_values[p];
                if (m.nz_rows[p] == col) {
                    assertTrue(v > 0, what + ": diagonal " + v);
                } else {
                    assertTrue(v <= 0, what + ": off-diagonal " + v);
                }
            }
        }
    }

    @Test
    void bothFactorisationsOfAStepHaveTheSignPatternThatKeepsTheDensityPositiveAndAgree() {
        for (double temperature : new double[] {25, 2, 0.5, 0}) {
            FokkerPlanckSolver solver = paperExample(32).temperature(temperature).build();
            ScharfetterGummelOperator op = solver.operator();
            // (max f − min f)/(2T) = 436 at T = 2 allows the symmetric form, 872 at T = 0.5 does not
            boolean symmetric = StepFactorisation.symmetric(op, temperature);
            assertEquals(temperature >= 2, symmetric, "Cholesky form at T = " + temperature);
            double[] rho = solver.initial().densities();
            for (double h : new double[] {1e-5, 1e-2, 10}) {
                String what = "T = " + temperature + ", h = " + h;
                StepFactorisation lu = StepFactorisation.lu(op, temperature, h, solver.order(), solver.position());
                assertTrue(!lu.pivoted(), "rows exchanged: " + what);
                assertEquals(solver.factorNonZeros(), lu.factorNonZeros(), "symbolic and numeric LU sizes");
                assertMMatrixSigns(lu.lower(), "L of the LU, " + what);
                assertMMatrixSigns(lu.upper(), "U of the LU, " + what);
                double[] x = new double[rho.length];
                lu.solve(rho, x);
                if (symmetric) {
                    StepFactorisation chol = StepFactorisation.cholesky(op, temperature, h, solver.order(),
                            solver.position());
                    assertTrue(chol.isCholesky());
                    assertEquals(solver.factorNonZeros() / 2, chol.factorNonZeros(), "Cholesky size");
                    assertMMatrixSigns(chol.lower(), "Cholesky factor, " + what);
                    double[] y = new double[rho.length];
                    chol.solve(rho, y);
                    double difference = 0;
                    for (int k = 0; k < rho.length; k++) {
                        difference = Math.max(difference, Math.abs(x[k] - y[k]) / x[k]);
                    }
                    System.out.printf("LU and Cholesky steps, %s: largest relative difference %.1e%n", what,
                            difference);
                    // round-off, times the condition number of I − hA (about 10⁷ at h = 10)
                    assertTrue(difference < (h > 1 ? 1e-10 : 1e-13), "LU and Cholesky differ by " + difference
                            + ", " + what);
                }
            }
        }
    }

    @Test
    void aLongSolveFromTheUniformDensityConvergesToTheDiscreteGibbsState() {
        FokkerPlanckSolver solver = paperExample(40).timeStep(0.01).build();
        double[] stationary = solver.stationary(T_PAPER).densities();
        FokkerPlanckState state = solver.start();
        double previous = Double.POSITIVE_INFINITY;
        for (double t : new double[] {0.5, 1, 2, 4, 10}) {
            double[] rho = state.advanceTo(t).densities();
            double d = 0;
            for (int k = 0; k < rho.length; k++) {
                d = Math.max(d, Math.abs(Math.log(rho[k]) - Math.log(stationary[k])));
            }
            System.out.printf("t = %4.1f  max |log rho - log rho_inf| = %.3e%n", t, d);
            assertTrue(d < previous, "the distance to the stationary state must decrease, t = " + t);
            previous = d;
        }
        assertTrue(previous < 1e-11, "after t = 10: " + previous);
    }

    @Test
    void massIsConservedAndTheDensityStaysNonNegative() {
        // a concentrated start in a corner of the paper's example, long steps and short steps
        FokkerPlanckSolver solver = paperExample(48).timeStep(2e-4)
                .initialDensity(x -> Math.exp(-((x[0] - 0.1) * (x[0] - 0.1) + (x[1] - 0.9) * (x[1] - 0.9)) / 2e-3))
                .build();
        FokkerPlanckState state = solver.start();
        assertEquals(1, state.solution().mass(), 1e-14);
        double t = 0;
        for (int i = 0; i < 20; i++) {
            t += 0.0173;
            FokkerPlanckSolution s = state.advanceTo(t);
            assertEquals(1, s.mass(), 1e-12, "mass at t = " + t);
            assertEquals(t, s.time(), 0);
            double min = Double.POSITIVE_INFINITY;
            for (double v : s.densities()) {
                min = Math.min(min, v);
            }
            assertTrue(min >= 0, "min density " + min + " at t = " + t);
        }
        System.out.printf("after %d steps, %d factorisations: mass - 1 = %.2e, largest per-step correction %.2e%n",
                state.steps(), state.factorisations(), state.solution().mass() - 1, state.largestMassCorrection());
        // the rescaling only removes round-off: a defect beyond it would be a scheme that is not conservative
        assertTrue(state.largestMassCorrection() < 1e-13, "mass correction " + state.largestMassCorrection());
        // the first factorisation serves every full step, the second each shortened last step
        assertTrue(state.factorisations() <= 1 + 20, "factorisations " + state.factorisations());
    }

    @Test
    void positivityAndMassHoldAtLowAndZeroTemperatureAndUnderAnnealing() {
        // T = 0.3 on the paper's example: ρ∞ spans e^{-3000}, far below the smallest double
        FokkerPlanckSolver cold = paperExample(40).temperature(0.3).timeStep(1e-3).build();
        FokkerPlanckSolution s = cold.solve(0.5);
        assertEquals(1, s.mass(), 1e-12);
        int zeros = 0;
        for (double v : s.densities()) {
            assertTrue(v >= 0, "density " + v);
            zeros += v == 0 ? 1 : 0;
        }
        System.out.printf("T = 0.3: %d of %d cells underflow to 0, max %.4g%n", zeros, s.grid().cellCount(),
                s.maxDensity());
        assertTrue(Double.isFinite(s.freeEnergy()));
        // T = 0: upwind transport towards the minimisers
        FokkerPlanckSolution z = paperExample(40).temperature(0).timeStep(1e-3).build().solve(0.2);
        assertEquals(1, z.mass(), 1e-12);
        for (double v : z.densities()) {
            assertTrue(v >= 0, "density " + v);
        }
        // an annealing schedule: one factorisation per step, the temperature of the new time level
        FokkerPlanckSolver annealed = paperExample(24).temperature(TemperatureSchedule.exponential(25, 0.05, 0.1))
                .timeStep(5e-3).build();
        FokkerPlanckState state = annealed.start();
        FokkerPlanckSolution a = state.advanceTo(0.2);
        assertEquals(40, state.steps());
        assertEquals(40, state.factorisations());
        assertEquals(1, a.mass(), 1e-12);
        assertEquals(25 * Math.exp(-0.2 / 0.05), a.temperature(), 1e-12);
        for (double v : a.densities()) {
            assertTrue(v >= 0, "density " + v);
        }
    }

    @Test
    void theFreeEnergyDecreasesAlongTheFlowAndStaysAboveItsMinimum() {
        LogPartition logZ = PartitionFunction.compute(ScaledHimmelblau.of(), T_PAPER,
                HopfieldMetric.paperExample(2, 0.25), 0, null);
        double minimum = logZ.minimumFreeEnergy(T_PAPER);
        // the discrete minimum −T log Z_h, Z_h = Σ |cell| exp(−f_k/T) (the midpoint rule), tends to
        // −T log Z at second order: the Gibbs density is not small on the faces of the square
        FokkerPlanckSolver solver = paperExample(40).timeStep(2e-3).build();
        double discreteMinimum = solver.stationary(T_PAPER).freeEnergy();
        double finerMinimum = paperExample(80).build().stationary(T_PAPER).freeEnergy();
        System.out.printf("F(rho_inf): -T log Z_h %.8f (40²), %.8f (80²), -T log Z by quadrature %.8f%n",
                discreteMinimum, finerMinimum, minimum);
        assertEquals(minimum, discreteMinimum, 3e-5 * Math.abs(minimum));
        double ratio = (minimum - discreteMinimum) / (minimum - finerMinimum);
        assertTrue(ratio > 3.3 && ratio < 4.7, "second-order convergence of -T log Z_h: error ratio " + ratio);
        FokkerPlanckState state = solver.start();
        double previous = state.solution().freeEnergy();
        for (int i = 1; i <= 200; i++) {
            double f = state.advanceTo(i * 0.01).freeEnergy();
            assertTrue(f <= previous + 1e-12 * Math.abs(previous), "F rose from " + previous + " to " + f + " at t = "
                    + i * 0.01);
            assertTrue(f >= discreteMinimum - 1e-12 * Math.abs(discreteMinimum), "F = " + f + " below its minimum "
                    + discreteMinimum);
            assertTrue(f >= minimum - 3e-5 * Math.abs(minimum), "F = " + f + " below -T log Z = " + minimum);
            if (i == 10) {
                // t = 0.1: still well above the minimum
                assertTrue(f > minimum + 0.2, "F(0.1) = " + f);
            }
            previous = f;
        }
        assertEquals(discreteMinimum, previous, 1e-8 * Math.abs(discreteMinimum), "F after t = 2");
    }

    @Test
    void logDensityInterpolatesLogLinearlyBetweenCentresAndIsClampedAtTheFaces() {
        // ρ₀ ∝ exp(3x − 2y + z) is log-linear, so the interpolation is exact between the centres
        FokkerPlanckSolver solver = FokkerPlanckSolver.builder().metric(EuclideanMetric.of(3))
                .objective(Quadratic.of(new double[] {0, 0, 0}, 1)).temperature(1).cellsPerAxis(6, 5, 4)
                .domain(new double[] {-1, 0, 2}, new double[] {2, 1, 3})
                .initialDensity(x -> Math.exp(3 * x[0] - 2 * x[1] + x[2])).build();
        FokkerPlanckSolution s = solver.initial();
        FokkerPlanckGrid g = s.grid();
        double[] centre = new double[3];
        g.cellCentre(0, centre);
        double offset = Math.log(s.cellDensity(0)) - (3 * centre[0] - 2 * centre[1] + centre[2]);
        double[][] points = {{0.3, 0.5, 2.5}, {-0.5, 0.2, 2.3}, {1.7, 0.85, 2.8}, {0.0, 0.7, 2.6}};
        double[] flat = new double[3 * (points.length + 2)];
        for (int p = 0; p < points.length; p++) {
            double[] x = points[p];
            double exact = offset + 3 * x[0] - 2 * x[1] + x[2];
            assertEquals(exact, s.logDensity(x), 1e-12, "log density at point " + p);
            assertEquals(Math.exp(exact), s.density(x), 1e-12 * Math.exp(exact));
            System.arraycopy(x, 0, flat, 3 * p, 3);
        }
        // at the faces: clamped to the outermost centres, (−0.75, 0.1, 2.125) and (1.75, 0.9, 2.875)
        double[] low = {-1, 0, 2};
        double[] high = {2, 1, 3};
        assertEquals(offset + 3 * -0.75 - 2 * 0.1 + 2.125, s.logDensity(low), 1e-12);
        assertEquals(offset + 3 * 1.75 - 2 * 0.9 + 2.875, s.logDensity(high), 1e-12);
        System.arraycopy(low, 0, flat, 3 * points.length, 3);
        System.arraycopy(high, 0, flat, 3 * points.length + 3, 3);
        double[] out = new double[points.length + 2];
        s.logDensities(flat, out);
        for (int p = 0; p < out.length; p++) {
            assertEquals(s.logDensity(java.util.Arrays.copyOfRange(flat, 3 * p, 3 * p + 3)), out[p], 0,
                    "batch point " + p);
        }
        // cell index layout: row-major, last axis fastest
        assertEquals(1, g.stride(2));
        assertEquals(4, g.stride(1));
        assertEquals(20, g.stride(0));
        assertEquals(2 * 20 + 3 * 4 + 1, g.cellIndex(2, 3, 1));
        g.cellCentre(g.cellIndex(2, 3, 1), centre);
        assertEquals(-1 + 2.5 * 0.5, centre[0], 1e-15);
        assertEquals(3.5 * 0.2, centre[1], 1e-15);
        assertEquals(2 + 1.5 * 0.25, centre[2], 1e-15);
    }

    @Test
    void aZeroCellAverageGivesMinusInfinityOnlyWhereItHasWeight() {
        FokkerPlanckSolver solver = FokkerPlanckSolver.builder().metric(EuclideanMetric.of(1))
                .objective(Quadratic.of(new double[] {0}, 1)).temperature(1).cellsPerAxis(4).domain(0, 4)
                .initialCellDensities(new double[] {1, 0, 1, 1}).build();
        FokkerPlanckSolution s = solver.initial();
        assertEquals(Double.NEGATIVE_INFINITY, s.logDensity(new double[] {1.2}));
        assertEquals(0, s.density(new double[] {1.5}));
        assertEquals(Math.log(s.cellDensity(0)), s.logDensity(new double[] {0.5}), 1e-15);
        assertEquals(Math.log(s.cellDensity(2)), s.logDensity(new double[] {2.5}), 1e-15);
        // the free energy takes 0 log 0 = 0
        assertTrue(Double.isFinite(s.freeEnergy()));
    }

    @Test
    void bernoulliFunctionIsAccurateAndNeverOverflows() {
        assertEquals(1, Bernoulli.value(0), 0);
        assertEquals(1, Bernoulli.value(-0.0), 0);
        // across the switch from the series to z/expm1(z) and at large |z|
        for (double z : new double[] {1e-12, 1e-6, 0.009999, 0.01, 0.010001, 0.3, -0.3, 2, -2, 30, 39.9, 40.1, 300,
                -300}) {
            double reference = z / Math.expm1(z);
            assertEquals(reference, Bernoulli.value(z), 1e-15 * Math.abs(reference), "B(" + z + ")");
            // B(−z) = e^z B(z)
            if (Math.abs(z) < 700) {
                assertEquals(Math.exp(z) * Bernoulli.value(z), Bernoulli.value(-z), 1e-14 * Bernoulli.value(-z),
                        "B(-" + z + ")");
            }
        }
        assertEquals(0, Bernoulli.value(1e6), 0);
        assertEquals(1e6, Bernoulli.value(-1e6), 0);
        assertEquals(1e306, Bernoulli.value(-1e306), 0);
        assertEquals(0, Bernoulli.value(Double.MAX_VALUE), 0);
        // the rate T·B(δ/T) and its T → 0 limit
        assertEquals(2.5, Bernoulli.rate(-2.5, 0), 0);
        assertEquals(0, Bernoulli.rate(2.5, 0), 0);
        assertEquals(2.5, Bernoulli.rate(-2.5, 1e-320), 0);
        assertEquals(0, Bernoulli.rate(2.5, 1e-320), 0);
        assertEquals(0.7, Bernoulli.rate(0, 0.7), 0);
    }
}
