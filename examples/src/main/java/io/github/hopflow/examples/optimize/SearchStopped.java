package io.github.hopflow.examples.optimize;

/**
 * Thrown by a {@link BudgetedObjective} to end a search: the next evaluation would exceed the
 * budget, the target was reached, or the experiment was cancelled. Methods let it propagate (they
 * may catch it only to rethrow); the experiment catches it and reads the result from the
 * objective.
 */
public final class SearchStopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a search ended. */
    public enum Reason {
        /** The next evaluation would have exceeded the budget. */
        BUDGET,
        /** The best value came within the target of the known minimum. */
        TARGET,
        /** The experiment was cancelled (Ctrl-C). */
        CANCELLED
    }

    private final Reason reason;

    SearchStopped(Reason reason) {
        super("search stopped: " + reason, null, false, false);
        this.reason = reason;
    }

    /** Why the search ended. */
    public Reason reason() {
        return reason;
    }
}
