package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.wasserstein.internal.Parallel;
import io.github.hopflow.wasserstein.kernel.fast.FastExp;
import java.util.Arrays;

/**
 * The kernel sums of one transition update ({@link TransitionValues}): for every target point i
 * (the cloud now) over the source points j (the cloud at the anchor), with the product heat
 * kernel H_ij = Π_c H_c(x_ic | y_jc) and two sets of log source weights α_j, β_j,
 * <pre>
 *   A_i = Σ_j H_ij e^{α_j},  B_i = Σ_j H_ij e^{β_j},
 *   A2_i = Σ_j (H_ij e^{α_j})², B2_i = Σ_j (H_ij e^{β_j})², AB_i = Σ_j H_ij² e^{α_j + β_j},
 *   Bs_i = Σ_j H_ij e^{β_j} σ²_j,
 * </pre>
 * leaving out j = i when targets and sources are the same particles. Each row is stabilised by
 * its own maxima (found in a first pass over the exponents, which bound the terms from above), so
 * no weight range overflows; terms more than {@link #cutoff} below the row's bound are skipped. The
 * results are log A_i, log B_i, the scale-free ratios A2/A², B2/B², AB/(A·B), Bs/B and the row's
 * largest kernel exponent.
 *
 * <p>Cost: one pass of N·M·n multiply-adds over the cells a row visits, which also lists the terms
 * within the cutoff of the running maxima, and per listed term one exponential (two when the
 * weight ratio e^{β_j − α_j} spans more than the doubles' range) and n scaled Bessel factors. With M ≥ 512 sources the sources are sorted into a grid of
 * cells over the first one or two coordinates, and a row skips the cells whose bound is below its
 * cutoff. Rows run in parallel blocks; every row's sums are one sequential loop, so the results do
 * not depend on the thread count. Not thread-safe: one call at a time.
 */
final class TransitionSums {

    /** Outputs per row in the ratios array. */
    static final int STRIDE = 5;

    /** The skipped terms change a sum by at most e^{−this} relative. */
    static final double CUTOFF_MARGIN = 16;

    private final HeatKernel[] kernels;
    private final int n;
    private final int threads;
    private double[][][] targetFeatures;
    private double[][][] sourceFeatures;
    private double[] sortedAlpha = new double[0];
    private double[] sortedBeta = new double[0];
    private double[] sortedVariance = new double[0];
    private final double[] concentration;
    private final double[] gaussScale;
    private final boolean[] sphere;
    private double exponentOffset;
    private double[] weightRatio = new double[0];
    private boolean oneExponential;
    private double ratioCentre;
    private double cutoff;
    /** Σ over the sphere coordinates of −log of the Bessel factor's smallest value at the peak. */
    private double tailBound;

    TransitionSums(HeatKernel[] kernels, int threads) {
        this.kernels = kernels.clone();
        this.n = kernels.length;
        this.threads = threads;
        this.concentration = new double[n];
        this.gaussScale = new double[n];
        this.sphere = new boolean[n];
        for (int c = 0; c < n; c++) {
            sphere[c] = kernels[c].sphere();
        }
    }

    /**
     * Sets the spread s = ∫T dt of the kernels and returns Σ_c log of their normalisers.
     *
     * @param spread s &gt; 0
     */
    double prepare(double spread) {
        double logNorm = 0;
        double offset = 0;
        double tail = 0;
        for (int c = 0; c < n; c++) {
            HeatKernel k = kernels[c];
            double sc = k.spread(spread);
            if (k.sphere()) {
                double kappa = HeatKernel.concentration(sc);
                logNorm += k.sphereLogNormaliser(kappa);
                concentration[c] = kappa;
                offset += kappa;
                tail += 0.5 * Math.log(2 * Math.PI * Math.max(kappa, 1)) + 0.5;
            } else {
                logNorm += k.logNormaliser(sc);
                gaussScale[c] = 1 / Math.sqrt(2 * sc);
            }
        }
        exponentOffset = offset;
        tailBound = tail;
        return logNorm;
    }

    /**
     * Writes the features of {@code count} points x (flat, n per point), coordinate-major: for a
     * sphere coordinate c, (z, s, 1/√s) at out[c][0][p], out[c][1][p], out[c][2][p], scaled for a
     * source by (κ, κ, 1/√κ); for a Gaussian one (x/√(2v), 0, 0).
     */
    private void features(double[] x, int count, boolean source, int[] order, double[][][] out) {
        for (int c = 0; c < n; c++) {
            HeatKernel k = kernels[c];
            double[] f0 = out[c][0];
            double[] f1 = out[c][1];
            double[] f2 = out[c][2];
            for (int p = 0; p < count; p++) {
                double v = x[(order == null ? p : order[p]) * n + c];
                if (k.sphere()) {
                    double xi = k.unit(v);
                    double z = 1 - 2 * xi;
                    double sn = 2 * Math.sqrt(xi * (1 - xi));
                    double scale = source ? concentration[c] : 1;
                    f0[p] = scale * z;
                    f1[p] = scale * sn;
                    f2[p] = 1 / Math.sqrt(scale * sn);
                } else {
                    f0[p] = v * gaussScale[c];
                    f1[p] = 0;
                    f2[p] = 0;
                }
            }
        }
    }

    private double[][][] ensure(double[][][] f, int count) {
        if (f != null && f[0][0].length >= count) {
            return f;
        }
        double[][][] out = new double[n][3][];
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < 3; k++) {
                out[c][k] = new double[count];
            }
        }
        return out;
    }

    /**
     * Computes the sums; {@link #prepare} must have been called for the spread wanted.
     *
     * @param targets x_i, flat N × n. Not modified.
     * @param count N
     * @param sources y_j, flat M × n. Not modified.
     * @param sourceCount M
     * @param alpha α_j, M values. Not modified.
     * @param beta β_j, M values. Not modified.
     * @param variance σ²_j ≥ 0, M values. Not modified.
     * @param leaveOut whether to leave out j = i (then M = N)
     * @param logA receives log A_i. Modified.
     * @param logB receives log B_i. Modified.
     * @param ratios receives (A2/A², B2/B², AB/(AB), Bs/B, q*) for row i at [5i, 5i + 5), where
     *     q* is the largest kernel exponent of the row (log of the nearest source's kernel value
     *     over the kernel's peak, up to the Bessel factor). Modified.
     */
    void compute(double[] targets, int count, double[] sources, int sourceCount, double[] alpha, double[] beta,
            double[] variance, boolean leaveOut, double[] logA, double[] logB, double[] ratios) {
        targetFeatures = ensure(targetFeatures, count);
        sourceFeatures = ensure(sourceFeatures, sourceCount);
        features(targets, count, false, null, targetFeatures);
        // the largest term is at least e^{−tail} of its bound (e^{−a}I₀(a) ≥ 1/√(2π a) per sphere
        // coordinate), so the M terms below e^{−tail−ln M−16} of the bound change no sum by more
        // than e^{−16} = 1.1e-7 relative
        cutoff = tailBound + Math.log(sourceCount) + CUTOFF_MARGIN;
        Cells cells = Cells.of(this, targets, count, sources, sourceCount);
        final double[][][] sf = sourceFeatures;
        features(sources, sourceCount, true, cells.order, sf);
        if (sortedAlpha.length < sourceCount) {
            sortedAlpha = new double[sourceCount];
            sortedBeta = new double[sourceCount];
            sortedVariance = new double[sourceCount];
        }
        final double[] as = sortedAlpha;
        final double[] bs = sortedBeta;
        final double[] vs = sortedVariance;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < sourceCount; p++) {
            int j = cells.order[p];
            as[p] = alpha[j];
            bs[p] = beta[j];
            vs[p] = variance[j];
            double d = beta[j] - alpha[j];
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        cells.limits(as, bs);
        // one exponential per pair when the weights' ratio stays within the doubles' range
        oneExponential = hi - lo < 1200;
        ratioCentre = 0.5 * (lo + hi);
        if (weightRatio.length < sourceCount) {
            weightRatio = new double[sourceCount];
        }
        if (oneExponential) {
            for (int p = 0; p < sourceCount; p++) {
                weightRatio[p] = Math.exp(bs[p] - as[p] - ratioCentre);
            }
        }
        final double[][][] tf = targetFeatures;
        Parallel.forBlocks(count, (long) count * sourceCount * n * 8, threads, (from, to) -> {
            RowScratch scratch = new RowScratch(sourceCount, cells);
            for (int i = from; i < to; i++) {
                int self = leaveOut && i < sourceCount ? cells.position[i] : -1;
                row(i, self, tf, sf, cells, as, bs, vs, scratch, logA, logB, ratios);
            }
        });
    }

    /** Per-thread buffers of {@link #row}. */
    private static final class RowScratch {
        final double[] exponents;
        final int[] kept;
        final double[] exponentA;
        final double[] exponentB;
        final double[] factor;
        final double[] shift;
        final double[] binBound;
        final double[] boundA;
        final double[] boundB;
        final int[] visit;

        RowScratch(int sources, Cells cells) {
            exponents = new double[sources];
            kept = new int[sources];
            exponentA = new double[sources];
            exponentB = new double[sources];
            factor = new double[sources];
            shift = new double[sources];
            binBound = new double[cells.binOffset[cells.gridDims]];
            boundA = new double[cells.cellCount];
            boundB = new double[cells.cellCount];
            visit = new int[cells.cellCount];
        }
    }

    /**
     * The sources sorted into a grid of cells over the first one or two coordinates (angle θ =
     * 2 arcsin √ξ for a sphere coordinate, the scaled coordinate for a Gaussian one), with the
     * largest α and β per cell: a row skips every cell whose upper bound on its terms lies more
     * than the cutoff below a term already found.
     */
    private static final class Cells {
        int gridDims;
        int[] bins;
        int[] binOffset;
        double[] low;
        double[] width;
        int cellCount;
        int[] start;
        int[] order;
        int[] position;
        /** The grid coordinates of the targets, coordinate-major: [d·targets + i]. */
        double[] targetCoordinate;
        int targets;
        double[] alphaMax;
        double[] betaMax;

        static Cells of(TransitionSums sums, double[] targets, int count, double[] sources, int sourceCount) {
            Cells g = new Cells();
            int n = sums.n;
            int dims = Math.min(n, 2);
            g.gridDims = dims;
            g.bins = new int[dims];
            g.binOffset = new int[dims + 1];
            g.low = new double[dims];
            g.width = new double[dims];
            // about 32 sources or more per cell; no grid below 4 bins a coordinate
            int cap = (int) Math.floor(Math.pow(sourceCount / 32.0, 1.0 / dims));
            if (cap < 4) {
                return single(g, sourceCount);
            }
            double[] tc = new double[dims * count];
            double[] sc = new double[dims * sourceCount];
            for (int d = 0; d < dims; d++) {
                HeatKernel k = sums.kernels[d];
                double lo;
                double hi;
                double sigma;
                if (k.sphere()) {
                    lo = 0;
                    hi = Math.PI;
                    sigma = 1 / Math.sqrt(Math.max(sums.concentration[d], 1e-300));
                } else {
                    lo = Double.POSITIVE_INFINITY;
                    hi = Double.NEGATIVE_INFINITY;
                    sigma = Math.sqrt(0.5);
                }
                for (int p = 0; p < count; p++) {
                    double v = sums.coordinate(k, d, targets[p * n + d]);
                    tc[d * count + p] = v;
                    if (!k.sphere()) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                for (int p = 0; p < sourceCount; p++) {
                    double v = sums.coordinate(k, d, sources[p * n + d]);
                    sc[d * sourceCount + p] = v;
                    if (!k.sphere()) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                double range = hi - lo;
                int b = range > 0 && Double.isFinite(range) ? (int) Math.max(1, Math.min(cap, Math.floor(range / sigma))) : 1;
                g.bins[d] = b;
                g.low[d] = lo;
                g.width[d] = b == 1 ? Math.max(range, 0) : range / b;
                g.binOffset[d + 1] = g.binOffset[d] + b;
            }
            int cells = 1;
            for (int d = 0; d < dims; d++) {
                cells *= g.bins[d];
            }
            g.cellCount = cells;
            int[] cellOf = new int[sourceCount];
            g.start = new int[cells + 1];
            for (int p = 0; p < sourceCount; p++) {
                int cell = 0;
                for (int d = 0; d < dims; d++) {
                    cell = cell * g.bins[d] + g.bin(d, sc[d * sourceCount + p]);
                }
                cellOf[p] = cell;
                g.start[cell + 1]++;
            }
            for (int c = 0; c < cells; c++) {
                g.start[c + 1] += g.start[c];
            }
            int[] fill = Arrays.copyOf(g.start, cells);
            g.order = new int[sourceCount];
            g.position = new int[sourceCount];
            for (int p = 0; p < sourceCount; p++) {
                int q = fill[cellOf[p]]++;
                g.order[q] = p;
                g.position[p] = q;
            }
            g.targetCoordinate = tc;
            g.targets = count;
            return g;
        }

        /** One cell holding every source in its own order (no coordinates needed). */
        private static Cells single(Cells g, int sourceCount) {
            Arrays.fill(g.bins, 1);
            for (int d = 0; d < g.gridDims; d++) {
                g.binOffset[d + 1] = d + 1;
            }
            g.cellCount = 1;
            g.start = new int[] {0, sourceCount};
            g.order = new int[sourceCount];
            for (int p = 0; p < sourceCount; p++) {
                g.order[p] = p;
            }
            g.position = g.order;
            return g;
        }

        int bin(int d, double v) {
            if (bins[d] == 1) {
                return 0;
            }
            int b = (int) Math.floor((v - low[d]) / width[d]);
            return Math.min(bins[d] - 1, Math.max(0, b));
        }

        void limits(double[] alpha, double[] beta) {
            alphaMax = new double[cellCount];
            betaMax = new double[cellCount];
            for (int c = 0; c < cellCount; c++) {
                double a = Double.NEGATIVE_INFINITY;
                double b = Double.NEGATIVE_INFINITY;
                for (int p = start[c]; p < start[c + 1]; p++) {
                    a = Math.max(a, alpha[p]);
                    b = Math.max(b, beta[p]);
                }
                alphaMax[c] = a;
                betaMax[c] = b;
            }
        }
    }

    /** The grid coordinate of x on coordinate d: the angle θ for a sphere, the scaled value for a Gaussian. */
    private double coordinate(HeatKernel k, int d, double x) {
        if (k.sphere()) {
            return 2 * Math.asin(Math.sqrt(k.unit(x)));
        }
        return x * gaussScale[d];
    }


    private void row(int i, int self, double[][][] tf, double[][][] sf, Cells cells, double[] alpha,
            double[] beta, double[] variance, RowScratch scratch, double[] logA, double[] logB, double[] ratios) {
        int[] visit = scratch.visit;
        int visits = 0;
        if (cells.cellCount == 1) {
            visit[visits++] = 0;
        } else {
            visits = visitedCells(i, self, tf, sf, cells, alpha, beta, scratch);
        }
        sums(i, self, tf, sf, cells, alpha, beta, variance, scratch, visit, visits, logA, logB, ratios);
    }

    /** The cells row i must visit: those whose bound is within the cutoff of a term already found. */
    private int visitedCells(int i, int self, double[][][] tf, double[][][] sf, Cells cells, double[] alpha,
            double[] beta, RowScratch scratch) {
        // upper bounds of the exponent per bin of each grid coordinate, then per cell
        double[] bin = scratch.binBound;
        for (int d = 0; d < cells.gridDims; d++) {
            double v = cells.targetCoordinate[d * cells.targets + i];
            boolean sphere = kernels[d].sphere();
            for (int b = 0; b < cells.bins[d]; b++) {
                double lo = cells.low[d] + b * cells.width[d];
                double hi = b == cells.bins[d] - 1 ? Double.POSITIVE_INFINITY : lo + cells.width[d];
                if (b == 0) {
                    lo = Double.NEGATIVE_INFINITY;
                }
                double gap = Math.max(0, Math.max(lo - v, v - hi));
                bin[cells.binOffset[d] + b] = sphere ? concentration[d] * (Math.cos(Math.min(gap, Math.PI)) - 1)
                        : -gap * gap;
            }
        }
        double[] ua = scratch.boundA;
        double[] ub = scratch.boundB;
        int bestA = -1;
        int bestB = -1;
        for (int c = 0; c < cells.cellCount; c++) {
            if (cells.start[c] == cells.start[c + 1]) {
                ua[c] = Double.NEGATIVE_INFINITY;
                ub[c] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double u = 0;
            int rest = c;
            for (int d = cells.gridDims - 1; d >= 0; d--) {
                int b = rest % cells.bins[d];
                rest /= cells.bins[d];
                u += bin[cells.binOffset[d] + b];
            }
            ua[c] = u + cells.alphaMax[c];
            ub[c] = u + cells.betaMax[c];
            if (bestA < 0 || ua[c] > ua[bestA]) {
                bestA = c;
            }
            if (bestB < 0 || ub[c] > ub[bestB]) {
                bestB = c;
            }
        }
        // a term of the most promising cells bounds each row maximum from below
        double lowA = largestTerm(i, self, tf, sf, cells, bestA, alpha, scratch.exponents);
        double lowB = largestTerm(i, self, tf, sf, cells, bestB, beta, scratch.exponents);
        int[] visit = scratch.visit;
        int visits = 0;
        for (int c = 0; c < cells.cellCount; c++) {
            if (ua[c] >= lowA - cutoff || ub[c] >= lowB - cutoff) {
                visit[visits++] = c;
            }
        }
        return visits;
    }

    private void sums(int i, int self, double[][][] tf, double[][][] sf, Cells cells, double[] alpha, double[] beta,
            double[] variance, RowScratch scratch, int[] visit, int visits, double[] logA, double[] logB,
            double[] ratios) {
        final double[] e = scratch.exponents;
        final double[] qa = scratch.exponentA;
        final double[] qb = scratch.exponentB;
        final int[] kept = scratch.kept;
        final double cut = cutoff;
        double maxA = Double.NEGATIVE_INFINITY;
        double maxB = Double.NEGATIVE_INFINITY;
        double nearest = Double.NEGATIVE_INFINITY;
        int terms = 0;
        // the terms within the cutoff of the running maxima (a superset of those within the
        // cutoff of the row's maxima), listed without a branch: a test that passes for about half
        // the pairs would be mispredicted as often
        for (int v = 0; v < visits; v++) {
            int c = visit[v];
            int from = cells.start[c];
            int to = cells.start[c + 1];
            exponents(i, tf, sf, e, from, to);
            if (self >= from && self < to) {
                e[self] = Double.NEGATIVE_INFINITY;
            }
            for (int p = from; p < to; p++) {
                double q = e[p];
                double ea = q + alpha[p];
                double eb = q + beta[p];
                maxA = ea > maxA ? ea : maxA;
                maxB = eb > maxB ? eb : maxB;
                nearest = q > nearest ? q : nearest;
                kept[terms] = p;
                qa[terms] = ea;
                qb[terms] = eb;
                // 1 when ea > maxA − cut or eb > maxB − cut: the sign bit of the difference
                terms += (int) ((Double.doubleToRawLongBits(maxA - cut - ea)
                        | Double.doubleToRawLongBits(maxB - cut - eb)) >>> 63);
            }
        }
        final double cutA = maxA - cut;
        final double cutB = maxB - cut;
        // the Bessel factors, one coordinate at a time: factor·e^{−shift}
        final double[] factor = scratch.factor;
        final double[] shift = scratch.shift;
        Arrays.fill(factor, 0, terms, 1);
        Arrays.fill(shift, 0, terms, 0);
        final double split = HeatKernel.BESSEL_SPLIT;
        for (int k = 0; k < n; k++) {
            if (!sphere[k]) {
                continue;
            }
            final double[] s1 = sf[k][1];
            final double[] s2 = sf[k][2];
            final double t1 = tf[k][1][i];
            final double t2 = tf[k][2][i];
            for (int m = 0; m < terms; m++) {
                int p = kept[m];
                double a = t1 * s1[p];
                // the sources near a row are mostly on one side of the split
                if (a <= split) {
                    factor[m] *= HeatKernel.besselSmall(a);
                    shift[m] += a;
                } else {
                    factor[m] *= HeatKernel.besselLarge(t2 * s2[p]);
                }
            }
        }
        double a1 = 0;
        double b1 = 0;
        double a2 = 0;
        double b2 = 0;
        double ab = 0;
        double bsum = 0;
        // e^{eb} = e^{ea}·w_p·r with w_p = e^{β_p − α_p − C} (per source) and r = e^{C + maxA − maxB}
        final double[] w = weightRatio;
        final boolean one = oneExponential;
        final double r = one ? Math.exp(ratioCentre + maxA - maxB) : 0;
        for (int m = 0; m < terms; m++) {
            int p = kept[m];
            double ta;
            double tb;
            if (qa[m] < cutA) {
                ta = 0;
                tb = qb[m] < cutB ? 0 : FastExp.exp(qb[m] - maxB - shift[m]) * factor[m];
            } else {
                ta = FastExp.exp(qa[m] - maxA - shift[m]) * factor[m];
                tb = one ? ta * w[p] * r : (qb[m] < cutB ? 0 : FastExp.exp(qb[m] - maxB - shift[m]) * factor[m]);
            }
            a1 += ta;
            b1 += tb;
            a2 += ta * ta;
            b2 += tb * tb;
            ab += ta * tb;
            bsum += tb * variance[p];
        }
        logA[i] = maxA + Math.log(a1);
        logB[i] = maxB + Math.log(b1);
        int o = STRIDE * i;
        ratios[o] = a2 / (a1 * a1);
        ratios[o + 1] = b2 / (b1 * b1);
        ratios[o + 2] = ab / (a1 * b1);
        ratios[o + 3] = bsum / b1;
        ratios[o + 4] = nearest;
    }

    /**
     * The largest exponent plus weight of target i over the sources of one cell, leaving out
     * {@code self}; e is scratch.
     */
    private double largestTerm(int i, int self, double[][][] tf, double[][][] sf, Cells cells, int cell,
            double[] weight, double[] e) {
        int from = cells.start[cell];
        int to = cells.start[cell + 1];
        exponents(i, tf, sf, e, from, to);
        double low = Double.NEGATIVE_INFINITY;
        for (int p = from; p < to; p++) {
            if (p != self) {
                low = Math.max(low, e[p] + weight[p]);
            }
        }
        return low;
    }

    /** e[p] = the kernel exponent of target i and sorted source p, for p in [from, to) (see {@link #row}). */
    private void exponents(int i, double[][][] tf, double[][][] sf, double[] e, int from, int to) {
        final double offset = -exponentOffset;
        for (int p = from; p < to; p++) {
            e[p] = offset;
        }
        for (int k = 0; k < n; k++) {
            final double[] s0 = sf[k][0];
            final double t0 = tf[k][0][i];
            if (sphere[k]) {
                final double[] s1 = sf[k][1];
                final double t1 = tf[k][1][i];
                for (int p = from; p < to; p++) {
                    e[p] += t0 * s0[p] + t1 * s1[p];
                }
            } else {
                for (int p = from; p < to; p++) {
                    double d = t0 - s0[p];
                    e[p] -= d * d;
                }
            }
        }
    }
}
