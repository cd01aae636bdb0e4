package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import java.util.Arrays;

/**
 * A sub-quadratic approximation of the Gibbs kernel K(j, i) = exp(−‖u_j − v_i‖²/τ) in dimension
 * n ≤ 3, by Gaussian gridding: each product costs O((M + N)·Sⁿ + n·Gⁿ⁺¹) with a stencil of S ≈ 10–20
 * nodes per axis and G grid nodes per axis, instead of O(M·N).
 *
 * <p><b>Method.</b> The Gaussian splits into three Gaussians of the same kind, τ = τ_s + τ_g + τ_t
 * with τ_s = τ_t = ατ, τ_g = (1 − 2α)τ, and per axis
 * ∫∫ g_{τ_t}(y − p) g_{τ_g}(p − q) g_{τ_s}(q − x) dp dq = π·sqrt(τ_sτ_gτ_t/τ)·g_τ(y − x),
 * where g_a(d) = exp(−d²/a). Both integrals are replaced by sums over a regular grid of step h
 * covering the points: every source is spread onto the grid nodes within a radius r by the narrow
 * Gaussian g_{τ_s} (its weight exp(logB − shift) times exact Gaussian values, no interpolation
 * polynomial), the grid is convolved with g_{τ_g} axis by axis (the Gaussian is separable), and
 * every target gathers the grid values within radius r with weights g_{τ_t}. All weights are
 * positive, so there is no cancellation, and the approximation is <em>relative</em> per pair of
 * points, however small the kernel value or the weight.
 *
 * <p><b>Error bound.</b> For one pair at coordinate offsets d_k the double grid sum is a
 * trapezoid rule of a two-dimensional Gaussian integrand per axis; by Poisson summation its
 * relative error is at most about 4·exp(−π²α(1 − α)τ/h²) per axis (the smallest variance of the
 * integrand is α(1 − α)τ). Truncating the stencils at radius r loses a relative mass at most
 * exp(−(r − α|d_k|)²/(α(1 − α)τ)) per axis and side. h and r are chosen from τ and the requested
 * tolerance δ so that both terms are δ/(n + 1) as long as every |d_k| ≤ sqrt(Λτ) with the reach
 * Λ = {@value #REACH}: then each output's log is within δ of the exact log-domain product
 * (a positive sum of pair terms each within δ relative). Pairs farther apart contribute
 * at most e^−Λ ≈ 1.6e-28 of their weight, so they matter only to an output none of whose sources
 * lies within that reach with a weight above e^−Λ·δ of theirs; such far pairs are still
 * included, with an error that grows smoothly beyond the reach (they are underestimated). The
 * test {@code GridGibbsKernelTest} measures the error on the paper's parameters.
 *
 * <p><b>Dynamic range.</b> Log-domain inputs can span far more than the e^−745 of a double. The
 * sources are split into bands of width {@value #BAND} in log-weight; each band is gridded
 * separately with its own shift, so no weight within e^−300 of its band's maximum is lost, and
 * the bands are combined in the log domain. Every factor of a pair's term (weight, spreading,
 * convolution, gathering) is at most 1, so a term that underflows anywhere is below e^−700 of its
 * band's shift; a band sum at or above e^−600 is therefore accurate, and a smaller one (whose
 * terms may have underflowed) is either negligible, by at least the tolerance, next to the other
 * bands of that output, or that band's contribution to that output is recomputed exactly by
 * log-sum-exp. The result is never −∞ or NaN where the exact product is finite.
 *
 * <p><b>Threads.</b> Spreading uses {@value #SPREAD_BLOCKS} fixed blocks of sources, each into its
 * own grid, summed in block order; convolution lines, targets and each point's stencil weights
 * are each computed by one thread: results are bit-identical whatever the number of threads. A
 * kernel of one cloud against itself ({@code u == v}) computes the stencil weights once.
 *
 * <p>The kernel keeps references to the point arrays (for exact recomputations); the caller must
 * not modify them while it is in use. Not thread-safe: products use internal work arrays.
 */
public final class GridGibbsKernel implements GibbsKernel {

    /** Share α of τ given to the spreading and to the gathering Gaussian each. */
    static final double ALPHA = 0.05;
    /** The reach Λ: pairs with every |d_k|² ≤ Λτ are within the stated error. */
    public static final double REACH = 64;
    /** Width, in log-weight, of one band of sources. */
    static final double BAND = 300;
    /** Log of the smallest band sum that is trusted. */
    private static final double TRUSTED_LOG = -600;
    /** e^TRUSTED_LOG. */
    private static final double TRUSTED_MIN = Math.exp(TRUSTED_LOG);
    /** Points per block of the stencil-weight computation. */
    private static final int WEIGHT_BLOCK = 2048;
    /** Number of fixed source blocks for deterministic parallel spreading. */
    static final int SPREAD_BLOCKS = 4;
    /** Largest number of grid cells allowed. */
    public static final long MAX_CELLS = 1L << 24;
    /** Smallest tolerance accepted. */
    public static final double MIN_TOLERANCE = 1e-13;

    private final int dim;
    private final int m;
    private final int n;
    private final double tau;
    private final double tolerance;
    private final double[] u;
    private final double[] v;
    private final int threads;
    private final double h;
    private final int stencil;
    private final int[] size = new int[3];
    private final int[] stencils = new int[3];
    private final double[] origin = new double[3];
    private final int cells;
    private final double[] convKernel;
    private final int convHalf;
    private final double logNorm;
    private final int[] uBase;
    private final double[] uWeight;
    private final int[] vBase;
    private final double[] vWeight;
    private final double[][] grids;
    private final double[] shifted;
    private final double[] bandSum;
    private final double[] lineBuffers;
    private final int lineBlocks;

    private GridGibbsKernel(int dim, double[] u, double[] v, double tau, double tolerance, int threads) {
        this.dim = dim;
        this.m = u.length / dim;
        this.n = v.length / dim;
        this.tau = tau;
        this.tolerance = tolerance;
        this.u = u;
        this.v = v;
        this.threads = threads;
        Plan plan = plan(dim, u, v, tau, tolerance);
        this.h = plan.h;
        this.stencil = plan.stencil;
        double radius = plan.radius;
        long c = 1;
        for (int k = 0; k < 3; k++) {
            if (k < dim) {
                origin[k] = plan.lo[k] - radius - h;
                size[k] = plan.size[k];
                stencils[k] = stencil;
            } else {
                size[k] = 1;
                stencils[k] = 1;
            }
            c *= size[k];
        }
        cells = (int) c;
        double tauG = (1 - 2 * ALPHA) * tau;
        int maxSize = Math.max(size[0], Math.max(size[1], size[2]));
        int half = 1;
        while (half < maxSize && (half * h) * (half * h) / tauG <= 700) {
            half++;
        }
        convHalf = half;
        convKernel = new double[2 * half - 1];
        for (int d = -(half - 1); d <= half - 1; d++) {
            double x = d * h;
            convKernel[d + half - 1] = Math.exp(-x * x / tauG);
        }
        logNorm = dim * Math.log(h * h / (Math.PI * ALPHA * tau * Math.sqrt(1 - 2 * ALPHA)));
        double tauS = ALPHA * tau;
        uBase = new int[m * dim];
        uWeight = new double[m * dim * stencil];
        weights(u, m, radius, tauS, uBase, uWeight);
        if (v == u) {
            // one cloud against itself (a leave-one-out sum): the same stencils serve both sides
            vBase = uBase;
            vWeight = uWeight;
        } else {
            vBase = new int[n * dim];
            vWeight = new double[n * dim * stencil];
            weights(v, n, radius, tauS, vBase, vWeight);
        }
        grids = new double[SPREAD_BLOCKS][cells];
        shifted = new double[Math.max(m, n)];
        bandSum = new double[Math.max(m, n)];
        lineBlocks = Math.max(1, Math.min(64, cells / maxSize));
        lineBuffers = new double[lineBlocks * maxSize];
    }

    /** Grid parameters chosen from τ, the tolerance and the point bounding box. */
    static final class Plan {
        final double h;
        final double radius;
        final int stencil;
        final double[] lo = new double[3];
        final int[] size = new int[3];
        final long cells;

        Plan(int dim, double[] u, double[] v, double tau, double tolerance) {
            double share = tolerance / (dim + 1);
            double var = ALPHA * (1 - ALPHA) * tau;
            h = Math.PI * Math.sqrt(var / Math.log(4.0 * dim / share));
            radius = ALPHA * Math.sqrt(REACH * tau) + Math.sqrt(var * Math.log(2.0 / share));
            stencil = (int) Math.floor(2 * radius / h) + 2;
            long c = 1;
            for (int k = 0; k < dim; k++) {
                double a = Double.POSITIVE_INFINITY;
                double b = Double.NEGATIVE_INFINITY;
                for (int p = k; p < u.length; p += dim) {
                    a = Math.min(a, u[p]);
                    b = Math.max(b, u[p]);
                }
                for (int p = k; p < v.length; p += dim) {
                    a = Math.min(a, v[p]);
                    b = Math.max(b, v[p]);
                }
                lo[k] = a;
                double nodes = Math.ceil((b - a + 2 * radius + 2 * h) / h) + 2;
                size[k] = nodes > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) nodes;
                c = nodes > MAX_CELLS ? MAX_CELLS + 1 : Math.min(MAX_CELLS + 1, c * size[k]);
            }
            cells = c;
        }

        /**
         * The estimated cost of one product between {@code rows} and {@code columns} points, in
         * multiply-adds: spreading and gathering, (M + N)·Sⁿ, and the convolution, n·Gⁿ·L.
         */
        double productCost(int dim, long rows, long columns) {
            double cost = Math.pow(stencil, dim) * (rows + columns);
            for (int k = 0; k < dim; k++) {
                cost += (double) cells * size[k];
            }
            return cost;
        }
    }

    /** The grid that {@link #of} would use, without building it (for cost estimates). */
    static Plan plan(int dim, double[] u, double[] v, double tau, double tolerance) {
        return new Plan(dim, u, v, tau, tolerance);
    }

    /**
     * Whether a grid kernel can be built for these points: dimension ≤ 3 and at most
     * {@link #MAX_CELLS} grid cells (the grid step is proportional to √τ, so small τ over a wide
     * bounding box needs too fine a grid; use a dense kernel then).
     *
     * @param u row points, flat. Not modified.
     * @param v column points, flat. Not modified.
     */
    public static boolean feasible(int dimension, double[] u, double[] v, double tau, double tolerance) {
        return dimension >= 1 && dimension <= 3 && plan(dimension, u, v, tau, tolerance).cells <= MAX_CELLS;
    }

    /**
     * A grid kernel between row points {@code u} and column points {@code v}.
     *
     * @param dimension n ∈ {1, 2, 3}
     * @param u row points, flat M × n, finite. Not modified; referenced while the kernel is used.
     * @param v column points, flat N × n, finite. Not modified; referenced while the kernel is used.
     * @param tau τ &gt; 0
     * @param tolerance δ in [{@value #MIN_TOLERANCE}, 0.1]: the bound on |log K̃b − log Kb| per
     *     output (for sources within the reach, see the class comment)
     * @param threads the most threads to use (≥ 1); results do not depend on it
     * @throws IllegalArgumentException naming the parameter and value, also when the grid would
     *     exceed {@link #MAX_CELLS} cells
     */
    public static GridGibbsKernel of(int dimension, double[] u, double[] v, double tau, double tolerance,
            int threads) {
        KernelChecks.check(dimension, u, v, tau);
        if (dimension > 3) {
            throw new IllegalArgumentException("dimension must be <= 3 for the grid kernel, got " + dimension);
        }
        if (!(tolerance >= MIN_TOLERANCE && tolerance <= 0.1)) {
            throw new IllegalArgumentException("tolerance must be in [" + MIN_TOLERANCE + ", 0.1], got "
                    + tolerance);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Plan plan = plan(dimension, u, v, tau, tolerance);
        if (plan.cells > MAX_CELLS) {
            throw new IllegalArgumentException("tau = " + tau + " needs more than " + MAX_CELLS
                    + " grid cells for these points at tolerance " + tolerance + "; use a dense kernel");
        }
        return new GridGibbsKernel(dimension, u, v, tau, tolerance, threads);
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

    /** The tolerance δ the grid was built for. */
    public double tolerance() {
        return tolerance;
    }

    /** The grid step h, in isometric units. */
    public double gridStep() {
        return h;
    }

    /** The number of grid nodes. */
    public int gridCells() {
        return cells;
    }

    /** The stencil width S, in nodes per axis. */
    public int stencilWidth() {
        return stencil;
    }

    /** Each point's stencil, in blocks of {@value #WEIGHT_BLOCK} points on up to {@code threads} threads. */
    private void weights(double[] p, int count, double radius, double tauS, int[] base, double[] w) {
        int blocks = (count + WEIGHT_BLOCK - 1) / WEIGHT_BLOCK;
        Parallel.forEach(blocks, count < 2 * WEIGHT_BLOCK ? 1 : threads, blk -> {
            int i1 = Math.min(count, (blk + 1) * WEIGHT_BLOCK);
            for (int i = blk * WEIGHT_BLOCK; i < i1; i++) {
                for (int k = 0; k < dim; k++) {
                    double x = p[i * dim + k];
                    int b = (int) Math.ceil((x - radius - origin[k]) / h);
                    b = Math.max(0, Math.min(size[k] - stencil, b));
                    base[i * dim + k] = b;
                    int off = (i * dim + k) * stencil;
                    for (int s = 0; s < stencil; s++) {
                        double d = origin[k] + (b + s) * h - x;
                        w[off + s] = FastExp.exp(-d * d / tauS);
                    }
                }
            }
        });
    }

    @Override
    public void logMultiply(double[] logB, double[] out) {
        KernelChecks.vectors("logB", logB, n, "out", out, m);
        product(v, n, vBase, vWeight, logB, u, m, uBase, uWeight, out);
    }

    @Override
    public void logMultiplyTranspose(double[] logA, double[] out) {
        KernelChecks.vectors("logA", logA, m, "out", out, n);
        product(u, m, uBase, uWeight, logA, v, n, vBase, vWeight, out);
    }

    private void product(double[] src, int ns, int[] sBase, double[] sW, double[] logW,
            double[] tgt, int nt, int[] tBase, double[] tW, double[] out) {
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ns; i++) {
            double a = logW[i];
            if (a > top) {
                top = a;
            }
            if (a > Double.NEGATIVE_INFINITY && a < bottom) {
                bottom = a;
            }
        }
        Arrays.fill(out, 0, nt, Double.NEGATIVE_INFINITY);
        if (top == Double.NEGATIVE_INFINITY) {
            return;
        }
        int bands = (int) Math.floor((top - bottom) / BAND) + 1;
        double[] untrustedShift = new double[bands];
        boolean[][] flags = new boolean[bands][];
        for (int band = 0; band < bands; band++) {
            final double shift = top - band * BAND;
            final double lowEdge = shift - BAND;
            final int bandIndex = band;
            int present = 0;
            for (int i = 0; i < ns; i++) {
                double a = logW[i];
                boolean in = a <= shift && (a > lowEdge || (bandIndex == bands - 1 && a > Double.NEGATIVE_INFINITY));
                shifted[i] = in ? FastExp.exp(a - shift) : 0.0;
                if (in) {
                    present++;
                }
            }
            if (present == 0) {
                continue;
            }
            spread(ns, sBase, sW);
            convolve();
            gather(nt, tBase, tW);
            boolean[] f = null;
            for (int t = 0; t < nt; t++) {
                double s = bandSum[t];
                if (s >= TRUSTED_MIN) {
                    out[t] = logAdd(out[t], shift + Math.log(s));
                } else {
                    if (f == null) {
                        f = new boolean[nt];
                    }
                    f[t] = true;
                }
            }
            flags[band] = f;
            untrustedShift[band] = shift;
        }
        // Untrusted band sums are below e^(shift − 599); recompute where that could matter.
        double logTol = Math.log(tolerance) - 2;
        for (int band = 0; band < bands; band++) {
            boolean[] f = flags[band];
            if (f == null) {
                continue;
            }
            double bound = untrustedShift[band] + TRUSTED_LOG + 1;
            double shift = untrustedShift[band];
            double lowEdge = shift - BAND;
            boolean last = band == bands - 1;
            for (int t = 0; t < nt; t++) {
                if (f[t] && !(bound < out[t] + logTol)) {
                    double exact = exactBand(tgt, t, src, ns, logW, shift, lowEdge, last);
                    out[t] = logAdd(out[t], exact - logNorm);
                }
            }
        }
        for (int t = 0; t < nt; t++) {
            out[t] += logNorm;
        }
    }

    private static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
    }

    private double exactBand(double[] tgt, int t, double[] src, int ns, double[] logW, double shift,
            double lowEdge, boolean last) {
        double invTau = 1 / tau;
        double mx = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ns; i++) {
            double a = logW[i];
            if (inBand(a, shift, lowEdge, last)) {
                mx = Math.max(mx, a - dist2(tgt, t, src, i) * invTau);
            }
        }
        if (mx == Double.NEGATIVE_INFINITY) {
            return mx;
        }
        double sum = 0;
        for (int i = 0; i < ns; i++) {
            double a = logW[i];
            if (inBand(a, shift, lowEdge, last)) {
                sum += FastExp.exp(a - dist2(tgt, t, src, i) * invTau - mx);
            }
        }
        return mx + Math.log(sum);
    }

    private static boolean inBand(double a, double shift, double lowEdge, boolean last) {
        return a <= shift && (a > lowEdge || (last && a > Double.NEGATIVE_INFINITY));
    }

    private double dist2(double[] p, int t, double[] q, int i) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            double d = p[t * dim + k] - q[i * dim + k];
            s += d * d;
        }
        return s;
    }

    /** Spreads {@link #shifted} onto the block grids and sums them into grids[0]. */
    private void spread(int ns, int[] base, double[] w) {
        final int st0 = stencils[0];
        final int st1 = stencils[1];
        final int st2 = stencils[2];
        final int stride0 = size[1] * size[2];
        final int stride1 = size[2];
        Parallel.forEach(SPREAD_BLOCKS, threads, blk -> {
            double[] g = grids[blk];
            Arrays.fill(g, 0.0);
            int i0 = (int) ((long) ns * blk / SPREAD_BLOCKS);
            int i1 = (int) ((long) ns * (blk + 1) / SPREAD_BLOCKS);
            if (dim == 2) {
                spread2(g, i0, i1, base, w, stride0);
                return;
            }
            for (int i = i0; i < i1; i++) {
                double wi = shifted[i];
                if (wi == 0) {
                    continue;
                }
                int b0 = base[i * dim];
                int b1 = dim > 1 ? base[i * dim + 1] : 0;
                int b2 = dim > 2 ? base[i * dim + 2] : 0;
                int w0 = i * dim * stencil;
                int w1 = dim > 1 ? w0 + stencil : -1;
                int w2 = dim > 2 ? w0 + 2 * stencil : -1;
                for (int s0 = 0; s0 < st0; s0++) {
                    double c0 = wi * w[w0 + s0];
                    int r0 = (b0 + s0) * stride0;
                    for (int s1 = 0; s1 < st1; s1++) {
                        double c1 = w1 < 0 ? c0 : c0 * w[w1 + s1];
                        int r1 = r0 + (b1 + s1) * stride1 + b2;
                        if (w2 < 0) {
                            g[r1] += c1;
                        } else {
                            for (int s2 = 0; s2 < st2; s2++) {
                                g[r1 + s2] += c1 * w[w2 + s2];
                            }
                        }
                    }
                }
            }
        });
        double[] g0 = grids[0];
        for (int blk = 1; blk < SPREAD_BLOCKS; blk++) {
            double[] g = grids[blk];
            for (int c = 0; c < cells; c++) {
                g0[c] += g[c];
            }
        }
    }

    /** Convolves grids[0] with the grid Gaussian along each axis. */
    private void convolve() {
        double[] g = grids[0];
        int[] strides = {size[1] * size[2], size[2], 1};
        for (int axis = 0; axis < dim; axis++) {
            final int len = size[axis];
            final int stride = strides[axis];
            final int lines = cells / len;
            final int ax = axis;
            Parallel.forEach(lineBlocks, threads, blk -> {
                int l0 = (int) ((long) lines * blk / lineBlocks);
                int l1 = (int) ((long) lines * (blk + 1) / lineBlocks);
                int bufOff = blk * bufferSize();
                for (int line = l0; line < l1; line++) {
                    int start = lineStart(ax, line);
                    convolveLine(g, start, stride, len, bufOff);
                }
            });
        }
    }

    private int bufferSize() {
        return Math.max(size[0], Math.max(size[1], size[2]));
    }

    /** Offset of the first node of line number {@code line} along {@code axis}. */
    private int lineStart(int axis, int line) {
        if (axis == 0) {
            return line;
        }
        if (axis == 1) {
            int a0 = line / size[2];
            int a2 = line % size[2];
            return a0 * size[1] * size[2] + a2;
        }
        return line * size[2];
    }

    private void convolveLine(double[] g, int start, int stride, int len, int bufOff) {
        double[] in = lineBuffers;
        int inOff = bufOff;
        boolean any = false;
        for (int l = 0; l < len; l++) {
            double x = g[start + l * stride];
            in[inOff + l] = x;
            any |= x != 0;
        }
        if (!any) {
            return;
        }
        int half = convHalf;
        double[] ker = convKernel;
        for (int l = 0; l < len; l++) {
            int lo = Math.max(0, l - half + 1);
            int hi = Math.min(len - 1, l + half - 1);
            int kOff = half - 1 - l;
            double s0 = 0;
            double s1 = 0;
            int q = lo;
            for (; q + 1 <= hi; q += 2) {
                s0 += ker[kOff + q] * in[inOff + q];
                s1 += ker[kOff + q + 1] * in[inOff + q + 1];
            }
            if (q <= hi) {
                s0 += ker[kOff + q] * in[inOff + q];
            }
            g[start + l * stride] = s0 + s1;
        }
    }

    /** bandSum[t] = Σ over the target's stencil of gathering weight × grid value. */
    private void gather(int nt, int[] base, double[] w) {
        final double[] g = grids[0];
        final int st0 = stencils[0];
        final int st1 = stencils[1];
        final int st2 = stencils[2];
        final int stride0 = size[1] * size[2];
        final int stride1 = size[2];
        int blocks = Math.max(1, (nt + 1023) / 1024);
        Parallel.forEach(blocks, threads, blk -> {
            int t1 = Math.min(nt, (blk + 1) * 1024);
            if (dim == 2) {
                gather2(g, blk * 1024, t1, base, w, stride0);
                return;
            }
            for (int t = blk * 1024; t < t1; t++) {
                int b0 = base[t * dim];
                int b1 = dim > 1 ? base[t * dim + 1] : 0;
                int b2 = dim > 2 ? base[t * dim + 2] : 0;
                int w0 = t * dim * stencil;
                int w1 = dim > 1 ? w0 + stencil : -1;
                int w2 = dim > 2 ? w0 + 2 * stencil : -1;
                double total = 0;
                for (int s0 = 0; s0 < st0; s0++) {
                    int r0 = (b0 + s0) * stride0;
                    double acc1 = 0;
                    for (int s1 = 0; s1 < st1; s1++) {
                        int r1 = r0 + (b1 + s1) * stride1 + b2;
                        double acc2;
                        if (w2 < 0) {
                            acc2 = g[r1];
                        } else {
                            acc2 = 0;
                            for (int s2 = 0; s2 < st2; s2++) {
                                acc2 += g[r1 + s2] * w[w2 + s2];
                            }
                        }
                        acc1 += w1 < 0 ? acc2 : acc2 * w[w1 + s1];
                    }
                    total += acc1 * w[w0 + s0];
                }
                bandSum[t] = total;
            }
        });
    }

    /** Two-dimensional spreading of sources [i0, i1) into g: one vectorisable row per stencil node. */
    private void spread2(double[] g, int i0, int i1, int[] base, double[] w, int stride0) {
        final int st = stencil;
        for (int i = i0; i < i1; i++) {
            double wi = shifted[i];
            if (wi == 0) {
                continue;
            }
            int b0 = base[2 * i];
            int b1 = base[2 * i + 1];
            int w0 = 2 * i * st;
            int w1 = w0 + st;
            for (int s0 = 0; s0 < st; s0++) {
                double c0 = wi * w[w0 + s0];
                int r = (b0 + s0) * stride0 + b1;
                for (int s1 = 0; s1 < st; s1++) {
                    g[r + s1] += c0 * w[w1 + s1];
                }
            }
        }
    }

    /** Two-dimensional gathering for targets [t0, t1). */
    private void gather2(double[] g, int t0, int t1, int[] base, double[] w, int stride0) {
        final int st = stencil;
        for (int t = t0; t < t1; t++) {
            int b0 = base[2 * t];
            int b1 = base[2 * t + 1];
            int w0 = 2 * t * st;
            int w1 = w0 + st;
            double total = 0;
            for (int s0 = 0; s0 < st; s0++) {
                int r = (b0 + s0) * stride0 + b1;
                double a0 = 0;
                double a1 = 0;
                int s1 = 0;
                for (; s1 + 1 < st; s1 += 2) {
                    a0 += g[r + s1] * w[w1 + s1];
                    a1 += g[r + s1 + 1] * w[w1 + s1 + 1];
                }
                if (s1 < st) {
                    a0 += g[r + s1] * w[w1 + s1];
                }
                total += (a0 + a1) * w[w0 + s0];
            }
            bandSum[t] = total;
        }
    }
}
