package io.github.hopflow.wasserstein.kernel.fast;

/**
 * Leave-one-out sums of Gaussian kernels over a weighted cloud, in the log domain:
 * <pre>
 *   out[i] = log Σ_{c ≠ i} exp(−½ Σ_k ((x_ik − x_ck)/h_k)² + logW_c)
 * </pre>
 * for points x (flat N × n), per-coordinate bandwidths h and log-weights logW: the kernel density
 * estimate at each point of the cloud without that point, as the kernel-density normalisation of
 * the proximal step needs (DESIGN.md §1, step 3).
 *
 * <p><b>Method.</b> On the coordinates s = x/h the sum is the Gibbs kernel exp(−‖s_i − s_c‖²/τ)
 * with τ = 2, minus the point's own term. Two paths, the cheaper by an operation count
 * ({@link #GRID_COST_RATIO}):
 * <ul>
 *   <li><em>grid</em> (n ≤ 3, when the grid is cheaper than the dense sum): L_i = log of the full
 *       sum by {@link GridGibbsKernel} (each log within {@value #GRID_TOLERANCE}), then
 *       out[i] = L_i + log(1 − e^{logW_i − L_i}). Where the point's own term is more than
 *       {@value #SELF_SHARE_LIMIT} of the full sum, the subtraction would amplify the grid's error
 *       more than tenfold, and that row is summed exactly instead: the other rows' logs are within
 *       10 δ = 1e-8. Cost O(N) per call plus O(N n) per exact row;</li>
 *   <li><em>dense</em>: every row summed directly, N² n multiply-adds and N² exponentials by the
 *       vectorised {@link FastExp#negativeExpAccurate} (1e-12 relative), with the weights shifted
 *       by their maximum; a row whose plain sum is below {@value #PLAIN_MIN} (every other point
 *       farther than about 37 bandwidths) is summed exactly in the log domain, and all rows are when
 *       the log-weights span more than {@value #PLAIN_WEIGHT_SPAN}.</li>
 * </ul>
 * Either way each output's log is within 1e-8 of the exact value (1e-11 on the dense path), far
 * below the statistical error of a kernel density estimate. Rows are split into blocks
 * fixed by N alone, and every sum runs in a fixed order: results are bit-identical whatever the
 * number of threads.
 */
public final class LeaveOneOutGaussianSums {

    /** Tolerance δ of the grid path (largest error in the log of a full sum). */
    static final double GRID_TOLERANCE = 1e-9;
    /** Largest share of a row's full sum its own term may have on the grid path. */
    static final double SELF_SHARE_LIMIT = 0.9;
    /**
     * The grid is used when its estimated cost, (2N)·Sⁿ + n·Gⁿ·L as in {@link GibbsKernels}, is
     * below this multiple of N²: a grid operation is a multiply-add, a dense entry an exponential.
     */
    static final double GRID_COST_RATIO = 1.5;
    /** Smallest plain row sum trusted on the dense path (clamped exponents add below e^−700 each). */
    static final double PLAIN_MIN = 1e-280;
    /** Largest span of the log-weights summed in the plain domain. */
    static final double PLAIN_WEIGHT_SPAN = 300;
    /** Exponents are clamped to this before the exponential (its accurate range). */
    private static final double CLAMP = FastExp.NEGATIVE_EXP_ACCURATE_LIMIT;
    /** Columns per chunk of a dense row. */
    private static final int CHUNK = 1024;
    /** Rows per block of the dense path. */
    private static final int BLOCK_ROWS = 32;

    private LeaveOneOutGaussianSums() {
    }

    /**
     * Computes the leave-one-out log-sums.
     *
     * @param dimension n ≥ 1
     * @param x the points, flat N × n (N ≥ 2), finite. Not modified.
     * @param bandwidth h, length n, finite and positive. Not modified.
     * @param logWeights logW, length N, finite. Not modified.
     * @param threads the most threads to use, ≥ 1; the results do not depend on it
     * @param out length N. Modified.
     * @throws IllegalArgumentException naming the parameter and its value
     */
    public static void logSums(int dimension, double[] x, double[] bandwidth, double[] logWeights, int threads,
            double[] out) {
        int count = check(dimension, x, bandwidth, logWeights, threads, out);
        double[] s = new double[x.length];
        for (int p = 0; p < count; p++) {
            for (int k = 0; k < dimension; k++) {
                s[p * dimension + k] = x[p * dimension + k] / bandwidth[k];
            }
        }
        if (gridPays(dimension, s, count)) {
            grid(dimension, s, logWeights, threads, out);
        } else {
            dense(dimension, s, count, logWeights, threads, out);
        }
    }

    /** Whether the grid path is available for these scaled points and cheaper than the dense one. */
    static boolean gridPays(int dim, double[] s, int count) {
        if (dim > 3) {
            return false;
        }
        GridGibbsKernel.Plan plan = GridGibbsKernel.plan(dim, s, s, 2.0, GRID_TOLERANCE);
        if (plan.cells > GridGibbsKernel.MAX_CELLS) {
            return false;
        }
        double cost = Math.pow(plan.stencil, dim) * 2.0 * count;
        for (int k = 0; k < dim; k++) {
            cost += (double) plan.cells * plan.size[k];
        }
        return cost < GRID_COST_RATIO * count * (double) count;
    }

    static void grid(int dim, double[] s, double[] logWeights, int threads, double[] out) {
        GridGibbsKernel.of(dim, s, s, 2.0, GRID_TOLERANCE, threads).logMultiply(logWeights, out);
        for (int i = 0; i < out.length; i++) {
            double self = Math.exp(logWeights[i] - out[i]);
            out[i] = self <= SELF_SHARE_LIMIT ? out[i] + Math.log1p(-self) : exactRow(dim, s, logWeights, i);
        }
    }

    static void dense(int dim, double[] s, int count, double[] logWeights, int threads, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double w : logWeights) {
            max = Math.max(max, w);
            min = Math.min(min, w);
        }
        boolean plain = max - min <= PLAIN_WEIGHT_SPAN;
        // coordinate-major copies, and the exponent offsets −(logW_c − max) ≥ 0
        double[][] t = new double[dim][count];
        for (int p = 0; p < count; p++) {
            for (int k = 0; k < dim; k++) {
                t[k][p] = s[p * dim + k];
            }
        }
        double[] offset = new double[count];
        for (int c = 0; c < count; c++) {
            offset[c] = max - logWeights[c];
        }
        int blocks = (count + BLOCK_ROWS - 1) / BLOCK_ROWS;
        final double shift = max;
        Parallel.share(threads, blocks, b -> {
            double[] y = new double[CHUNK];
            double[] e = new double[CHUNK];
            int i1 = Math.min(count, (b + 1) * BLOCK_ROWS);
            for (int i = b * BLOCK_ROWS; i < i1; i++) {
                double sum = plain ? plainRow(t, offset, count, i, y, e) : 0;
                out[i] = sum >= PLAIN_MIN ? Math.log(sum) + shift : exactRow(dim, s, logWeights, i);
            }
        });
    }

    /** Σ_{c≠i} exp(−min(½‖s_i − s_c‖² + offset_c, CLAMP)), in a fixed order. */
    private static double plainRow(double[][] t, double[] offset, int count, int i, double[] y, double[] e) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        for (int c0 = 0; c0 < count; c0 += CHUNK) {
            int len = Math.min(CHUNK, count - c0);
            double[] t0 = t[0];
            double xi = t0[i];
            for (int c = 0; c < len; c++) {
                double d = t0[c0 + c] - xi;
                y[c] = d * d;
            }
            for (int k = 1; k < t.length; k++) {
                double[] tk = t[k];
                double xk = tk[i];
                for (int c = 0; c < len; c++) {
                    double d = tk[c0 + c] - xk;
                    y[c] += d * d;
                }
            }
            for (int c = 0; c < len; c++) {
                y[c] = Math.min(0.5 * y[c] + offset[c0 + c], CLAMP);
            }
            FastExp.negativeExpAccurate(y, len, e);
            if (i >= c0 && i < c0 + len) {
                e[i - c0] = 0;
            }
            int c = 0;
            for (; c + 3 < len; c += 4) {
                a0 += e[c];
                a1 += e[c + 1];
                a2 += e[c + 2];
                a3 += e[c + 3];
            }
            for (; c < len; c++) {
                a0 += e[c];
            }
        }
        return (a0 + a1) + (a2 + a3);
    }

    /** The exact log-sum-exp of row i, with {@link Math#exp}. */
    private static double exactRow(int dim, double[] s, double[] logWeights, int i) {
        int count = logWeights.length;
        double m = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            if (c != i) {
                m = Math.max(m, exponent(dim, s, i, c) + logWeights[c]);
            }
        }
        double sum = 0;
        for (int c = 0; c < count; c++) {
            if (c != i) {
                sum += Math.exp(exponent(dim, s, i, c) + logWeights[c] - m);
            }
        }
        return m + Math.log(sum);
    }

    private static double exponent(int dim, double[] s, int i, int c) {
        double e = 0;
        for (int k = 0; k < dim; k++) {
            double d = s[i * dim + k] - s[c * dim + k];
            e += d * d;
        }
        return -0.5 * e;
    }

    private static int check(int dimension, double[] x, double[] bandwidth, double[] logWeights, int threads,
            double[] out) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (x == null || bandwidth == null || logWeights == null || out == null) {
            throw new IllegalArgumentException("x, bandwidth, logWeights and out must not be null");
        }
        if (x.length % dimension != 0) {
            throw new IllegalArgumentException("x.length must be a multiple of dimension " + dimension + ", got "
                    + x.length);
        }
        int count = x.length / dimension;
        if (count < 2) {
            throw new IllegalArgumentException("x must hold at least 2 points, got " + count);
        }
        if (bandwidth.length != dimension) {
            throw new IllegalArgumentException("bandwidth.length must be " + dimension + ", got " + bandwidth.length);
        }
        if (logWeights.length != count || out.length != count) {
            throw new IllegalArgumentException("logWeights.length and out.length must be " + count + ", got "
                    + logWeights.length + " and " + out.length);
        }
        for (int k = 0; k < dimension; k++) {
            if (!(bandwidth[k] > 0 && bandwidth[k] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("bandwidth[" + k + "] must be finite and positive, got "
                        + bandwidth[k]);
            }
        }
        for (int p = 0; p < x.length; p++) {
            if (!Double.isFinite(x[p])) {
                throw new IllegalArgumentException("x[" + p + "] must be finite, got " + x[p]);
            }
        }
        for (int c = 0; c < count; c++) {
            if (!Double.isFinite(logWeights[c])) {
                throw new IllegalArgumentException("logWeights[" + c + "] must be finite, got " + logWeights[c]);
            }
        }
        return count;
    }
}
