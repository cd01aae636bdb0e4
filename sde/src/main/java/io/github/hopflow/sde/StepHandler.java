package io.github.hopflow.sde;

/**
 * Receives snapshots of a {@link ParticleEngine#run run}, in the manner of an ODE step handler:
 * {@link #init} once with the starting state (step 0), {@link #handleStep} at every
 * {@code snapshotEvery}-th step strictly before the last, and {@link #finish} once with the final
 * state — after the last step, or after the step at which the run was cancelled. A handler that
 * writes all three therefore sees the first and the last step exactly once each, except that a
 * run cancelled right after a snapshot step hands that same step to {@link #finish} again.
 *
 * <p>Handlers run on the thread that called {@code run}, between steps.
 */
public interface StepHandler {

    /**
     * Called before the first step.
     *
     * @param initial the starting state (step 0)
     * @param finalTime t₀ + steps·h, the time the run will reach unless cancelled
     */
    default void init(Snapshot initial, double finalTime) {
    }

    /** Called at every {@code snapshotEvery}-th step before the last. */
    void handleStep(Snapshot snapshot);

    /** Called once with the final state (also when the run was cancelled). */
    default void finish(Snapshot last) {
    }
}
