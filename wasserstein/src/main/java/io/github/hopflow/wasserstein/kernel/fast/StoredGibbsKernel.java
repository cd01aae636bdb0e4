package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.wasserstein.kernel.GibbsKernel;

/**
 * The exact Gibbs kernel K(j, i) = exp(−‖u_j − v_i‖²/τ), built once and stored, for moderate sizes
 * (up to a few thousand points per side) and any dimension.
 *
 * <p><b>Storage.</b> Each row is stabilised by its own maximum: with e(j, i) = −‖u_j − v_i‖²/τ and
 * r_j = max_i e(j, i), the stored entries are K̂(j, i) = exp(e(j, i) − r_j) ∈ (0, 1], in
 * {@link Storage#FLOAT float} (relative error 6e-8 per entry, half the memory and bandwidth; the
 * entries are computed by the vectorised {@link FastExp#negativeExp}; kernels of at most 2^18
 * entries are stored row-major only, split into two fixed groups of rows that the two halves of a
 * parallel build and of every product touch, so that on two cores each half stays in its own
 * core's cache: K b is a dot product per row, Kᵀa the sum, in group order, of the two groups'
 * partial axpy sums; no transposition to build) or
 * {@link Storage#DOUBLE double} (relative error ≈ 2e-16), in both row-major and column-major
 * layouts so that both products run as cache-blocked, vectorisable axpy loops. Entries below the
 * storage's floor (e^−87 for float, e^−708 for double) are stored as 0; a float kernel with at
 * most a quarter of its entries non-zero (high dimension with small τ: in n = 10 on the paper's
 * metric a random pair is about 9.3/τ nats below a point's own neighbour, so for τ ≤ 0.05 nearly
 * every entry is below e^−87) is stored compressed, rows and columns, so that its
 * products cost one multiply-add per non-zero entry. The squared distances are
 * formed from coordinate differences (no cancellation), with the column points held
 * coordinate-major so that the loop over columns vectorises like a GEMM panel; building costs
 * M·N·(n + 1 exponential), with a fast exponential ({@link FastExp}).
 *
 * <p><b>Plain domain when safe, log domain otherwise.</b> A product shifts its input by its
 * maximum, exponentiates (N exponentials) and multiplies in the plain domain. The only terms lost
 * are stored zeros and inputs below e^−745 of the maximum, at most N·e^floor in total; an output
 * whose plain-domain sum is below N·e^floor·e^30 could therefore be off by more than e^−30
 * relative, and is recomputed exactly by a log-sum-exp over its row. When more than an eighth of
 * the outputs need that (inputs spanning hundreds of decades, tiny τ), the whole product is done
 * by log-sum-exp. Either way every output is within the storage's entry error (plus rounding) of
 * the exact log-domain product.
 *
 * <p><b>Threads.</b> Outputs are computed in fixed blocks, each by one thread in a fixed summation
 * order, so results are bit-identical whatever the number of threads.
 *
 * <p>The kernel keeps references to the point arrays (for the exact recomputation); the caller must
 * not modify them while the kernel is in use. Not thread-safe: products use internal work arrays.
 */
public final class StoredGibbsKernel implements GibbsKernel {

    /** Precision of the stored kernel entries. */
    public enum Storage {
        /**
         * Relative error 6e-8 per entry: 4 bytes per entry.
         */
        FLOAT,
        /** 8 bytes per entry, relative error ≈ 2e-16 per entry. */
        DOUBLE
    }

    /** Outputs per block of the blocked products (a block's accumulators stay in L1). */
    private static final int BLOCK = 512;
    /** A float kernel with at most this fraction of non-zero entries is stored compressed. */
    private static final double SPARSE_FRACTION = 0.25;
    /** Products with fewer entries than this run on the caller's thread (no fork-join overhead). */
    private static final long SERIAL_ENTRIES = 1L << 19;
    /**
     * Float kernels with at most this many entries are stored row-major only, in two fixed groups of
     * rows (see the class comment).
     */
    private static final long SMALL_ENTRIES = 1L << 18;
    /** Rows per block of the build. */
    private static final int ROW_BLOCK = 64;
    /** Float floor: entries below e^−87 are stored as 0. */
    private static final double FLOAT_FLOOR = -87.0;
    /** Relative size e^−30 that lost terms may reach before an output is recomputed exactly. */
    private static final double TRUST_MARGIN = 30;

    private final int dim;
    private final int m;
    private final int n;
    private final double tau;
    private final double[] u;
    private final double[] v;
    private final Storage storage;
    private final int threads;
    private float[] rowF;
    private float[] colF;
    /** Compressed rows (and columns) of a float kernel with few non-zero entries, else null. */
    private int[] rowPtr;
    private int[] rowIdx;
    private float[] rowVal;
    private int[] colPtr;
    private int[] colIdx;
    private float[] colVal;
    private double[] rowD;
    private double[] colD;
    private final double[] rowShift;
    private final double trustMin;
    private final double[] wRows;
    private final double[] wCols;
    private final double[] sums;
    /** Float kernels of at most {@link #SMALL_ENTRIES} entries: rows only, in two row groups. */
    private final boolean rowsOnly;
    /** First row of the second row group (rows-only kernels). */
    private final int split;
    /** Partial column sums of the two row groups, 2 × N (rows-only kernels), else null. */
    private final double[] partial;

    /** Entry arrays shared by the kernels of one recycling factory (one kernel in use at a time). */
    private static final class Buffers {
        float[] rowF;
        float[] colF;
        double[] rowD;
        double[] colD;
        /** Incremented by every kernel built on these buffers; a kernel is valid while its stamp is current. */
        long stamp;
    }

    private final Buffers buffers;
    private final long stamp;

    private StoredGibbsKernel(int dim, double[] u, double[] v, double tau, Storage storage, int threads,
            Buffers shared) {
        this.dim = dim;
        this.m = u.length / dim;
        this.n = v.length / dim;
        this.tau = tau;
        this.u = u;
        this.v = v;
        this.storage = storage;
        this.threads = threads;
        long entries = (long) m * n;
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("M·N must be below 2^31 for a stored kernel, got M = " + m
                    + ", N = " + n);
        }
        boolean f = storage == Storage.FLOAT;
        boolean small = f && entries <= SMALL_ENTRIES;
        int size = (int) entries;
        buffers = shared != null ? shared : new Buffers();
        stamp = ++buffers.stamp;
        rowsOnly = small;
        split = ROW_BLOCK * (((m + ROW_BLOCK - 1) / ROW_BLOCK) / 2);
        partial = small ? new double[2 * n] : null;
        if (f) {
            buffers.rowF = floats(buffers.rowF, size);
            rowF = buffers.rowF;
        } else {
            buffers.rowD = doubles(buffers.rowD, size);
            rowD = buffers.rowD;
            buffers.colD = doubles(buffers.colD, size);
            colD = buffers.colD;
        }
        colF = null;
        rowShift = new double[m];
        double floor = f ? FLOAT_FLOOR : -708.0;
        trustMin = Math.exp(Math.log(Math.max(m, n)) + floor + TRUST_MARGIN);
        wRows = new double[m];
        wCols = new double[n];
        sums = new double[Math.max(m, n)];
        build(floor);
    }

    /**
     * Builds and stores the kernel between row points {@code u} and column points {@code v}.
     *
     * @param dimension n ≥ 1
     * @param u row points, flat M × n, finite. Not modified; referenced while the kernel is used.
     * @param v column points, flat N × n, finite. Not modified; referenced while the kernel is used.
     * @param tau τ &gt; 0, finite
     * @param storage entry precision
     * @param threads the most threads to use (≥ 1); results do not depend on it
     * @throws IllegalArgumentException naming the parameter and its value
     */
    public static StoredGibbsKernel of(int dimension, double[] u, double[] v, double tau, Storage storage,
            int threads) {
        KernelChecks.check(dimension, u, v, tau);
        if (storage == null) {
            throw new IllegalArgumentException("storage must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new StoredGibbsKernel(dimension, u, v, tau, storage, threads, null);
    }

    /**
     * A factory whose kernels share their entry arrays, so that a sequence of kernels of the same size
     * (one per proximal step) allocates nothing: creating a kernel invalidates the previous one, whose
     * products then throw {@link IllegalStateException}.
     *
     * @param storage entry precision
     * @param threads the most threads (≥ 1)
     */
    public static GibbsKernel.Factory recyclingFactory(Storage storage, int threads) {
        if (storage == null) {
            throw new IllegalArgumentException("storage must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Buffers shared = new Buffers();
        return (dimension, u, v, tau) -> {
            KernelChecks.check(dimension, u, v, tau);
            return new StoredGibbsKernel(dimension, u, v, tau, storage, threads, shared);
        };
    }

    private static float[] floats(float[] old, int size) {
        return old != null && old.length >= size ? old : new float[size];
    }

    private static double[] doubles(double[] old, int size) {
        return old != null && old.length >= size ? old : new double[size];
    }

    private void checkCurrent() {
        if (buffers.stamp != stamp) {
            throw new IllegalStateException("this kernel's storage was reused by a later kernel of its factory");
        }
    }

    /** The entry precision. */
    public Storage storage() {
        return storage;
    }

    /** Bytes held by the stored entries (all layouts). */
    public long storedBytes() {
        if (rowPtr != null) {
            return 16L * rowVal.length + 4L * (m + n + 2);
        }
        return (rowsOnly ? 4L : rowF != null ? 8L : 16L) * m * n;
    }

    /** Whether the entries are stored compressed (most of a float kernel below the floor). */
    public boolean compressed() {
        return rowPtr != null;
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

    private void build(double floor) {
        final double[] vt = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                vt[k * n + i] = v[i * dim + k];
            }
        }
        final double invTau = 1 / tau;
        int rowBlocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
        final boolean single = storage == Storage.FLOAT;
        java.util.function.IntConsumer rowBlock = b -> {
            double[][] e = new double[4][n];
            double[] w = single ? new double[n] : null;
            int j1 = Math.min(m, (b + 1) * ROW_BLOCK);
            for (int j = b * ROW_BLOCK; j < j1; j += 4) {
                int rows = Math.min(4, j1 - j);
                squaredDistances(j, rows, vt, e);
                for (int q = 0; q < rows; q++) {
                    double[] eq = e[q];
                    double minC = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        double c = eq[i];
                        if (c < minC) {
                            minC = c;
                        }
                    }
                    rowShift[j + q] = -minC * invTau;
                    int off = (j + q) * n;
                    if (single) {
                        fillSingle(rowF, rowD, off, eq, w, n, invTau, minC);
                    } else {
                        fillDouble(rowD, off, eq, n, invTau, minC * invTau, floor);
                    }
                }
            }
        };
        if (rowsOnly) {
            int half = split / ROW_BLOCK;
            Parallel.pair(threads, g -> {
                int b1 = g == 0 ? half : rowBlocks;
                for (int b = g == 0 ? 0 : half; b < b1; b++) {
                    rowBlock.accept(b);
                }
            });
        } else {
            Parallel.forEach(rowBlocks, threads, rowBlock);
        }
        if (rowF != null) {
            long nnz = 0;
            int entries = m * n;
            for (int q = 0; q < entries; q++) {
                if (rowF[q] != 0f) {
                    nnz++;
                }
            }
            if (nnz <= SPARSE_FRACTION * entries) {
                compress((int) nnz);
                return;
            }
            if (rowsOnly) {
                return;
            }
            buffers.colF = floats(buffers.colF, entries);
            colF = buffers.colF;
        }
        int colBlocks = (n + 63) / 64;
        Parallel.forEach(colBlocks, threads, b -> {
            int i1 = Math.min(n, (b + 1) * 64);
            for (int j0 = 0; j0 < m; j0 += 64) {
                int j1 = Math.min(m, j0 + 64);
                for (int i = b * 64; i < i1; i++) {
                    int dst = i * m;
                    for (int j = j0; j < j1; j++) {
                        if (rowF != null) {
                            colF[dst + j] = rowF[j * n + i];
                        } else {
                            colD[dst + j] = rowD[j * n + i];
                        }
                    }
                }
            }
        });
    }

    /**
     * Single-precision accuracy: dst[off + i] = exp(−(c[i] − minC)·invTau) by the vectorised
     * {@link FastExp#negativeExp} (relative error 3e-12 before rounding to float), 0 below the
     * float floor; into {@code f} when it is not null, else into {@code d}.
     *
     * @param c squared distances. Modified (replaced by the exponents' negatives).
     * @param w work array of length ≥ count. Modified.
     */
    private static void fillSingle(float[] f, double[] d, int off, double[] c, double[] w, int count, double invTau,
            double minC) {
        for (int i = 0; i < count; i++) {
            c[i] = (c[i] - minC) * invTau;
        }
        FastExp.negativeExp(c, count, w);
        double limit = -FLOAT_FLOOR;
        if (f != null) {
            for (int i = 0; i < count; i++) {
                f[off + i] = c[i] > limit ? 0f : (float) w[i];
            }
        } else {
            for (int i = 0; i < count; i++) {
                d[off + i] = c[i] > limit ? 0.0 : w[i];
            }
        }
    }

    /**
     * e[q][i] = ‖u_{j+q} − v_i‖² for q &lt; rows (≤ 4) and every column i, from coordinate differences;
     * four rows at a time over column tiles that stay in L1, so that each coordinate of the column
     * points is loaded once for four rows.
     *
     * @param vt column points, coordinate-major. Not modified.
     * @param e four rows of length N. Modified.
     */
    private void squaredDistances(int j, int rows, double[] vt, double[][] e) {
        double[] e0 = e[0];
        double[] e1 = e[1];
        double[] e2 = e[2];
        double[] e3 = e[3];
        for (int q = 0; q < 4; q++) {
            java.util.Arrays.fill(e[q], 0.0);
        }
        for (int c0 = 0; c0 < n; c0 += 256) {
            int c1 = Math.min(n, c0 + 256);
            for (int k = 0; k < dim; k++) {
                // rows beyond {@code rows} repeat the last row (their results are not used)
                double a0 = u[j * dim + k];
                double a1 = u[(j + Math.min(1, rows - 1)) * dim + k];
                double a2 = u[(j + Math.min(2, rows - 1)) * dim + k];
                double a3 = u[(j + Math.min(3, rows - 1)) * dim + k];
                int off = k * n;
                for (int i = c0; i < c1; i++) {
                    double x = vt[off + i];
                    double d0 = a0 - x;
                    double d1 = a1 - x;
                    double d2 = a2 - x;
                    double d3 = a3 - x;
                    e0[i] += d0 * d0;
                    e1[i] += d1 * d1;
                    e2[i] += d2 * d2;
                    e3[i] += d3 * d3;
                }
            }
        }
    }

    /** dst[off + i] = exp(−c[i]·invTau + base), 0 below the floor. */
    private static void fillDouble(double[] dst, int off, double[] c, int count, double invTau, double base,
            double floor) {
        for (int i = 0; i < count; i++) {
            double x = base - c[i] * invTau;
            dst[off + i] = x < floor ? 0.0 : FastExp.exp(x);
        }
    }

    /** Replaces the dense float rows by compressed rows and columns (same values, same order). */
    private void compress(int nnz) {
        rowPtr = new int[m + 1];
        rowIdx = new int[nnz];
        rowVal = new float[nnz];
        colPtr = new int[n + 1];
        colIdx = new int[nnz];
        colVal = new float[nnz];
        int p = 0;
        for (int j = 0; j < m; j++) {
            int off = j * n;
            for (int i = 0; i < n; i++) {
                float x = rowF[off + i];
                if (x != 0f) {
                    rowIdx[p] = i;
                    rowVal[p] = x;
                    colPtr[i + 1]++;
                    p++;
                }
            }
            rowPtr[j + 1] = p;
        }
        for (int i = 0; i < n; i++) {
            colPtr[i + 1] += colPtr[i];
        }
        int[] next = java.util.Arrays.copyOf(colPtr, n);
        for (int j = 0; j < m; j++) {
            for (int q = rowPtr[j]; q < rowPtr[j + 1]; q++) {
                int c = next[rowIdx[q]]++;
                colIdx[c] = j;
                colVal[c] = rowVal[q];
            }
        }
        rowF = null;
    }

    /** acc[o] = Σ over the compressed entries of output o, in increasing source order. */
    private void sparseProduct(int[] ptr, int[] idx, float[] val, double[] w, int outs, double[] acc) {
        int blocks = (outs + 255) / 256;
        int useThreads = ptr[outs] < SERIAL_ENTRIES ? 1 : threads;
        Parallel.forEach(blocks, useThreads, b -> {
            int o1 = Math.min(outs, (b + 1) * 256);
            for (int o = b * 256; o < o1; o++) {
                double s = 0;
                for (int q = ptr[o]; q < ptr[o + 1]; q++) {
                    s += val[q] * w[idx[q]];
                }
                acc[o] = s;
            }
        });
    }

    @Override
    public void logMultiply(double[] logB, double[] out) {
        KernelChecks.vectors("logB", logB, n, "out", out, m);
        checkCurrent();
        double shift = max(logB, null);
        if (shift == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(out, 0, m, Double.NEGATIVE_INFINITY);
            return;
        }
        for (int i = 0; i < n; i++) {
            wCols[i] = FastExp.exp(logB[i] - shift);
        }
        // out_j = r_j + shift + log Σ_i K̂(j,i) w_i, accumulated along columns i in order.
        if (rowPtr != null) {
            sparseProduct(rowPtr, rowIdx, rowVal, wCols, m, sums);
        } else if (rowsOnly) {
            dotProduct(rowF, wCols, m, n, sums);
        } else {
            axpyProduct(colF, colD, wCols, n, m, sums);
        }
        int bad = 0;
        for (int j = 0; j < m; j++) {
            if (!(sums[j] >= trustMin)) {
                bad++;
            }
        }
        if (bad > m / 8) {
            exactAll(true, logB, out);
            return;
        }
        for (int j = 0; j < m; j++) {
            double s = sums[j];
            if (s >= trustMin) {
                out[j] = rowShift[j] + shift + Math.log(s);
            } else {
                out[j] = exactRow(j, logB);
            }
        }
    }

    @Override
    public void logMultiplyTranspose(double[] logA, double[] out) {
        KernelChecks.vectors("logA", logA, m, "out", out, n);
        checkCurrent();
        double shift = max(logA, rowShift);
        if (shift == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(out, 0, n, Double.NEGATIVE_INFINITY);
            return;
        }
        for (int j = 0; j < m; j++) {
            wRows[j] = FastExp.exp(logA[j] + rowShift[j] - shift);
        }
        if (colPtr != null) {
            sparseProduct(colPtr, colIdx, colVal, wRows, n, sums);
        } else if (rowsOnly) {
            groupedTransposeProduct(rowF, wRows, sums);
        } else {
            axpyProduct(rowF, rowD, wRows, m, n, sums);
        }
        int bad = 0;
        for (int i = 0; i < n; i++) {
            if (!(sums[i] >= trustMin)) {
                bad++;
            }
        }
        if (bad > n / 8) {
            exactAll(false, logA, out);
            return;
        }
        for (int i = 0; i < n; i++) {
            double s = sums[i];
            if (s >= trustMin) {
                out[i] = shift + Math.log(s);
            } else {
                out[i] = exactColumn(i, logA);
            }
        }
    }

    /**
     * sums[o] = Σ_s K[s·outs + o]·w[s] for o in [0, outs), summed over s in increasing order, in
     * blocks of outputs.
     */
    private void axpyProduct(float[] kf, double[] kd, double[] w, int srcs, int outs, double[] acc) {
        // Every output is summed over s in increasing order whatever the partition, so the block
        // width may depend on the thread count without changing any result.
        int width = BLOCK;
        if (threads > 1) {
            width = Math.min(BLOCK, Math.max(64, ((outs + 2 * threads - 1) / (2 * threads) + 7) & ~7));
        }
        final int bw = width;
        int blocks = (outs + bw - 1) / bw;
        int useThreads = (long) srcs * outs < SERIAL_ENTRIES ? 1 : threads;
        Parallel.forEach(blocks, useThreads, b -> {
            int o0 = b * bw;
            int o1 = Math.min(outs, o0 + bw);
            java.util.Arrays.fill(acc, o0, o1, 0.0);
            if (kf != null) {
                for (int s = 0; s < srcs; s++) {
                    double ws = w[s];
                    if (ws == 0) {
                        continue;
                    }
                    int off = s * outs;
                    for (int o = o0; o < o1; o++) {
                        acc[o] += kf[off + o] * ws;
                    }
                }
            } else {
                for (int s = 0; s < srcs; s++) {
                    double ws = w[s];
                    if (ws == 0) {
                        continue;
                    }
                    int off = s * outs;
                    for (int o = o0; o < o1; o++) {
                        acc[o] += kd[off + o] * ws;
                    }
                }
            }
        });
    }

    /**
     * acc[j] = Σ_i K[j·cols + i]·w[i] for every row j, four interleaved partial sums in a fixed
     * order; the two row groups in parallel.
     *
     * @param k row-major entries. Not modified.
     * @param w weights of the columns. Not modified.
     * @param acc outputs, one per row. Modified.
     */
    private void dotProduct(float[] k, double[] w, int rows, int cols, double[] acc) {
        Parallel.pair(threads, g -> {
            int j0 = g == 0 ? 0 : split;
            int j1 = g == 0 ? split : rows;
            for (int j = j0; j < j1; j++) {
                int r = j * cols;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int i = 0;
                for (; i + 3 < cols; i += 4) {
                    s0 += k[r + i] * w[i];
                    s1 += k[r + i + 1] * w[i + 1];
                    s2 += k[r + i + 2] * w[i + 2];
                    s3 += k[r + i + 3] * w[i + 3];
                }
                for (; i < cols; i++) {
                    s0 += k[r + i] * w[i];
                }
                acc[j] = (s0 + s1) + (s2 + s3);
            }
        });
    }

    /**
     * acc[i] = p₀[i] + p₁[i] with p_g[i] = Σ_{j in row group g} K[j·n + i]·w[j], summed over j in
     * increasing order; the two groups in parallel, so the sums do not depend on the threads.
     *
     * @param k row-major entries. Not modified.
     * @param w weights of the rows. Not modified.
     * @param acc outputs, one per column. Modified.
     */
    private void groupedTransposeProduct(float[] k, double[] w, double[] acc) {
        Parallel.pair(threads, g -> {
            int j0 = g == 0 ? 0 : split;
            int j1 = g == 0 ? split : m;
            int base = g * n;
            java.util.Arrays.fill(partial, base, base + n, 0.0);
            for (int j = j0; j < j1; j++) {
                double wj = w[j];
                if (wj == 0) {
                    continue;
                }
                int off = j * n - base;
                for (int i = base; i < base + n; i++) {
                    partial[i] += k[off + i] * wj;
                }
            }
        });
        for (int i = 0; i < n; i++) {
            acc[i] = partial[i] + partial[n + i];
        }
    }

    private static double max(double[] a, double[] add) {
        double mx = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            double x = add == null ? a[i] : a[i] + add[i];
            if (x > mx) {
                mx = x;
            }
        }
        return mx;
    }

    private void exactAll(boolean rowsOut, double[] logIn, double[] out) {
        int outs = rowsOut ? m : n;
        int blocks = (outs + 63) / 64;
        Parallel.forEach(blocks, threads, b -> {
            int o1 = Math.min(outs, (b + 1) * 64);
            for (int o = b * 64; o < o1; o++) {
                out[o] = rowsOut ? exactRow(o, logIn) : exactColumn(o, logIn);
            }
        });
    }

    private double exactRow(int j, double[] logB) {
        return ExactLogSum.logSumExp(u, j, v, n, dim, 1 / tau, logB);
    }

    private double exactColumn(int i, double[] logA) {
        return ExactLogSum.logSumExp(v, i, u, m, dim, 1 / tau, logA);
    }
}
