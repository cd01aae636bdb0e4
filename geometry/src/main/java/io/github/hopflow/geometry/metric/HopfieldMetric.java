package io.github.hopflow.geometry.metric;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.activation.ScaledTanhActivation;
import io.github.hopflow.geometry.internal.Checks;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Hopfield metric of a network with coordinate-wise activations σ_i:
 * g_ii(x) = 1/σ_i'(σ_i⁻¹(x_i)) (HNN paper, eq. (13)), on the range of the activations (the open
 * unit cube for sigmoids).
 */
public final class HopfieldMetric implements DiagonalMetric {

    private final Activation[] activations;

    private HopfieldMetric(Activation[] activations) {
        this.activations = activations;
    }

    /**
     * A metric with one activation per coordinate.
     *
     * @param activations σ_1, …, σ_n; the array is copied
     * @throws IllegalArgumentException if empty or containing null
     */
    public static HopfieldMetric of(Activation... activations) {
        if (activations.length == 0) {
            throw new IllegalArgumentException("activations must not be empty");
        }
        for (int i = 0; i < activations.length; i++) {
            if (activations[i] == null) {
                throw new IllegalArgumentException("activations[" + i + "] must not be null");
            }
        }
        return new HopfieldMetric(activations.clone());
    }

    /** n coordinates sharing one activation. */
    public static HopfieldMetric uniform(int dimension, Activation activation) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        Activation[] a = new Activation[dimension];
        Arrays.fill(a, activation);
        return of(a);
    }

    /**
     * The paper's example: σ_i(s) = ½ tanh(2β(s − ½)) + ½ in every coordinate, mobility
     * m_i(x) = 4βx(1 − x) (eq. (57)).
     *
     * @param dimension n &gt; 0
     * @param beta the common gain β &gt; 0
     */
    public static HopfieldMetric paperExample(int dimension, double beta) {
        return uniform(dimension, ScaledTanhActivation.of(beta));
    }

    /** The paper's example with per-coordinate gains β_i. */
    public static HopfieldMetric paperExample(double... betas) {
        Activation[] a = new Activation[betas.length];
        for (int i = 0; i < betas.length; i++) {
            Checks.positive("beta", i, betas[i]);
            a[i] = ScaledTanhActivation.of(betas[i]);
        }
        return of(a);
    }

    /** The activation of coordinate i. */
    public Activation activation(int i) {
        return activations[i];
    }

    @Override
    public int dimension() {
        return activations.length;
    }

    /** The activation of coordinate i: the metric is that of its activations. */
    @Override
    public Optional<Activation> activationOf(int i) {
        return Optional.of(activations[i]);
    }

    @Override
    public double quadraticMobilityGain(int i) {
        return activations[i].quadraticMobilityGain();
    }

    @Override
    public double mobility(int i, double xi) {
        return activations[i].mobility(xi);
    }

    @Override
    public double mobilityDerivative(int i, double xi) {
        return activations[i].mobilityDerivative(xi);
    }

    @Override
    public double isometric(int i, double xi) {
        return activations[i].isometric(xi);
    }

    @Override
    public double inverseIsometric(int i, double ui) {
        return activations[i].inverseIsometric(ui);
    }

    @Override
    public double lowerBound(int i) {
        return activations[i].lowerBound();
    }

    @Override
    public double upperBound(int i) {
        return activations[i].upperBound();
    }

    @Override
    public String toString() {
        return "HopfieldMetric" + Arrays.toString(activations);
    }
}
