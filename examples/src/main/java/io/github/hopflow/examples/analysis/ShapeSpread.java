package io.github.hopflow.examples.analysis;

import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.util.Arrays;

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
        double[] r = new double[cloud.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.log(cloud.value(i)) + f.value(x, i * n) / temperature;
        }
        double med = median(r);
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.abs(r[i] - med);
        }
        return median(r);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
