package io.github.hopflow.wasserstein.fokkerplanck;

import io.github.hopflow.sde.TemperatureSchedule;
import java.util.Arrays;

/**
 * The running state of a {@link FokkerPlanckSolver}: the cell averages at the current time, to be
 * advanced to later times so that one run yields the solution at several times.
 *
 * <p>Each backward-Euler step solves (I − hA(T(t_{k+1})))ρ_{k+1} = ρ_k with a sparse Cholesky
 * factorisation of the symmetrised matrix, or with the sparse LU where the symmetrisation would
 * overflow (T = 0, or T very small against the range of f). {@link #advanceTo(double)} takes
 * steps of the solver's length h from the current time and shortens the last one to land on the
 * requested time (a remainder within 10⁻⁹h of 0 is not stepped, one within 10⁻⁹h of h is a full
 * step); the time of each full step is counted from the time at which the call started, so no
 * rounding accumulates over many steps. Factorisations are kept for the last two distinct
 * (T, h), so a constant temperature costs one factorisation for the full steps and one for each
 * shortened step.
 *
 * <p><b>Mass.</b> The columns of I − hA sum to 1, so a step conserves Σ_k ρ_k in exact
 * arithmetic; the direct solve leaves a relative defect of order 10⁻¹⁴ per step, which adds up
 * over thousands of steps like a random walk. Each step therefore scales ρ by the ratio of the
 * initial mass to the new one (both compensated sums): positivity is untouched, the mass stays
 * exact to round-off however long the run, and the largest relative correction is reported by
 * {@link #largestMassCorrection()} so that a defect beyond round-off (which the scheme cannot
 * produce) would show.
 *
 * <p><b>Positivity.</b> After every step each value is checked: a negative or non-finite density
 * raises an {@link ArithmeticException} with the cell, its centre, the value, the time, the step
 * and the counts of bad cells. Nothing is clamped.
 *
 * <p>Mutable and not thread-safe; the solutions it returns are immutable.
 */
public final class FokkerPlanckState {

    /** Remainders within this fraction of h of 0 or h are rounded. */
    private static final double REMAINDER = 1e-9;

    private final FokkerPlanckSolver solver;
    private final ScharfetterGummelOperator operator;
    private final TemperatureSchedule schedule;
    private final double[] density;
    private final double targetSum;
    private final StepFactorisation[] cache = new StepFactorisation[FokkerPlanckSolver.CACHED_FACTORISATIONS];
    private double time;
    private long steps;
    private long factorisations;
    private double largestMassCorrection;

    FokkerPlanckState(FokkerPlanckSolver solver) {
        this.solver = solver;
        this.operator = solver.operator();
        this.schedule = solver.temperature();
        this.density = solver.initialDensityShared().clone();
        this.targetSum = CompensatedSum.of(density);
    }

    /** The solver. */
    public FokkerPlanckSolver solver() {
        return solver;
    }

    /** The current time. */
    public double time() {
        return time;
    }

    /** Steps taken since t = 0. */
    public long steps() {
        return steps;
    }

    /** Sparse factorisations (Cholesky or LU) computed since t = 0. */
    public long factorisations() {
        return factorisations;
    }

    /**
     * The largest relative mass correction |Σρ_before/Σρ_after − 1| applied after a linear solve
     * so far (0 before the first step): round-off, of order 10⁻¹⁴.
     */
    public double largestMassCorrection() {
        return largestMassCorrection;
    }

    /** The solution at the current time. */
    public FokkerPlanckSolution solution() {
        return new FokkerPlanckSolution(solver.grid(), time, schedule.temperature(time), steps, density.clone(),
                operator.objectiveAtCentres());
    }

    /**
     * Advances to time t and returns the solution there.
     *
     * @param t finite, ≥ {@link #time()}
     * @throws IllegalArgumentException naming t and the current time if t is earlier or not finite
     * @throws ArithmeticException if a step produces a negative or non-finite density (with the
     *     cell, the value, the time and the step); the state is then unusable
     */
    public FokkerPlanckSolution advanceTo(double t) {
        if (!(t >= time) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("t must be a finite number >= the current time " + time + ", got " + t);
        }
        double h = solver.timeStep();
        double start = time;
        long taken = 0;
        while (true) {
            double remaining = t - time;
            if (remaining <= REMAINDER * h) {
                time = t;
                break;
            }
            double length;
            double next;
            if (Math.abs(remaining - h) <= REMAINDER * h) {
                // the last full step keeps the length h, and so its factorisation
                length = h;
                next = t;
            } else if (remaining < h) {
                length = remaining;
                next = t;
            } else {
                length = h;
                next = start + (taken + 1) * h;
            }
            step(length, next);
            time = next;
            taken++;
            steps++;
        }
        return solution();
    }

    /** One backward-Euler step of length h to the time {@code next}. */
    private void step(double h, double next) {
        double temperature = schedule.temperature(next);
        factorisation(temperature, h).solve(density, density);
        check(next, h, temperature);
        double sum = CompensatedSum.of(density);
        double correction = targetSum / sum;
        largestMassCorrection = Math.max(largestMassCorrection, Math.abs(correction - 1));
        int count = density.length;
        for (int k = 0; k < count; k++) {
            density[k] *= correction;
        }
    }

    private StepFactorisation factorisation(double temperature, double h) {
        for (int i = 0; i < cache.length; i++) {
            StepFactorisation f = cache[i];
            if (f != null && f.isFor(temperature, h)) {
                if (i > 0) {
                    // most recently used first
                    System.arraycopy(cache, 0, cache, 1, i);
                    cache[0] = f;
                }
                return f;
            }
        }
        // drop the least recently used before factorising, so that at most CACHED_FACTORISATIONS live
        System.arraycopy(cache, 0, cache, 1, cache.length - 1);
        cache[0] = null;
        StepFactorisation f;
        if (StepFactorisation.symmetric(operator, temperature)) {
            f = StepFactorisation.cholesky(operator, temperature, h, solver.order(), solver.position());
        } else {
            f = StepFactorisation.lu(operator, temperature, h, solver.order(), solver.position());
        }
        cache[0] = f;
        factorisations++;
        return f;
    }

    private void check(double at, double h, double temperature) {
        int count = density.length;
        for (int k = 0; k < count; k++) {
            double v = density[k];
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw failure(k, at, h, temperature);
            }
        }
    }

    private ArithmeticException failure(int cell, double at, double h, double temperature) {
        FokkerPlanckGrid grid = solver.grid();
        double[] x = new double[grid.dimension()];
        grid.cellCentre(cell, x);
        double max = 0;
        int negatives = 0;
        int nonFinite = 0;
        for (double v : density) {
            if (v < 0) {
                negatives++;
            } else if (!Double.isFinite(v)) {
                nonFinite++;
            } else {
                max = Math.max(max, v);
            }
        }
        return new ArithmeticException("density " + density[cell] + " in cell " + cell + " at " + Arrays.toString(x)
                + " after the backward-Euler step " + (steps + 1) + " to t = " + at + " (h = " + h + ", T = "
                + temperature + "): " + negatives + " negative and " + nonFinite
                + " non-finite cells, largest finite value " + max + ", " + grid
                + "; the scheme keeps the density >= 0 in exact and in floating-point arithmetic, so the input"
                + " (f, the mobility, the temperature) or the linear solve is at fault");
    }
}
