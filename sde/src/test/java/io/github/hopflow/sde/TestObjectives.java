package io.github.hopflow.sde;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.activation.ScaledTanhActivation;
import io.github.hopflow.geometry.objective.Objective;

/** Small objectives and activations used by the tests. */
final class TestObjectives {

    private TestObjectives() {
    }

    /** f(x) = s·Σ x_i: a constant gradient, the 1-D bias test's f = x/2 for s = ½. */
    static Objective linear(int dimension, double slope) {
        return Objective.of("linear", dimension, x -> {
            double s = 0;
            for (double xi : x) {
                s += xi;
            }
            return slope * s;
        }, (x, g) -> java.util.Arrays.fill(g, slope));
    }

    /** An objective whose value and gradient are NaN wherever x₀ &gt; threshold (0 elsewhere). */
    static Objective poisonedAbove(int dimension, double threshold) {
        return Objective.of("poisoned", dimension, x -> x[0] > threshold ? Double.NaN : 0,
                (x, g) -> java.util.Arrays.fill(g, x[0] > threshold ? Double.NaN : 0));
    }

    /**
     * The example activation ½tanh(2β(s − ½)) + ½ under another class, so that the engine cannot
     * recognise it and takes its generic (metric-calling) kernels.
     */
    static Activation disguisedTanh(double beta) {
        ScaledTanhActivation a = ScaledTanhActivation.of(beta);
        return new Activation() {
            @Override
            public double value(double s) {
                return a.value(s);
            }

            @Override
            public double derivative(double s) {
                return a.derivative(s);
            }

            @Override
            public double secondDerivative(double s) {
                return a.secondDerivative(s);
            }

            @Override
            public double inverse(double x) {
                return a.inverse(x);
            }

            @Override
            public double lowerBound() {
                return 0;
            }

            @Override
            public double upperBound() {
                return 1;
            }

            @Override
            public double isometric(double x) {
                return a.isometric(x);
            }

            @Override
            public double inverseIsometric(double u) {
                return a.inverseIsometric(u);
            }

            @Override
            public double mobility(double x) {
                return a.mobility(x);
            }

            @Override
            public double mobilityDerivative(double x) {
                return a.mobilityDerivative(x);
            }
        };
    }
}
