package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.wasserstein.prox.LeaveOneOutDensity;

/**
 * Values from the positions alone, ignoring the previous values: the two estimators a user could
 * compute from any sample of ρ_t, kept as value updates for comparison (the accuracy study's
 * baselines) and for runs that want them.
 * <ul>
 *   <li>{@link #kernelDensity} ({@code kde}): ϱⁱ = g_{−i}(xⁱ), the leave-one-out truncated Gaussian
 *       kernel density estimate of the points ({@link LeaveOneOutDensity}, Scott's bandwidth);</li>
 *   <li>{@link #gibbsRatio} ({@code gibbs-ratio}): ϱⁱ = ρ∞(xⁱ)·(1/(N − 1)) Σ_{c≠i} K_c(xⁱ)/ρ∞(x_c),
 *       the kernel estimate of the ratio ρ_t/ρ∞ times ρ∞ = exp(−f/T)/Z (the partition function
 *       cancels); accurate where ρ_t/ρ∞ is smooth, i.e. near stationarity.</li>
 * </ul>
 * Both are normalised in expectation (each kernel integrates to one over the domain).
 */
public final class PositionDensityValues implements ValueUpdate {

    private final LeaveOneOutDensity kde;
    private final boolean gibbs;
    private double[] logWeights = new double[0];
    private double[] sums = new double[0];

    private PositionDensityValues(DiagonalMetric metric, int threads, boolean gibbs) {
        this.kde = LeaveOneOutDensity.on(metric, threads);
        this.gibbs = gibbs;
    }

    /** The plain leave-one-out kernel density estimate, on at most {@code threads} threads. */
    public static PositionDensityValues kernelDensity(DiagonalMetric metric, int threads) {
        return new PositionDensityValues(metric, threads, false);
    }

    /** The kernel estimate of ρ_t/ρ∞ times ρ∞, on at most {@code threads} threads. */
    public static PositionDensityValues gibbsRatio(DiagonalMetric metric, int threads) {
        return new PositionDensityValues(metric, threads, true);
    }

    @Override
    public String name() {
        return gibbs ? "gibbs-ratio" : "kde";
    }

    @Override
    public Report update(StepInput in, double[] values) {
        int count = in.size();
        int n = in.dimension();
        if (logWeights.length != count) {
            logWeights = new double[count];
            sums = new double[count];
        }
        double[] x = in.positions();
        double t = in.temperature();
        if (gibbs && !(t > 0)) {
            throw new IllegalArgumentException("the gibbs-ratio values need a temperature > 0, got " + t);
        }
        for (int c = 0; c < count; c++) {
            logWeights[c] = gibbs ? in.objective().value(x, c * n) / t : 0;
        }
        kde.logWeightedSums(x, logWeights, sums);
        double logPairs = Math.log(count - 1);
        for (int i = 0; i < count; i++) {
            double lv = sums[i] - logPairs - (gibbs ? logWeights[i] : 0);
            double v = Math.exp(lv);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new ArithmeticException("value " + i + " = exp(" + lv + ") is outside the range of doubles ("
                        + name() + ")");
            }
            values[i] = v;
        }
        return Report.direct();
    }
}
