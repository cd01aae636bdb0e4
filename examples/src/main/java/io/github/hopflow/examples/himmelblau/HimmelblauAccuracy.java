package io.github.hopflow.examples.himmelblau;

import java.util.List;

/**
 * The density values of the reproduction measured against the Fokker–Planck solution ρ_t at the
 * snapshot times (the uniform start, where ρ_t has no contrast, left out): for the run's values and
 * for the published algorithm's values carried on the same particle paths, the MAD of
 * log ϱ − log ρ_t and the slope of log ϱ on log ρ_t
 * ({@link io.github.hopflow.wasserstein.fokkerplanck.ValueAccuracy}).
 *
 * @param reference what the reference is (solver and grid)
 * @param values the name of the run's value update
 * @param steps the snapshot steps
 * @param times their times
 * @param mad the run's values' MAD per snapshot
 * @param slope the run's values' slope per snapshot
 * @param paperMad the published values' MAD per snapshot
 * @param paperSlope the published values' slope per snapshot
 */
public record HimmelblauAccuracy(String reference, String values, List<Long> steps, List<Double> times,
        List<Double> mad, List<Double> slope, List<Double> paperMad, List<Double> paperSlope) {

    /** No measurement (an interrupted run without snapshots after the start). */
    public static HimmelblauAccuracy none(String reference, String values) {
        return new HimmelblauAccuracy(reference, values, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** Whether any snapshot was measured. */
    public boolean measured() {
        return !steps.isEmpty();
    }
}
