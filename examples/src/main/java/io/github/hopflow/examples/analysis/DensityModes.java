package io.github.hopflow.examples.analysis;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the modes of the density carried by a (possibly pooled) weighted point cloud {xⁱ, ϱⁱ}.
 *
 * <ol>
 *   <li>From up to {@code maxStarts} of the points (an even stride through the cloud) climb the
 *       kernel density estimate p(x) = Σ wⁱK(x − xⁱ) by mean shift,
 *       x ← Σ wⁱK(xⁱ − x)xⁱ / Σ wⁱK(xⁱ − x), with a Gaussian kernel K of width {@code bandwidth}
 *       (cut off at four widths). The weights are wⁱ = 1 — the points are samples of ρ, so p
 *       estimates ρ itself — or, with {@code valueWeighted}, wⁱ = ϱⁱ.</li>
 *   <li>Climbs that end together (within a quarter of the width) belong to one mode; a mode
 *       reached from fewer than {@code max(3, minShare·starts)} starts is dropped as noise.</li>
 *   <li>With {@code valueWeighted}, refine each mode with the values themselves: fit
 *       log ϱ ≈ c + gᵀd + ½dᵀAd around it by weighted least squares (Gaussian weights of width
 *       {@code fitWidth}) and take Newton steps to the vertex −A⁻¹g, each at most one fit width
 *       long, while A is negative definite. This is accurate when the values have the shape of ρ
 *       (small entropic blur); with the paper's ε = 0.1 the blur merges nearby modes in the
 *       values, and the positions alone are the better guide.</li>
 * </ol>
 * A mode closer than twice the bandwidth to a stronger one, or joined to it by a ridge along
 * which the estimated density never dips below 90 % of the weaker peak, is a bump on that ridge
 * and is dropped. The result is ordered by estimated density, highest first. Distances are
 * Euclidean in the cloud's coordinates.
 */
public final class DensityModes {

    /** Points farther than this many fit widths from the centre are left out of the local fit. */
    private static final double CUT = 2.5;
    /** Relative depth of the density dip that separates two modes. */
    private static final double DIP = 0.1;
    /** Kernel cut-off, in bandwidths. */
    private static final double KERNEL_CUT = 4;

    private final double bandwidth;
    private final double minShare;
    private final int maxStarts;
    private final boolean valueWeighted;
    private final double fitWidth;

    private DensityModes(double bandwidth, double minShare, int maxStarts, boolean valueWeighted, double fitWidth) {
        this.bandwidth = bandwidth;
        this.minShare = minShare;
        this.maxStarts = maxStarts;
        this.valueWeighted = valueWeighted;
        this.fitWidth = fitWidth;
    }

    /**
     * Position-based defaults for clouds on the unit cube: kernel width 0.03, modes reached from
     * at least 5 % of 200 starts.
     */
    public static DensityModes defaults() {
        return new DensityModes(0.03, 0.05, 200, false, 0.04);
    }

    /**
     * @param bandwidth mean-shift kernel width, &gt; 0
     * @param minShare smallest share of the starts that must reach a mode, in [0, 1)
     * @param maxStarts largest number of mean-shift starts, ≥ 1
     * @param valueWeighted weight the kernel density by the values ϱ and refine by local fits of log ϱ
     * @param fitWidth width of the Gaussian weights of the local fit, &gt; 0 (used when value-weighted)
     */
    public static DensityModes of(double bandwidth, double minShare, int maxStarts, boolean valueWeighted,
            double fitWidth) {
        Checks.positive("bandwidth", bandwidth);
        if (!(minShare >= 0 && minShare < 1)) {
            throw new IllegalArgumentException("minShare must be in [0, 1), got " + minShare);
        }
        if (maxStarts < 1) {
            throw new IllegalArgumentException("maxStarts must be >= 1, got " + maxStarts);
        }
        Checks.positive("fitWidth", fitWidth);
        return new DensityModes(bandwidth, minShare, maxStarts, valueWeighted, fitWidth);
    }

    /** The kernel width. */
    public double bandwidth() {
        return bandwidth;
    }

    /** Whether the kernel density is weighted by the values. */
    public boolean valueWeighted() {
        return valueWeighted;
    }

    /** The modes of {@code cloud}, highest first. */
    public List<Mode> find(WeightedPointCloud cloud) {
        int n = cloud.dimension();
        int size = cloud.size();
        double[] x = cloud.positions();
        double[] v = cloud.values();
        double[] w = valueWeighted ? v : ones(size);
        SortedPoints sorted = new SortedPoints(x, w, n);
        int starts = Math.min(size, maxStarts);
        double[] ends = new double[starts * n];
        int[] startIndex = new int[starts];
        for (int k = 0; k < starts; k++) {
            int i = (int) ((long) k * size / starts);
            startIndex[k] = i;
            double[] start = Arrays.copyOfRange(x, i * n, i * n + n);
            System.arraycopy(meanShift(sorted, start), 0, ends, k * n, n);
        }
        int[] identity = new int[starts];
        for (int k = 0; k < starts; k++) {
            identity[k] = k;
        }
        int[] group = singleLinkage(ends, n, identity, 0.25 * bandwidth);
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        int minSize = Math.max(3, (int) Math.ceil(minShare * starts));
        List<Mode> modes = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double[] centre = new double[n];
            double peak = 0;
            int members = 0;
            for (int k = 0; k < starts; k++) {
                if (group[k] != g) {
                    continue;
                }
                members++;
                peak = Math.max(peak, v[startIndex[k]]);
                for (int d = 0; d < n; d++) {
                    centre[d] += ends[k * n + d];
                }
            }
            if (members < minSize) {
                continue;
            }
            for (int d = 0; d < n; d++) {
                centre[d] /= members;
            }
            double[] located = valueWeighted ? refine(x, v, n, centre) : centre;
            modes.add(new Mode(located, peak, members));
        }
        // strongest first; a weaker mode joined to a stronger one by a ridge without a real dip
        // (the density along the segment never falls below (1 - DIP) of the weaker peak) is a
        // bump on that ridge, not a mode of its own
        double[] height = new double[modes.size()];
        for (int k = 0; k < height.length; k++) {
            height[k] = density(sorted, modes.get(k).centre());
        }
        Integer[] order = new Integer[modes.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -height[k]).thenComparingInt(k -> k));
        List<Mode> merged = new ArrayList<>();
        for (int k : order) {
            Mode m = modes.get(k);
            boolean separate = true;
            for (Mode kept : merged) {
                if (distance(kept.centre(), m.centre()) < 2 * bandwidth
                        || minimumAlong(sorted, kept.centre(), m.centre()) >= (1 - DIP) * height[k]) {
                    separate = false;
                    break;
                }
            }
            if (separate) {
                merged.add(m);
            }
        }
        return merged;
    }

    /** The kernel density estimate (unnormalised) at {@code c}. */
    private double density(SortedPoints p, double[] c) {
        int n = p.dimension;
        double inv = 1 / (2 * bandwidth * bandwidth);
        double cut = KERNEL_CUT * bandwidth;
        double cut2 = cut * cut;
        double sum = 0;
        for (int j = p.firstAtLeast(c[0] - cut); j < p.first.length && p.first[j] <= c[0] + cut; j++) {
            double d2 = 0;
            for (int d = 0; d < n && d2 <= cut2; d++) {
                double t = p.x[j * n + d] - c[d];
                d2 += t * t;
            }
            if (d2 <= cut2) {
                sum += p.w[j] * Math.exp(-d2 * inv);
            }
        }
        return sum;
    }

    /** The smallest density estimate at 24 evenly spaced points of the segment from a to b. */
    private double minimumAlong(SortedPoints p, double[] a, double[] b) {
        double min = Double.POSITIVE_INFINITY;
        double[] c = new double[a.length];
        for (int s = 1; s < 24; s++) {
            double t = s / 24.0;
            for (int d = 0; d < a.length; d++) {
                c[d] = a[d] + t * (b[d] - a[d]);
            }
            min = Math.min(min, density(p, c));
        }
        return min;
    }

    private static double[] ones(int size) {
        double[] w = new double[size];
        Arrays.fill(w, 1.0);
        return w;
    }

    private static int[] singleLinkage(double[] x, int n, int[] sel, double linkRadius) {
        int m = sel.length;
        int[] parent = new int[m];
        for (int k = 0; k < m; k++) {
            parent[k] = k;
        }
        double r2 = linkRadius * linkRadius;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double d2 = 0;
                for (int d = 0; d < n; d++) {
                    double t = x[sel[a] * n + d] - x[sel[b] * n + d];
                    d2 += t * t;
                }
                if (d2 < r2) {
                    int ra = root(parent, a);
                    int rb = root(parent, b);
                    if (ra != rb) {
                        parent[Math.max(ra, rb)] = Math.min(ra, rb);
                    }
                }
            }
        }
        int[] label = new int[m];
        Arrays.fill(label, -1);
        int[] rootLabel = new int[m];
        Arrays.fill(rootLabel, -1);
        int next = 0;
        for (int k = 0; k < m; k++) {
            int r = root(parent, k);
            if (rootLabel[r] < 0) {
                rootLabel[r] = next++;
            }
            label[k] = rootLabel[r];
        }
        return label;
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private double[] meanShift(SortedPoints p, double[] start) {
        int n = p.dimension;
        double[] c = start.clone();
        double[] next = new double[n];
        double inv = 1 / (2 * bandwidth * bandwidth);
        double cut = KERNEL_CUT * bandwidth;
        double cut2 = cut * cut;
        for (int iter = 0; iter < 300; iter++) {
            Arrays.fill(next, 0);
            double wsum = 0;
            int from = p.firstAtLeast(c[0] - cut);
            for (int j = from; j < p.first.length && p.first[j] <= c[0] + cut; j++) {
                int base = j * n;
                double d2 = 0;
                for (int d = 0; d < n && d2 <= cut2; d++) {
                    double t = p.x[base + d] - c[d];
                    d2 += t * t;
                }
                if (d2 > cut2) {
                    continue;
                }
                double k = p.w[j] * Math.exp(-d2 * inv);
                wsum += k;
                for (int d = 0; d < n; d++) {
                    next[d] += k * p.x[base + d];
                }
            }
            if (!(wsum > 0)) {
                return c;
            }
            double move = 0;
            for (int d = 0; d < n; d++) {
                next[d] /= wsum;
                move = Math.max(move, Math.abs(next[d] - c[d]));
                c[d] = next[d];
            }
            if (move < 1e-5 * bandwidth) {
                break;
            }
        }
        return c;
    }

    /** The points and weights sorted by their first coordinate, for range scans. */
    private static final class SortedPoints {
        final int dimension;
        final double[] first;
        final double[] x;
        final double[] w;

        SortedPoints(double[] positions, double[] weights, int n) {
            int size = weights.length;
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> positions[i * n]).thenComparingInt(i -> i));
            dimension = n;
            first = new double[size];
            x = new double[size * n];
            w = new double[size];
            for (int j = 0; j < size; j++) {
                int i = order[j];
                first[j] = positions[i * n];
                System.arraycopy(positions, i * n, x, j * n, n);
                w[j] = weights[i];
            }
        }

        /** The first index whose first coordinate is ≥ {@code value}. */
        int firstAtLeast(double value) {
            int lo = 0;
            int hi = first.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (first[mid] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Newton iteration on local quadratic fits of log ϱ, from {@code start}. */
    private double[] refine(double[] x, double[] v, int n, double[] start) {
        double[] centre = start.clone();
        for (int iter = 0; iter < 50; iter++) {
            double[] step = newtonStep(x, v, n, centre);
            if (step == null) {
                return centre;
            }
            double move = 0;
            for (int d = 0; d < n; d++) {
                centre[d] += step[d];
                move = Math.max(move, Math.abs(step[d]));
            }
            if (move < 1e-7) {
                break;
            }
        }
        return centre;
    }

    /**
     * Fits log ϱ ≈ c + gᵀd + ½dᵀAd (d = x − centre) by least squares with Gaussian weights of width
     * fitWidth and returns the step −A⁻¹g, shortened to at most fitWidth; null when there are too
     * few points or A is not negative definite.
     */
    private double[] newtonStep(double[] x, double[] v, int n, double[] centre) {
        double width = fitWidth;
        int p = 1 + n + n * (n + 1) / 2;
        double[][] normal = new double[p][p + 1];
        double[] phi = new double[p];
        int used = 0;
        for (int i = 0; i < v.length; i++) {
            double d2 = 0;
            for (int d = 0; d < n; d++) {
                double t = x[i * n + d] - centre[d];
                d2 += t * t;
            }
            if (d2 > CUT * CUT * width * width) {
                continue;
            }
            used++;
            double w = Math.exp(-d2 / (2 * width * width));
            int k = 0;
            phi[k++] = 1;
            for (int d = 0; d < n; d++) {
                phi[k++] = x[i * n + d] - centre[d];
            }
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double da = x[i * n + a] - centre[a];
                    double db = x[i * n + b] - centre[b];
                    phi[k++] = a == b ? 0.5 * da * da : da * db;
                }
            }
            double y = Math.log(v[i]);
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    normal[r][c] += w * phi[r] * phi[c];
                }
                normal[r][p] += w * phi[r] * y;
            }
        }
        if (used < 2 * p) {
            return null;
        }
        double[] beta = LinearSolve.solve(normal);
        if (beta == null) {
            return null;
        }
        double[][] negA = new double[n][n + 1];
        int k = 1 + n;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                negA[a][b] = -beta[k];
                negA[b][a] = -beta[k];
                k++;
            }
        }
        if (!LinearSolve.positiveDefinite(negA, n)) {
            return null;
        }
        for (int a = 0; a < n; a++) {
            negA[a][n] = beta[1 + a];
        }
        double[] step = LinearSolve.solve(negA);
        if (step == null) {
            return null;
        }
        double norm = 0;
        for (double s : step) {
            norm += s * s;
        }
        double shrink = Math.min(1, width / Math.sqrt(norm));
        for (int d = 0; d < n; d++) {
            step[d] *= shrink;
        }
        return step;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double t = a[d] - b[d];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /**
     * One mode.
     *
     * @param centre its location
     * @param peakValue the largest value ϱ among the starts that reached it
     * @param members how many mean-shift starts reached it
     */
    public record Mode(double[] centre, double peakValue, int members) {
    }
}
