package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome of a {@link DensityFlow} run: the final cloud (normalised density values), the
 * per-step diagnostics, and whether the run was cancelled before its last step. Immutable.
 */
public final class FlowResult {

    private final WeightedPointCloud cloud;
    private final List<FlowStep> steps;
    private final boolean cancelled;
    private final double time;

    FlowResult(WeightedPointCloud cloud, List<FlowStep> steps, boolean cancelled, double time) {
        this.cloud = cloud;
        this.steps = List.copyOf(steps);
        this.cancelled = cancelled;
        this.time = time;
    }

    /** The final cloud. */
    public WeightedPointCloud cloud() {
        return cloud;
    }

    /** Diagnostics of every step done, in order. */
    public List<FlowStep> steps() {
        return steps;
    }

    /** Steps done. */
    public int stepsDone() {
        return steps.size();
    }

    /** Whether the run stopped early on its cancellation token. */
    public boolean cancelled() {
        return cancelled;
    }

    /** The time reached. */
    public double time() {
        return time;
    }

    /** The median of the per-step milliseconds (SDE + proximal step), NaN if no step was done. */
    public double medianMillisPerStep() {
        if (steps.isEmpty()) {
            return Double.NaN;
        }
        double[] ms = new double[steps.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = steps.get(i).millis();
        }
        Arrays.sort(ms);
        int h = ms.length / 2;
        return ms.length % 2 == 1 ? ms[h] : 0.5 * (ms[h - 1] + ms[h]);
    }
}
