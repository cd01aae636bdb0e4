package io.github.hopflow.wasserstein.kernel;

/**
 * A stabilised plain-domain view K̃ = diag(e^α) K diag(e^β) of a {@link GibbsKernel}, obtained from
 * {@link GibbsKernel#scaled}: products with it cost one multiply-add per entry. The caller keeps
 * its vectors near 1 (absorbing their logarithms into α, β when they drift) so that nothing
 * overflows or underflows.
 */
public interface ScaledGibbsKernel {

    /** The number M of rows. */
    int rows();

    /** The number N of columns. */
    int columns();

    /**
     * {@code out[j] = Σ_i K̃(j, i) b[i]}.
     *
     * @param b length N. Not modified.
     * @param out length M. Modified.
     * @throws IllegalStateException if the view was invalidated by a later scaling
     */
    void multiply(double[] b, double[] out);

    /**
     * {@code out[i] = Σ_j K̃(j, i) a[j]}.
     *
     * @param a length M. Not modified.
     * @param out length N. Modified.
     * @throws IllegalStateException if the view was invalidated by a later scaling
     */
    void multiplyTranspose(double[] a, double[] out);

    /**
     * The limit θ on the scaled vectors: products are accurate (to the view's stated error) when
     * every entry of the multiplied vector lies in [e^−θ, e^θ], and solvers absorb their scalings
     * before a vector leaves that range. The default, +∞, means the view's accuracy does not depend
     * on the range (solvers then use their own limit, chosen against overflow and underflow).
     */
    default double scalingLimit() {
        return Double.POSITIVE_INFINITY;
    }
}
