package io.github.hopflow.wasserstein.gibbs;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.cloud.WeightedPointCloud;

/**
 * The free energy F(ρ) = E_ρ[f] + T E_ρ[log ρ] (HNN paper, eq. (45)), non-increasing along the
 * flow (eq. (46)) and minimal, −T log Z(T), at ρ∞. On a cloud whose points sample ρ and whose values
 * are normalised density values ϱⁱ ≈ ρ(xⁱ) it is estimated by the sample mean
 * F ≈ (1/N) Σ [f(xⁱ) + T log ϱⁱ], with the standard error sd/√N of that mean. Immutable.
 */
public final class FreeEnergy {

    private final double value;
    private final double standardError;

    private FreeEnergy(double value, double standardError) {
        this.value = value;
        this.standardError = standardError;
    }

    /**
     * The estimate on a cloud with normalised values.
     *
     * @param objective f
     * @param temperature T &gt; 0
     * @param positions flat N × n. Not modified.
     * @param values N positive normalised density values. Not modified.
     * @throws IllegalArgumentException if a coordinate is not finite or a value not finite and &gt; 0
     * @throws ArithmeticException if f is not finite at a point (naming the point)
     */
    public static FreeEnergy estimate(Objective objective, double temperature, double[] positions, double[] values) {
        return estimate(objective, temperature, positions, values, null);
    }

    /**
     * {@link #estimate(Objective, double, double[], double[])} that also hands back the objective
     * values it computes.
     *
     * @param objectiveValues receives f(xⁱ) for the N points, or null. Modified.
     */
    public static FreeEnergy estimate(Objective objective, double temperature, double[] positions, double[] values,
            double[] objectiveValues) {
        int n = objective.dimension();
        int count = values.length;
        if (count < 2 || positions.length != (long) count * n) {
            throw new IllegalArgumentException("need N >= 2 values and N·n = " + ((long) count * n)
                    + " coordinates, got " + count + " values and " + positions.length + " coordinates");
        }
        Checks.positive("temperature", temperature);
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < count; i++) {
            Checks.positive("values", i, values[i]);
            for (int k = i * n; k < (i + 1) * n; k++) {
                if (!Double.isFinite(positions[k])) {
                    throw new IllegalArgumentException("positions of point " + i + " coordinate " + (k - i * n)
                            + " must be finite, got " + positions[k]);
                }
            }
            double f = objective.value(positions, i * n);
            if (!Double.isFinite(f)) {
                throw new ArithmeticException("objective " + objective.name() + " is " + f + " at point " + i + " "
                        + java.util.Arrays.toString(java.util.Arrays.copyOfRange(positions, i * n, (i + 1) * n)));
            }
            if (objectiveValues != null) {
                objectiveValues[i] = f;
            }
            double t = f + temperature * Math.log(values[i]);
            double d = t - mean;
            mean += d / (i + 1);
            m2 += d * (t - mean);
        }
        return new FreeEnergy(mean, Math.sqrt(m2 / (count - 1) / count));
    }

    /** The estimate on a cloud whose values are normalised density values. */
    public static FreeEnergy estimate(Objective objective, double temperature, WeightedPointCloud cloud) {
        return estimate(objective, temperature, cloud.positions(), cloud.values());
    }

    /** F. */
    public double value() {
        return value;
    }

    /** The Monte Carlo standard error of the sample mean. */
    public double standardError() {
        return standardError;
    }

    @Override
    public String toString() {
        return "FreeEnergy[" + value + " ± " + standardError + "]";
    }
}
