package io.github.hopflow.examples.snapshot;

import io.github.hopflow.sde.cloud.WeightedPointCloud;

/**
 * The cloud of a density flow after {@code step} time steps.
 *
 * @param step the step index k ≥ 0
 * @param time the physical time t = k·h, or NaN when the step size is unknown
 * @param cloud the points and their density values
 */
public record Snapshot(int step, double time, WeightedPointCloud cloud) {

    /** Checks the arguments. */
    public Snapshot {
        if (step < 0) {
            throw new IllegalArgumentException("snapshot step must be >= 0, got " + step);
        }
        if (cloud == null) {
            throw new IllegalArgumentException("snapshot cloud must not be null");
        }
    }

    /** Whether the physical time is known. */
    public boolean hasTime() {
        return !Double.isNaN(time);
    }
}
