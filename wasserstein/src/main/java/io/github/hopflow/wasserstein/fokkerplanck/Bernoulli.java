package io.github.hopflow.wasserstein.fokkerplanck;

/**
 * The Bernoulli function B(z) = z/(eᶻ − 1) of the Scharfetter–Gummel flux, and the rate
 * T·B(δ/T) = δ/(e^{δ/T} − 1) with its T → 0 limit max(−δ, 0).
 *
 * <p>B is positive and decreasing, B(0) = 1, B(−z) = eᶻ B(z), B(z) → −z as z → −∞ and
 * B(z) ~ z e^{−z} as z → +∞. It is evaluated without cancellation, overflow or 0/0:
 * <ul>
 *   <li>|z| &lt; 10⁻²: the Taylor series 1 − z/2 + z²/12 − z⁴/720 (next term z⁶/30240, below
 *       10⁻¹⁶ relative);</li>
 *   <li>z &gt; 40: z e^{−z} (1 − e^{−z} = 1 in double precision), which underflows gracefully to 0;</li>
 *   <li>otherwise z / expm1(z), accurate to a few ulp.</li>
 * </ul>
 */
final class Bernoulli {

    private static final double SERIES_LIMIT = 1e-2;
    private static final double LARGE = 40;

    private Bernoulli() {
    }

    /** B(z) = z/(eᶻ − 1), for any z that is not NaN. */
    static double value(double z) {
        double abs = Math.abs(z);
        if (abs < SERIES_LIMIT) {
            double z2 = z * z;
            return 1 - 0.5 * z + z2 * (1.0 / 12 - z2 * (1.0 / 720));
        }
        if (z > LARGE) {
            return z * Math.exp(-z);
        }
        return z / Math.expm1(z);
    }

    /**
     * B(z)e^{z/2} = (z/2)/sinh(z/2), the geometric mean √(B(z)B(−z)), even in z: the off-diagonal
     * factor of the symmetrised operator. Series 1 − a²/6 + 7a⁴/360 − 31a⁶/15120 for a = |z|/2 &lt;
     * 10⁻² (next term below 10⁻¹⁹), 2a e^{−a} for a &gt; 20 (where 1 − e^{−2a} = 1), a/sinh(a)
     * otherwise.
     */
    static double symmetric(double z) {
        double a = 0.5 * Math.abs(z);
        if (a < SERIES_LIMIT) {
            double a2 = a * a;
            return 1 - a2 * (1.0 / 6 - a2 * (7.0 / 360 - a2 * (31.0 / 15120)));
        }
        if (a > 20) {
            return Double.isInfinite(a) ? 0 : 2 * a * Math.exp(-a);
        }
        return a / Math.sinh(a);
    }

    /**
     * The Scharfetter–Gummel rate factor T·B(δ/T) = δ/(e^{δ/T} − 1) for T &gt; 0, and its limit
     * max(−δ, 0) (the upwind flux of pure transport) for T = 0.
     *
     * @param delta δ = f(x_l) − f(x_k), the rise of f from the donor cell k to the receiver l
     * @param temperature T ≥ 0
     */
    static double rate(double delta, double temperature) {
        if (temperature == 0) {
            return delta < 0 ? -delta : 0;
        }
        double z = delta / temperature;
        if (Double.isInfinite(z)) {
            return delta < 0 ? -delta : 0;
        }
        return temperature * value(z);
    }
}
