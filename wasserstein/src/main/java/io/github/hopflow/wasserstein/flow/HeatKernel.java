package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.geometry.metric.DiagonalMetric;

/**
 * The heat kernel of one coordinate of a diagonal metric: the transition density H_s(x | x′) of
 * ∂ρ/∂s = ∂_x(m(x) ∂_x ρ) (the diffusion machine with f = 0 and T = 1, run for the time s = ∫T dt),
 * as a density in x with respect to dx. It is symmetric in x and x′ and integrates to one over
 * the coordinate's range in either argument. Two kinds of coordinate have a closed-form kernel:
 * <ul>
 *   <li><b>quadratic mobility</b> m(x) = g·(x − a)(b − x) on a bounded range (a, b) (every
 *       sigmoid activation of the paper: the logistic with gain g and the scaled tanh with g = 4β):
 *       with ξ = (x − a)/(b − a), z = 1 − 2ξ is the height of a point on the unit sphere moving by
 *       Brownian motion at sphere time τ = g·s (Archimedes: dξ is the sphere's area element
 *       projected on its axis), so H is the azimuth average of the sphere's heat kernel. It is
 *       approximated by the von Mises–Fisher kernel of the same mean cosine,
 *       <pre>H(x | x′) = κ/sinh κ · e^{κ z z′} · I₀(κ s s′) / (b − a),  s = √(1 − z²) = 2√(ξ(1 − ξ)),</pre>
 *       with coth κ − 1/κ = e^{−2τ} (exact as τ → 0 and as τ → ∞, and boundary-exact: no mass
 *       leaves the range);</li>
 *   <li><b>constant mobility</b> m = c on the whole line (the Euclidean metric): the Gaussian of
 *       variance 2c·s.</li>
 * </ul>
 * Other mobilities are refused ({@link #supports}).
 *
 * <p>Immutable.
 */
final class HeatKernel {

    /** Largest relative deviation of m from the fitted closed form accepted by {@link #of}. */
    static final double FORM_TOLERANCE = 1e-9;
    /** Above this concentration coth κ = 1 in double precision, so κ = 1/(1 − e^{−2τ}) exactly. */
    private static final double LARGE_KAPPA = 20;

    private final boolean sphere;
    private final double lower;
    private final double width;
    /** g for a sphere coordinate (sphere time per unit s), c for a Gaussian one. */
    private final double rate;

    private HeatKernel(boolean sphere, double lower, double width, double rate) {
        this.sphere = sphere;
        this.lower = lower;
        this.width = width;
        this.rate = rate;
    }

    /**
     * The kernel of coordinate {@code i} of {@code metric}.
     *
     * @throws IllegalArgumentException naming the coordinate if its mobility is neither quadratic
     *     on a bounded range nor constant on the whole line
     */
    static HeatKernel of(DiagonalMetric metric, int i) {
        HeatKernel k = tryOf(metric, i);
        if (k == null) {
            throw new IllegalArgumentException("coordinate " + i + " of the metric has a mobility that is neither"
                    + " g(x - a)(b - x) on a bounded range nor constant on the whole line (range ["
                    + metric.lowerBound(i) + ", " + metric.upperBound(i) + "]); the transition values need one of the"
                    + " two: use the paper's values for this metric");
        }
        return k;
    }

    /** Whether every coordinate of {@code metric} has a closed-form heat kernel. */
    static boolean supports(DiagonalMetric metric) {
        for (int i = 0; i < metric.dimension(); i++) {
            if (tryOf(metric, i) == null) {
                return false;
            }
        }
        return true;
    }

    private static HeatKernel tryOf(DiagonalMetric metric, int i) {
        double a = metric.lowerBound(i);
        double b = metric.upperBound(i);
        if (Double.isFinite(a) && Double.isFinite(b) && b > a) {
            double w = b - a;
            double g = metric.mobility(i, a + 0.5 * w) / (0.25 * w * w);
            if (!(g > 0) || Double.isInfinite(g)) {
                return null;
            }
            for (double xi : new double[] {1e-3, 0.01, 0.1, 0.3, 0.45, 0.7, 0.9, 0.99, 0.999}) {
                double x = a + xi * w;
                double q = g * (x - a) * (b - x);
                if (!(Math.abs(metric.mobility(i, x) - q) <= FORM_TOLERANCE * q)) {
                    return null;
                }
            }
            // ξ = (x − a)/w has mobility m/w² = g ξ(1 − ξ): the sphere moves at rate g
            return new HeatKernel(true, a, w, g);
        }
        if (a == Double.NEGATIVE_INFINITY && b == Double.POSITIVE_INFINITY) {
            double c = metric.mobility(i, 0);
            if (!(c > 0) || Double.isInfinite(c)) {
                return null;
            }
            for (double x : new double[] {-1e6, -10, -1, -0.1, 0.1, 1, 10, 1e6}) {
                if (!(Math.abs(metric.mobility(i, x) - c) <= FORM_TOLERANCE * c)) {
                    return null;
                }
            }
            return new HeatKernel(false, 0, 1, c);
        }
        return null;
    }

    /** Whether this is the sphere (quadratic-mobility) kind. */
    boolean sphere() {
        return sphere;
    }

    /** ξ = (x − a)/(b − a) of a sphere coordinate, clamped to [0, 1]. */
    double unit(double x) {
        return Math.min(1, Math.max(0, (x - lower) / width));
    }

    /** The sphere time τ = g·s of a sphere coordinate, the variance 2c·s of a Gaussian one. */
    double spread(double s) {
        return sphere ? rate * s : 2 * rate * s;
    }

    /**
     * The log of the kernel's normalising constant at spread {@code spread} (see {@link #spread}):
     * log(2κ/(1 − e^{−2κ})) − log(b − a) for the sphere, −½ log(2π·variance) for the Gaussian.
     */
    double logNormaliser(double spread) {
        return sphere ? sphereLogNormaliser(concentration(spread)) : -0.5 * Math.log(2 * Math.PI * spread);
    }

    /** The log normaliser log(2κ/(1 − e^{−2κ})) − log(b − a) of a sphere coordinate at concentration κ. */
    double sphereLogNormaliser(double kappa) {
        return Math.log(2 * kappa / -Math.expm1(-2 * kappa)) - Math.log(width);
    }

    /**
     * The concentration κ of the von Mises–Fisher kernel whose mean cosine equals the sphere heat
     * kernel's at time τ: coth κ − 1/κ = e^{−2τ}.
     *
     * @param tau τ &gt; 0
     */
    static double concentration(double tau) {
        double target = Math.exp(-2 * tau);
        double large = 1 / -Math.expm1(-2 * tau);
        if (large >= LARGE_KAPPA) {
            return large;
        }
        // Newton on the increasing, concave L(κ) = coth κ − 1/κ, from the side where it converges
        double k = Math.min(LARGE_KAPPA, Math.max(3 * target, 1e-300));
        for (int it = 0; it < 100; it++) {
            double l;
            double dl;
            if (k < 1e-2) {
                double k2 = k * k;
                l = k / 3 * (1 - k2 / 15 * (1 - 2 * k2 / 21));
                dl = 1.0 / 3 - k2 / 15 + 2 * k2 * k2 / 189;
            } else {
                double sh = Math.sinh(k);
                l = 1 / Math.tanh(k) - 1 / k;
                dl = 1 / (k * k) - 1 / (sh * sh);
            }
            double next = k - (l - target) / dl;
            if (!(next > 0)) {
                next = 0.5 * k;
            }
            if (Math.abs(next - k) <= 1e-15 * k) {
                return next;
            }
            k = next;
        }
        return k;
    }

    /**
     * e^{−a}·I₀(a) for a ≥ 0, relative error below 5e-7 by the bounds below (2e-7 measured by the
     * tests): {@link #besselSmall} times e^{−a} up to
     * {@value #BESSEL_SPLIT}, {@link #besselLarge} up to {@value #ASYMPTOTIC}, then the asymptotic
     * series 1 + 1/(8a) + 9/(128a²) + 225/(3072a³) + 11025/(98304a⁴) over √(2πa) (its first omitted
     * term is below 8e-8 there).
     */
    static double scaledBessel(double a) {
        if (a <= BESSEL_SPLIT) {
            return besselSmall(a) * Math.exp(-a);
        }
        double r = 1 / Math.sqrt(a);
        if (a < ASYMPTOTIC) {
            return besselLarge(r);
        }
        double u = r * r;
        return INV_SQRT_2PI * r * (1 + u * (0.125 + u * (0.0703125 + u * (0.0732421875 + u * 0.112152099609375))));
    }

    /** The argument below which {@link #besselSmall}, above which {@link #besselLarge} applies. */
    static final double BESSEL_SPLIT = 3.75;

    /**
     * I₀(a) for 0 ≤ a ≤ {@value #BESSEL_SPLIT} (Abramowitz &amp; Stegun 9.8.1, |ε| &lt; 1.6e-7
     * relative).
     */
    static double besselSmall(double a) {
        double t = a * (1 / BESSEL_SPLIT);
        t *= t;
        return 1 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768
                + t * 0.0045813)))));
    }

    /**
     * e^{−a}·I₀(a) for a ≥ {@value #BESSEL_SPLIT} from r = 1/√a (Abramowitz &amp; Stegun 9.8.2,
     * |ε| &lt; 1.9e-7 absolute on √a·e^{−a}I₀(a) ≥ 0.39, so below 5e-7 relative); the kernel loops
     * form r from per-point factors without a division or a square root.
     */
    static double besselLarge(double r) {
        double u = BESSEL_SPLIT * r * r;
        return r * (0.39894228 + u * (0.01328592 + u * (0.00225319 + u * (-0.00157565 + u * (0.00916281
                + u * (-0.02057706 + u * (0.02635537 + u * (-0.01647633 + u * 0.00392377))))))));
    }

    /** Above this argument {@link #scaledBessel} uses the asymptotic series. */
    static final double ASYMPTOTIC = 20;

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
}
