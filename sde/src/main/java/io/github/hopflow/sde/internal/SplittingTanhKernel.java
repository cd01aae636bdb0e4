package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.objective.Objective;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Strang splitting in y = 2 arcsin √x for the paper's example: half a step of the exact barrier
 * flow cos y(s) = cos y₀ e^{−4βTs} (in x: x ↦ x e^{−4βTs} + ½(1 − e^{−4βTs}), s = h/2), an explicit
 * step y ↦ y + δ with δ = −2βh sin y ∂f/∂x + √(8βTh) ξ (gradient at the half-flowed point), and
 * another half barrier step. The middle step is computed without leaving x:
 * sin((y + δ)/2) = √x cos(δ/2) + √(1 − x) sin(δ/2), so x ↦ (√x cos(δ/2) + √(1 − x) sin(δ/2))² ∈ [0, 1],
 * and the last barrier half step maps [0, 1] into (0, 1).
 */
final class SplittingTanhKernel extends StepKernel {

    private final double[] beta;
    private final double[] gradientFactor;
    private final double[] decay;
    private final double[] shift;
    private final double[] noiseFactor;
    private double temperature;

    SplittingTanhKernel(Objective objective, double h, double[] beta) {
        super(objective, h);
        this.beta = beta.clone();
        this.gradientFactor = new double[n];
        this.decay = new double[n];
        this.shift = new double[n];
        this.noiseFactor = new double[n];
        for (int i = 0; i < n; i++) {
            gradientFactor[i] = 2 * beta[i] * h;
        }
    }

    @Override
    public void prepare(double temperature) {
        this.temperature = temperature;
        for (int i = 0; i < n; i++) {
            double rate = 2 * beta[i] * temperature * h; // 4βT · h/2
            decay[i] = Math.exp(-rate);
            shift[i] = -0.5 * Math.expm1(-rate);
            noiseFactor[i] = Math.sqrt(8 * beta[i] * temperature * h);
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
                nx[i] = xi * decay[i] + shift[i];
            }
            objective.gradient(nx, 0, g, 0);
            for (int i = 0; i < n; i++) {
                double x1 = nx[i];
                double sx = Math.sqrt(x1);
                double cx = Math.sqrt(1 - x1);
                double half = 0.5 * (-gradientFactor[i] * (2 * sx * cx) * g[i] + noiseFactor[i] * gauss.sample());
                double v = sx * Math.cos(half) + cx * Math.sin(half);
                double x3 = (v * v) * decay[i] + shift[i];
                if (!(x3 >= 0 && x3 <= 2)) {
                    throw nonFinite(x, p, g, step, t, temperature);
                }
                nx[i] = openUnit(x3);
            }
            for (int i = 0; i < n; i++) {
                x[off + i] = nx[i];
            }
        }
    }
}
