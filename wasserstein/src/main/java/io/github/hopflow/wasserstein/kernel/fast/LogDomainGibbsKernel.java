package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.wasserstein.kernel.GibbsKernel;

/**
 * The exact Gibbs kernel in the log domain, nothing stored: every output is a two-pass
 * log-sum-exp over recomputed costs (O(M·N·n) per product, no M × N memory). Finite wherever the
 * exact product is, for any τ, dimension and dynamic range; the fallback when a stored kernel
 * would not fit in memory. Outputs are computed in fixed blocks, so results do not depend on the
 * number of threads.
 *
 * <p>Keeps references to the point arrays; the caller must not modify them while it is in use.
 */
public final class LogDomainGibbsKernel implements GibbsKernel {

    private final int dim;
    private final double[] u;
    private final double[] v;
    private final double tau;
    private final int threads;

    private LogDomainGibbsKernel(int dim, double[] u, double[] v, double tau, int threads) {
        this.dim = dim;
        this.u = u;
        this.v = v;
        this.tau = tau;
        this.threads = threads;
    }

    /**
     * A log-domain kernel.
     *
     * @param dimension n ≥ 1
     * @param u row points, flat M × n, finite. Not modified; referenced while the kernel is used.
     * @param v column points, flat N × n, finite. Not modified; referenced while the kernel is used.
     * @param tau τ &gt; 0
     * @param threads the most threads to use (≥ 1); results do not depend on it
     * @throws IllegalArgumentException naming the parameter and its value
     */
    public static LogDomainGibbsKernel of(int dimension, double[] u, double[] v, double tau, int threads) {
        KernelChecks.check(dimension, u, v, tau);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new LogDomainGibbsKernel(dimension, u, v, tau, threads);
    }

    @Override
    public int rows() {
        return u.length / dim;
    }

    @Override
    public int columns() {
        return v.length / dim;
    }

    @Override
    public double tau() {
        return tau;
    }

    @Override
    public void logMultiply(double[] logB, double[] out) {
        KernelChecks.vectors("logB", logB, columns(), "out", out, rows());
        run(u, v, logB, out);
    }

    @Override
    public void logMultiplyTranspose(double[] logA, double[] out) {
        KernelChecks.vectors("logA", logA, rows(), "out", out, columns());
        run(v, u, logA, out);
    }

    private void run(double[] targets, double[] sources, double[] logW, double[] out) {
        int nt = targets.length / dim;
        int ns = sources.length / dim;
        double invTau = 1 / tau;
        int blocks = (nt + 63) / 64;
        Parallel.forEach(blocks, threads, b -> {
            int t1 = Math.min(nt, (b + 1) * 64);
            for (int t = b * 64; t < t1; t++) {
                out[t] = ExactLogSum.logSumExp(targets, t, sources, ns, dim, invTau, logW);
            }
        });
    }
}
