package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import java.util.Arrays;

/**
 * The exact Gibbs kernel K(j, i) = exp(−‖u_j − v_i‖²/τ), built once and stored, for moderate sizes
 * (up to a few thousand points per side) and any dimension.
 *
 * <p><b>Layout.</b> The kernel is stored by rows, one array per row point u_j, so that Kᵀa is a
 * sum of whole rows scaled by weights, acc[i] += row_j[i]·a_j — the loop that HotSpot's C2
 * compiles to vector instructions (on JDK 17 it does not vectorise sums read at a per-row offset
 * into one flat array, or float-to-double conversions) — and K b is one dot product per row, which
 * reads each entry once (C2 on JDK 17 does not vectorise it; a second, column layout would make
 * it an axpy too, but building it costs more than it saves: measured at N = 500). Sparse kernels
 * also store their columns, both layouts compressed (see below). Each line s (a row, or a
 * column) is stored with its own shift: with e(s, o) = ‖·‖²/τ between the line's point and the
 * output point o, the line holds exp(−(e(s, o) − m_s)) where m_s is the line's smallest exponent,
 * so its largest entry is 1; exponents beyond a cap E are clamped to it. When every pair of points
 * lies within √(E·τ) of each other (checked from the bounding box of all the points), the shift is
 * 0 and each line needs no minimum.
 *
 * <p><b>Precision.</b> {@link Storage#DOUBLE} entries are within 1e-12 relative of the exact value
 * for exponents up to E = 700 (a vectorised exponential, {@link FastExp#negativeExpAccurate}), and
 * below e^−699 beyond. {@link Storage#FLOAT} entries have single precision (relative error ≤ 1.2e-7)
 * and are computed by {@link FastExp#negativeExp} with E = 200 (entries below e^−80 are off by at
 * most e^−80): kernels of at most {@value #DOUBLE_HELD_ENTRIES} entries hold them in double arrays
 * (their products need no conversion; the axpy vectorises); larger ones round them to float, with E = 87
 * so that no float is subnormal (half the memory and bandwidth). A kernel whose entries are mostly
 * below e^−87 (judged from a sample of rows; high dimension with small τ: in n = 10 on the paper's
 * metric a random pair is about 9.3/τ nats below a point's own neighbour, so for τ ≤ 0.05 nearly
 * every entry is below e^−87) is rounded to float whatever its size, with the entries below e^−87
 * stored as 0, and a layout with at most a quarter of its entries non-zero is stored compressed, so
 * that its products cost one multiply-add per non-zero entry.
 *
 * <p><b>Plain domain when safe, log domain otherwise.</b> A product shifts its weighted input by
 * its maximum, exponentiates (one exponential per line) and multiplies in the plain domain. The
 * only terms that can be wrong are entries below the storage's floor (e^−80 for single precision,
 * e^−700 for double), each off by at most the floor, and inputs below e^floor of the maximum, which
 * are dropped (this also keeps products of small entries and small weights out of the slow
 * subnormal range): at most 2L·e^floor in total for L lines. An output whose plain-domain sum is
 * below L·e^floor·e^30 could therefore be off by more than 2e^−30 relative, and is recomputed exactly by a log-sum-exp over the
 * points; when more than an eighth of the outputs need that (inputs spanning hundreds of decades,
 * tiny τ), the whole product is done by log-sum-exp. Either way every output is within the
 * storage's entry error (plus rounding) of the exact log-domain product.
 *
 * <p><b>Threads.</b> The lines of each layout are split into two fixed groups; a product sums each
 * group's lines in increasing order into its own partial sums and adds the two groups' sums, so
 * results are bit-identical whatever the number of threads. The build (blocks of lines) and the
 * products (one group over one block of outputs) are divided into small tasks that the threads
 * claim as they go, so that no thread waits while another has work.
 *
 * <p>The kernel keeps references to the point arrays (for the exact recomputation); the caller must
 * not modify them while the kernel is in use. Not thread-safe: products use internal work arrays.
 */
public final class StoredGibbsKernel implements GibbsKernel {

    /** Precision of the stored kernel entries. */
    public enum Storage {
        /**
         * Single precision: relative error ≤ 1.2e-7 per entry; 8 bytes per entry (doubles) up to
         * {@value StoredGibbsKernel#DOUBLE_HELD_ENTRIES} entries, 4 above (floats), less when
         * compressed.
         */
        FLOAT,
        /** Relative error ≤ 1e-12 per entry (5e-13 measured); 8 bytes per entry. */
        DOUBLE
    }

    /**
     * Single-precision kernels with at most this many entries per layout are held in double arrays
     * (see the class comment).
     */
    static final long DOUBLE_HELD_ENTRIES = 1L << 21;
    /** A float layout with at most this fraction of non-zero entries is stored compressed. */
    private static final double SPARSE_FRACTION = 0.25;
    /** Kernels with fewer entries than this are built and multiplied on the caller's thread. */
    private static final long SERIAL_ENTRIES = 1L << 14;
    /** Lines per build task and per dot-product task. */
    private static final int LINE_BLOCK = 16;
    /**
     * Outputs per axpy task of a kernel held in doubles (small, cache-resident: many short tasks
     * balance the two threads best). A float kernel (large, read from memory) splits its outputs
     * into four blocks per row group instead, so that a task reads long runs of every row: short
     * runs of many rows defeat the hardware prefetchers (Kᵀa at N = 2000, n = 10 took 1.75–2.15 ms
     * with 64 outputs per task, 1.15–1.28 ms with four blocks, on two threads).
     */
    private static final int OUTPUT_BLOCK = 64;
    /** Float entries below e^−87 are stored as 0. */
    private static final double FLOAT_FLOOR = -87.0;
    /**
     * Floors of the error analysis: a single-precision entry below e^−80 (0 in a float array, the
     * tail of {@link FastExp#negativeExp} in a double array) may be wrong by up to e^−80, a double
     * entry below e^−700 by up to e^−700.
     */
    private static final double SINGLE_TRUST_FLOOR = -80.0;
    private static final double DOUBLE_FLOOR = -FastExp.NEGATIVE_EXP_ACCURATE_LIMIT;
    /**
     * Largest exponent of a dense float array: smaller entries are stored as e^−87 (a normal float,
     * off by at most e^−87), so that no float is subnormal and the conversion needs no test.
     */
    private static final double DENSE_FLOAT_CAP = 87.0;
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
    /** Rows u_j over columns (Kᵀa, and K b by dot products when there are no columns). */
    private final Layout rows;
    /** Columns v_i over rows (K b); null for large dense kernels, which store their rows only. */
    private final Layout cols;
    /** Entries and weights below e^floor may be off by up to e^floor (see the class comment). */
    private final double floor;
    /** The weights of K b's input when it is computed from the rows. */
    private final double[] inputWeights;

    /** Entry arrays shared by the kernels of one recycling factory (one kernel in use at a time). */
    private static final class Buffers {
        final Layout.Entries rows = new Layout.Entries();
        final Layout.Entries cols = new Layout.Entries();
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
        long entries = (long) m * n;
        this.threads = entries < SERIAL_ENTRIES ? 1 : threads;
        buffers = shared != null ? shared : new Buffers();
        stamp = ++buffers.stamp;
        boolean single = storage == Storage.FLOAT;
        floor = single ? SINGLE_TRUST_FLOOR : DOUBLE_FLOOR;
        double trustMin = Math.exp(Math.log(Math.max(m, n)) + floor + TRUST_MARGIN);
        // coordinates scaled by 1/√τ, so that squared distances are the exponents
        double scale = Math.sqrt(1 / tau);
        double[][] uT = scaledCoordinates(u, m, dim, scale);
        double[][] vT = scaledCoordinates(v, n, dim, scale);
        double span = span(uT, vT);
        boolean sparse = single && span > FastExp.NEGATIVE_EXP_LIMIT && mostlyBelowFloor(uT, vT);
        boolean large = entries > DOUBLE_HELD_ENTRIES;
        boolean floats = single && (large || sparse);
        // the largest exponent stored: the exponential's limit, or the float cap of a dense float kernel
        double cap = !single ? FastExp.NEGATIVE_EXP_ACCURATE_LIMIT
                : floats && !sparse ? DENSE_FLOAT_CAP : FastExp.NEGATIVE_EXP_LIMIT;
        boolean unshifted = span <= cap;
        rows = new Layout(m, n, uT, vT, single, floats, sparse, unshifted, cap, trustMin, buffers.rows);
        cols = !sparse ? null
                : new Layout(n, m, vT, uT, single, floats, sparse, unshifted, cap, trustMin, buffers.cols);
        inputWeights = cols == null ? new double[n] : null;
        build();
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
        checkOptions(storage, threads);
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
        checkOptions(storage, threads);
        Buffers shared = new Buffers();
        return (dimension, u, v, tau) -> {
            KernelChecks.check(dimension, u, v, tau);
            return new StoredGibbsKernel(dimension, u, v, tau, storage, threads, shared);
        };
    }

    private static void checkOptions(Storage storage, int threads) {
        if (storage == null) {
            throw new IllegalArgumentException("storage must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
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

    /** Bytes held by the stored entries (both layouts of a compressed kernel). */
    public long storedBytes() {
        return rows.storedBytes() + (cols == null ? 0 : cols.storedBytes());
    }

    /** Whether the entries are stored compressed (most of a float kernel below the floor). */
    public boolean compressed() {
        return rows.compressed() && cols != null && cols.compressed();
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

    /** a[k][s] = scale·p[s·dim + k]: the coordinates of the points, coordinate-major. */
    private static double[][] scaledCoordinates(double[] p, int count, int dim, double scale) {
        double[][] t = new double[dim][count];
        for (int s = 0; s < count; s++) {
            for (int k = 0; k < dim; k++) {
                t[k][s] = p[s * dim + k] * scale;
            }
        }
        return t;
    }

    /** An upper bound on the squared distance between any two of the points. */
    private static double span(double[][] a, double[][] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] c : new double[][] {a[k], b[k]}) {
                for (double x : c) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
            s += (hi - lo) * (hi - lo);
        }
        // margin for the rounding of the scaled coordinates and of the sums
        return s * (1 + 1e-12);
    }

    /**
     * Whether, judged from up to 16 evenly spaced rows, at most {@link #SPARSE_FRACTION} of the
     * entries are above the float floor, so that the kernel is worth storing compressed.
     */
    private static boolean mostlyBelowFloor(double[][] uT, double[][] vT) {
        int rowCount = uT[0].length;
        int colCount = vT[0].length;
        int sample = Math.min(16, rowCount);
        double[] e = new double[colCount];
        long above = 0;
        for (int t = 0; t < sample; t++) {
            int j = (int) ((long) t * rowCount / sample);
            Arrays.fill(e, 0.0);
            for (int k = 0; k < uT.length; k++) {
                double a = uT[k][j];
                double[] vk = vT[k];
                for (int i = 0; i < colCount; i++) {
                    double x = a - vk[i];
                    e[i] += x * x;
                }
            }
            double mn = Double.POSITIVE_INFINITY;
            for (int i = 0; i < colCount; i++) {
                mn = Math.min(mn, e[i]);
            }
            for (int i = 0; i < colCount; i++) {
                if (e[i] - mn <= -FLOAT_FLOOR) {
                    above++;
                }
            }
        }
        return above <= SPARSE_FRACTION * sample * colCount;
    }

    private void build() {
        // tasks in the order: rows of group 0, columns of group 0, columns of group 1, rows of group 1
        // (no columns unless sparse), so that on two threads (one claiming from each end) each
        // builds one group of each layout
        int r0 = blocks(rows.split);
        int r1 = blocks(m - rows.split);
        int c0 = cols == null ? 0 : blocks(cols.split);
        int c1 = cols == null ? 0 : blocks(n - cols.split);
        run(threads, r0 + c0 + c1 + r1, t -> {
            if (t < r0) {
                rows.build(t * LINE_BLOCK, Math.min(rows.split, (t + 1) * LINE_BLOCK));
            } else if (t < r0 + c0) {
                int b = t - r0;
                cols.build(b * LINE_BLOCK, Math.min(cols.split, (b + 1) * LINE_BLOCK));
            } else if (t < r0 + c0 + c1) {
                int b = t - r0 - c0;
                cols.build(cols.split + b * LINE_BLOCK, Math.min(n, cols.split + (b + 1) * LINE_BLOCK));
            } else {
                int b = t - r0 - c0 - c1;
                rows.build(rows.split + b * LINE_BLOCK, Math.min(m, rows.split + (b + 1) * LINE_BLOCK));
            }
        });
        rows.finish();
        if (cols != null) {
            cols.finish();
        }
    }

    private static int blocks(int lines) {
        return (lines + LINE_BLOCK - 1) / LINE_BLOCK;
    }

    /** Runs tasks [0, count): shared with the pair helper on two threads, on the fork-join pool on more. */
    private static void run(int threads, int count, java.util.function.IntConsumer task) {
        if (threads > 2) {
            Parallel.forEach(count, threads, task);
        } else {
            Parallel.share(threads, count, task);
        }
    }

    @Override
    public void logMultiply(double[] logB, double[] out) {
        KernelChecks.vectors("logB", logB, n, "out", out, m);
        checkCurrent();
        if (cols != null) {
            product(cols, logB, out, u, v);
        } else {
            rowDotProduct(logB, out);
        }
    }

    @Override
    public void logMultiplyTranspose(double[] logA, double[] out) {
        KernelChecks.vectors("logA", logA, m, "out", out, n);
        checkCurrent();
        product(rows, logA, out, v, u);
    }

    /**
     * out[o] = log Σ_s exp(logIn[s] − ‖p_o − q_s‖²/τ) over the lines s of {@code layout}.
     *
     * @param outPoints the points of the outputs (flat). Not modified.
     * @param linePoints the points of the lines (flat). Not modified.
     */
    private void product(Layout layout, double[] logIn, double[] out, double[] outPoints, double[] linePoints) {
        double shift = Double.NEGATIVE_INFINITY;
        double[] lineShift = layout.shift;
        for (int s = 0; s < layout.lines; s++) {
            shift = Math.max(shift, logIn[s] - lineShift[s]);
        }
        if (shift == Double.NEGATIVE_INFINITY) {
            Arrays.fill(out, 0, layout.length, Double.NEGATIVE_INFINITY);
            return;
        }
        double[] w = layout.weights;
        for (int s = 0; s < layout.lines; s++) {
            w[s] = weight(logIn[s] - lineShift[s] - shift);
        }
        layout.multiply(threads);
        logResults(layout.sums, shift, null, layout.trustMin, logIn, out, outPoints, linePoints);
    }

    /**
     * e^x, or 0 below the floor: dropping such a weight changes a sum by at most e^floor (entries are
     * at most 1), within the error analysis, and keeps products of small entries and small weights
     * out of the slow subnormal range.
     */
    private double weight(double x) {
        return x < floor ? 0 : FastExp.exp(x);
    }

    /**
     * K b from the rows, for kernels stored by rows only: out_j = m_j' + log Σ_i line_j[i]·w_i with
     * w_i = exp(logB_i − max logB) and the row's shift, each a dot product in a fixed order.
     */
    private void rowDotProduct(double[] logB, double[] out) {
        double shift = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            shift = Math.max(shift, logB[i]);
        }
        if (shift == Double.NEGATIVE_INFINITY) {
            Arrays.fill(out, 0, m, Double.NEGATIVE_INFINITY);
            return;
        }
        for (int i = 0; i < n; i++) {
            inputWeights[i] = weight(logB[i] - shift);
        }
        rows.dots(inputWeights, threads);
        logResults(rows.lineSums, shift, rows.shift, rows.trustMin, logB, out, u, v);
    }

    /**
     * out[o] = shift − outShift[o] + log sums[o] for the trusted sums (outShift may be null, for 0);
     * the others are recomputed exactly, all of them when more than an eighth are not trusted.
     *
     * @param sums plain-domain sums, one per output. Not modified.
     * @param logIn the product's input (for the exact recomputation). Not modified.
     * @param out the results. Modified.
     * @param outPoints the points of the outputs (flat). Not modified.
     * @param inPoints the points of the inputs (flat). Not modified.
     */
    private void logResults(double[] sums, double shift, double[] outShift, double trustMin, double[] logIn, double[] out,
            double[] outPoints, double[] inPoints) {
        int outs = out.length;
        int ins = logIn.length;
        int bad = 0;
        for (int o = 0; o < outs; o++) {
            if (!(sums[o] >= trustMin)) {
                bad++;
            }
        }
        double invTau = 1 / tau;
        if (bad > outs / 8) {
            int blocks = (outs + 63) / 64;
            run(threads, blocks, b -> {
                int o1 = Math.min(outs, (b + 1) * 64);
                for (int o = b * 64; o < o1; o++) {
                    out[o] = ExactLogSum.logSumExp(outPoints, o, inPoints, ins, dim, invTau, logIn);
                }
            });
            return;
        }
        for (int o = 0; o < outs; o++) {
            double s = sums[o];
            out[o] = s >= trustMin ? shift - (outShift == null ? 0 : outShift[o]) + Math.log(s)
                    : ExactLogSum.logSumExp(outPoints, o, inPoints, ins, dim, invTau, logIn);
        }
    }

    /**
     * One layout: {@code lines} arrays of {@code length} entries, line s holding
     * exp(−(‖p_s − q_o‖²/τ − m_s)) for the outputs o, with {@code shift[s]} = m_s.
     */
    private static final class Layout {

        /** Reusable entry arrays of one layout. */
        static final class Entries {
            double[][] d;
            float[][] f;
        }

        final int lines;
        final int length;
        /** Lines [0, split) form group 0, [split, lines) group 1. */
        final int split;
        final double[][] p;
        final double[][] q;
        final boolean single;
        final boolean unshifted;
        /** The largest exponent stored (larger ones are clamped to it, or give 0 in a sparse float layout). */
        final double cap;
        final double trustMin;
        final double[] shift;
        final double[] weights;
        final double[] sums;
        /** Dot products of the lines with the output weights (K b from rows only). */
        final double[] lineSums;
        final double[][] partial;
        double[][] d;
        float[][] f;
        /** Non-zero entries of each line of a float layout, for the choice of compression. */
        final int[] nonZero;
        /** Compressed float layout, by outputs: entries of output o at [ptr[o], ptr[o+1]). */
        int[] ptr;
        int[] idx;
        float[] val;

        Layout(int lines, int length, double[][] p, double[][] q, boolean single, boolean floats, boolean sparse,
                boolean unshifted, double cap, double trustMin, Entries reuse) {
            this.lines = lines;
            this.length = length;
            this.split = (lines + 1) / 2;
            this.p = p;
            this.q = q;
            this.single = single;
            this.unshifted = unshifted;
            this.cap = cap;
            this.trustMin = trustMin;
            this.shift = new double[lines];
            this.weights = new double[lines];
            this.sums = new double[length];
            this.lineSums = new double[lines];
            this.partial = new double[2][length];
            if (floats) {
                if (reuse.f == null || reuse.f.length != lines || reuse.f[0].length != length) {
                    reuse.f = new float[lines][length];
                }
                f = reuse.f;
                nonZero = sparse ? new int[lines] : null;
            } else {
                if (reuse.d == null || reuse.d.length != lines || reuse.d[0].length != length) {
                    reuse.d = new double[lines][length];
                }
                d = reuse.d;
                nonZero = null;
            }
        }

        long storedBytes() {
            if (ptr != null) {
                return 8L * val.length + 4L * (length + 1);
            }
            return (f != null ? 4L : 8L) * lines * length;
        }

        boolean compressed() {
            return ptr != null;
        }

        /** Builds lines [s0, s1). */
        void build(int s0, int s1) {
            double[] e = new double[length];
            double[] tmp = f != null ? new double[length] : null;
            int dim = p.length;
            for (int s = s0; s < s1; s++) {
                // e[o] = squared scaled distance between line point s and output point o
                double[] q0 = q[0];
                double a = p[0][s];
                int k;
                if (dim == 1) {
                    for (int o = 0; o < length; o++) {
                        double x = a - q0[o];
                        e[o] = x * x;
                    }
                    k = 1;
                } else {
                    double[] q1 = q[1];
                    double a1 = p[1][s];
                    for (int o = 0; o < length; o++) {
                        double x = a - q0[o];
                        double y = a1 - q1[o];
                        e[o] = x * x + y * y;
                    }
                    k = 2;
                }
                for (; k + 1 < dim; k += 2) {
                    // two coordinates per pass: half the loads and stores of e
                    double[] qk = q[k];
                    double[] ql = q[k + 1];
                    double b = p[k][s];
                    double c = p[k + 1][s];
                    for (int o = 0; o < length; o++) {
                        double x = b - qk[o];
                        double y = c - ql[o];
                        e[o] += x * x + y * y;
                    }
                }
                if (k < dim) {
                    double[] qk = q[k];
                    double b = p[k][s];
                    for (int o = 0; o < length; o++) {
                        double x = b - qk[o];
                        e[o] += x * x;
                    }
                }
                if (!unshifted) {
                    double mn = minimum(e, length);
                    shift[s] = mn;
                    for (int o = 0; o < length; o++) {
                        e[o] = Math.min(e[o] - mn, cap);
                    }
                }
                if (f != null) {
                    FastExp.negativeExp(e, length, tmp);
                    float[] line = f[s];
                    if (nonZero != null) {
                        int nz = 0;
                        for (int o = 0; o < length; o++) {
                            float x = e[o] > -FLOAT_FLOOR ? 0f : (float) tmp[o];
                            line[o] = x;
                            nz += x != 0f ? 1 : 0;
                        }
                        nonZero[s] = nz;
                    } else {
                        for (int o = 0; o < length; o++) {
                            line[o] = (float) tmp[o];
                        }
                    }
                } else if (single) {
                    FastExp.negativeExp(e, length, d[s]);
                } else {
                    FastExp.negativeExpAccurate(e, length, d[s]);
                }
            }
        }

        /** The smallest of a[0 .. count), four running minima (no loop-carried chain through one). */
        private static double minimum(double[] a, int count) {
            double m0 = a[0];
            double m1 = m0;
            double m2 = m0;
            double m3 = m0;
            int i = 0;
            for (; i + 3 < count; i += 4) {
                m0 = a[i] < m0 ? a[i] : m0;
                m1 = a[i + 1] < m1 ? a[i + 1] : m1;
                m2 = a[i + 2] < m2 ? a[i + 2] : m2;
                m3 = a[i + 3] < m3 ? a[i + 3] : m3;
            }
            for (; i < count; i++) {
                m0 = a[i] < m0 ? a[i] : m0;
            }
            return Math.min(Math.min(m0, m1), Math.min(m2, m3));
        }

        /** Compresses a float layout whose non-zero entries are at most {@link #SPARSE_FRACTION}. */
        void finish() {
            if (nonZero == null) {
                return;
            }
            long nnz = 0;
            for (int c : nonZero) {
                nnz += c;
            }
            if (nnz > SPARSE_FRACTION * lines * length) {
                return;
            }
            ptr = new int[length + 1];
            for (int s = 0; s < lines; s++) {
                float[] line = f[s];
                for (int o = 0; o < length; o++) {
                    if (line[o] != 0f) {
                        ptr[o + 1]++;
                    }
                }
            }
            for (int o = 0; o < length; o++) {
                ptr[o + 1] += ptr[o];
            }
            idx = new int[(int) nnz];
            val = new float[(int) nnz];
            int[] next = Arrays.copyOf(ptr, length);
            for (int s = 0; s < lines; s++) {
                float[] line = f[s];
                for (int o = 0; o < length; o++) {
                    if (line[o] != 0f) {
                        int c = next[o]++;
                        idx[c] = s;
                        val[c] = line[o];
                    }
                }
            }
        }

        /** sums[o] = Σ_s line_s[o]·weights[s]: group 0's lines in order, plus group 1's. */
        void multiply(int threads) {
            if (ptr != null) {
                int blocks = (length + 255) / 256;
                run(threads, blocks, b -> {
                    int o1 = Math.min(length, (b + 1) * 256);
                    for (int o = b * 256; o < o1; o++) {
                        double s = 0;
                        for (int c = ptr[o]; c < ptr[o + 1]; c++) {
                            s += val[c] * weights[idx[c]];
                        }
                        sums[o] = s;
                    }
                });
                return;
            }
            int width = d != null ? OUTPUT_BLOCK
                    : Math.max(OUTPUT_BLOCK, ((length + 3) / 4 + OUTPUT_BLOCK - 1) / OUTPUT_BLOCK * OUTPUT_BLOCK);
            int blocks = (length + width - 1) / width;
            // group 0's tasks first, so that on two threads each thread takes one group
            run(threads, 2 * blocks, t -> {
                int b = t % blocks;
                accumulate(t / blocks, b * width, Math.min(length, (b + 1) * width));
            });
            double[] p0 = partial[0];
            double[] p1 = partial[1];
            for (int o = 0; o < length; o++) {
                sums[o] = p0[o] + p1[o];
            }
        }

        /**
         * lineSums[s] = Σ_o line_s[o]·w[o] for every line, each summed in a fixed order (four
         * interleaved partial sums), two lines at a time so that each weight is loaded once for
         * both; blocks of lines as tasks, group 0's first.
         *
         * @param w weights of the outputs. Not modified.
         */
        void dots(double[] w, int threads) {
            int blocks = (lines + LINE_BLOCK - 1) / LINE_BLOCK;
            run(threads, blocks, b -> {
                int s1 = Math.min(lines, (b + 1) * LINE_BLOCK);
                int s = b * LINE_BLOCK;
                for (; s + 1 < s1; s += 2) {
                    if (d != null) {
                        dots(d[s], d[s + 1], w, length, lineSums, s);
                    } else {
                        dots(f[s], f[s + 1], w, length, lineSums, s);
                    }
                }
                if (s < s1) {
                    lineSums[s] = d != null ? dot(d[s], w, length) : dot(f[s], w, length);
                }
            });
        }

        /** out[j] = a·w and out[j + 1] = b·w for double lines, each with four interleaved partial sums. */
        private static void dots(double[] a, double[] b, double[] w, int count, double[] out, int j) {
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            double b0 = 0;
            double b1 = 0;
            double b2 = 0;
            double b3 = 0;
            int i = 0;
            for (; i + 3 < count; i += 4) {
                double w0 = w[i];
                double w1 = w[i + 1];
                double w2 = w[i + 2];
                double w3 = w[i + 3];
                a0 += a[i] * w0;
                a1 += a[i + 1] * w1;
                a2 += a[i + 2] * w2;
                a3 += a[i + 3] * w3;
                b0 += b[i] * w0;
                b1 += b[i + 1] * w1;
                b2 += b[i + 2] * w2;
                b3 += b[i + 3] * w3;
            }
            for (; i < count; i++) {
                a0 += a[i] * w[i];
                b0 += b[i] * w[i];
            }
            out[j] = (a0 + a1) + (a2 + a3);
            out[j + 1] = (b0 + b1) + (b2 + b3);
        }

        /** a·w for a double line without a partner, in the summation order of the pairs. */
        private static double dot(double[] a, double[] w, int count) {
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            int i = 0;
            for (; i + 3 < count; i += 4) {
                a0 += a[i] * w[i];
                a1 += a[i + 1] * w[i + 1];
                a2 += a[i + 2] * w[i + 2];
                a3 += a[i + 3] * w[i + 3];
            }
            for (; i < count; i++) {
                a0 += a[i] * w[i];
            }
            return (a0 + a1) + (a2 + a3);
        }

        /** out[j] = a·w and out[j + 1] = b·w for float lines, each with four interleaved partial sums. */
        private static void dots(float[] a, float[] b, double[] w, int count, double[] out, int j) {
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            double b0 = 0;
            double b1 = 0;
            double b2 = 0;
            double b3 = 0;
            int i = 0;
            for (; i + 3 < count; i += 4) {
                double w0 = w[i];
                double w1 = w[i + 1];
                double w2 = w[i + 2];
                double w3 = w[i + 3];
                a0 += a[i] * w0;
                a1 += a[i + 1] * w1;
                a2 += a[i + 2] * w2;
                a3 += a[i + 3] * w3;
                b0 += b[i] * w0;
                b1 += b[i + 1] * w1;
                b2 += b[i + 2] * w2;
                b3 += b[i + 3] * w3;
            }
            for (; i < count; i++) {
                a0 += a[i] * w[i];
                b0 += b[i] * w[i];
            }
            out[j] = (a0 + a1) + (a2 + a3);
            out[j + 1] = (b0 + b1) + (b2 + b3);
        }

        /** a·w for a float line without a partner, in the summation order of the pairs. */
        private static double dot(float[] a, double[] w, int count) {
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            int i = 0;
            for (; i + 3 < count; i += 4) {
                a0 += a[i] * w[i];
                a1 += a[i + 1] * w[i + 1];
                a2 += a[i + 2] * w[i + 2];
                a3 += a[i + 3] * w[i + 3];
            }
            for (; i < count; i++) {
                a0 += a[i] * w[i];
            }
            return (a0 + a1) + (a2 + a3);
        }

        /** partial[g][o] = Σ over the lines s of group g, in order, of line_s[o]·weights[s], for o in [o0, o1). */
        private void accumulate(int g, int o0, int o1) {
            double[] acc = partial[g];
            Arrays.fill(acc, o0, o1, 0.0);
            int s1 = g == 0 ? split : lines;
            for (int s = g == 0 ? 0 : split; s < s1; s++) {
                double ws = weights[s];
                if (ws == 0) {
                    continue;
                }
                if (d != null) {
                    axpy(acc, d[s], ws, o0, o1);
                } else {
                    axpy(acc, f[s], ws, o0, o1);
                }
            }
        }

        /** acc[o] += line[o]·w for o in [o0, o1). */
        private static void axpy(double[] acc, double[] line, double w, int o0, int o1) {
            for (int o = o0; o < o1; o++) {
                acc[o] += line[o] * w;
            }
        }

        /** acc[o] += line[o]·w for o in [o0, o1). */
        private static void axpy(double[] acc, float[] line, double w, int o0, int o1) {
            for (int o = o0; o < o1; o++) {
                acc[o] += line[o] * w;
            }
        }
    }
}
