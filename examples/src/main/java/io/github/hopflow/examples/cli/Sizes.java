package io.github.hopflow.examples.cli;

import java.util.Locale;

/**
 * Refuses, before any work, sizes whose arrays cannot fit: more elements than a Java array holds,
 * or more bytes than the JVM's maximum heap. The message names the option, the value, the memory
 * it needs and the limit, and how to lift the limit.
 */
final class Sizes {

    /** The share of the maximum heap one structure may take before it is refused up front. */
    private static final double HEAP_SHARE = 0.8;
    /** The largest Java array, in elements. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Sizes() {
    }

    /**
     * Checks that {@code elements} doubles (or other 8-byte elements) in one array, repeated
     * {@code copies} times, fit.
     *
     * @param what the option and value, e.g. "--particles 2147483647"
     * @throws IllegalArgumentException stating the limit
     */
    static void requireFits(String what, long elements, int copies) {
        if (elements < 0 || elements > MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s needs an array of %s elements, more than a Java array holds (%d)", what,
                    elements < 0 ? "more than 2^63" : Long.toString(elements), MAX_ARRAY));
        }
        double bytes = 8.0 * elements * copies;
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > HEAP_SHARE * max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s needs about %s of memory, more than this JVM's maximum heap of %s allows;"
                    + " ask for less, or give the JVM more memory (HOPFLOW_JAVA_OPTS=-Xmx...)", what,
                    human(bytes), human(max)));
        }
    }

    /** {@code a·b}, or -1 when it overflows a long. */
    static long product(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    static String human(double bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MiB", Math.max(1, bytes / (1L << 20)));
    }
}
