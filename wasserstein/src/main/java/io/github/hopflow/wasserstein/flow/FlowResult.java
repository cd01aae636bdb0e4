package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.wasserstein.internal.Median;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.util.List;

/**
 * The outcome of a {@link DensityFlow} run: the final cloud (normalised density values), the
 * per-step diagnostics, and whether the run was cancelled before its last step. Immutable.
 *
 * <p>The diagnostics are a {@link ThinnedTrace}: every step of a run of up to
 * {@link ThinnedTrace#DEFAULT_CAPACITY} steps, a systematic sample of the steps of a longer one, so
 * that a result's memory does not grow with the length of the run.
 */
public final class FlowResult {

    private final WeightedPointCloud cloud;
    private final List<FlowStep> steps;
    private final FlowStep lastStep;
    private final long stepsDone;
    private final boolean cancelled;
    private final double time;

    FlowResult(WeightedPointCloud cloud, ThinnedTrace<FlowStep> trace, boolean cancelled, double time) {
        this.cloud = cloud;
        this.steps = trace.entries();
        this.lastStep = trace.last();
        this.stepsDone = trace.added();
        this.cancelled = cancelled;
        this.time = time;
    }

    /** The final cloud. */
    public WeightedPointCloud cloud() {
        return cloud;
    }

    /**
     * Diagnostics of the steps done, in order: every step of a run of up to
     * {@link ThinnedTrace#DEFAULT_CAPACITY} steps, a systematic sample of a longer run's steps.
     */
    public List<FlowStep> steps() {
        return steps;
    }

    /** The diagnostics of the last step done, or null if no step was done. */
    public FlowStep lastStep() {
        return lastStep;
    }

    /** Steps done. */
    public long stepsDone() {
        return stepsDone;
    }

    /** Whether the run stopped early on its cancellation token. */
    public boolean cancelled() {
        return cancelled;
    }

    /** The time reached. */
    public double time() {
        return time;
    }

    /**
     * The median of the per-step milliseconds (SDE + proximal step) over {@link #steps()}, NaN if
     * no step was done.
     */
    public double medianMillisPerStep() {
        if (steps.isEmpty()) {
            return Double.NaN;
        }
        double[] ms = new double[steps.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = steps.get(i).millis();
        }
        return Median.sortInPlace(ms, ms.length);
    }
}
