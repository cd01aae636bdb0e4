package io.github.hopflow.geometry.flow;

/**
 * A deterministic flow could not continue: a non-finite value or gradient, a step that left the
 * domain, an inner proximal solve that did not converge or an ODE integrator failure. The message
 * carries the diagnostics (method, step, time, state, and what went wrong).
 */
public final class FlowFailureException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final FlowMethod method;
    private final int step;

    FlowFailureException(FlowMethod method, int step, String message) {
        super(method + " flow failed at step " + step + ": " + message);
        this.method = method;
        this.step = step;
    }

    /** The scheme that failed. */
    public FlowMethod method() {
        return method;
    }

    /** The index of the step that failed (1 for the first step). */
    public int step() {
        return step;
    }
}
