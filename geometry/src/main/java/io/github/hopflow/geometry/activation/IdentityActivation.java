package io.github.hopflow.geometry.activation;

/**
 * The identity σ(s) = s on the whole line: the activation whose metric is the Euclidean one
 * (mobility 1), so that the flows written in the hidden state z = σ⁻¹(x) reduce to their
 * Euclidean forms. Immutable; one instance.
 */
public final class IdentityActivation implements Activation {

    /** The identity. */
    public static final IdentityActivation INSTANCE = new IdentityActivation();

    private IdentityActivation() {
    }

    @Override
    public double value(double s) {
        return s;
    }

    @Override
    public double derivative(double s) {
        return 1;
    }

    @Override
    public double secondDerivative(double s) {
        return 0;
    }

    @Override
    public double inverse(double x) {
        return x;
    }

    @Override
    public double lowerBound() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double upperBound() {
        return Double.POSITIVE_INFINITY;
    }

    /** φ(x) = x. */
    @Override
    public double isometric(double x) {
        return x;
    }

    @Override
    public double inverseIsometric(double u) {
        return u;
    }

    @Override
    public double mobility(double x) {
        return 1;
    }

    @Override
    public double mobilityDerivative(double x) {
        return 0;
    }

    @Override
    public String toString() {
        return "IdentityActivation";
    }
}
