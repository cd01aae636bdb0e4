package io.github.hopflow.examples.optimize;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.objective.Objective;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * The objective as one optimisation run sees it: every value evaluation costs one unit of the
 * budget; an analytic gradient {@link GradientCost#charge costs} one or n units, and a numerical one
 * is made of 2n value evaluations through this wrapper, each charged. The charge is made
 * <em>before</em> the evaluation, and when it would exceed the budget the evaluation is refused by
 * throwing {@link SearchStopped} (reason {@code BUDGET}); so the budget is never exceeded.
 *
 * <p>It also records the best value seen (and its point), and the number of evaluations spent when
 * the best value first came within the target of the known global minimum, f_best − f* ≤ δ; at
 * that moment the run has succeeded and the search is stopped (reason {@code TARGET}), the same
 * rule for every method.
 *
 * <p>One instance serves one run on one thread; it is not thread-safe.
 */
public final class BudgetedObjective implements Objective {

    private final Objective delegate;
    private final long budget;
    private final long gradientCharge;
    private final double optimum;
    private final double target;
    private final BooleanSupplier cancelled;

    private long used;
    private long valueEvaluations;
    private long gradientEvaluations;
    private double bestValue = Double.POSITIVE_INFINITY;
    private final double[] bestPoint;
    private long evaluationsToTarget = -1;
    private double estimate = Double.NaN;

    private BudgetedObjective(Objective delegate, long budget, GradientCost gradientCost, double target,
            BooleanSupplier cancelled) {
        this.delegate = delegate;
        this.budget = budget;
        this.gradientCharge = gradientCost.charge(delegate);
        this.optimum = delegate.globalMinimum().getAsDouble();
        this.target = target;
        this.cancelled = cancelled;
        this.bestPoint = new double[delegate.dimension()];
    }

    /**
     * Wraps {@code objective} for one run.
     *
     * @param objective an objective with a known global minimum
     * @param budget the number of evaluations allowed, &gt; 0
     * @param gradientCost how gradients are charged
     * @param target δ &gt; 0: the run succeeds when f_best − f* ≤ δ
     * @param cancelled polled before each evaluation; true stops the search (reason
     *     {@code CANCELLED})
     * @throws IllegalArgumentException for a non-positive budget or target, or an objective without
     *     a known minimum
     */
    public static BudgetedObjective of(Objective objective, long budget, GradientCost gradientCost, double target,
            BooleanSupplier cancelled) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        if (budget <= 0) {
            throw new IllegalArgumentException("budget must be > 0, got " + budget);
        }
        Checks.positive("target", target);
        if (objective.globalMinimum().isEmpty()) {
            throw new IllegalArgumentException("objective '" + objective.name()
                    + "' has no known global minimum, so its error cannot be measured");
        }
        return new BudgetedObjective(objective, budget, gradientCost, target,
                cancelled == null ? () -> false : cancelled);
    }

    private void charge(long units) {
        if (cancelled.getAsBoolean()) {
            throw new SearchStopped(SearchStopped.Reason.CANCELLED);
        }
        if (used + units > budget) {
            throw new SearchStopped(SearchStopped.Reason.BUDGET);
        }
        used += units;
    }

    @Override
    public double value(double[] x, int offset) {
        charge(1);
        valueEvaluations++;
        double v = delegate.value(x, offset);
        if (v < bestValue) {
            bestValue = v;
            System.arraycopy(x, offset, bestPoint, 0, bestPoint.length);
            if (evaluationsToTarget < 0 && v - optimum <= target) {
                evaluationsToTarget = used;
                throw new SearchStopped(SearchStopped.Reason.TARGET);
            }
        }
        return v;
    }

    /**
     * An analytic gradient is charged {@link #gradientCharge()} units; any other is the central
     * difference of {@link Objective#gradient}, made here through {@link #value} so that each of its
     * 2n evaluations of f is charged, counted and can be the best point seen.
     */
    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        if (delegate.hasAnalyticGradient()) {
            charge(gradientCharge);
            gradientEvaluations++;
            delegate.gradient(x, offset, out, outOffset);
            return;
        }
        // Objective's central difference, whose evaluations of f go through value() and are charged there
        Objective.super.gradient(x, offset, out, outOffset);
        gradientEvaluations++;
    }

    /**
     * Records the method's own answer, when it has one besides the best point seen (the diffusion
     * machine's point of highest density): the value f at that point, already evaluated. Costs
     * nothing; the last call wins.
     */
    public void reportEstimate(double value) {
        estimate = value;
    }

    /** The error f(estimate) − f* of the last {@link #reportEstimate reported} answer, NaN if none. */
    public double estimateError() {
        return estimate - optimum;
    }

    /** Units charged per gradient (1 or n when analytic, 2n for a central difference). */
    public long gradientCharge() {
        return gradientCharge;
    }

    /** The budget E. */
    public long budget() {
        return budget;
    }

    /** Units spent so far (never more than the budget). */
    public long used() {
        return used;
    }

    /** Units left. */
    public long remaining() {
        return budget - used;
    }

    /** Value evaluations made. */
    public long valueEvaluations() {
        return valueEvaluations;
    }

    /** Gradient evaluations made. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** The smallest value seen (+∞ before the first evaluation). */
    public double bestValue() {
        return bestValue;
    }

    /** A copy of the point of the smallest value seen (zeros before the first evaluation). */
    public double[] bestPoint() {
        return bestPoint.clone();
    }

    /** f_best − f*. */
    public double error() {
        return bestValue - optimum;
    }

    /** The known global minimum f*. */
    public double optimum() {
        return optimum;
    }

    /** δ. */
    public double target() {
        return target;
    }

    /** Units spent when f_best − f* ≤ δ first held; empty if it never did. */
    public OptionalLong evaluationsToTarget() {
        return evaluationsToTarget < 0 ? OptionalLong.empty() : OptionalLong.of(evaluationsToTarget);
    }

    /** The wrapped objective. */
    public Objective delegate() {
        return delegate;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean hasAnalyticGradient() {
        return delegate.hasAnalyticGradient();
    }

    @Override
    public List<double[]> globalMinimisers() {
        return delegate.globalMinimisers();
    }

    @Override
    public OptionalDouble globalMinimum() {
        return delegate.globalMinimum();
    }

    @Override
    public String toString() {
        return "Budgeted[" + delegate + ", used " + used + " of " + budget + "]";
    }
}
