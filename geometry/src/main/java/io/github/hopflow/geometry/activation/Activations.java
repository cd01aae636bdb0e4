package io.github.hopflow.geometry.activation;

/** Argument checks shared by the activations. */
final class Activations {

    private Activations() {
    }

    /**
     * The smallest gain: below it 1/√β, the isometric width of a coordinate, leaves the range of
     * doubles that distances and costs can be computed in without overflow.
     */
    static final double MIN_GAIN = 1e-100;
    /** The largest gain (the activation is then a step function to double precision). */
    static final double MAX_GAIN = 1e100;

    static void requirePositiveGain(String name, double value) {
        if (!(value >= MIN_GAIN && value <= MAX_GAIN)) {
            throw new IllegalArgumentException(name + " must be a number in [" + MIN_GAIN + ", " + MAX_GAIN
                    + "], got " + value);
        }
    }

    static void requireOpenRange(String name, double value, double lower, double upper) {
        if (!(value > lower && value < upper)) {
            throw new IllegalArgumentException(
                    name + " must lie in the open interval (" + lower + ", " + upper + "), got " + value);
        }
    }
}
