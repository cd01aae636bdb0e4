package io.github.hopflow.sde;

import io.github.hopflow.sde.cloud.WeightedPointCloud;

/**
 * The state of a run after {@code step} steps: the time and an immutable copy of the cloud
 * (positions moved by the engine, values carried unchanged from the starting cloud).
 *
 * @param step number of steps taken, ≥ 0
 * @param time t₀ + step·h
 * @param cloud the cloud
 */
public record Snapshot(long step, double time, WeightedPointCloud cloud) {

    /** @throws IllegalArgumentException for a negative step or a null cloud */
    public Snapshot {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (cloud == null) {
            throw new IllegalArgumentException("cloud must not be null");
        }
    }
}
