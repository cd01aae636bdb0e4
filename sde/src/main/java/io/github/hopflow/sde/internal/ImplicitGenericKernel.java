package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Drift-implicit Euler in the isometric coordinates u = φ(x) of any diagonal metric, where the
 * machine reads du = −∇_u[f − T log √m(x)] dt + √(2T) dW (docs/design.md, "Boundary"). Per coordinate:
 * c = u − h √m ∂_i f + √(2Th) ξ (explicit gradient part, ∂f/∂u = √m ∂f/∂x), then
 * z − h (T/2) m'(x(z))/√m(x(z)) = c is solved on the open isometric interval and x' = φ⁻¹(z).
 * A coordinate whose mobility is constant has no barrier and takes the plain Euler–Maruyama step.
 * At T = 0 the explicit value is projected onto the closed isometric interval.
 */
final class ImplicitGenericKernel extends StepKernel {

    private final DiagonalMetric metric;
    private final double[] lo;
    private final double[] hi;
    private final double[] uLo;
    private final double[] uHi;
    private double temperature;
    private double noise;
    private double halfTh;

    ImplicitGenericKernel(DiagonalMetric metric, Objective objective, double h) {
        super(objective, h);
        this.metric = metric;
        this.lo = new double[n];
        this.hi = new double[n];
        this.uLo = new double[n];
        this.uHi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = metric.lowerBound(i);
            hi[i] = metric.upperBound(i);
            uLo[i] = metric.isometricLowerBound(i);
            uHi[i] = metric.isometricUpperBound(i);
        }
    }

    @Override
    public void prepare(double temperature) {
        this.temperature = temperature;
        this.noise = Math.sqrt(2 * temperature * h);
        this.halfTh = 0.5 * temperature * h;
    }

    @Override
    public void advance(double[] x, BlockState block, long step, double t) {
        final int n = this.n;
        final double[] g = block.gradient;
        final double[] nx = block.next;
        final ZigguratSampler.NormalizedGaussian gauss = block.gauss;
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
                double m = Math.max(metric.mobility(i, xi), 0);
                double u = metric.isometric(i, xi);
                double c = u - h * Math.sqrt(m) * g[i] + noise * gauss.sample();
                if (!Double.isFinite(c)) {
                    throw nonFinite(x, p, g, step, t, temperature);
                }
                double z;
                if (halfTh == 0) {
                    z = Math.min(Math.max(c, uLo[i]), uHi[i]);
                } else {
                    z = Barriers.solveGeneric(metric, i, c, halfTh, uLo[i], uHi[i]);
                }
                double xn = metric.inverseIsometric(i, z);
                nx[i] = Math.min(Math.max(xn, lo[i]), hi[i]);
            }
            for (int i = 0; i < n; i++) {
                x[off + i] = nx[i];
            }
        }
    }
}
