package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.geometry.internal.Checks;
import java.util.function.BooleanSupplier;

/**
 * How long a {@link DensityFlow} runs and what it reports: a number of steps, a snapshot interval,
 * a start time and a cancellation token polled before every step. Immutable; {@code with...}
 * methods return modified copies.
 */
public final class FlowOptions {

    private static final BooleanSupplier NEVER = () -> false;

    private final long steps;
    private final long snapshotEvery;
    private final double startTime;
    private final BooleanSupplier cancelled;

    private FlowOptions(long steps, long snapshotEvery, double startTime, BooleanSupplier cancelled) {
        this.steps = steps;
        this.snapshotEvery = snapshotEvery;
        this.startTime = startTime;
        this.cancelled = cancelled;
    }

    /** Run {@code steps} ≥ 1 steps; snapshots only at the start and the end. */
    public static FlowOptions steps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        return new FlowOptions(steps, 0, 0.0, NEVER);
    }

    /** Run until time {@code t} with step h: round(t/h) steps (at least 1). */
    public static FlowOptions time(double t, double h) {
        Checks.positive("time", t);
        Checks.positive("h", h);
        return steps(Math.max(1, Math.round(t / h)));
    }

    /** Also snapshot every {@code k} steps (0: only first and last). */
    public FlowOptions withSnapshotEvery(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("snapshotEvery must be >= 0, got " + k);
        }
        return new FlowOptions(steps, k, startTime, cancelled);
    }

    /** Start at time t₀ (default 0). */
    public FlowOptions withStartTime(double t0) {
        if (!(t0 >= 0) || Double.isInfinite(t0)) {
            throw new IllegalArgumentException("startTime must be a finite number >= 0, got " + t0);
        }
        return new FlowOptions(steps, snapshotEvery, t0, cancelled);
    }

    /** Stop (after writing the last snapshot) once {@code token} returns true. */
    public FlowOptions withCancellation(BooleanSupplier token) {
        if (token == null) {
            throw new IllegalArgumentException("cancellation token must not be null");
        }
        return new FlowOptions(steps, snapshotEvery, startTime, token);
    }

    /** The number of steps. */
    public long steps() {
        return steps;
    }

    /** The snapshot interval (0: first and last only). */
    public long snapshotEvery() {
        return snapshotEvery;
    }

    /** t₀. */
    public double startTime() {
        return startTime;
    }

    /** The cancellation token. */
    public BooleanSupplier cancellation() {
        return cancelled;
    }
}
