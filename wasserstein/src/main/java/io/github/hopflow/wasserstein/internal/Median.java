package io.github.hopflow.wasserstein.internal;

import java.util.Arrays;

/** The median of a sample, for the library's robust scales and timings. */
public final class Median {

    private Median() {
    }

    /**
     * The median of a[0 .. count): the middle value, or the mean of the two middle values for an
     * even count.
     *
     * @param a the sample. Modified: its first {@code count} entries are sorted.
     * @param count the sample size, ≥ 1
     */
    public static double sortInPlace(double[] a, int count) {
        Arrays.sort(a, 0, count);
        int h = count / 2;
        return count % 2 == 1 ? a[h] : 0.5 * (a[h - 1] + a[h]);
    }
}
