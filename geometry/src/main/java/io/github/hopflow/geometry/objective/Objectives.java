package io.github.hopflow.geometry.objective;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of built-in objectives, looked up by name. All are defined on the unit cube
 * [0,1]^n (the benchmark functions through an affine map from their usual boxes) and list their
 * known global minimisers and minimum:
 * <ul>
 *   <li>{@code himmelblau}: the paper's scaled Himmelblau function (HNN paper, eq. (59)), n = 2;
 *   <li>{@code quadratic}: (κ/2)‖x − c‖², parameters {@code center} (default ½𝟙) and
 *       {@code stiffness} (default 1);
 *   <li>{@code double-well}: Σ (y_i² − 1)², y = 4x − 2 (2^n minimisers {¼, ¾}^n);
 *   <li>{@code rastrigin}, {@code ackley}, {@code styblinski-tang}, {@code levy}: the standard
 *       benchmark functions on [−5.12, 5.12]^n, [−32.768, 32.768]^n, [−5, 5]^n, [−10, 10]^n.
 * </ul>
 */
public final class Objectives {

    /** Parameter name of the quadratic's centre c (an n-vector). */
    public static final String CENTER = "center";
    /** Parameter name of the quadratic's stiffness κ (one number). */
    public static final String STIFFNESS = "stiffness";

    private static final List<String> NAMES = List.of(
            "himmelblau", "quadratic", "double-well", "rastrigin", "ackley", "styblinski-tang", "levy");

    private Objectives() {
    }

    /** The names {@link #byName} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The built-in objective called {@code name} in {@code dimension} dimensions, with default
     * parameters.
     *
     * @throws IllegalArgumentException for an unknown name or a dimension the objective does not
     *     support, naming the value
     */
    public static Objective byName(String name, int dimension) {
        return byName(name, dimension, Map.of());
    }

    /**
     * The built-in objective called {@code name} in {@code dimension} dimensions with parameters.
     * Only the quadratic takes parameters: {@value #CENTER} (an array of length n, default ½𝟙) and
     * {@value #STIFFNESS} (an array holding one number κ &gt; 0, default 1).
     *
     * @param parameters parameter name → values; not modified; null entries are ignored
     * @throws IllegalArgumentException for an unknown name, an unsupported dimension, a parameter
     *     the objective does not take or a bad parameter value, naming the value
     */
    public static Objective byName(String name, int dimension, Map<String, double[]> parameters) {
        if (name == null) {
            throw new IllegalArgumentException("objective name must not be null");
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        if (parameters == null) {
            parameters = Map.of();
        }
        String key = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (!NAMES.contains(key)) {
            throw new IllegalArgumentException(
                    "unknown objective '" + name + "'; known objectives: " + String.join(", ", NAMES));
        }
        for (Map.Entry<String, double[]> e : parameters.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            boolean known = key.equals("quadratic") && (CENTER.equals(e.getKey()) || STIFFNESS.equals(e.getKey()));
            if (!known) {
                throw new IllegalArgumentException("objective '" + key + "' takes no parameter '" + e.getKey()
                        + "' (got " + Arrays.toString(e.getValue()) + ")"
                        + (key.equals("quadratic") ? "; its parameters are " + CENTER + " and " + STIFFNESS : ""));
            }
        }
        switch (key) {
            case "himmelblau":
                requireDimension(key, dimension, 2);
                return ScaledHimmelblau.of();
            case "quadratic":
                return quadratic(dimension, parameters.get(CENTER), parameters.get(STIFFNESS));
            case "double-well":
                return DoubleWell.of(dimension);
            case "rastrigin":
                return Rastrigin.of(dimension);
            case "ackley":
                return Ackley.of(dimension);
            case "styblinski-tang":
                return StyblinskiTang.of(dimension);
            case "levy":
                return Levy.of(dimension);
            default:
                throw new IllegalArgumentException(
                        "unknown objective '" + name + "'; known objectives: " + String.join(", ", NAMES));
        }
    }

    /**
     * The quadratic (κ/2)‖x − c‖².
     *
     * @param center c; copied; finite entries
     * @param stiffness κ &gt; 0
     */
    public static Quadratic quadratic(double[] center, double stiffness) {
        if (center == null) {
            throw new IllegalArgumentException("center must not be null");
        }
        return Quadratic.of(center, stiffness);
    }

    private static Quadratic quadratic(int dimension, double[] center, double[] stiffness) {
        double kappa = 1.0;
        if (stiffness != null) {
            if (stiffness.length != 1) {
                throw new IllegalArgumentException(
                        STIFFNESS + " must be one number, got " + Arrays.toString(stiffness));
            }
            kappa = stiffness[0];
        }
        double[] c = center;
        if (c == null) {
            c = new double[dimension];
            Arrays.fill(c, 0.5);
        } else if (c.length != dimension) {
            throw new IllegalArgumentException(CENTER + " must have dimension " + dimension + ", got "
                    + c.length + " entries " + Arrays.toString(c));
        }
        return Quadratic.of(c, kappa);
    }

    private static void requireDimension(String name, int dimension, int required) {
        if (dimension != required) {
            throw new IllegalArgumentException(
                    "objective '" + name + "' is defined for dimension " + required + " only, got dimension " + dimension);
        }
    }
}
