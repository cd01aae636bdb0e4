package io.github.hopflow.examples.analysis;

import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.util.SplittableRandom;

/** Exact samples of exp(−f/T) on the unit square by rejection, carrying (noisy) density values. */
public final class GibbsSamples {

    private GibbsSamples() {
    }

    /**
     * N rejection samples of ∝ exp(−(f − f_min)/T) (f_min = 0 assumed) with values
     * exp(−f/T)·exp(noise·ξ), ξ standard normal.
     */
    public static WeightedPointCloud of(Objective f, double temperature, int count, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[2 * count];
        double[] v = new double[count];
        int k = 0;
        double[] p = new double[2];
        while (k < count) {
            p[0] = r.nextDouble();
            p[1] = r.nextDouble();
            double density = Math.exp(-f.value(p) / temperature);
            if (r.nextDouble() < density) {
                x[2 * k] = p[0];
                x[2 * k + 1] = p[1];
                v[k] = density * Math.exp(noise * gaussian(r));
                k++;
            }
        }
        return WeightedPointCloud.of(2, x, v);
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double w = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
    }
}
