package io.github.hopflow.wasserstein.gibbs;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.objective.Objective;

/**
 * The stationary density of the diffusion machine, ρ∞(x) = exp(−f(x)/T)/Z(T) (HNN paper, eq. (41)),
 * evaluated in the log domain: log ρ∞ = −f/T − log Z. Immutable.
 */
public final class GibbsDensity {

    private final Objective objective;
    private final double temperature;
    private final LogPartition logZ;

    private GibbsDensity(Objective objective, double temperature, LogPartition logZ) {
        this.objective = objective;
        this.temperature = temperature;
        this.logZ = logZ;
    }

    /**
     * @param objective f
     * @param temperature T &gt; 0
     * @param logZ log Z(T), e.g. from {@link PartitionFunction}
     */
    public static GibbsDensity of(Objective objective, double temperature, LogPartition logZ) {
        if (objective == null || logZ == null) {
            throw new IllegalArgumentException("objective and logZ must not be null");
        }
        Checks.positive("temperature", temperature);
        return new GibbsDensity(objective, temperature, logZ);
    }

    /** f. */
    public Objective objective() {
        return objective;
    }

    /** T. */
    public double temperature() {
        return temperature;
    }

    /** log Z(T). */
    public LogPartition logPartition() {
        return logZ;
    }

    /**
     * log ρ∞ at the point x[offset .. offset + n). Not modified.
     *
     * @throws IllegalArgumentException if a coordinate of the point is not finite
     * @throws ArithmeticException if f is not finite at the point
     */
    public double logDensity(double[] x, int offset) {
        int n = objective.dimension();
        for (int k = offset; k < offset + n; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException("x[" + (k - offset) + "] must be finite, got " + x[k]);
            }
        }
        double f = objective.value(x, offset);
        if (!Double.isFinite(f)) {
            throw new ArithmeticException("objective " + objective.name() + " is " + f + " at "
                    + java.util.Arrays.toString(java.util.Arrays.copyOfRange(x, offset, offset + n)));
        }
        return -f / temperature - logZ.value();
    }

    /** ρ∞ at the point x[offset .. offset + n). Not modified. */
    public double density(double[] x, int offset) {
        return Math.exp(logDensity(x, offset));
    }

    /** F(ρ∞) = −T log Z(T), the minimum of the free energy. */
    public double freeEnergy() {
        return logZ.minimumFreeEnergy(temperature);
    }
}
