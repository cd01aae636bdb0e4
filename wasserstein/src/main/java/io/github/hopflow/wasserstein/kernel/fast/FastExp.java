package io.github.hopflow.wasserstein.kernel.fast;

/**
 * A fast exponential for the kernel loops, accurate to a few units in the last place of a double.
 *
 * <p>Method: x = (64k + j)·ln2/64 + r with |r| ≤ ln2/128, exp(x) = 2^k · 2^(j/64) · p(r) where
 * 2^(j/64) comes from a table and p is the degree-6 Taylor polynomial of exp (truncation error
 * below 1e-18 relative on that interval). The reduction uses a two-part ln2/64 (Cody–Waite), so
 * the relative error stays below 5e-16 (about two units in the last place) wherever the result is a normal double. Arguments below
 * −708 (results that would be subnormal) go to {@link Math#exp}; the result is 0 below −745 and
 * +∞ above 709.78, as for {@link Math#exp}. It is several times faster than {@link Math#exp} on
 * HotSpot because the body is branch-light and inlines into the caller's loop.
 */
public final class FastExp {

    private static final double[] TABLE = new double[64];
    private static final double INV_LN2_64 = 64 / Math.log(2);
    /** High part of ln2/64, with trailing zero bits so that k·LN2_64_HI is exact for |k| < 2^21. */
    private static final double LN2_64_HI;
    private static final double LN2_64_LO;
    private static final double LOWER = -708.0;
    private static final double UPPER = 709.0;

    static {
        for (int j = 0; j < 64; j++) {
            TABLE[j] = Math.pow(2, j / 64.0);
        }
        // fdlibm's two-part ln2 (high part with 32 significant bits), divided exactly by 64.
        LN2_64_HI = Double.longBitsToDouble(0x3fe62e42fee00000L) / 64;
        LN2_64_LO = Double.longBitsToDouble(0x3dea39ef35793c76L) / 64;
    }

    private FastExp() {
    }

    /**
     * e^x.
     *
     * @param x any double (NaN gives NaN)
     * @return e^x, within 5e-16 relative where the result is a normal double
     */
    public static double exp(double x) {
        if (!(x >= LOWER && x <= UPPER)) {
            return Math.exp(x);
        }
        double kd = Math.rint(x * INV_LN2_64);
        int k = (int) kd;
        double r = (x - kd * LN2_64_HI) - kd * LN2_64_LO;
        double p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
        int j = k & 63;
        int e = k >> 6;
        double scale = Double.longBitsToDouble((long) (e + 1023) << 52);
        return TABLE[j] * p * scale;
    }

    /** Largest argument of {@link #negativeExp} with the stated relative accuracy. */
    static final double NEGATIVE_EXP_RANGE = 90.0;

    /** Largest argument {@link #negativeExp} accepts. */
    static final double NEGATIVE_EXP_LIMIT = 200.0;

    /** Largest argument {@link #negativeExpAccurate} accepts. */
    static final double NEGATIVE_EXP_ACCURATE_LIMIT = 700.0;

    /**
     * out[i] = e^{−y[i]} for i in [0, count) to single precision, by a loop that HotSpot's C2
     * vectorises (multiplies and adds only): with a = −y/256, e^{−y} = (p(a))^256 where p is the
     * degree-9 Taylor polynomial of e^a and the power is eight squarings. For
     * 0 ≤ y ≤ {@value #NEGATIVE_EXP_RANGE}, |a| ≤ 0.36, the polynomial's relative error is below
     * 1.2e-11 and the squarings multiply it by 256: the result is within 4e-9 relative of e^{−y}
     * (asserted by the tests), far below a float's 6e-8. For y up to {@value #NEGATIVE_EXP_LIMIT}
     * the result is a positive number within e^{−80} of e^{−y}. Larger, negative or NaN arguments
     * give unspecified results: callers clamp.
     *
     * @param y arguments in [0, {@value #NEGATIVE_EXP_LIMIT}]. Not modified.
     * @param count the number of entries to compute
     * @param out results. Modified.
     */
    static void negativeExp(double[] y, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            double a = y[i] * (-1.0 / 256);
            double p = 1 + a * (1 + a * (1.0 / 2 + a * (1.0 / 6 + a * (1.0 / 24 + a * (1.0 / 120 + a * (1.0 / 720
                    + a * (1.0 / 5040 + a * (1.0 / 40320 + a * (1.0 / 362880)))))))));
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            out[i] = p;
        }
    }

    /**
     * out[i] = e^{−y[i]} for i in [0, count) to 1e-12 relative, by a loop that C2 vectorises: with
     * a = −y/2048, e^{−y} = (p(a))^2048 where p is the degree-13 Taylor polynomial of e^a and the
     * power is eleven squarings. For 0 ≤ y ≤ {@value #NEGATIVE_EXP_ACCURATE_LIMIT}, |a| ≤ 0.35: the
     * polynomial's truncation error is below 1e-17 and the rounding of p, amplified by the squarings,
     * dominates: the result is within 1e-12 relative of e^{−y} (5e-13 measured, asserted by the
     * tests). Larger, negative or NaN arguments give unspecified results: callers clamp.
     *
     * @param y arguments in [0, {@value #NEGATIVE_EXP_ACCURATE_LIMIT}]. Not modified.
     * @param count the number of entries to compute
     * @param out results. Modified.
     */
    static void negativeExpAccurate(double[] y, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            double a = y[i] * (-1.0 / 2048);
            double p = 1 + a * (1 + a * (1.0 / 2 + a * (1.0 / 6 + a * (1.0 / 24 + a * (1.0 / 120 + a * (1.0 / 720
                    + a * (1.0 / 5040 + a * (1.0 / 40320 + a * (1.0 / 362880 + a * (1.0 / 3628800
                    + a * (1.0 / 39916800 + a * (1.0 / 479001600 + a * (1.0 / 6227020800.0)))))))))))));
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            out[i] = p;
        }
    }
}
