package io.github.hopflow.wasserstein.cost;

import io.github.hopflow.geometry.metric.DiagonalMetric;

/**
 * Validated conversion of a flat cloud of points to isometric coordinates u = φ(x), in which the
 * geodesic distance of a diagonal metric is Euclidean (docs/design.md §1).
 */
public final class IsometricCloud {

    private IsometricCloud() {
    }

    /**
     * Writes φ(x) into {@code out}, checking that every coordinate is finite and in the closed
     * domain of the metric.
     *
     * @param metric the metric; its dimension n
     * @param name the parameter name used in error messages
     * @param x points, flat row-major N × n. Not modified.
     * @param out length x.length. Modified.
     * @throws IllegalArgumentException naming the parameter, point, coordinate and value
     */
    public static void toIsometric(DiagonalMetric metric, String name, double[] x, double[] out) {
        int n = metric.dimension();
        if (x.length == 0 || x.length % n != 0) {
            throw new IllegalArgumentException(name + " length " + x.length
                    + " must be a positive multiple of the dimension " + n);
        }
        if (out.length != x.length) {
            throw new IllegalArgumentException("out must have length " + x.length + ", got " + out.length);
        }
        for (int p = 0; p < x.length; p += n) {
            for (int k = 0; k < n; k++) {
                double xv = x[p + k];
                if (!(xv >= metric.lowerBound(k) && xv <= metric.upperBound(k)) || !Double.isFinite(xv)) {
                    throw new IllegalArgumentException(name + ": point " + (p / n) + " coordinate " + k + " = " + xv
                            + " is outside the domain [" + metric.lowerBound(k) + ", " + metric.upperBound(k) + "]");
                }
                out[p + k] = metric.isometric(k, xv);
            }
        }
    }

    /** φ(x) as a new array; see {@link #toIsometric(DiagonalMetric, String, double[], double[])}. */
    public static double[] toIsometric(DiagonalMetric metric, String name, double[] x) {
        double[] out = new double[x.length];
        toIsometric(metric, name, x, out);
        return out;
    }
}
