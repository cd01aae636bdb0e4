package io.github.hopflow.wasserstein.fokkerplanck;

import io.github.hopflow.wasserstein.internal.Median;
import io.github.hopflow.sde.cloud.WeightedPointCloud;

/**
 * How well the values ϱⁱ of a weighted point cloud follow a reference density ρ_t at the points
 * (docs/design.md, "What the values must equal"), by two measures that ignore a constant factor in
 * the values (the normalisation):
 * <ul>
 *   <li>the spread MAD = median_i |rⁱ − median r| of rⁱ = log ϱⁱ − log ρ_t(xⁱ), 0 for values
 *       proportional to ρ_t;</li>
 *   <li>the slope of the least-squares line of log ϱⁱ on log ρ_t(xⁱ), 1 when the values carry the
 *       contrast of ρ_t, below 1 when they compress it.</li>
 * </ul>
 * Immutable.
 *
 * @param mad the median absolute deviation of log ϱ − log ρ_t, ≥ 0
 * @param slope the regression slope, or NaN when log ρ_t is the same at every point
 * @param points the number of points
 */
public record ValueAccuracy(double mad, double slope, int points) {

    /**
     * The measures of values against a reference, both given as logarithms.
     *
     * @param logValues log ϱⁱ, finite. Not modified.
     * @param logReference log ρ_t(xⁱ), finite, same length (at least 2). Not modified.
     * @throws IllegalArgumentException if the lengths differ, fewer than two points are given, or
     *     an entry is not finite (naming it)
     */
    public static ValueAccuracy of(double[] logValues, double[] logReference) {
        int n = logValues.length;
        if (logReference.length != n || n < 2) {
            throw new IllegalArgumentException("need two arrays of one length >= 2, got " + n + " and "
                    + logReference.length);
        }
        double[] r = new double[n];
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(logValues[i]) || !Double.isFinite(logReference[i])) {
                throw new IllegalArgumentException("point " + i + ": log value " + logValues[i] + " and log reference "
                        + logReference[i] + " must be finite");
            }
            r[i] = logValues[i] - logReference[i];
            meanX += logReference[i];
            meanY += logValues[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = logReference[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (logValues[i] - meanY);
        }
        double slope = sxx > 0 ? sxy / sxx : Double.NaN;
        return new ValueAccuracy(mad(r), slope, n);
    }

    /**
     * The measures of a cloud's values against a solution of the density equation.
     *
     * @throws IllegalArgumentException if the dimensions differ or a point lies outside the
     *     solution's domain
     */
    public static ValueAccuracy of(WeightedPointCloud cloud, FokkerPlanckSolution truth) {
        if (cloud.dimension() != truth.grid().dimension()) {
            throw new IllegalArgumentException("the cloud has dimension " + cloud.dimension() + ", the solution "
                    + truth.grid().dimension());
        }
        double[] reference = new double[cloud.size()];
        truth.logDensities(cloud.positions(), reference);
        double[] values = new double[cloud.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.log(cloud.value(i));
        }
        return of(values, reference);
    }

    /** The median absolute deviation from the median. Modifies nothing it is given. */
    static double mad(double[] values) {
        double[] s = values.clone();
        double med = Median.sortInPlace(s, s.length);
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.abs(s[i] - med);
        }
        return Median.sortInPlace(s, s.length);
    }
}
