package io.github.hopflow.examples.himmelblau;

import io.github.hopflow.examples.analysis.DensityModes;
import io.github.hopflow.examples.analysis.ModeMatch;
import io.github.hopflow.wasserstein.flow.FlowStep;
import java.util.List;

/**
 * What the Himmelblau reproduction found.
 *
 * @param settings the parameters
 * @param stepsDone steps taken (fewer than asked when interrupted)
 * @param time the time reached
 * @param interrupted whether the run was stopped early
 * @param modes the density modes of the final cloud, highest first
 * @param matches for each minimiser of (59), the nearest mode and its distance
 * @param spread MAD of log ϱ + f/T over the final cloud
 * @param logPartition log Z(T) by quadrature
 * @param minimumFreeEnergy −T log Z(T) = F(ρ∞)
 * @param steps per-step diagnostics of the flow
 * @param medianMillisPerStep median wall milliseconds per step
 * @param flowSeconds wall seconds of the flow (SDE and proximal steps, snapshot writing)
 * @param snapshots number of snapshot files written
 * @param totalSeconds wall seconds of the whole command (0 until known)
 * @param accuracy the values against the Fokker–Planck solution
 */
public record HimmelblauOutcome(HimmelblauSettings settings, int stepsDone, double time, boolean interrupted,
        List<DensityModes.Mode> modes, List<ModeMatch> matches, double spread, double logPartition,
        double minimumFreeEnergy, List<FlowStep> steps, double medianMillisPerStep, double flowSeconds,
        int snapshots, double totalSeconds, HimmelblauAccuracy accuracy) {

    /** Whether every minimiser has a mode within {@link HimmelblauExperiment#MODE_TOLERANCE}. */
    public boolean allModesFound() {
        return ModeMatch.allWithin(matches, HimmelblauExperiment.MODE_TOLERANCE);
    }

    /** The same outcome with the total wall time. */
    public HimmelblauOutcome withTotalSeconds(double seconds) {
        return new HimmelblauOutcome(settings, stepsDone, time, interrupted, modes, matches, spread, logPartition,
                minimumFreeEnergy, steps, medianMillisPerStep, flowSeconds, snapshots, seconds, accuracy);
    }
}
