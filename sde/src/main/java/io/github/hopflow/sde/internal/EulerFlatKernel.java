package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.objective.Objective;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Euler–Maruyama for the Euclidean metric (m ≡ 1 on R^n): overdamped Langevin dynamics,
 * x' = x − h ∇f + √(2Th) ξ. Every scheme reduces to this one for the Euclidean metric.
 */
final class EulerFlatKernel extends StepKernel {

    private double noise;
    private double temperature;

    EulerFlatKernel(Objective objective, double h) {
        super(objective, h);
    }

    @Override
    public void prepare(double temperature) {
        this.temperature = temperature;
        this.noise = Math.sqrt(2 * temperature * h);
    }

    @Override
    public void advance(double[] x, BlockState block, long step, double t) {
        final int n = this.n;
        final double[] g = block.gradient;
        final double[] nx = block.next;
        final double hh = h;
        final double s = noise;
        final ZigguratSampler.NormalizedGaussian gauss = block.gauss;
        final Objective f = objective;
        for (int p = block.first; p < block.end; p++) {
            final int off = p * n;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[off + i])) {
                    throw outside(x, p, n, i, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
                }
            }
            f.gradient(x, off, g, 0);
            for (int i = 0; i < n; i++) {
                double xn = x[off + i] - hh * g[i] + s * gauss.sample();
                if (!Double.isFinite(xn)) {
                    throw nonFinite(x, p, g, step, t, temperature);
                }
                nx[i] = xn;
            }
            for (int i = 0; i < n; i++) {
                x[off + i] = nx[i];
            }
        }
    }
}
