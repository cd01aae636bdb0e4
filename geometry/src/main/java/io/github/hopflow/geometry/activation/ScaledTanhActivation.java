package io.github.hopflow.geometry.activation;

/**
 * The paper's example activation σ(s) = ½ tanh(2β(s − ½)) + ½, whose mobility is
 * m(x) = 4βx(1 − x) as used in eqs. (24), (57), (58), (60) of the HNN paper.
 *
 * <p>Eq. (22) prints ½tanh(β(s − ½)) + ½, whose mobility is 2βx(1 − x); eq. (23) dropped a
 * factor ½. This class implements the activation that really has the mobility of eq. (57).
 * Its isometric coordinate is φ(x) = arcsin(√x)/√β.
 */
public final class ScaledTanhActivation implements Activation {

    private final double beta;

    private ScaledTanhActivation(double beta) {
        this.beta = beta;
    }

    /**
     * @param beta gain β &gt; 0
     * @throws IllegalArgumentException if β is not a finite positive number
     */
    public static ScaledTanhActivation of(double beta) {
        Activations.requirePositiveGain("beta", beta);
        return new ScaledTanhActivation(beta);
    }

    /** The gain β. */
    public double beta() {
        return beta;
    }

    @Override
    public double value(double s) {
        return 0.5 * Math.tanh(2 * beta * (s - 0.5)) + 0.5;
    }

    @Override
    public double derivative(double s) {
        double c = Math.cosh(2 * beta * (s - 0.5));
        return beta / (c * c);
    }

    @Override
    public double secondDerivative(double s) {
        double t = Math.tanh(2 * beta * (s - 0.5));
        // d/ds β(1 − t²) = −2β t · 2β(1 − t²)
        return -4 * beta * beta * t * (1 - t * t);
    }

    @Override
    public double inverse(double x) {
        Activations.requireOpenRange("x", x, 0, 1);
        return 0.5 + atanh(2 * x - 1) / (2 * beta);
    }

    @Override
    public double lowerBound() {
        return 0;
    }

    @Override
    public double upperBound() {
        return 1;
    }

    /** 4β: the mobility 4β·x(1 − x) is quadratic. */
    @Override
    public double quadraticMobilityGain() {
        return 4 * beta;
    }

    @Override
    public double mobility(double x) {
        return 4 * beta * x * (1 - x);
    }

    @Override
    public double mobilityDerivative(double x) {
        return 4 * beta * (1 - 2 * x);
    }

    /** φ(x) = arcsin(√x)/√β, with φ(0) = 0 and φ(1) = π/(2√β). */
    @Override
    public double isometric(double x) {
        return ArcsineOfRoot.of(x) / Math.sqrt(beta);
    }

    /** φ⁻¹(u) = sin²(√β u) for u in [0, π/(2√β)]. */
    @Override
    public double inverseIsometric(double u) {
        double s = Math.sin(Math.sqrt(beta) * u);
        return s * s;
    }

    private static double atanh(double y) {
        return 0.5 * Math.log1p(2 * y / (1 - y));
    }

    @Override
    public String toString() {
        return "ScaledTanhActivation[beta=" + beta + "]";
    }
}
