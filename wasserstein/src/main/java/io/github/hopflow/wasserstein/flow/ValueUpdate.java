package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;

/**
 * How the density values of a weighted point cloud follow its points through one time step of
 * the density flow: given the cloud {x_{k−1}ⁱ, ϱ_{k−1}ⁱ} and the moved points x_kⁱ, the values
 * ϱ_kⁱ ≈ ρ(x_kⁱ, t_k) of the density of the diffusion machine at the moved points, normalised
 * (∫ρ = 1). An implementation may carry state from step to step (a warm start, a history); a run
 * calls {@link #reset()} before its first step.
 *
 * <p>Implementations: {@link ProximalValues} (the published algorithm: the entropic proximal (JKO)
 * step of PROXRECUR followed by a normalisation).
 */
public interface ValueUpdate {

    /** A short name for summaries and the command line. */
    String name();

    /**
     * Computes ϱ_k.
     *
     * @param step what the step knows. Not modified.
     * @param values receives the N normalised values ϱ_kⁱ at the moved points, finite and &gt; 0. Modified.
     * @return the update's diagnostics
     * @throws io.github.hopflow.wasserstein.ConvergenceException if an iterative update fails, with
     *     its diagnostics
     */
    Report update(StepInput step, double[] values);

    /** Forgets what was carried from earlier steps (called before the first step of a run). */
    default void reset() {
    }

    /**
     * What one step of the flow knows when the values are updated. The arrays are shared with the
     * flow: an update reads them and must not modify them or keep them beyond the call.
     *
     * @param metric the metric of the machine
     * @param objective f
     * @param dimension n
     * @param previousPositions x_{k−1}, flat N × n
     * @param previousValues ϱ_{k−1}, normalised
     * @param previousObjective ψ = f(x_{k−1}), N values
     * @param positions x_k, flat N × n
     * @param time t_k
     * @param temperature T(t_k)
     * @param timeStep h = t_k − t_{k−1}
     */
    record StepInput(DiagonalMetric metric, Objective objective, int dimension, double[] previousPositions,
            double[] previousValues, double[] previousObjective, double[] positions, double time,
            double temperature, double timeStep) {

        /** The number of points N. */
        public int size() {
            return previousValues.length;
        }
    }

    /**
     * Diagnostics of one update: the iterations of an iterative update (0 for a direct one), its
     * last change, and whether it met its tolerance.
     *
     * @param iterations ≥ 0
     * @param error the last change (0 for a direct update)
     * @param converged whether the tolerance was met
     */
    record Report(int iterations, double error, boolean converged) {

        /** The report of a direct (non-iterative) update. */
        public static Report direct() {
            return new Report(0, 0, true);
        }
    }
}
