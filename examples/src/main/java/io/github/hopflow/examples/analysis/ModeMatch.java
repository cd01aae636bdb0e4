package io.github.hopflow.examples.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs known minimisers with the modes found in a cloud: for each minimiser, the nearest mode
 * and its distance.
 *
 * @param minimiser the known point
 * @param mode the nearest mode's centre, or null when no mode was found
 * @param distance the Euclidean distance between them (+∞ when no mode was found)
 */
public record ModeMatch(double[] minimiser, double[] mode, double distance) {

    /** The nearest mode of {@code modes} for each of {@code minimisers}, in the minimisers' order. */
    public static List<ModeMatch> match(List<double[]> minimisers, List<DensityModes.Mode> modes) {
        List<ModeMatch> out = new ArrayList<>(minimisers.size());
        for (double[] m : minimisers) {
            double best = Double.POSITIVE_INFINITY;
            double[] nearest = null;
            for (DensityModes.Mode mode : modes) {
                double d = DensityModes.distance(m, mode.centre());
                if (d < best) {
                    best = d;
                    nearest = mode.centre();
                }
            }
            out.add(new ModeMatch(m.clone(), nearest == null ? null : nearest.clone(), best));
        }
        return out;
    }

    /** Whether every minimiser has a mode within {@code tolerance}. */
    public static boolean allWithin(List<ModeMatch> matches, double tolerance) {
        for (ModeMatch m : matches) {
            if (!(m.distance() <= tolerance)) {
                return false;
            }
        }
        return true;
    }
}
