package io.github.hopflow.geometry.network;

import java.util.Arrays;

/**
 * A bounded record of the states of an iteration: every state up to the capacity, then every
 * second, fourth, … (the stride doubles and every other record is dropped whenever the record is
 * full), so that the kept states stay evenly spaced in the step count, and the last state is
 * always kept by {@link #finish}. States are copied.
 */
public final class ThinnedStates {

    private final double[] times;
    private final double[][] states;
    private int kept;
    private long stride = 1;

    /**
     * @param capacity the most states kept, ≥ 2
     */
    public ThinnedStates(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be ≥ 2, got " + capacity);
        }
        this.times = new double[capacity];
        this.states = new double[capacity][];
    }

    /**
     * Offers the state after {@code step} steps (the start is step 0).
     *
     * @param step the step count, increasing from call to call
     * @param time its time
     * @param state the state. Not modified (copied when kept).
     */
    public void offer(long step, double time, double[] state) {
        if (step % stride != 0) {
            return;
        }
        if (kept == times.length) {
            int w = 0;
            for (int i = 0; i < kept; i += 2) {
                times[w] = times[i];
                states[w++] = states[i];
            }
            kept = w;
            stride *= 2;
            if (step % stride != 0) {
                return;
            }
        }
        times[kept] = time;
        states[kept++] = state.clone();
    }

    /** Keeps the final state (replacing the last record if the record is full and it is not that state). */
    public void finish(double time, double[] state) {
        if (kept > 0 && times[kept - 1] == time) {
            states[kept - 1] = state.clone();
            return;
        }
        if (kept == times.length) {
            kept--;
        }
        times[kept] = time;
        states[kept++] = state.clone();
    }

    /** The kept times. A copy. */
    public double[] times() {
        return Arrays.copyOf(times, kept);
    }

    /** The kept states. A copy of the array (the states themselves are the record's copies). */
    public double[][] states() {
        return Arrays.copyOf(states, kept);
    }
}
