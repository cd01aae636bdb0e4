package io.github.hopflow.geometry.metric;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.activation.IdentityActivation;
import java.util.Optional;

/**
 * The Euclidean metric on R^n (mobility m ≡ 1): the diffusion machine becomes ordinary
 * overdamped Langevin dynamics, and with a quadratic objective the Ornstein–Uhlenbeck process.
 */
public final class EuclideanMetric implements DiagonalMetric {

    private final int dimension;

    private EuclideanMetric(int dimension) {
        this.dimension = dimension;
    }

    /** @param dimension n &gt; 0 */
    public static EuclideanMetric of(int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        return new EuclideanMetric(dimension);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The identity: the Euclidean metric is that of σ(z) = z. */
    @Override
    public Optional<Activation> activationOf(int i) {
        return Optional.of(IdentityActivation.INSTANCE);
    }

    @Override
    public double mobility(int i, double xi) {
        return 1;
    }

    @Override
    public double mobilityDerivative(int i, double xi) {
        return 0;
    }

    @Override
    public double metric(int i, double xi) {
        return 1;
    }

    @Override
    public double isometric(int i, double xi) {
        return xi;
    }

    @Override
    public double inverseIsometric(int i, double ui) {
        return ui;
    }

    @Override
    public double lowerBound(int i) {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double upperBound(int i) {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return "EuclideanMetric[n=" + dimension + "]";
    }
}
