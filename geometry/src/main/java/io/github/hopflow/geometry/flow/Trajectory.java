package io.github.hopflow.geometry.flow;

import java.util.Arrays;

/**
 * An immutable sampled trajectory of a deterministic flow: times t_0 &lt; … &lt; t_K, the states
 * x(t_k) stored row-major in one flat array of (K + 1)·n numbers, the objective values f(x(t_k)),
 * and the numbers of evaluations of f and ∇f that the scheme made to compute it (the recorded
 * values f(x(t_k)) are computed separately and not counted).
 */
public final class Trajectory {

    private final FlowMethod method;
    private final int dimension;
    private final double[] times;
    private final double[] states;
    private final double[] values;
    private final long valueEvaluations;
    private final long gradientEvaluations;

    private Trajectory(FlowMethod method, int dimension, double[] times, double[] states, double[] values,
            long valueEvaluations, long gradientEvaluations) {
        this.method = method;
        this.dimension = dimension;
        this.times = times;
        this.states = states;
        this.values = values;
        this.valueEvaluations = valueEvaluations;
        this.gradientEvaluations = gradientEvaluations;
    }

    /**
     * A trajectory from its parts; the arrays are copied.
     *
     * @param method the scheme that produced it
     * @param dimension n &gt; 0
     * @param times K + 1 ≥ 1 increasing times. Not modified.
     * @param states (K + 1)·n states, row-major. Not modified.
     * @param values K + 1 objective values. Not modified.
     * @param valueEvaluations evaluations of f made by the scheme
     * @param gradientEvaluations evaluations of ∇f made by the scheme
     */
    public static Trajectory of(FlowMethod method, int dimension, double[] times, double[] states, double[] values,
            long valueEvaluations, long gradientEvaluations) {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        if (times.length == 0) {
            throw new IllegalArgumentException("times must not be empty");
        }
        if (states.length != times.length * dimension) {
            throw new IllegalArgumentException("states must have length " + times.length * dimension
                    + " (times × dimension), got " + states.length);
        }
        if (values.length != times.length) {
            throw new IllegalArgumentException("values must have length " + times.length + ", got " + values.length);
        }
        if (valueEvaluations < 0 || gradientEvaluations < 0) {
            throw new IllegalArgumentException("evaluation counts must be ≥ 0, got " + valueEvaluations + " and "
                    + gradientEvaluations);
        }
        return new Trajectory(method, dimension, times.clone(), states.clone(), values.clone(),
                valueEvaluations, gradientEvaluations);
    }

    /** Wraps arrays the caller hands over (no copy). */
    static Trajectory wrap(FlowMethod method, int dimension, double[] times, double[] states, double[] values,
            long valueEvaluations, long gradientEvaluations) {
        return new Trajectory(method, dimension, times, states, values, valueEvaluations, gradientEvaluations);
    }

    /** The scheme that produced this trajectory. */
    public FlowMethod method() {
        return method;
    }

    /** The dimension n of the states. */
    public int dimension() {
        return dimension;
    }

    /** The number K + 1 of recorded states (the initial state included). */
    public int size() {
        return times.length;
    }

    /** A copy of the times. */
    public double[] times() {
        return times.clone();
    }

    /** The time of state k. */
    public double time(int k) {
        return times[k];
    }

    /** A copy of the state x(t_k). */
    public double[] state(int k) {
        return Arrays.copyOfRange(states, k * dimension, (k + 1) * dimension);
    }

    /** Coordinate i of state k. */
    public double state(int k, int i) {
        if (i < 0 || i >= dimension) {
            throw new IndexOutOfBoundsException("coordinate " + i + ", dimension " + dimension);
        }
        return states[k * dimension + i];
    }

    /** A copy of all states, row-major (K + 1) × n. */
    public double[] states() {
        return states.clone();
    }

    /** A copy of the final state. */
    public double[] finalState() {
        return state(times.length - 1);
    }

    /** A copy of the objective values f(x(t_k)). */
    public double[] values() {
        return values.clone();
    }

    /** f(x(t_k)). */
    public double value(int k) {
        return values[k];
    }

    /** The final objective value. */
    public double finalValue() {
        return values[values.length - 1];
    }

    /** Evaluations of f made by the scheme (including those of finite-difference gradients). */
    public long valueEvaluations() {
        return valueEvaluations;
    }

    /** Evaluations of ∇f made by the scheme. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    @Override
    public String toString() {
        return "Trajectory[" + method + ", n=" + dimension + ", states=" + times.length + ", t=" + times[0] + ".."
                + times[times.length - 1] + ", final=" + Arrays.toString(finalState()) + ", f=" + finalValue() + "]";
    }
}
