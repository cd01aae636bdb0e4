package io.github.hopflow.geometry.geodesic;

import io.github.hopflow.geometry.metric.DiagonalMetric;

/**
 * The minimal geodesic between two points of a flat diagonal metric: a straight line in isometric
 * coordinates, γ_i(t) = φ_i⁻¹((1 − t)φ_i(x_i) + tφ_i(y_i)), t ∈ [0, 1], of length
 * d_G(x, y) = ‖φ(x) − φ(y)‖₂. It solves the geodesic ODE (HNN paper, eq. (12), i.e.
 * γ̈_i = (m_i'(γ_i)/(2m_i(γ_i))) γ̇_i²) with γ(0) = x, γ(1) = y; for the paper's example it is
 * eq. (29) and its length is eq. (30) with the √β correction of docs/design.md.
 *
 * <p>Immutable; the end points are copied.
 */
public final class Geodesic {

    private final DiagonalMetric metric;
    private final double[] from;
    private final double[] to;
    private final double[] uFrom;
    private final double[] uTo;
    private final double length;

    private Geodesic(DiagonalMetric metric, double[] from, double[] to) {
        this.metric = metric;
        this.from = from.clone();
        this.to = to.clone();
        int n = from.length;
        uFrom = new double[n];
        uTo = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            uFrom[i] = metric.isometric(i, from[i]);
            uTo[i] = metric.isometric(i, to[i]);
            double d = uTo[i] - uFrom[i];
            s += d * d;
        }
        this.length = Math.sqrt(s);
    }

    /**
     * The geodesic from {@code from} to {@code to}.
     *
     * @param metric the metric
     * @param from x, in the metric's closed domain. Not modified.
     * @param to y, in the metric's closed domain. Not modified.
     * @throws IllegalArgumentException on a dimension mismatch or a point outside the domain
     */
    public static Geodesic of(DiagonalMetric metric, double[] from, double[] to) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to must not be null");
        }
        metric.requireInDomain("from", from);
        metric.requireInDomain("to", to);
        return new Geodesic(metric, from, to);
    }

    /** The geodesic distance d_G(from, to) (the length of this curve). */
    public double length() {
        return length;
    }

    /** The metric. */
    public DiagonalMetric metric() {
        return metric;
    }

    /** A copy of the start point. */
    public double[] from() {
        return from.clone();
    }

    /** A copy of the end point. */
    public double[] to() {
        return to.clone();
    }

    /**
     * γ(t) into {@code out}.
     *
     * @param t in [0, 1]
     * @param out length n. Modified.
     */
    public void pointAt(double t, double[] out) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t must lie in [0, 1], got " + t);
        }
        if (out.length != from.length) {
            throw new IllegalArgumentException("out must have length " + from.length + ", got " + out.length);
        }
        for (int i = 0; i < out.length; i++) {
            if (t == 0) {
                out[i] = from[i];
            } else if (t == 1) {
                out[i] = to[i];
            } else {
                out[i] = metric.inverseIsometric(i, (1 - t) * uFrom[i] + t * uTo[i]);
            }
        }
    }

    /** γ(t) as a new array, t in [0, 1]. */
    public double[] pointAt(double t) {
        double[] out = new double[from.length];
        pointAt(t, out);
        return out;
    }

    /**
     * K ≥ 2 points γ(t_j), t_j = j/(K − 1), j = 0..K−1, from the start to the end point.
     *
     * @return a new flat row-major array of K × n numbers
     */
    public double[] points(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("points must be ≥ 2, got " + count);
        }
        int n = from.length;
        double[] out = new double[count * n];
        double[] p = new double[n];
        for (int j = 0; j < count; j++) {
            pointAt(j == count - 1 ? 1.0 : (double) j / (count - 1), p);
            System.arraycopy(p, 0, out, j * n, n);
        }
        return out;
    }

    /** The geodesic distance d_G(x, y) = ‖φ(x) − φ(y)‖₂ (neither array is modified). */
    public static double distance(DiagonalMetric metric, double[] x, double[] y) {
        return of(metric, x, y).length();
    }
}
