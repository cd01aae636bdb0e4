package io.github.hopflow.wasserstein.kernel;

import java.util.Optional;

/**
 * The Gibbs kernel K(j, i) = exp(−C(j, i)/τ) of a squared-distance cost C(j, i) = ‖u_j − v_i‖²
 * between M row points u (e.g. the previous cloud, in isometric coordinates) and N column points v,
 * applied to vectors in the log domain.
 *
 * <p>Sinkhorn uses τ = ε; the proximal (JKO) step of the density flow uses Γ = exp(−C/(2ε)), i.e.
 * τ = 2ε (docs/design.md §1, step 2). Working with logarithms (log-sum-exp) keeps every quantity finite
 * where the plain kernel underflows (small τ, large costs, many dimensions).
 *
 * <p>Three groups of operations:
 * <ol>
 *   <li>{@link #logMultiply} and {@link #logMultiplyTranspose}: exact log-domain products, the
 *       reference path that never underflows;</li>
 *   <li>{@link #logMultiplyEstimate} and {@link #logMultiplyTransposeEstimate}: cheap estimates of
 *       the same products, used only to choose stabilising scalings (the dense kernel uses the
 *       max-plus product max_i(−C/τ + log b_i), which lies within log N below the exact value);</li>
 *   <li>{@link #scaled}: an optional <em>stabilised plain-domain</em> view
 *       K̃ = diag(e^α) K diag(e^β) whose plain products cost one multiply-add per entry instead of
 *       one exponential. Solvers choose α, β near their current log-potentials so that the scaled
 *       vectors stay near 1, check ranges every iteration, and re-scale ("absorb") or fall back to
 *       the log-domain products when a value leaves the safe range.</li>
 * </ol>
 *
 * <p>Implementations may be exact (dense) or approximate (sub-quadratic); an approximate one states
 * its error bound. An instance is bound to one pair of point sets and one τ, and is not required
 * to be thread-safe: it may use internal work arrays.
 */
public interface GibbsKernel {

    /** The number M of row points. */
    int rows();

    /** The number N of column points. */
    int columns();

    /** The temperature τ of the kernel exp(−C/τ). */
    double tau();

    /**
     * log(K b): {@code out[j] = log Σ_i exp(−C(j, i)/τ + logB[i])} for every row j.
     *
     * @param logB length N, entries finite or −∞. Not modified.
     * @param out length M. Modified.
     */
    void logMultiply(double[] logB, double[] out);

    /**
     * log(Kᵀ a): {@code out[i] = log Σ_j exp(−C(j, i)/τ + logA[j])} for every column i.
     *
     * @param logA length M, entries finite or −∞. Not modified.
     * @param out length N. Modified.
     */
    void logMultiplyTranspose(double[] logA, double[] out);

    /**
     * An estimate e of log(K b) with log(K b) − log N ≤ e ≤ log(K b) (or exact), used to choose
     * scalings. The default is exact.
     *
     * @param logB length N. Not modified.
     * @param out length M. Modified.
     */
    default void logMultiplyEstimate(double[] logB, double[] out) {
        logMultiply(logB, out);
    }

    /**
     * An estimate e of log(Kᵀ a) with log(Kᵀ a) − log M ≤ e ≤ log(Kᵀ a) (or exact). The default
     * is exact.
     *
     * @param logA length M. Not modified.
     * @param out length N. Modified.
     */
    default void logMultiplyTransposeEstimate(double[] logA, double[] out) {
        logMultiplyTranspose(logA, out);
    }

    /**
     * The scaled kernel K̃(j, i) = exp(α_j − C(j, i)/τ + β_i) for plain-domain products, if this
     * kernel offers one. Entries below e^−700 may be stored as 0. Building it may cost one
     * exponential per entry; a later call to this method (or to a log-domain method of a kernel
     * that shares storage between the two paths) may invalidate earlier views, whose methods then
     * throw {@link IllegalStateException}.
     *
     * @param alpha length M, entries finite or −∞. Not modified.
     * @param beta length N, entries finite or −∞. Not modified.
     * @return the view, or empty when this kernel supports the log domain only (the default)
     */
    default Optional<ScaledGibbsKernel> scaled(double[] alpha, double[] beta) {
        return Optional.empty();
    }

    /**
     * Whether {@link #scaled} may return a view. Solvers skip choosing scalings (two estimated
     * products) for kernels that answer false. The default is false, matching the default
     * {@link #scaled}.
     */
    default boolean offersScaled() {
        return false;
    }

    /**
     * Builds kernels for given point sets: the seam through which the solvers choose between
     * exact and fast kernels.
     */
    @FunctionalInterface
    interface Factory {

        /**
         * A kernel between row points {@code u} and column points {@code v}.
         *
         * @param dimension n, the number of coordinates per point
         * @param u row points, flat row-major M × n, in isometric coordinates. Not modified;
         *     the kernel may keep a reference only for the duration of its use by one solve.
         * @param v column points, flat row-major N × n. Not modified (same proviso).
         * @param tau τ &gt; 0
         */
        GibbsKernel create(int dimension, double[] u, double[] v, double tau);
    }
}
