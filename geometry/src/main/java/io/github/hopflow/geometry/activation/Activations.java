package io.github.hopflow.geometry.activation;

/** Argument checks shared by the activations. */
final class Activations {

    private Activations() {
    }

    static void requirePositiveGain(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }

    static void requireOpenRange(String name, double value, double lower, double upper) {
        if (!(value > lower && value < upper)) {
            throw new IllegalArgumentException(
                    name + " must lie in the open interval (" + lower + ", " + upper + "), got " + value);
        }
    }
}
