package io.github.hopflow.geometry.activation;

/**
 * The logistic activation σ(s) = 1/(1 + exp(−g·s)) with gain g &gt; 0: mobility m(x) = g·x(1 − x),
 * isometric coordinate φ(x) = 2·arcsin(√x)/√g (so φ(0) = 0, φ(1) = π/√g).
 *
 * <p>The paper's example {@link ScaledTanhActivation} with gain β is this activation with g = 4β,
 * shifted by ½ in the hidden variable.
 */
public final class LogisticActivation implements Activation {

    private final double gain;

    private LogisticActivation(double gain) {
        this.gain = gain;
    }

    /**
     * @param gain g &gt; 0
     * @throws IllegalArgumentException if g is not a finite positive number
     */
    public static LogisticActivation of(double gain) {
        Activations.requirePositiveGain("gain", gain);
        return new LogisticActivation(gain);
    }

    /** The gain g. */
    public double gain() {
        return gain;
    }

    @Override
    public double value(double s) {
        return 1 / (1 + Math.exp(-gain * s));
    }

    @Override
    public double derivative(double s) {
        double x = value(s);
        return gain * x * (1 - x);
    }

    @Override
    public double secondDerivative(double s) {
        double x = value(s);
        return gain * gain * x * (1 - x) * (1 - 2 * x);
    }

    @Override
    public double inverse(double x) {
        Activations.requireOpenRange("x", x, 0, 1);
        return (Math.log(x) - Math.log1p(-x)) / gain;
    }

    @Override
    public double lowerBound() {
        return 0;
    }

    @Override
    public double upperBound() {
        return 1;
    }

    /** g: the mobility g·x(1 − x) is quadratic. */
    @Override
    public double quadraticMobilityGain() {
        return gain;
    }

    @Override
    public double mobility(double x) {
        return gain * x * (1 - x);
    }

    @Override
    public double mobilityDerivative(double x) {
        return gain * (1 - 2 * x);
    }

    /** φ(x) = 2·arcsin(√x)/√g. */
    @Override
    public double isometric(double x) {
        return 2 * ArcsineOfRoot.of(x) / Math.sqrt(gain);
    }

    /** φ⁻¹(u) = sin²(√g·u/2) for u in [0, π/√g]. */
    @Override
    public double inverseIsometric(double u) {
        double s = Math.sin(0.5 * Math.sqrt(gain) * u);
        return s * s;
    }

    @Override
    public String toString() {
        return "LogisticActivation[gain=" + gain + "]";
    }
}
