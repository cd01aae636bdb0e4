package io.github.hopflow.examples.plot;

import java.util.Arrays;

/**
 * A two-dimensional histogram of a point cloud over a rectangle: nx × ny equal bins, each holding
 * either the density of the points (count / (N · bin area), an estimate of the density the points
 * sample) or the mean of the points' values (their ϱ) in the bin. An empty bin holds NaN. The
 * picture of clouds too large to draw point by point. Immutable.
 */
public final class DensityBins {

    /** What a bin shows. */
    public enum Statistic {
        /** The points' density: count / (N · bin area). */
        POSITIONS,
        /** The mean of the points' values in the bin. */
        VALUES
    }

    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final int nx;
    private final int ny;
    private final double[] bins;

    private DensityBins(double xMin, double xMax, double yMin, double yMax, int nx, int ny, double[] bins) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.nx = nx;
        this.ny = ny;
        this.bins = bins;
    }

    /**
     * The histogram of the points (x[k], y[k]) that lie in [xMin, xMax] × [yMin, yMax] (the upper
     * edges belong to the last bins); N counts every point, inside or not.
     *
     * @param x abscissae. Not modified.
     * @param y ordinates. Not modified.
     * @param values the points' values, for {@link Statistic#VALUES} (ignored otherwise). Not modified.
     * @param nx bins along x, ≥ 1
     * @param ny bins along y, ≥ 1
     * @throws IllegalArgumentException for arrays of unequal lengths, an empty rectangle or no bins
     */
    public static DensityBins of(double[] x, double[] y, double[] values, Statistic statistic, double xMin,
            double xMax, double yMin, double yMax, int nx, int ny) {
        if (x.length != y.length || (statistic == Statistic.VALUES && values.length != x.length)) {
            throw new IllegalArgumentException("histogram arrays must have equal lengths, got x " + x.length + ", y "
                    + y.length + (statistic == Statistic.VALUES ? ", values " + values.length : ""));
        }
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("histogram must have at least 1 x 1 bins, got " + nx + " x " + ny);
        }
        if (!(xMin < xMax) || !(yMin < yMax) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
            throw new IllegalArgumentException("histogram rectangle must be finite and non-empty, got [" + xMin + ", "
                    + xMax + "] x [" + yMin + ", " + yMax + "]");
        }
        double[] sum = new double[nx * ny];
        int[] count = new int[nx * ny];
        double sx = nx / (xMax - xMin);
        double sy = ny / (yMax - yMin);
        for (int k = 0; k < x.length; k++) {
            if (!(x[k] >= xMin && x[k] <= xMax && y[k] >= yMin && y[k] <= yMax)) {
                continue;
            }
            int i = Math.min(nx - 1, (int) ((x[k] - xMin) * sx));
            int j = Math.min(ny - 1, (int) ((y[k] - yMin) * sy));
            int b = j * nx + i;
            count[b]++;
            if (statistic == Statistic.VALUES) {
                sum[b] += values[k];
            }
        }
        double perPoint = sx * sy / Math.max(1, x.length);
        double[] bins = new double[nx * ny];
        for (int b = 0; b < bins.length; b++) {
            if (count[b] == 0) {
                bins[b] = Double.NaN;
            } else {
                bins[b] = statistic == Statistic.VALUES ? sum[b] / count[b] : count[b] * perPoint;
            }
        }
        return new DensityBins(xMin, xMax, yMin, yMax, nx, ny, bins);
    }

    /** The value of the bin holding (x, y), NaN for an empty bin or a point outside the rectangle. */
    public double valueAt(double x, double y) {
        if (!(x >= xMin && x <= xMax && y >= yMin && y <= yMax)) {
            return Double.NaN;
        }
        int i = Math.min(nx - 1, (int) ((x - xMin) / (xMax - xMin) * nx));
        int j = Math.min(ny - 1, (int) ((y - yMin) / (yMax - yMin) * ny));
        return bins[j * nx + i];
    }

    /** Bins along x. */
    public int nx() {
        return nx;
    }

    /** Bins along y. */
    public int ny() {
        return ny;
    }

    /** The bins' values, row by row from yMin (NaN where empty). */
    public double[] values() {
        return bins.clone();
    }

    /** The smallest and largest value of a non-empty bin, {NaN, NaN} when all are empty. */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : bins) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    @Override
    public String toString() {
        return "DensityBins[" + nx + " x " + ny + ", non-empty "
                + Arrays.stream(bins).filter(v -> !Double.isNaN(v)).count() + "]";
    }
}
