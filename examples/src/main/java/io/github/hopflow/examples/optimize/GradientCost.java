package io.github.hopflow.examples.optimize;

import io.github.hopflow.geometry.objective.Objective;
import java.util.Locale;

/**
 * How many evaluations one gradient costs against the budget.
 *
 * <ul>
 *   <li>{@link #AUTO} (the default): one evaluation when the objective supplies its gradient
 *       analytically (an exact gradient costs a small constant times a value, as reverse-mode
 *       differentiation shows);
 *   <li>{@link #DIMENSION}: n evaluations for an analytic gradient, as if it were a forward
 *       difference — the convention most favourable to derivative-free methods.
 * </ul>
 * A gradient that is not analytic is a central difference whose 2n evaluations of f are made, and
 * charged one by one, by {@link BudgetedObjective}: 2n under either convention.
 */
public enum GradientCost {
    /** 1 if analytic, 2n otherwise. */
    AUTO,
    /** n if analytic, 2n otherwise. */
    DIMENSION;

    /** The charge for one gradient of {@code objective}. */
    public long charge(Objective objective) {
        if (!objective.hasAnalyticGradient()) {
            return 2L * objective.dimension();
        }
        return this == AUTO ? 1 : objective.dimension();
    }

    /** A sentence for the output saying how gradients of {@code objective} were charged. */
    public String describe(Objective objective) {
        long c = charge(objective);
        String kind = objective.hasAnalyticGradient() ? "analytic" : "finite-difference";
        return kind + " gradient charged " + c + (c == 1 ? " evaluation" : " evaluations");
    }

    /** The option value, lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code auto} or {@code dimension}.
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static GradientCost parse(String text) {
        for (GradientCost c : values()) {
            if (c.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("--gradient-cost must be auto or dimension, got '" + text + "'");
    }
}
