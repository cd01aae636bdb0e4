package io.github.hopflow.examples.analysis;

import io.github.hopflow.wasserstein.fokkerplanck.ValueAccuracy;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.cloud.WeightedPointCloud;

/**
 * How far a cloud's values are from the shape of ρ∞ ∝ exp(−f/T), independently of their
 * normalisation: the median absolute deviation MAD = median |rⁱ − median(r)| of
 * rⁱ = log ϱⁱ + f(xⁱ)/T, which is 0 when ϱ ∝ exp(−f/T) exactly (docs/design.md §1, step 3).
 */
public final class ShapeSpread {

    private ShapeSpread() {
    }

    /** The MAD of log ϱ + f/T over the cloud. */
    public static double mad(WeightedPointCloud cloud, Objective f, double temperature) {
        int n = cloud.dimension();
        double[] x = cloud.positions();
        double[] logValues = new double[cloud.size()];
        double[] logShape = new double[cloud.size()];
        for (int i = 0; i < logValues.length; i++) {
            logValues[i] = Math.log(cloud.value(i));
            logShape[i] = -f.value(x, i * n) / temperature;
        }
        if (logValues.length == 1) {
            return 0;
        }
        return ValueAccuracy.of(logValues, logShape).mad();
    }
}
