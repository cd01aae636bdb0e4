package io.github.hopflow.examples.cli;

import io.github.hopflow.geometry.internal.Checks;
import java.util.Locale;

/**
 * The documented limits on the length of a run and on the snapshot files it writes, checked
 * before any work: a horizon that needs more than {@value #MAX_STEPS} steps, or a run that would
 * write more than {@value #MAX_SNAPSHOTS} snapshot files, is refused with the option that lifts
 * the limit.
 */
final class RunLength {

    /** The most time steps of one run. */
    static final long MAX_STEPS = 1_000_000_000L;
    /** The most snapshot files of one run. */
    static final long MAX_SNAPSHOTS = 100_000L;

    private RunLength() {
    }

    /**
     * The number of steps round(t/h) of the horizon {@code --time t}.
     *
     * @throws IllegalArgumentException if t is not a finite number &gt; 0, is shorter than half a
     *     step, or needs more than {@link #MAX_STEPS} steps
     */
    static long stepsFor(double time, double step) {
        Checks.positive("--time", time);
        double k = Math.rint(time / step);
        if (k < 1) {
            throw new IllegalArgumentException("--time " + time + " is shorter than half a step (--step " + step + ")");
        }
        if (k > MAX_STEPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--time %s needs %.3g steps of --step %s, more than the limit of %d steps of one run", time, k,
                    step, MAX_STEPS));
        }
        return (long) k;
    }

    /**
     * Checks {@code --steps}.
     *
     * @throws IllegalArgumentException if it is below 1 or above {@link #MAX_STEPS}
     */
    static long steps(long steps) {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("--steps must be in [1, " + MAX_STEPS + "], got " + steps);
        }
        return steps;
    }

    /**
     * Checks that a run of {@code steps} steps with a snapshot every {@code every} steps (0: the
     * first and the last only) writes at most {@link #MAX_SNAPSHOTS} files.
     *
     * @throws IllegalArgumentException naming --snapshot-every and the smallest value that fits
     */
    static void requireSnapshots(long steps, long every) {
        long files = 2 + (every > 0 ? steps / every : 0);
        if (files > MAX_SNAPSHOTS) {
            long smallest = Math.max(1, steps / (MAX_SNAPSHOTS - 2) + 1);
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--snapshot-every %d would write %d snapshot files over %d steps, more than the limit of %d;"
                    + " use --snapshot-every %d or more", every, files, steps, MAX_SNAPSHOTS, smallest));
        }
    }
}
