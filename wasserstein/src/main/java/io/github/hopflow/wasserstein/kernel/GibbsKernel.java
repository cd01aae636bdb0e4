package io.github.hopflow.wasserstein.kernel;

/**
 * The Gibbs kernel K(j, i) = exp(−C(j, i)/τ) of a squared-distance cost C(j, i) = ‖u_j − v_i‖²
 * between M row points u (e.g. the previous cloud, in isometric coordinates) and N column points v,
 * applied to vectors in the log domain.
 *
 * <p>Sinkhorn uses τ = ε; the proximal (JKO) step of the density flow uses Γ = exp(−C/(2ε)), i.e.
 * τ = 2ε (DESIGN.md §1, step 2). Working with logarithms (log-sum-exp) keeps every quantity finite
 * where the plain kernel underflows (small τ, large costs, many dimensions).
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
