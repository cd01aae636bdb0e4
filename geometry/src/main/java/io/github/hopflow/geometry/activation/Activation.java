package io.github.hopflow.geometry.activation;

/**
 * A strictly increasing scalar activation function σ of one neuron, with the derivatives and the
 * inverse that the Hopfield geometry needs.
 *
 * <p>The Hopfield metric of an activation is g(x) = 1/σ'(σ⁻¹(x)); its reciprocal
 * {@link #mobility(double) m(x) = σ'(σ⁻¹(x))} is what the flows use (HNN paper, eqs. (3), (13)).
 * The state x lives in the open range ({@link #lowerBound()}, {@link #upperBound()}) of σ.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Activation {

    /** σ(s). */
    double value(double s);

    /** σ'(s) &gt; 0. */
    double derivative(double s);

    /** σ''(s). */
    double secondDerivative(double s);

    /** σ⁻¹(x) for x in the open range of σ. */
    double inverse(double x);

    /** Infimum of the range of σ (0 for sigmoids). */
    double lowerBound();

    /** Supremum of the range of σ (1 for sigmoids). */
    double upperBound();

    /**
     * Isometric coordinate φ(x) = ∫ √g(s) ds = ∫ ds/√m(s) (HNN paper, eq. (13b) integrated): in
     * these coordinates the Hopfield metric of a diagonal network is Euclidean, so geodesic
     * distances are ‖φ(x) − φ(y)‖₂. The constant of integration is fixed by each implementation
     * and documented there; only differences of φ carry meaning.
     */
    double isometric(double x);

    /** φ⁻¹(u): the inverse of {@link #isometric(double)}. */
    double inverseIsometric(double u);

    /**
     * Mobility m(x) = σ'(σ⁻¹(x)) = 1/g(x): the diagonal entry of the inverse Hopfield metric.
     * Implementations with a closed form override this.
     */
    default double mobility(double x) {
        return derivative(inverse(x));
    }

    /**
     * The gain g when the mobility is exactly quadratic on the bounded range, m(x) = g·(x − a)(b − x)
     * with (a, b) = ({@link #lowerBound()}, {@link #upperBound()}), the form of every sigmoid whose
     * derivative is a quadratic in its value (the logistic function: g; the paper's scaled tanh: 4β);
     * NaN when the mobility has another form. For this form the diffusion machine has closed-form
     * barrier flows, isometric coordinates (arcsines) and heat kernels, which the engine's fast
     * kernels and the splitting scheme use; the default, NaN, makes it use the generic ones.
     */
    default double quadraticMobilityGain() {
        return Double.NaN;
    }

    /** dm/dx = σ''(s)/σ'(s) at s = σ⁻¹(x). */
    default double mobilityDerivative(double x) {
        double s = inverse(x);
        return secondDerivative(s) / derivative(s);
    }
}
