package io.github.hopflow.geometry.metric;

/**
 * The map x ↦ u = φ(x) to isometric coordinates of a {@link DiagonalMetric}, and the geodesic
 * distance d_G(x, y) = ‖φ(x) − φ(y)‖₂ it yields (docs/design.md §1; the HNN paper's eq. (30) with the
 * √β correction for the example).
 *
 * <p>The batch methods work on flat row-major arrays of N points × n coordinates.
 */
public final class IsometricCoordinates {

    private final DiagonalMetric metric;

    private IsometricCoordinates(DiagonalMetric metric) {
        this.metric = metric;
    }

    /** Isometric coordinates of {@code metric}. */
    public static IsometricCoordinates of(DiagonalMetric metric) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        return new IsometricCoordinates(metric);
    }

    /** The metric. */
    public DiagonalMetric metric() {
        return metric;
    }

    /**
     * Maps a flat array of points to isometric coordinates.
     *
     * @param x points, row-major N × n. Not modified.
     * @param u output, same length as x. Modified.
     */
    public void toIsometric(double[] x, double[] u) {
        int n = metric.dimension();
        checkFlat("x", x, n);
        if (u.length != x.length) {
            throw new IllegalArgumentException("u must have length " + x.length + ", got " + u.length);
        }
        for (int p = 0; p < x.length; p += n) {
            for (int i = 0; i < n; i++) {
                u[p + i] = metric.isometric(i, x[p + i]);
            }
        }
    }

    /**
     * Maps a flat array of isometric coordinates back to points.
     *
     * @param u isometric coordinates, row-major N × n. Not modified.
     * @param x output, same length as u. Modified.
     */
    public void fromIsometric(double[] u, double[] x) {
        int n = metric.dimension();
        checkFlat("u", u, n);
        if (x.length != u.length) {
            throw new IllegalArgumentException("x must have length " + u.length + ", got " + x.length);
        }
        for (int p = 0; p < u.length; p += n) {
            for (int i = 0; i < n; i++) {
                x[p + i] = metric.inverseIsometric(i, u[p + i]);
            }
        }
    }

    /** Squared geodesic distance d_G²(x, y). Neither argument is modified. */
    public double distanceSquared(double[] x, double[] y) {
        metric.requireInDomain("x", x);
        metric.requireInDomain("y", y);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = metric.isometric(i, x[i]) - metric.isometric(i, y[i]);
            s += d * d;
        }
        return s;
    }

    /** Geodesic distance d_G(x, y). Neither argument is modified. */
    public double distance(double[] x, double[] y) {
        return Math.sqrt(distanceSquared(x, y));
    }

    private static void checkFlat(String name, double[] a, int n) {
        if (a.length % n != 0) {
            throw new IllegalArgumentException(
                    name + " length " + a.length + " is not a multiple of the dimension " + n);
        }
    }
}
