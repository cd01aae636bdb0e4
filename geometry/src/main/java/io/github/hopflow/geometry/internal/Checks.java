package io.github.hopflow.geometry.internal;

/**
 * The argument checks every module makes, with one wording: the parameter's name, what it must be,
 * and the value given. Not part of the API: for hopflow's own modules.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * {@code value}, which must be a finite number &gt; 0.
     *
     * @param name the parameter (or option) named in the message
     * @throws IllegalArgumentException "NAME must be a finite number &gt; 0, got VALUE" otherwise
     *     (NaN and ±∞ included)
     */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /**
     * {@code value}, element {@code index} of the array {@code name}, which must be a finite
     * number &gt; 0; the message is built only on failure, so that loops over large arrays do not
     * allocate.
     *
     * @throws IllegalArgumentException "NAME[INDEX] must be a finite number &gt; 0, got VALUE" otherwise
     */
    public static double positive(String name, int index, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + "[" + index + "] must be a finite number > 0, got " + value);
        }
        return value;
    }
}
