package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.objective.Objective;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Drift-implicit Euler in the isometric coordinate y = 2 arcsin √x ∈ (0, π) of the paper's
 * example (docs/design.md, "Boundary"): dy = [−2β sin y ∂f/∂x + 4βT cot y] dt + √(8βT) dW, with the
 * barrier drift 4βT cot y implicit. Each coordinate solves z − a cot z = c, a = 4βTh,
 * c = y − 2βh sin y ∂f/∂x + √(8βTh) ξ, then x' = sin²(z/2). At T = 0 there is no barrier and
 * the step is the explicit one, z = c, mapped by sin²(c/2) (a reflection at the faces).
 */
final class ImplicitTanhKernel extends StepKernel {

    private final double[] gradientFactor;
    private final double[] barrier;
    private final double[] noiseFactor;
    private final double[] beta;
    private double temperature;

    ImplicitTanhKernel(Objective objective, double h, double[] beta) {
        super(objective, h);
        this.beta = beta.clone();
        this.gradientFactor = new double[n];
        this.barrier = new double[n];
        this.noiseFactor = new double[n];
        for (int i = 0; i < n; i++) {
            gradientFactor[i] = 2 * beta[i] * h;
        }
    }

    @Override
    public void prepare(double temperature) {
        this.temperature = temperature;
        for (int i = 0; i < n; i++) {
            barrier[i] = 4 * beta[i] * temperature * h;
            noiseFactor[i] = Math.sqrt(2 * barrier[i]);
        }
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
                if (!(xi >= 0 && xi <= 1)) {
                    throw outside(x, p, n, i, 0, 1);
                }
            }
            objective.gradient(x, off, g, 0);
            for (int i = 0; i < n; i++) {
                double xi = x[off + i];
                double sx = Math.sqrt(xi);
                double cx = Math.sqrt(1 - xi);
                double y = 2 * Math.atan2(sx, cx);
                double c = y - gradientFactor[i] * (2 * sx * cx) * g[i] + noiseFactor[i] * gauss.sample();
                if (!Double.isFinite(c)) {
                    throw nonFinite(x, p, g, step, t, temperature);
                }
                double z = barrier[i] == 0 ? c : Barriers.solveCot(c, barrier[i]);
                double sz = Math.sin(0.5 * z);
                nx[i] = openUnit(sz * sz);
            }
            for (int i = 0; i < n; i++) {
                x[off + i] = nx[i];
            }
        }
    }
}
