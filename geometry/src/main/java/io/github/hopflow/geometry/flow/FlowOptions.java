package io.github.hopflow.geometry.flow;

import io.github.hopflow.geometry.internal.Checks;

/**
 * Settings of {@link DeterministicFlows} beyond the method, step and number of steps; an immutable
 * value built from {@link #defaults()} with {@code with…} methods.
 *
 * <ul>
 *   <li>{@code gamma} γ &gt; 0 of the firing-rate flow ẋ = −x + P_γ(x − γ∇f(x)) (default 1);
 *   <li>{@code proximalOperator} P of the firing-rate flow (default null: the indicator of the
 *       metric's domain box, i.e. clipping to [0,1]^n for the Hopfield metric and the identity for
 *       the Euclidean metric);
 *   <li>{@code absoluteTolerance}, {@code relativeTolerance} of the adaptive ODE integrator
 *       (defaults 1e-10, 1e-10);
 *   <li>{@code proximalTolerance}: the inner solve of the proximal natural gradient stops when the
 *       stationarity residual ‖u − u_{k−1} + h∇_u f‖_∞ in isometric coordinates is below it
 *       (default 1e-11); {@code proximalMaxIterations} Newton iterations at most (default 50).
 * </ul>
 */
public final class FlowOptions {

    private static final FlowOptions DEFAULTS = new FlowOptions(1.0, null, 1e-10, 1e-10, 1e-11, 50);

    private final double gamma;
    private final ProximalOperator proximalOperator;
    private final double absoluteTolerance;
    private final double relativeTolerance;
    private final double proximalTolerance;
    private final int proximalMaxIterations;

    private FlowOptions(double gamma, ProximalOperator proximalOperator, double absoluteTolerance,
            double relativeTolerance, double proximalTolerance, int proximalMaxIterations) {
        this.gamma = gamma;
        this.proximalOperator = proximalOperator;
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
        this.proximalTolerance = proximalTolerance;
        this.proximalMaxIterations = proximalMaxIterations;
    }

    /** The defaults listed in the class description. */
    public static FlowOptions defaults() {
        return DEFAULTS;
    }

    /** With the firing-rate γ &gt; 0. */
    public FlowOptions withGamma(double gamma) {
        return new FlowOptions(Checks.positive("gamma", gamma), proximalOperator, absoluteTolerance, relativeTolerance,
                proximalTolerance, proximalMaxIterations);
    }

    /** With the firing-rate proximal operator (null: the default box of the metric's domain). */
    public FlowOptions withProximalOperator(ProximalOperator p) {
        return new FlowOptions(gamma, p, absoluteTolerance, relativeTolerance, proximalTolerance,
                proximalMaxIterations);
    }

    /** With the ODE integrator's absolute and relative tolerances, both &gt; 0. */
    public FlowOptions withTolerances(double absolute, double relative) {
        return new FlowOptions(gamma, proximalOperator, Checks.positive("absoluteTolerance", absolute),
                Checks.positive("relativeTolerance", relative), proximalTolerance, proximalMaxIterations);
    }

    /** With the proximal inner-solve residual tolerance &gt; 0 and iteration limit &gt; 0. */
    public FlowOptions withProximalSolve(double tolerance, int maxIterations) {
        if (maxIterations <= 0) {
            throw new IllegalArgumentException("proximalMaxIterations must be > 0, got " + maxIterations);
        }
        return new FlowOptions(gamma, proximalOperator, absoluteTolerance, relativeTolerance,
                Checks.positive("proximalTolerance", tolerance), maxIterations);
    }

    /** γ of the firing-rate flow. */
    public double gamma() {
        return gamma;
    }

    /** P of the firing-rate flow, or null for the default. */
    public ProximalOperator proximalOperator() {
        return proximalOperator;
    }

    /** Absolute tolerance of the ODE integrator. */
    public double absoluteTolerance() {
        return absoluteTolerance;
    }

    /** Relative tolerance of the ODE integrator. */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** Residual tolerance of the proximal inner solve. */
    public double proximalTolerance() {
        return proximalTolerance;
    }

    /** Iteration limit of the proximal inner solve. */
    public int proximalMaxIterations() {
        return proximalMaxIterations;
    }

    @Override
    public String toString() {
        return "FlowOptions[gamma=" + gamma + ", prox=" + proximalOperator + ", atol=" + absoluteTolerance
                + ", rtol=" + relativeTolerance + ", proxTol=" + proximalTolerance + ", proxMaxIter="
                + proximalMaxIterations + "]";
    }
}
