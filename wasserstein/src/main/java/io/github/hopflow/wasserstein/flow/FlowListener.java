package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.sde.cloud.WeightedPointCloud;

/**
 * Receives the progress of a {@link DensityFlow} run on the calling thread: per-step diagnostics,
 * and snapshots of the cloud (normalised density values) at step 0, every
 * {@link FlowOptions#snapshotEvery()} steps and at the last step done. Exceptions thrown here stop
 * the run and propagate.
 */
public interface FlowListener {

    /** Called after every step. */
    default void onStep(FlowStep diagnostics) {
    }

    /**
     * Called with a snapshot.
     *
     * @param step the step number (0 for the start)
     * @param time the time of the snapshot
     * @param cloud the cloud, immutable
     */
    default void onSnapshot(long step, double time, WeightedPointCloud cloud) {
    }
}
