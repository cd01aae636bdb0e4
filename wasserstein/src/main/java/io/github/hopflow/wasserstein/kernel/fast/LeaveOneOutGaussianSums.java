package io.github.hopflow.wasserstein.kernel.fast;

/**
 * Leave-one-out sums of Gaussian kernels over a weighted cloud, in the log domain:
 * <pre>
 *   out[i] = log Σ_{c ≠ i} exp(−½ Σ_k ((x_ik − x_ck)/h_k)² + logW_c)
 * </pre>
 * for points x (flat N × n), per-coordinate bandwidths h and log-weights logW: the kernel density
 * estimate at each point of the cloud without that point, as the kernel-density normalisation of
 * the proximal step needs (docs/design.md §1, step 3).
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
 *   <li><em>dense</em>: each pair's kernel value computed once, by the vectorised
 *       {@link FastExp#negativeExpAccurate} (1e-12 relative), and added to both points' sums with
 *       the other's weight (the weights shifted by their maximum): N²/2 exponentials and N² n/2
 *       multiply-adds, in symmetric tiles (see {@code Tiles}). A row whose plain sum is below
 *       {@value #PLAIN_MIN} (every other point farther than about 37 bandwidths) is summed exactly
 *       in the log domain, and all rows are when the log-weights span more than
 *       {@value #PLAIN_WEIGHT_SPAN}.</li>
 * </ul>
 * Either way each output's log is within 1e-8 of the exact value (1e-11 on the dense path), far
 * below the statistical error of a kernel density estimate. The work is split into blocks fixed
 * by N alone, and every sum runs in a fixed order: results are bit-identical whatever the number
 * of threads.
 */
public final class LeaveOneOutGaussianSums {

    /** Tolerance δ of the grid path (largest error in the log of a full sum). */
    static final double GRID_TOLERANCE = 1e-9;
    /** Largest share of a row's full sum its own term may have on the grid path. */
    static final double SELF_SHARE_LIMIT = 0.9;
    /**
     * The grid is used when its estimated cost, (2N)·Sⁿ + n·Gⁿ·L as in {@link GibbsKernels}, is
     * below this multiple of N²: the measured crossover on two cores, where the dense path computes
     * N²/2 exponentials (1,000 to 6,000 points in one to three dimensions).
     */
    static final double GRID_COST_RATIO = 0.6;
    /** Smallest plain row sum trusted on the dense path (clamped exponents add below e^−700 each). */
    static final double PLAIN_MIN = 1e-280;
    /** Largest span of the log-weights summed in the plain domain. */
    static final double PLAIN_WEIGHT_SPAN = 300;
    /** Exponents are clamped to this before the exponential (its accurate range). */
    private static final double CLAMP = FastExp.NEGATIVE_EXP_ACCURATE_LIMIT;
    /** Kernel values per buffer of a dense tile. */
    private static final int TILE_BUFFER = 4096;
    /** Most row blocks of the dense path (tiles: B(B + 1)/2). */
    private static final int MAX_BLOCKS = 64;
    /** Fewest rows per block of the dense path, below {@value #MAX_BLOCKS} blocks. */
    private static final int MIN_BLOCK_ROWS = 64;
    /** Rows per task when every row is summed exactly. */
    private static final int EXACT_BLOCK_ROWS = 16;

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
        return plan.productCost(dim, count, count) < GRID_COST_RATIO * count * (double) count;
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
        if (max - min > PLAIN_WEIGHT_SPAN) {
            int blocks = (count + EXACT_BLOCK_ROWS - 1) / EXACT_BLOCK_ROWS;
            Parallel.share(threads, blocks, b -> {
                int i1 = Math.min(count, (b + 1) * EXACT_BLOCK_ROWS);
                for (int i = b * EXACT_BLOCK_ROWS; i < i1; i++) {
                    out[i] = exactRow(dim, s, logWeights, i);
                }
            });
            return;
        }
        Tiles tiles = new Tiles(dim, s, count, logWeights, max);
        Parallel.share(threads, tiles.count, tiles::compute);
        for (int i = 0; i < count; i++) {
            double sum = tiles.rowSum(i);
            out[i] = sum >= PLAIN_MIN ? Math.log(sum) + max : exactRow(dim, s, logWeights, i);
        }
    }

    /**
     * The dense sums by symmetric tiles: the rows are cut into B blocks (B ≤ {@value #MAX_BLOCKS},
     * fixed by N), and the tile of blocks (I, J), I ≤ J, computes each kernel value e^{−½‖s_i − s_c‖²}
     * of its pairs once, adding it with c's weight to row i's partial sum and with i's weight to
     * row c's. Every tile writes only its own partial sums, and a row's total adds its tiles'
     * partial sums in block order: the same whatever thread computed which tile.
     */
    private static final class Tiles {
        final int count;
        private final int points;
        private final int blocks;
        private final int size;
        private final double[][] t;
        private final double[] weight;
        private final int[] tileI;
        private final int[] tileJ;
        /** tile × size partial sums of the tile's rows (block I) and of its columns (block J). */
        private final double[] rowPart;
        private final double[] colPart;

        Tiles(int dim, double[] s, int points, double[] logWeights, double max) {
            this.points = points;
            int b = Math.min(MAX_BLOCKS, (points + MIN_BLOCK_ROWS - 1) / MIN_BLOCK_ROWS);
            size = (points + b - 1) / b;
            blocks = (points + size - 1) / size;
            count = blocks * (blocks + 1) / 2;
            t = new double[dim][points];
            for (int p = 0; p < points; p++) {
                for (int k = 0; k < dim; k++) {
                    t[k][p] = s[p * dim + k];
                }
            }
            weight = new double[points];
            for (int c = 0; c < points; c++) {
                weight[c] = Math.exp(logWeights[c] - max);
            }
            tileI = new int[count];
            tileJ = new int[count];
            int q = 0;
            for (int i = 0; i < blocks; i++) {
                for (int j = i; j < blocks; j++) {
                    tileI[q] = i;
                    tileJ[q] = j;
                    q++;
                }
            }
            rowPart = new double[count * size];
            colPart = new double[count * size];
        }

        private int index(int i, int j) {
            return i * blocks - i * (i - 1) / 2 + (j - i);
        }

        /** Row i's sum: its partial sums in block order. */
        double rowSum(int i) {
            int bi = i / size;
            int r = i - bi * size;
            double sum = 0;
            for (int bj = 0; bj < blocks; bj++) {
                sum += bj < bi ? colPart[index(bj, bi) * size + r] : rowPart[index(bi, bj) * size + r];
            }
            return sum;
        }

        /** The pairs of one tile, in groups of rows whose kernel values fill one buffer. */
        void compute(int tile) {
            int i0 = tileI[tile] * size;
            int i1 = Math.min(points, i0 + size);
            int j0 = tileJ[tile] * size;
            int j1 = Math.min(points, j0 + size);
            int len = j1 - j0;
            boolean diagonal = i0 == j0;
            int base = tile * size;
            int group = Math.max(1, TILE_BUFFER / len);
            double[] e = new double[Math.min(group, i1 - i0) * len];
            for (int g0 = i0; g0 < i1; g0 += group) {
                int g1 = Math.min(i1, g0 + group);
                int entries = (g1 - g0) * len;
                for (int i = g0; i < g1; i++) {
                    squaredDistances(t, i, j0, len, e, (i - g0) * len);
                }
                for (int q = 0; q < entries; q++) {
                    e[q] = Math.min(0.5 * e[q], CLAMP);
                }
                FastExp.negativeExpAccurate(e, entries, e);
                for (int i = g0; i < g1; i++) {
                    // a diagonal tile takes the pairs c > i only
                    int from = diagonal ? i + 1 - j0 : 0;
                    int o = (i - g0) * len;
                    double wi = weight[i];
                    double a0 = 0;
                    double a1 = 0;
                    int c = from;
                    for (; c + 1 < len; c += 2) {
                        a0 += e[o + c] * weight[j0 + c];
                        a1 += e[o + c + 1] * weight[j0 + c + 1];
                    }
                    if (c < len) {
                        a0 += e[o + c] * weight[j0 + c];
                    }
                    rowPart[base + i - i0] = a0 + a1;
                    for (c = from; c < len; c++) {
                        colPart[base + c] += e[o + c] * wi;
                    }
                }
            }
            if (diagonal) {
                // the column sums of a diagonal tile belong to its own rows
                for (int r = 0; r < i1 - i0; r++) {
                    rowPart[base + r] += colPart[base + r];
                    colPart[base + r] = 0;
                }
            }
        }
    }

    /** out[o + c] = ‖s_i − s_{c0 + c}‖² for c in [0, len). */
    private static void squaredDistances(double[][] t, int i, int c0, int len, double[] out, int o) {
        double[] t0 = t[0];
        double xi = t0[i];
        for (int c = 0; c < len; c++) {
            double d = t0[c0 + c] - xi;
            out[o + c] = d * d;
        }
        for (int k = 1; k < t.length; k++) {
            double[] tk = t[k];
            double xk = tk[i];
            for (int c = 0; c < len; c++) {
                double d = tk[c0 + c] - xk;
                out[o + c] += d * d;
            }
        }
    }

    /** The exact log-sum-exp of row i without its own term. */
    private static double exactRow(int dim, double[] s, double[] logWeights, int i) {
        return ExactLogSum.logSumExp(s, i, s, logWeights.length, dim, 0.5, logWeights, i);
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
