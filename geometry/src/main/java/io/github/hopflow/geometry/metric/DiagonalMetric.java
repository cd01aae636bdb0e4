package io.github.hopflow.geometry.metric;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.activation.IdentityActivation;
import java.util.Optional;

/**
 * A Riemannian metric on a box-shaped domain whose matrix is diagonal and whose i-th entry depends
 * on x_i only: g_ii(x) = 1/m_i(x_i), with m_i the <em>mobility</em>.
 *
 * <p>Such a metric is flat. The {@link #isometric(int, double) isometric coordinates}
 * u_i = φ_i(x_i) = ∫ √g_ii make the geodesic distance Euclidean, d_G(x, y) = ‖φ(x) − φ(y)‖₂, and
 * geodesics straight lines in u (docs/design.md §1; HNN paper eqs. (12), (13), (29), (30) corrected).
 *
 * <p>Implementations are immutable and thread-safe. Coordinate indices run from 0 to
 * {@link #dimension()} − 1.
 */
public interface DiagonalMetric {

    /** The dimension n of the state space. */
    int dimension();

    /** m_i(x_i) = 1/g_ii(x_i) ≥ 0. */
    double mobility(int i, double xi);

    /** dm_i/dx_i at x_i. */
    double mobilityDerivative(int i, double xi);

    /** g_ii(x_i) = 1/m_i(x_i). */
    default double metric(int i, double xi) {
        return 1 / mobility(i, xi);
    }

    /** Isometric coordinate u_i = φ_i(x_i). */
    double isometric(int i, double xi);

    /** x_i = φ_i⁻¹(u_i). */
    double inverseIsometric(int i, double ui);

    /** Lower end of the domain of coordinate i (0 for the Hopfield cube, −∞ for R). */
    double lowerBound(int i);

    /** Upper end of the domain of coordinate i (1 for the Hopfield cube, +∞ for R). */
    double upperBound(int i);

    /** φ_i at the lower end of the domain (−∞ when unbounded). */
    default double isometricLowerBound(int i) {
        double lo = lowerBound(i);
        return Double.isInfinite(lo) ? Double.NEGATIVE_INFINITY : isometric(i, lo);
    }

    /** φ_i at the upper end of the domain (+∞ when unbounded). */
    default double isometricUpperBound(int i) {
        double hi = upperBound(i);
        return Double.isInfinite(hi) ? Double.POSITIVE_INFINITY : isometric(i, hi);
    }

    /**
     * The activation σ_i of coordinate i when this is the Hessian metric of activations,
     * g_i(x) = 1/σ_i'(σ_i⁻¹(x)) (HNN paper, eq. (3)), and empty otherwise: the flows written in the
     * hidden state z = σ⁻¹(x) (the Hopfield ODE, mirror descent) need it. The Hopfield metric gives
     * its activations, the Euclidean metric the {@link IdentityActivation}; the default is empty.
     */
    default Optional<Activation> activationOf(int i) {
        return Optional.empty();
    }

    /**
     * The gain g of coordinate i when its mobility is m(x) = g·(x − a)(b − x) on its bounded range
     * (a, b), else NaN (see {@link io.github.hopflow.geometry.activation.Activation#quadraticMobilityGain()}).
     * The default is NaN: a metric states the form it has, no caller infers it from the type.
     */
    default double quadraticMobilityGain(int i) {
        return Double.NaN;
    }

    /**
     * Checks that {@code x} has this metric's dimension and lies in the closed domain.
     *
     * @param name the parameter name used in the error message
     * @param x the point; not modified
     * @throws IllegalArgumentException naming the parameter, the coordinate and the value
     */
    default void requireInDomain(String name, double[] x) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException(
                    name + " must have dimension " + dimension() + ", got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (!(v >= lowerBound(i) && v <= upperBound(i)) || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v + " is outside the domain ["
                        + lowerBound(i) + ", " + upperBound(i) + "]");
            }
        }
    }
}
