package io.github.hopflow.geometry.geodesic;

import io.github.hopflow.geometry.metric.DiagonalMetric;

/**
 * The closed geodesic ball B = {x in the domain : d_G(c, x) ≤ r}: in isometric coordinates the
 * Euclidean ball of radius r around φ(c), intersected with the box φ(domain) (HNN paper, Fig. 2
 * shows these balls for the example with β = ¼ around (½, ½)).
 */
public final class GeodesicBall {

    private final DiagonalMetric metric;
    private final double[] centre;
    private final double[] uCentre;
    private final double radius;

    private GeodesicBall(DiagonalMetric metric, double[] centre, double radius) {
        this.metric = metric;
        this.centre = centre.clone();
        this.radius = radius;
        this.uCentre = new double[centre.length];
        for (int i = 0; i < centre.length; i++) {
            uCentre[i] = metric.isometric(i, centre[i]);
        }
    }

    /**
     * @param metric the metric
     * @param centre c in the domain. Not modified.
     * @param radius r ≥ 0, finite
     */
    public static GeodesicBall of(DiagonalMetric metric, double[] centre, double radius) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        metric.requireInDomain("centre", centre);
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be a finite number ≥ 0, got " + radius);
        }
        return new GeodesicBall(metric, centre, radius);
    }

    /** The radius r. */
    public double radius() {
        return radius;
    }

    /** A copy of the centre. */
    public double[] centre() {
        return centre.clone();
    }

    /**
     * Whether d_G(c, x) ≤ r, up to a relative rounding allowance of 1e-12 (so that the points of
     * {@link #boundary(int)} belong to the ball).
     *
     * @param x a point of the domain. Not modified.
     */
    public boolean contains(double[] x) {
        metric.requireInDomain("x", x);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = metric.isometric(i, x[i]) - uCentre[i];
            s += d * d;
        }
        return Math.sqrt(s) <= radius * (1 + 1e-12);
    }

    /**
     * K points on the boundary of the ball (intersected with the domain) of a 2-D metric, for contour
     * plots: the circle φ(c) + r(cos θ_j, sin θ_j), θ_j = 2πj/K, clamped coordinate-wise to the box
     * φ(domain) (clamping moves a point towards the centre, so the clamped circle traces the
     * boundary of ball ∩ domain) and mapped back by φ⁻¹.
     *
     * @param count K ≥ 3
     * @return a new flat row-major array of K × 2 numbers
     */
    public double[] boundary(int count) {
        if (metric.dimension() != 2) {
            throw new IllegalArgumentException("boundary needs a 2-dimensional metric, got dimension " + metric.dimension());
        }
        if (count < 3) {
            throw new IllegalArgumentException("count must be ≥ 3, got " + count);
        }
        double[] out = new double[2 * count];
        for (int j = 0; j < count; j++) {
            double theta = 2 * Math.PI * j / count;
            double[] dir = {Math.cos(theta), Math.sin(theta)};
            for (int i = 0; i < 2; i++) {
                double u = uCentre[i] + radius * dir[i];
                u = Math.min(metric.isometricUpperBound(i), Math.max(metric.isometricLowerBound(i), u));
                out[2 * j + i] = metric.inverseIsometric(i, u);
            }
        }
        return out;
    }
}
