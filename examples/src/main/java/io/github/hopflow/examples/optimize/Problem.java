package io.github.hopflow.examples.optimize;

import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import java.util.OptionalDouble;

/**
 * One benchmark problem: an objective in a given dimension, with its known minimum (a built-in
 * objective's own, or the one a user gives for theirs).
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

    /**
     * A problem of the user's objective {@code f} (an expression, a class, a network energy), whose
     * global minimum hopflow does not know: {@code minimum} is the f* the user gives for it.
     *
     * @throws IllegalArgumentException if {@code minimum} is not finite
     */
    public static Problem withMinimum(Objective f, double minimum) {
        if (!Double.isFinite(minimum)) {
            throw new IllegalArgumentException("--minimum must be a finite number, got " + minimum);
        }
        return new Problem(f.name(), f.dimension(), new KnownMinimum(f, minimum));
    }

    /** The known global minimum f*. */
    public double optimum() {
        return function.globalMinimum().getAsDouble();
    }

    /** A label such as {@code rastrigin-2}. */
    public String label() {
        return objective + "-" + dimension;
    }

    /** An objective with a global minimum stated from outside; everything else is the delegate's. */
    private static final class KnownMinimum implements Objective {
        private final Objective f;
        private final double minimum;

        KnownMinimum(Objective f, double minimum) {
            this.f = f;
            this.minimum = minimum;
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public String name() {
            return f.name();
        }

        @Override
        public double value(double[] x, int offset) {
            return f.value(x, offset);
        }

        @Override
        public double value(double[] x) {
            return f.value(x);
        }

        @Override
        public void gradient(double[] x, int offset, double[] out, int outOffset) {
            f.gradient(x, offset, out, outOffset);
        }

        @Override
        public void gradient(double[] x, double[] out) {
            f.gradient(x, out);
        }

        @Override
        public boolean hasAnalyticGradient() {
            return f.hasAnalyticGradient();
        }

        @Override
        public void secondDerivatives(double[] x, int offset, double[] out, int outOffset) {
            f.secondDerivatives(x, offset, out, outOffset);
        }

        @Override
        public OptionalDouble globalMinimum() {
            return OptionalDouble.of(minimum);
        }
    }
}
