package io.github.hopflow.wasserstein.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A record of per-step values whose memory stays bounded however long the run: every step is kept
 * until {@code capacity} are held, then every second one, then every fourth, and so on (the kept
 * steps are always the multiples of a power-of-two stride, so the record is a systematic sample
 * of the run). The last value added is always available through {@link #last()}.
 *
 * <p>Steps are added in increasing order. Not thread-safe; {@link #entries()} and
 * {@link #steps()} return unmodifiable copies.
 *
 * @param <T> the per-step value
 */
public final class ThinnedTrace<T> {

    /** The default capacity: the most entries kept. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final int capacity;
    private final ArrayList<T> kept;
    private long[] keptSteps;
    private long stride = 1;
    private long added;
    private long lastStep = Long.MIN_VALUE;
    private T last;

    private ThinnedTrace(int capacity) {
        this.capacity = capacity;
        this.kept = new ArrayList<>(Math.min(capacity, 64));
        this.keptSteps = new long[Math.min(capacity, 64)];
    }

    /** A trace holding at most {@link #DEFAULT_CAPACITY} entries. */
    public static <T> ThinnedTrace<T> create() {
        return create(DEFAULT_CAPACITY);
    }

    /**
     * A trace holding at most {@code capacity} entries.
     *
     * @param capacity even, ≥ 2
     * @throws IllegalArgumentException naming the parameter and the value
     */
    public static <T> ThinnedTrace<T> create(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be an even number >= 2, got " + capacity);
        }
        return new ThinnedTrace<>(capacity);
    }

    /**
     * Records {@code value} for {@code step}.
     *
     * @param step greater than every step added before, ≥ 0
     * @throws IllegalArgumentException if the step is negative or not increasing
     */
    public void add(long step, T value) {
        if (step < 0 || step <= lastStep) {
            throw new IllegalArgumentException("step must be >= 0 and increasing, got " + step + " after " + lastStep);
        }
        lastStep = step;
        last = value;
        added++;
        if (step % stride != 0) {
            return;
        }
        if (kept.size() == capacity) {
            int j = 0;
            for (int i = 0; i < kept.size(); i++) {
                if (keptSteps[i] % (2 * stride) == 0) {
                    kept.set(j, kept.get(i));
                    keptSteps[j] = keptSteps[i];
                    j++;
                }
            }
            kept.subList(j, kept.size()).clear();
            stride *= 2;
            if (step % stride != 0) {
                return;
            }
        }
        if (kept.size() == keptSteps.length) {
            keptSteps = java.util.Arrays.copyOf(keptSteps, Math.min(capacity, 2 * keptSteps.length));
        }
        keptSteps[kept.size()] = step;
        kept.add(value);
    }

    /** The number of values added (kept or not). */
    public long added() {
        return added;
    }

    /** The present stride: the kept steps are its multiples. */
    public long stride() {
        return stride;
    }

    /** The kept values, in step order. */
    public List<T> entries() {
        return Collections.unmodifiableList(new ArrayList<>(kept));
    }

    /** The steps of the kept values, in order. */
    public long[] steps() {
        return java.util.Arrays.copyOf(keptSteps, kept.size());
    }

    /** The last value added, or null before the first. */
    public T last() {
        return last;
    }
}
