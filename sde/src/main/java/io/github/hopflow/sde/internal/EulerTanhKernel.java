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
        if (n == 2) {
            advance2(x, block, step, t);
            return;
        }
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

    /**
     * {@link #advance} for n = 2, with the loops over the coordinates written out: the same
     * operations in the same order.
     */
    private void advance2(double[] x, BlockState block, long step, double t) {
        final double[] g = block.gradient;
        final double a0 = gradientFactor[0];
        final double a1 = gradientFactor[1];
        final double b0 = itoFactor[0];
        final double b1 = itoFactor[1];
        final double s0 = noiseFactor[0];
        final double s1 = noiseFactor[1];
        final ZigguratSampler.NormalizedGaussian gauss = block.gauss;
        final Objective f = objective;
        final boolean reflect = this.reflect;
        long exits = 0;
        for (int p = block.first; p < block.end; p++) {
            final int off = 2 * p;
            final double x0 = x[off];
            final double x1 = x[off + 1];
            if (!(x0 >= 0 && x0 <= 1)) {
                throw outside(x, p, 2, 0, 0, 1);
            }
            if (!(x1 >= 0 && x1 <= 1)) {
                throw outside(x, p, 2, 1, 0, 1);
            }
            f.gradient(x, off, g, 0);
            final double q0 = x0 * (1 - x0);
            double y0 = x0 + b0 * (1 - 2 * x0) - a0 * q0 * g[0] + s0 * Math.sqrt(q0) * gauss.sample();
            if (!(y0 >= 0 && y0 <= 1)) {
                if (!Double.isFinite(y0)) {
                    block.exits += exits;
                    throw nonFinite(x, p, g, step, t, temperature);
                }
                exits++;
                y0 = reflect ? reflect(y0, 0, 1) : (y0 < 0 ? 0 : 1);
            }
            x[off] = y0;
            final double q1 = x1 * (1 - x1);
            double y1 = x1 + b1 * (1 - 2 * x1) - a1 * q1 * g[1] + s1 * Math.sqrt(q1) * gauss.sample();
            if (!(y1 >= 0 && y1 <= 1)) {
                if (!Double.isFinite(y1)) {
                    x[off] = x0;
                    block.exits += exits;
                    throw nonFinite(x, p, g, step, t, temperature);
                }
                exits++;
                y1 = reflect ? reflect(y1, 0, 1) : (y1 < 0 ? 0 : 1);
            }
            x[off + 1] = y1;
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
