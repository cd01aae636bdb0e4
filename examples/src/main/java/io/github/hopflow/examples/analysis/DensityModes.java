package io.github.hopflow.examples.analysis;

import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the modes of the density carried by a weighted point cloud {xⁱ, ϱⁱ}.
 *
 * <ol>
 *   <li>Take the points whose values are in the top fraction {@code q} (they sit near the modes).</li>
 *   <li>From each of them climb the value-weighted kernel density Σ ϱⁱK(x − xⁱ) by mean shift,
 *       x ← Σ ϱⁱK(xⁱ − x)xⁱ / Σ ϱⁱK(xⁱ − x), with a Gaussian kernel K of width {@code bandwidth}.
 *       Climbs that end together (within a quarter of the width) belong to one mode; modes reached
 *       from fewer than {@code max(3, minShare·selected)} points are dropped as noise.</li>
 *   <li>Refine each mode with the values themselves: fit log ϱ ≈ c + gᵀd + ½dᵀAd around it by
 *       weighted least squares (Gaussian weights of width {@code fitWidth}) and take Newton steps
 *       to the vertex −A⁻¹g, each at most one fit width long, while A is negative definite. Since
 *       ϱ ≈ ρ, this locates the maximum of ρ itself rather than of a smoothed density.</li>
 * </ol>
 * Modes closer than {@code linkRadius} are merged (the higher one kept). The result is ordered
 * by peak value, highest first. Distances are Euclidean in the cloud's coordinates.
 */
public final class DensityModes {

    /** Points farther than this many fit widths from the centre are left out of the local fit. */
    private static final double CUT = 2.5;
    private final double topFraction;
    private final double linkRadius;
    private final double minShare;
    private final double bandwidth;
    private final double fitWidth;

    private DensityModes(double topFraction, double linkRadius, double minShare, double bandwidth, double fitWidth) {
        this.topFraction = topFraction;
        this.linkRadius = linkRadius;
        this.minShare = minShare;
        this.bandwidth = bandwidth;
        this.fitWidth = fitWidth;
    }

    /**
     * Defaults for clouds on the unit cube: top 30 %, modes at least 0.08 apart, groups of at least
     * 3 % of the selection, mean-shift kernel width 0.04, local-fit width 0.04.
     */
    public static DensityModes defaults() {
        return new DensityModes(0.3, 0.08, 0.03, 0.04, 0.04);
    }

    /**
     * @param topFraction share of points (highest values) used to find groups, in (0, 1]
     * @param linkRadius single-linkage distance, &gt; 0
     * @param minShare smallest group as a share of the selected points, in [0, 1)
     * @param bandwidth mean-shift kernel width, &gt; 0
     * @param fitWidth width of the Gaussian weights of the local quadratic fit, &gt; 0
     */
    public static DensityModes of(double topFraction, double linkRadius, double minShare, double bandwidth,
            double fitWidth) {
        if (!(topFraction > 0 && topFraction <= 1)) {
            throw new IllegalArgumentException("topFraction must be in (0, 1], got " + topFraction);
        }
        if (!(linkRadius > 0) || Double.isInfinite(linkRadius)) {
            throw new IllegalArgumentException("linkRadius must be a finite number > 0, got " + linkRadius);
        }
        if (!(minShare >= 0 && minShare < 1)) {
            throw new IllegalArgumentException("minShare must be in [0, 1), got " + minShare);
        }
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be a finite number > 0, got " + bandwidth);
        }
        if (!(fitWidth > 0) || Double.isInfinite(fitWidth)) {
            throw new IllegalArgumentException("fitWidth must be a finite number > 0, got " + fitWidth);
        }
        return new DensityModes(topFraction, linkRadius, minShare, bandwidth, fitWidth);
    }

    /** The modes of {@code cloud}, highest peak value first. */
    public List<Mode> find(WeightedPointCloud cloud) {
        int n = cloud.dimension();
        int size = cloud.size();
        double[] x = cloud.positions();
        double[] v = cloud.values();
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -v[i]).thenComparingInt(i -> i));
        int selected = Math.max(1, (int) Math.ceil(topFraction * size));
        int minSize = Math.max(3, (int) Math.ceil(minShare * selected));
        // climb from every selected point; points whose climbs end together form one mode
        double[] ends = new double[selected * n];
        int[] sel = new int[selected];
        for (int k = 0; k < selected; k++) {
            sel[k] = order[k];
            double[] start = Arrays.copyOfRange(x, sel[k] * n, sel[k] * n + n);
            System.arraycopy(meanShift(x, v, n, start), 0, ends, k * n, n);
        }
        int[] identity = new int[selected];
        for (int k = 0; k < selected; k++) {
            identity[k] = k;
        }
        int[] group = singleLinkage(ends, n, identity, 0.25 * bandwidth);
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        List<Mode> modes = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double[] centre = new double[n];
            double peak = 0;
            int members = 0;
            for (int k = 0; k < selected; k++) {
                if (group[k] != g) {
                    continue;
                }
                members++;
                peak = Math.max(peak, v[sel[k]]);
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
            modes.add(new Mode(refine(x, v, n, centre), peak, members));
        }
        modes.sort(Comparator.comparingDouble((Mode m) -> -m.peakValue()));
        List<Mode> merged = new ArrayList<>();
        for (Mode m : modes) {
            boolean duplicate = false;
            for (Mode kept : merged) {
                if (distance(kept.centre(), m.centre()) < linkRadius) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                merged.add(m);
            }
        }
        return merged;
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

    private double[] meanShift(double[] x, double[] v, int n, double[] start) {
        double[] c = start.clone();
        double[] next = new double[n];
        double inv = 1 / (2 * bandwidth * bandwidth);
        for (int iter = 0; iter < 200; iter++) {
            Arrays.fill(next, 0);
            double wsum = 0;
            for (int i = 0; i < v.length; i++) {
                double d2 = 0;
                for (int d = 0; d < n; d++) {
                    double t = x[i * n + d] - c[d];
                    d2 += t * t;
                }
                double w = v[i] * Math.exp(-d2 * inv);
                wsum += w;
                for (int d = 0; d < n; d++) {
                    next[d] += w * x[i * n + d];
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
            if (move < 1e-9) {
                break;
            }
        }
        return c;
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
     * @param peakValue the largest value ϱ among the points of its group
     * @param members how many of the selected high-value points formed its group
     */
    public record Mode(double[] centre, double peakValue, int members) {
    }
}
