package io.github.hopflow.examples.optimize;

import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;

/**
 * One benchmark problem: a built-in objective in a given dimension, with its known minimum.
 *
 * @param objective the objective's name
 * @param dimension n
 * @param function the objective
 */
public record Problem(String objective, int dimension, Objective function) {

    /**
     * The built-in objective {@code name} in {@code dimension} dimensions.
     *
     * @throws IllegalArgumentException for an unknown name, an unsupported dimension, or an
     *     objective without a known global minimum
     */
    public static Problem of(String name, int dimension) {
        Objective f = Objectives.byName(name, dimension);
        if (f.globalMinimum().isEmpty()) {
            throw new IllegalArgumentException("objective '" + name + "' has no known global minimum");
        }
        return new Problem(f.name(), dimension, f);
    }

    /** The known global minimum f*. */
    public double optimum() {
        return function.globalMinimum().getAsDouble();
    }

    /** A label such as {@code rastrigin-2}. */
    public String label() {
        return objective + "-" + dimension;
    }
}
