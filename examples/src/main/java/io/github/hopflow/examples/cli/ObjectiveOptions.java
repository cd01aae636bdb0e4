package io.github.hopflow.examples.cli;

import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The parameters of the built-in quadratic objective (κ/2)‖x − c‖², {@code --center} and
 * {@code --stiffness}, shared by the commands that take an objective by name. Given with another
 * objective they are rejected by {@link Objectives#byName(String, int, Map)}.
 */
public final class QuadraticParameters {

    @Option(names = "--center", paramLabel = "c1,c2,...",
            description = "Centre c of the quadratic (κ/2)‖x − c‖² (default ½ in every coordinate).")
    String center;

    @Option(names = "--stiffness", paramLabel = "κ", converter = Converters.Positive.class,
            description = "Stiffness κ > 0 of the quadratic (default 1).")
    Double stiffness;

    /**
     * The built-in objective {@code name} in {@code dimension} dimensions, with these parameters.
     *
     * @throws IllegalArgumentException for an unknown name, an unsupported dimension, a malformed
     *     centre, or parameters given to an objective that takes none
     */
    public Objective objective(String name, int dimension) {
        Map<String, double[]> params = new HashMap<>();
        if (center != null) {
            params.put(Objectives.CENTER, VectorConverter.parse("--center", center));
        }
        if (stiffness != null) {
            params.put(Objectives.STIFFNESS, new double[] {stiffness});
        }
        boolean quadratic = "quadratic".equals(name.trim().toLowerCase(java.util.Locale.ROOT));
        if (!quadratic && (center != null || stiffness != null)) {
            throw new IllegalArgumentException((center != null ? "--center" : "--stiffness")
                    + " applies to --objective quadratic only, got --objective " + name);
        }
        try {
            return Objectives.byName(name, dimension, params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--objective " + name + ": " + e.getMessage(), e);
        }
    }

    /** Records the parameters that were given (none when absent) in a run's summary. */
    public void describeInto(Map<String, Object> summary) {
        if (center != null) {
            summary.put("center", VectorConverter.parse("--center", center));
        }
        if (stiffness != null) {
            summary.put("stiffness", stiffness);
        }
    }
}
