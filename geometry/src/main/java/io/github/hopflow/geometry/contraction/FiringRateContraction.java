package io.github.hopflow.geometry.contraction;

/**
 * One-sided Lipschitz constants (contraction rates when negative) of the firing-rate map
 * f_FR(x) = −x + Φ(Ax + u) whose activations Φ_i are slope-restricted, d_min ≤ Φ_i' ≤ d_max with
 * 0 ≤ d_min ≤ d_max (contraction-theory slides, "tight transcription"). Since
 * D f_FR = −I + diag(d)A with d ∈ [d_min, d_max]^n and the log norm is convex, the supremum is
 * reached at a vertex of the cube, and for the ∞- and 1-norms at one of two:
 * <ul>
 *   <li>osLip_∞ = max{μ_∞(−I + d_min A), μ_∞(−I + d_max A)};
 *   <li>osLip_1 = max{μ₁(−I + d_max A), μ₁(−I + d_max A − (d_max − d_min)(I∘A))};
 * </ul>
 * and the same with the diagonally weighted log norms of {@link LogNorms} (diagonal scalings
 * commute with diag(d)).
 */
public final class FiringRateContraction {

    private FiringRateContraction() {
    }

    private static void requireSlopes(double dMin, double dMax) {
        if (!(dMin >= 0) || Double.isInfinite(dMin)) {
            throw new IllegalArgumentException("dMin must be a finite number ≥ 0, got " + dMin);
        }
        if (!(dMax >= dMin) || Double.isInfinite(dMax)) {
            throw new IllegalArgumentException("dMax must be a finite number ≥ dMin = " + dMin + ", got " + dMax);
        }
    }

    /** −I + d·A − c·(I∘A): a new array. */
    private static double[] jacobian(double[] a, int n, double d, double diagonalCorrection) {
        double[] j = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                j[r * n + c] = d * a[r * n + c];
            }
            j[r * n + r] += -1 - diagonalCorrection * a[r * n + r];
        }
        return j;
    }

    /** osLip_∞(f_FR) = max{μ_∞(−I + d_min A), μ_∞(−I + d_max A)}. A: n·n row-major, not modified. */
    public static double oneSidedLipschitzInfinity(double[] a, double dMin, double dMax) {
        int n = LogNorms.order(a);
        requireSlopes(dMin, dMax);
        return Math.max(LogNorms.muInfinity(jacobian(a, n, dMin, 0)), LogNorms.muInfinity(jacobian(a, n, dMax, 0)));
    }

    /** The same in the weighted norm max_i |x_i|/η_i. */
    public static double oneSidedLipschitzInfinity(double[] a, double dMin, double dMax, double[] eta) {
        int n = LogNorms.order(a);
        requireSlopes(dMin, dMax);
        LogNorms.requireWeights("eta", eta, n);
        return Math.max(LogNorms.muInfinityWeighted(jacobian(a, n, dMin, 0), eta),
                LogNorms.muInfinityWeighted(jacobian(a, n, dMax, 0), eta));
    }

    /** osLip_1(f_FR) = max{μ₁(−I + d_max A), μ₁(−I + d_max A − (d_max − d_min)(I∘A))}. */
    public static double oneSidedLipschitz1(double[] a, double dMin, double dMax) {
        int n = LogNorms.order(a);
        requireSlopes(dMin, dMax);
        return Math.max(LogNorms.mu1(jacobian(a, n, dMax, 0)), LogNorms.mu1(jacobian(a, n, dMax, dMax - dMin)));
    }

    /** The same in the weighted norm Σ η_i|x_i|. */
    public static double oneSidedLipschitz1(double[] a, double dMin, double dMax, double[] eta) {
        int n = LogNorms.order(a);
        requireSlopes(dMin, dMax);
        LogNorms.requireWeights("eta", eta, n);
        return Math.max(LogNorms.mu1Weighted(jacobian(a, n, dMax, 0), eta),
                LogNorms.mu1Weighted(jacobian(a, n, dMax, dMax - dMin), eta));
    }
}
