package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import io.github.hopflow.wasserstein.kernel.ScaledGibbsKernel;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Gibbs kernel K(j, i) = exp(−‖u_j − v_i‖²/τ) with a <em>truncated</em> stabilised
 * plain-domain view for Sinkhorn-type solvers (Schmitzer 2019, "Stabilized sparse scaling
 * algorithms for entropy regularized transport problems", §3–4): the log-domain products are exact
 * ({@link LogDomainGibbsKernel}), and {@link #scaled} stores only the entries of
 * K̃(j, i) = exp(x_ji), x_ji = α_j + β_i − ‖u_j − v_i‖²/τ, that can matter: compressed rows (for
 * K̃b) keep the entries within κ nats of their row's largest entry, compressed columns (for K̃ᵀa)
 * those within κ nats of their column's largest entry, in double precision.
 *
 * <p><b>Error bound.</b> Let θ be the {@linkplain ScaledGibbsKernel#scalingLimit scaling limit}: the
 * solver keeps every entry of a vector it multiplies in [e^−θ, e^θ] (and absorbs it into α, β
 * otherwise). A dropped entry of row j is below e^−κ times the row's largest entry, so the dropped
 * part of (K̃ b)_j is at most N·e^−κ·max K̃(j,·)·max b, while the kept part is at least
 * max K̃(j,·)·min b; hence every output of a product is exact up to a relative
 * N·e^{2θ−κ} (and the same for columns). With κ = 2θ + log max(M, N) + 37 that is below
 * e^−37 ≈ 1e-16, the rounding level of double arithmetic: the truncated products are as exact as
 * dense double products, while solvers that keep their scalings absorbed (near their fixed point,
 * K̃ is close to the transport plan, which is concentrated near the diagonal for small τ) touch
 * only a fraction of the entries. Entries with x below −745 are stored as 0 (as exp does).
 *
 * <p>Building a view costs four passes over the M·N pairs (count and fill, by rows and by columns)
 * and one exponential per kept entry; it uses at most 12 bytes per kept entry and layout. Rows and columns
 * are computed in fixed blocks, each summed in a fixed order, so results do not depend on the
 * number of threads. A view is invalidated by the next call to {@link #scaled}.
 */
public final class TruncatedGibbsKernel implements GibbsKernel {

    /** Default scaling limit θ (nats). */
    public static final double DEFAULT_SCALING_LIMIT = 10.0;
    /** Products with fewer stored entries than this run on the caller's thread. */
    private static final int SERIAL_ENTRIES = 1 << 16;
    private static final int BLOCK = 64;

    private final int dim;
    private final int m;
    private final int n;
    private final double tau;
    private final double[] u;
    private final double[] v;
    private final int threads;
    private final double theta;
    private final double kappa;
    private final LogDomainGibbsKernel exact;
    private final Store store;

    /** Arrays shared by the kernels of one recycling factory (one kernel in use at a time). */
    private static final class Store {
        int[] rowPtr = new int[0];
        int[] rowIdx = new int[0];
        double[] rowVal = new double[0];
        int[] colPtr = new int[0];
        int[] colIdx = new int[0];
        double[] colVal = new double[0];
        /** Incremented by every build: a view is valid while the stamp it was made with is current. */
        long stamp;
    }

    private TruncatedGibbsKernel(int dim, double[] u, double[] v, double tau, double theta, int threads,
            Store store) {
        this.dim = dim;
        this.m = u.length / dim;
        this.n = v.length / dim;
        this.tau = tau;
        this.u = u;
        this.v = v;
        this.threads = threads;
        this.theta = theta;
        this.kappa = 2 * theta + Math.log(Math.max(m, n)) + 37;
        this.exact = LogDomainGibbsKernel.of(dim, u, v, tau, threads);
        this.store = store;
    }

    /**
     * A kernel between row points {@code u} and column points {@code v}.
     *
     * @param dimension n ≥ 1
     * @param u row points, flat M × n, finite. Not modified; referenced while the kernel is used.
     * @param v column points, flat N × n, finite. Not modified; referenced while the kernel is used.
     * @param tau τ &gt; 0, finite
     * @param scalingLimit θ in [1, 150]: solvers keep multiplied vectors in [e^−θ, e^θ]
     * @param threads the most threads (≥ 1); results do not depend on it
     * @throws IllegalArgumentException naming the parameter and its value
     */
    public static TruncatedGibbsKernel of(int dimension, double[] u, double[] v, double tau, double scalingLimit,
            int threads) {
        KernelChecks.check(dimension, u, v, tau);
        checkArgs(scalingLimit, threads);
        return new TruncatedGibbsKernel(dimension, u, v, tau, scalingLimit, threads, new Store());
    }

    /**
     * A factory whose kernels share their storage (one kernel in use at a time, as in the stages of
     * one Sinkhorn solve); scaling limit {@link #DEFAULT_SCALING_LIMIT}.
     *
     * @param threads the most threads (≥ 1)
     */
    public static GibbsKernel.Factory recyclingFactory(int threads) {
        checkArgs(DEFAULT_SCALING_LIMIT, threads);
        Store store = new Store();
        return (dimension, u, v, tau) -> {
            KernelChecks.check(dimension, u, v, tau);
            return new TruncatedGibbsKernel(dimension, u, v, tau, DEFAULT_SCALING_LIMIT, threads, store);
        };
    }

    private static void checkArgs(double scalingLimit, int threads) {
        if (!(scalingLimit >= 1 && scalingLimit <= 150)) {
            throw new IllegalArgumentException("scalingLimit must be in [1, 150], got " + scalingLimit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    @Override
    public int rows() {
        return m;
    }

    @Override
    public int columns() {
        return n;
    }

    @Override
    public double tau() {
        return tau;
    }

    /** The truncation depth κ = 2θ + log max(M, N) + 37 (nats below a row's or column's largest entry). */
    public double truncation() {
        return kappa;
    }

    @Override
    public void logMultiply(double[] logB, double[] out) {
        exact.logMultiply(logB, out);
    }

    @Override
    public void logMultiplyTranspose(double[] logA, double[] out) {
        exact.logMultiplyTranspose(logA, out);
    }

    @Override
    public boolean offersScaled() {
        return true;
    }

    @Override
    public Optional<ScaledGibbsKernel> scaled(double[] alpha, double[] beta) {
        KernelChecks.vectors("alpha", alpha, m, "beta", beta, n);
        for (int j = 0; j < m; j++) {
            if (Double.isNaN(alpha[j]) || alpha[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("alpha[" + j + "] must be finite or -Infinity, got " + alpha[j]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(beta[i]) || beta[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("beta[" + i + "] must be finite or -Infinity, got " + beta[i]);
            }
        }
        store.stamp++;
        build(alpha, beta);
        return Optional.of(new View(store.stamp));
    }

    private void build(double[] alpha, double[] beta) {
        Store s = store;
        if (s.rowPtr.length < m + 1) {
            s.rowPtr = new int[m + 1];
        }
        if (s.colPtr.length < n + 1) {
            s.colPtr = new int[n + 1];
        }
        double[] ut = transpose(u, m);
        double[] vt = transpose(v, n);
        // rows keep the entries within κ of their row's largest, columns within κ of their column's
        s.rowIdx = select(u, m, alpha, vt, n, beta, s.rowPtr, s.rowIdx, true);
        s.rowVal = fill(u, m, alpha, vt, n, beta, s.rowPtr, s.rowIdx, s.rowVal);
        s.colIdx = select(v, n, beta, ut, m, alpha, s.colPtr, s.colIdx, false);
        s.colVal = fill(v, n, beta, ut, m, alpha, s.colPtr, s.colIdx, s.colVal);
    }

    /** Points flat count × dim, coordinate-major. */
    private double[] transpose(double[] p, int count) {
        double[] t = new double[count * dim];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < dim; k++) {
                t[k * count + i] = p[i * dim + k];
            }
        }
        return t;
    }

    /**
     * Counts the kept entries of every output o (within κ of the output's largest exponent) into
     * ptr (prefix sums); returns idx, grown if needed (contents undefined until {@link #fill}).
     */
    private int[] select(double[] outPts, int outs, double[] outScale, double[] srcT, int srcs, double[] srcScale,
            int[] ptr, int[] idx, boolean rowsOut) {
        final int[] count = new int[outs];
        final double invTau = 1 / tau;
        final double k = kappa;
        int blocks = (outs + BLOCK - 1) / BLOCK;
        Parallel.forEach(blocks, threads, b -> {
            double[] e = new double[srcs];
            int o1 = Math.min(outs, (b + 1) * BLOCK);
            for (int o = b * BLOCK; o < o1; o++) {
                exponents(outPts, o, outScale[o], srcT, srcs, srcScale, invTau, e);
                double mx = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < srcs; i++) {
                    mx = Math.max(mx, e[i]);
                }
                double cut = mx - k;
                int c = 0;
                if (mx > Double.NEGATIVE_INFINITY) {
                    for (int i = 0; i < srcs; i++) {
                        c += e[i] >= cut ? 1 : 0;
                    }
                }
                count[o] = c;
            }
        });
        ptr[0] = 0;
        long total = 0;
        for (int o = 0; o < outs; o++) {
            total += count[o];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("too many kernel entries for a truncated kernel: M = " + m
                        + ", N = " + n);
            }
            ptr[o + 1] = (int) total;
        }
        int nnz = (int) total;
        if (idx.length < nnz) {
            return new int[(int) Math.min(Integer.MAX_VALUE - 8, (long) nnz + nnz / 4)];
        }
        return idx;
    }

    /** Fills idx and the values exp(e) of the entries counted by {@link #select}; returns val, grown if needed. */
    private double[] fill(double[] outPts, int outs, double[] outScale, double[] srcT, int srcs, double[] srcScale,
            int[] ptr, int[] idx, double[] val) {
        final double[] values = val.length < idx.length ? new double[idx.length] : val;
        final double invTau = 1 / tau;
        final double k = kappa;
        int blocks = (outs + BLOCK - 1) / BLOCK;
        Parallel.forEach(blocks, threads, b -> {
            double[] e = new double[srcs];
            int o1 = Math.min(outs, (b + 1) * BLOCK);
            for (int o = b * BLOCK; o < o1; o++) {
                int p = ptr[o];
                if (p == ptr[o + 1]) {
                    continue;
                }
                exponents(outPts, o, outScale[o], srcT, srcs, srcScale, invTau, e);
                double mx = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < srcs; i++) {
                    mx = Math.max(mx, e[i]);
                }
                double cut = mx - k;
                for (int i = 0; i < srcs; i++) {
                    double x = e[i];
                    if (x >= cut) {
                        idx[p] = i;
                        values[p] = FastExp.exp(x);
                        p++;
                    }
                }
            }
        });
        return values;
    }

    /**
     * e[i] = s_o + t_i − ‖p_o − q_i‖²/τ for every source i ({@code srcT}: sources coordinate-major).
     */
    private void exponents(double[] outPts, int o, double so, double[] srcT, int srcs, double[] srcScale,
            double invTau, double[] e) {
        Arrays.fill(e, 0.0);
        for (int k = 0; k < dim; k++) {
            double pk = outPts[o * dim + k];
            int off = k * srcs;
            for (int i = 0; i < srcs; i++) {
                double d = pk - srcT[off + i];
                e[i] += d * d;
            }
        }
        for (int i = 0; i < srcs; i++) {
            e[i] = so + srcScale[i] - e[i] * invTau;
        }
    }

    /** The number of stored entries of the current view (rows and columns together). */
    public long storedEntries() {
        return (store.rowPtr.length > m ? store.rowPtr[m] : 0) + (store.colPtr.length > n ? store.colPtr[n] : 0);
    }

    /** The plain-domain view of the current truncated scaled kernel. */
    private final class View implements ScaledGibbsKernel {
        private final long stamp;

        View(long stamp) {
            this.stamp = stamp;
        }

        private void checkValid() {
            if (store.stamp != stamp) {
                throw new IllegalStateException("this scaled kernel view was invalidated by a later scaling");
            }
        }

        @Override
        public int rows() {
            return m;
        }

        @Override
        public int columns() {
            return n;
        }

        @Override
        public double scalingLimit() {
            return theta;
        }

        @Override
        public void multiply(double[] b, double[] out) {
            KernelChecks.vectors("b", b, n, "out", out, m);
            checkValid();
            product(store.rowPtr, store.rowIdx, store.rowVal, b, m, out);
        }

        @Override
        public void multiplyTranspose(double[] a, double[] out) {
            KernelChecks.vectors("a", a, m, "out", out, n);
            checkValid();
            product(store.colPtr, store.colIdx, store.colVal, a, n, out);
        }
    }

    /** out[o] = Σ over the stored entries of output o, in increasing source order. */
    private void product(int[] ptr, int[] idx, double[] val, double[] w, int outs, double[] out) {
        int blocks = (outs + BLOCK - 1) / BLOCK;
        int use = ptr[outs] < SERIAL_ENTRIES ? 1 : threads;
        Parallel.forEach(blocks, use, b -> {
            int o1 = Math.min(outs, (b + 1) * BLOCK);
            for (int o = b * BLOCK; o < o1; o++) {
                double s0 = 0;
                double s1 = 0;
                int q = ptr[o];
                int end = ptr[o + 1];
                for (; q + 1 < end; q += 2) {
                    s0 += val[q] * w[idx[q]];
                    s1 += val[q + 1] * w[idx[q + 1]];
                }
                if (q < end) {
                    s0 += val[q] * w[idx[q]];
                }
                out[o] = s0 + s1;
            }
        });
    }
}
