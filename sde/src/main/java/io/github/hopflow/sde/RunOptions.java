package io.github.hopflow.sde;

import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * How a {@link ParticleEngine#run run} proceeds: number of steps, start time, snapshot interval,
 * cancellation token and progress callback. Immutable; the {@code with…} methods return copies.
 */
public final class RunOptions {

    private static final BooleanSupplier NEVER = () -> false;
    private static final LongConsumer SILENT = done -> { };

    private final long steps;
    private final double startTime;
    private final long snapshotEvery;
    private final BooleanSupplier cancellation;
    private final LongConsumer progress;

    private RunOptions(long steps, double startTime, long snapshotEvery, BooleanSupplier cancellation,
            LongConsumer progress) {
        this.steps = steps;
        this.startTime = startTime;
        this.snapshotEvery = snapshotEvery;
        this.cancellation = cancellation;
        this.progress = progress;
    }

    /**
     * {@code steps} steps from t₀ = 0, snapshots only at the first and the last step, never
     * cancelled, no progress callback.
     *
     * @param steps K ≥ 0
     * @throws IllegalArgumentException naming the value
     */
    public static RunOptions steps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        return new RunOptions(steps, 0, Long.MAX_VALUE, NEVER, SILENT);
    }

    /** The same options starting at time t₀ (finite, ≥ 0). */
    public RunOptions withStartTime(double t0) {
        if (!(t0 >= 0) || Double.isInfinite(t0)) {
            throw new IllegalArgumentException("startTime must be a finite number >= 0, got " + t0);
        }
        return new RunOptions(steps, t0, snapshotEvery, cancellation, progress);
    }

    /** The same options with a snapshot (to {@link StepHandler#handleStep}) every k ≥ 1 steps. */
    public RunOptions withSnapshotEvery(long k) {
        if (k < 1) {
            throw new IllegalArgumentException("snapshotEvery must be >= 1, got " + k);
        }
        return new RunOptions(steps, startTime, k, cancellation, progress);
    }

    /**
     * The same options with a cancellation token, polled before every chunk of at most 32 steps
     * (chunks also end at every snapshot step).
     */
    public RunOptions withCancellation(BooleanSupplier token) {
        if (token == null) {
            throw new IllegalArgumentException("cancellation token must not be null");
        }
        return new RunOptions(steps, startTime, snapshotEvery, token, progress);
    }

    /** The same options with a progress callback, told the number of steps done after each chunk of steps. */
    public RunOptions withProgress(LongConsumer callback) {
        if (callback == null) {
            throw new IllegalArgumentException("progress callback must not be null");
        }
        return new RunOptions(steps, startTime, snapshotEvery, cancellation, callback);
    }

    /** Number of steps K. */
    public long steps() {
        return steps;
    }

    /** Start time t₀. */
    public double startTime() {
        return startTime;
    }

    /** Snapshot interval (Long.MAX_VALUE: first and last only). */
    public long snapshotEvery() {
        return snapshotEvery;
    }

    /** The cancellation token. */
    public BooleanSupplier cancellation() {
        return cancellation;
    }

    /** The progress callback. */
    public LongConsumer progress() {
        return progress;
    }

    @Override
    public String toString() {
        return "RunOptions[steps=" + steps + ", startTime=" + startTime + ", snapshotEvery=" + snapshotEvery + "]";
    }
}
