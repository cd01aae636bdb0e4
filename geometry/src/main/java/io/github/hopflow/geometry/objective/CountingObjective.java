package io.github.hopflow.geometry.objective;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps an objective and counts the evaluations of f and of ∇f made through it (thread-safe).
 * When the wrapped gradient is a finite difference, the 2n evaluations of f it costs are made
 * through this wrapper and therefore counted as value evaluations too.
 */
public final class CountingObjective implements Objective {

    private final Objective delegate;
    private final AtomicLong values = new AtomicLong();
    private final AtomicLong gradients = new AtomicLong();

    private CountingObjective(Objective delegate) {
        this.delegate = delegate;
    }

    /** Counts the evaluations of {@code objective}. */
    public static CountingObjective of(Objective objective) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        return new CountingObjective(objective);
    }

    /** The wrapped objective. */
    public Objective delegate() {
        return delegate;
    }

    /** Evaluations of f so far (including those inside finite-difference gradients). */
    public long valueEvaluations() {
        return values.get();
    }

    /** Evaluations of ∇f so far. */
    public long gradientEvaluations() {
        return gradients.get();
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
    public double value(double[] x, int offset) {
        values.incrementAndGet();
        return delegate.value(x, offset);
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        gradients.incrementAndGet();
        if (delegate.hasAnalyticGradient()) {
            delegate.gradient(x, offset, out, outOffset);
        } else {
            Objective.super.gradient(x, offset, out, outOffset);
        }
    }

    @Override
    public void secondDerivatives(double[] x, int offset, double[] out, int outOffset) {
        delegate.secondDerivatives(x, offset, out, outOffset);
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
        return "Counting[" + delegate + "]";
    }
}
