package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Explicit Euler–Maruyama for any diagonal metric (eq. (39) per coordinate):
 * x' = x + h(−m_i ∂_i f + T m_i') + √(2T m_i h) ξ, followed by the boundary policy on the closed
 * domain when the coordinate is bounded.
 */
final class EulerGenericKernel extends StepKernel {

    private final DiagonalMetric metric;
    private final boolean reflect;
    private final double[] lo;
    private final double[] hi;
    private double temperature;
    private double twoTh;

    EulerGenericKernel(DiagonalMetric metric, Objective objective, double h, boolean reflect) {
        super(objective, h);
        this.metric = metric;
        this.reflect = reflect;
        this.lo = new double[n];
        this.hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = metric.lowerBound(i);
            hi[i] = metric.upperBound(i);
        }
    }

    @Override
    public void prepare(double temperature) {
        this.temperature = temperature;
        this.twoTh = 2 * temperature * h;
    }

    @Override
    public void advance(double[] x, BlockState block, long step, double t) {
        final int n = this.n;
        final double[] g = block.gradient;
        final double[] nx = block.next;
        final ZigguratSampler.NormalizedGaussian gauss = block.gauss;
        final double temp = temperature;
        long exits = 0;
        for (int p = block.first; p < block.end; p++) {
            final int off = p * n;
            for (int i = 0; i < n; i++) {
                double xi = x[off + i];
                if (!(xi >= lo[i] && xi <= hi[i]) || Double.isInfinite(xi)) {
                    throw outside(x, p, n, i, lo[i], hi[i]);
                }
            }
            objective.gradient(x, off, g, 0);
            for (int i = 0; i < n; i++) {
                double xi = x[off + i];
                double m = metric.mobility(i, xi);
                double mp = metric.mobilityDerivative(i, xi);
                double xn = xi + h * (temp * mp - m * g[i]) + Math.sqrt(twoTh * Math.max(m, 0)) * gauss.sample();
                if (!(xn >= lo[i] && xn <= hi[i]) || Double.isInfinite(xn)) {
                    if (!Double.isFinite(xn)) {
                        block.exits += exits;
                        throw nonFinite(x, p, g, step, t, temp);
                    }
                    exits++;
                    xn = reflect ? reflect(xn, lo[i], hi[i]) : Math.min(Math.max(xn, lo[i]), hi[i]);
                }
                nx[i] = xn;
            }
            for (int i = 0; i < n; i++) {
                x[off + i] = nx[i];
            }
        }
        block.exits += exits;
    }
}
