package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.objective.Objective;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Explicit Euler–Maruyama for the paper's example metric, m_i = 4β_i x(1 − x) (eq. (58) with the
 * corrected eq. (60)): x' = x + 4β_i h [T(1 − 2x) − x(1 − x) ∂_i f] + √(8β_i T h · x(1 − x)) ξ,
 * followed by the boundary policy on [0, 1].
 */
final class EulerTanhKernel extends StepKernel {

    private final double[] beta;
    private final boolean reflect;
    private final double[] gradientFactor;
    private final double[] itoFactor;
    private final double[] noiseFactor;
    private double temperature;

    EulerTanhKernel(Objective objective, double h, double[] beta, boolean reflect) {
        super(objective, h);
        this.beta = beta.clone();
        this.reflect = reflect;
        this.gradientFactor = new double[n];
        this.itoFactor = new double[n];
        this.noiseFactor = new double[n];
        for (int i = 0; i < n; i++) {
            gradientFactor[i] = 4 * beta[i] * h;
        }
    }

    @Override
    public void prepare(double temperature) {
        this.temperature = temperature;
        for (int i = 0; i < n; i++) {
            itoFactor[i] = gradientFactor[i] * temperature;
            noiseFactor[i] = Math.sqrt(2 * temperature * gradientFactor[i]);
        }
    }

    @Override
    public void advance(double[] x, BlockState block, long step, double t) {
        final int n = this.n;
        final double[] g = block.gradient;
        final double[] nx = block.next;
        final double[] a = gradientFactor;
        final double[] b = itoFactor;
        final double[] s = noiseFactor;
        final ZigguratSampler.NormalizedGaussian gauss = block.gauss;
        final Objective f = objective;
        long exits = 0;
        for (int p = block.first; p < block.end; p++) {
            final int off = p * n;
            for (int i = 0; i < n; i++) {
                double xi = x[off + i];
                if (!(xi >= 0 && xi <= 1)) {
                    throw outside(x, p, n, i, 0, 1);
                }
            }
            f.gradient(x, off, g, 0);
            for (int i = 0; i < n; i++) {
                double xi = x[off + i];
                double q = xi * (1 - xi);
                double xn = xi + b[i] * (1 - 2 * xi) - a[i] * q * g[i] + s[i] * Math.sqrt(q) * gauss.sample();
                if (!(xn >= 0 && xn <= 1)) {
                    if (!Double.isFinite(xn)) {
                        restore(x, off, nx, i);
                        block.exits += exits;
                        throw nonFinite(x, p, g, step, t, temperature);
                    }
                    exits++;
                    xn = reflect ? reflect(xn, 0, 1) : (xn < 0 ? 0 : 1);
                }
                nx[i] = xi;
                x[off + i] = xn;
            }
        }
        block.exits += exits;
    }

    /** Puts back the old coordinates 0 … count − 1 of a particle, saved in {@code saved}. */
    private static void restore(double[] x, int off, double[] saved, int count) {
        for (int i = 0; i < count; i++) {
            x[off + i] = saved[i];
        }
    }
}
