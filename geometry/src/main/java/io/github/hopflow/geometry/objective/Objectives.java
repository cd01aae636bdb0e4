package io.github.hopflow.geometry.objective;

import java.util.List;

/**
 * The catalogue of built-in objectives, looked up by name.
 */
public final class Objectives {

    private Objectives() {
    }

    /** The names {@link #byName} accepts. */
    public static List<String> names() {
        return List.of("himmelblau", "quadratic");
    }

    /**
     * The built-in objective called {@code name} in {@code dimension} dimensions, with default
     * parameters.
     *
     * @throws IllegalArgumentException for an unknown name or a dimension the objective does not
     *     support, naming the value
     */
    public static Objective byName(String name, int dimension) {
        if (name == null) {
            throw new IllegalArgumentException("objective name must not be null");
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        switch (name) {
            case "himmelblau":
                requireDimension(name, dimension, 2);
                return ScaledHimmelblau.of();
            case "quadratic":
                return Quadratic.centred(dimension);
            default:
                throw new IllegalArgumentException(
                        "unknown objective '" + name + "'; known objectives: " + String.join(", ", names()));
        }
    }

    private static void requireDimension(String name, int dimension, int required) {
        if (dimension != required) {
            throw new IllegalArgumentException(
                    "objective '" + name + "' is defined for dimension " + required + " only, got dimension " + dimension);
        }
    }
}
