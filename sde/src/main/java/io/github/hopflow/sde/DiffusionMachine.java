package io.github.hopflow.sde;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;

/**
 * The diffusion machine (HNN paper, eq. (39)) of a diagonal metric, an objective and a
 * temperature schedule: per coordinate
 *
 * <pre>
 *   dx_i = (−m_i(x_i) ∂_i f(x) + T(t) m_i'(x_i)) dt + √(2 T(t) m_i(x_i)) dw_i,
 * </pre>
 *
 * with m_i = 1/g_ii the mobility of the metric. For the paper's example (m_i = 4βx(1 − x)) this
 * is eq. (58); the explicit scheme printed as eq. (60) must read the noise term at x_{k−1} and
 * as √(8Tβ x(1 − x)) (docs/design.md §1). For constant T the stationary density is the Gibbs density
 * ρ∞ = exp(−f/T)/Z(T) (eq. (41)). With the Euclidean metric it is ordinary overdamped Langevin
 * dynamics.
 *
 * <p>Immutable and thread-safe. The engine that integrates it is {@link ParticleEngine}.
 */
public final class DiffusionMachine {

    private final DiagonalMetric metric;
    private final Objective objective;
    private final TemperatureSchedule schedule;

    private DiffusionMachine(DiagonalMetric metric, Objective objective, TemperatureSchedule schedule) {
        this.metric = metric;
        this.objective = objective;
        this.schedule = schedule;
    }

    /**
     * @param metric the diagonal metric (its mobility drives the dynamics)
     * @param objective f, of the metric's dimension
     * @param schedule T(t)
     * @throws IllegalArgumentException for a null argument or a dimension mismatch, naming both
     *     dimensions
     */
    public static DiffusionMachine of(DiagonalMetric metric, Objective objective, TemperatureSchedule schedule) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        if (objective.dimension() != metric.dimension()) {
            throw new IllegalArgumentException("objective dimension " + objective.dimension()
                    + " does not match metric dimension " + metric.dimension());
        }
        return new DiffusionMachine(metric, objective, schedule);
    }

    /** The machine at the constant temperature T ≥ 0. */
    public static DiffusionMachine of(DiagonalMetric metric, Objective objective, double temperature) {
        return of(metric, objective, TemperatureSchedule.constant(temperature));
    }

    /** The metric. */
    public DiagonalMetric metric() {
        return metric;
    }

    /** The objective f. */
    public Objective objective() {
        return objective;
    }

    /** The temperature schedule. */
    public TemperatureSchedule schedule() {
        return schedule;
    }

    /** The dimension n. */
    public int dimension() {
        return metric.dimension();
    }

    /** T(t), checked to be finite and ≥ 0. */
    public double temperature(double t) {
        return schedule.temperature(t);
    }

    /**
     * The drift b_i(x, t) = −m_i ∂_i f + T(t) m_i' at one point.
     *
     * @param x flat array holding the point at {@code offset}. Not modified.
     * @param out receives the n drift components at {@code outOffset}. Modified.
     * @throws IllegalArgumentException if the point is not in the metric's domain (NaN included)
     * @throws ArithmeticException if the gradient of f is not finite at x
     */
    public void drift(double[] x, int offset, double t, double[] out, int outOffset) {
        int n = dimension();
        requireInDomain(x, offset);
        double temperature = temperature(t);
        objective.gradient(x, offset, out, outOffset);
        for (int i = 0; i < n; i++) {
            double g = out[outOffset + i];
            if (!Double.isFinite(g)) {
                throw new ArithmeticException("objective gradient component " + i + " is " + g + " at x = "
                        + java.util.Arrays.toString(java.util.Arrays.copyOfRange(x, offset, offset + n)));
            }
            double xi = x[offset + i];
            out[outOffset + i] = -metric.mobility(i, xi) * g + temperature * metric.mobilityDerivative(i, xi);
        }
    }

    /**
     * The diagonal diffusion coefficients σ_i(x, t) = √(2 T(t) m_i(x_i)) at one point.
     *
     * @param x flat array holding the point at {@code offset}. Not modified.
     * @param out receives the n coefficients at {@code outOffset}. Modified.
     * @throws IllegalArgumentException if the point is not in the metric's domain (NaN included)
     */
    public void diffusion(double[] x, int offset, double t, double[] out, int outOffset) {
        requireInDomain(x, offset);
        double temperature = temperature(t);
        for (int i = 0; i < dimension(); i++) {
            out[outOffset + i] = Math.sqrt(2 * temperature * Math.max(0, metric.mobility(i, x[offset + i])));
        }
    }

    private void requireInDomain(double[] x, int offset) {
        for (int i = 0; i < dimension(); i++) {
            double v = x[offset + i];
            if (!(v >= metric.lowerBound(i) && v <= metric.upperBound(i)) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("x[" + i + "] = " + v + " is outside the domain ["
                        + metric.lowerBound(i) + ", " + metric.upperBound(i) + "] of the metric");
            }
        }
    }

    @Override
    public String toString() {
        return "DiffusionMachine[metric=" + metric + ", objective=" + objective.name() + ", schedule=" + schedule + "]";
    }
}
