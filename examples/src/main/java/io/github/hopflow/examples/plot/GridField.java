package io.github.hopflow.examples.plot;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A scalar function sampled on a regular nx × ny grid of nodes spanning a rectangle
 * [xMin, xMax] × [yMin, yMax] (nodes on the edges included): the input of heat maps and contour
 * lines.
 */
public final class GridField {

    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final int nx;
    private final int ny;
    private final double[] values;

    private GridField(double xMin, double xMax, double yMin, double yMax, int nx, int ny, double[] values) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.nx = nx;
        this.ny = ny;
        this.values = values;
    }

    /**
     * Samples {@code f} at the grid nodes.
     *
     * @param f the function (x, y) ↦ value
     * @param nx nodes along x, ≥ 2
     * @param ny nodes along y, ≥ 2
     * @throws IllegalArgumentException for bad sizes or an empty rectangle
     */
    public static GridField sample(DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax,
            int nx, int ny) {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("grid must have at least 2 x 2 nodes, got " + nx + " x " + ny);
        }
        if (!(xMin < xMax) || !(yMin < yMax) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
            throw new IllegalArgumentException("grid rectangle must be finite and non-empty, got ["
                    + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax + "]");
        }
        double[] v = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            double y = yMin + (yMax - yMin) * j / (ny - 1);
            for (int i = 0; i < nx; i++) {
                double x = xMin + (xMax - xMin) * i / (nx - 1);
                v[j * nx + i] = f.applyAsDouble(x, y);
            }
        }
        return new GridField(xMin, xMax, yMin, yMax, nx, ny, v);
    }

    /** Samples {@code f} on the unit square with n × n nodes. */
    public static GridField unitSquare(DoubleBinaryOperator f, int n) {
        return sample(f, 0, 1, 0, 1, n, n);
    }

    /** The same grid with every value passed through {@code g}. */
    public GridField map(DoubleUnaryOperator g) {
        double[] v = new double[values.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = g.applyAsDouble(values[k]);
        }
        return new GridField(xMin, xMax, yMin, yMax, nx, ny, v);
    }

    /** Nodes along x. */
    public int nx() {
        return nx;
    }

    /** Nodes along y. */
    public int ny() {
        return ny;
    }

    /** The value at node (i, j). */
    public double value(int i, int j) {
        return values[j * nx + i];
    }

    /** The x coordinate of node column i. */
    public double x(int i) {
        return xMin + (xMax - xMin) * i / (nx - 1);
    }

    /** The y coordinate of node row j. */
    public double y(int j) {
        return yMin + (yMax - yMin) * j / (ny - 1);
    }

    /** Left edge. */
    public double xMin() {
        return xMin;
    }

    /** Right edge. */
    public double xMax() {
        return xMax;
    }

    /** Bottom edge. */
    public double yMin() {
        return yMin;
    }

    /** Top edge. */
    public double yMax() {
        return yMax;
    }

    /** The smallest finite value (NaN if none). */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (v < m) {
                m = v;
            }
        }
        return m == Double.POSITIVE_INFINITY ? Double.NaN : m;
    }

    /** The largest finite value (NaN if none). */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > m && v != Double.POSITIVE_INFINITY) {
                m = v;
            }
        }
        return m == Double.NEGATIVE_INFINITY ? Double.NaN : m;
    }

    /**
     * The value at (x, y) by bilinear interpolation between the nodes; points outside the
     * rectangle take the value at the nearest edge.
     */
    public double interpolate(double x, double y) {
        double fx = (x - xMin) / (xMax - xMin) * (nx - 1);
        double fy = (y - yMin) / (yMax - yMin) * (ny - 1);
        fx = Math.min(nx - 1, Math.max(0, fx));
        fy = Math.min(ny - 1, Math.max(0, fy));
        int i = Math.min(nx - 2, (int) fx);
        int j = Math.min(ny - 2, (int) fy);
        double u = fx - i;
        double w = fy - j;
        return (1 - u) * (1 - w) * value(i, j) + u * (1 - w) * value(i + 1, j)
                + (1 - u) * w * value(i, j + 1) + u * w * value(i + 1, j + 1);
    }
}
