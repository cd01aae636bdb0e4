package io.github.hopflow.wasserstein;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A plain Euler–Maruyama step of the diffusion machine dx_i = (−m_i ∂_i f + T m_i') dt + √(2T m_i) dw_i,
 * clipped to the closed domain (as the NumPy reference does), for tests that need moving points
 * independently of the sde module.
 */
public final class TestSde {

    private final DiagonalMetric metric;
    private final Objective f;
    private final double temperature;
    private final double h;
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final double[] grad;

    public TestSde(DiagonalMetric metric, Objective f, double temperature, double h, UniformRandomProvider rng) {
        this.metric = metric;
        this.f = f;
        this.temperature = temperature;
        this.h = h;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.grad = new double[metric.dimension()];
    }

    /** x → the next positions in {@code out}. */
    public void step(double[] x, double[] out) {
        int n = metric.dimension();
        for (int p = 0; p < x.length; p += n) {
            f.gradient(x, p, grad, 0);
            for (int k = 0; k < n; k++) {
                double xi = x[p + k];
                double m = metric.mobility(k, xi);
                double drift = -m * grad[k] + temperature * metric.mobilityDerivative(k, xi);
                double y = xi + h * drift + Math.sqrt(2 * temperature * m * h) * gauss.sample();
                out[p + k] = Math.min(metric.upperBound(k), Math.max(metric.lowerBound(k), y));
            }
        }
    }
}
