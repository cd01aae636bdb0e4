package io.github.hopflow.examples.cli;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.sde.ParticleEngine;
import java.util.Locale;

/** The step limit of the particle engine ({@link ParticleEngine#maxStep}), checked with the options' names. */
final class StepLimit {

    private StepLimit() {
    }

    /**
     * Refuses a {@code --step} that does not resolve the domain at {@code --temperature}.
     *
     * @throws IllegalArgumentException naming both options and the largest step allowed
     */
    static void require(DiagonalMetric metric, double temperature, double step) {
        double max = ParticleEngine.maxStep(metric, temperature);
        if (step > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--step %s is too large for --temperature %s: one step's noise, sqrt(2 T h) = %.3g in isometric"
                    + " coordinates, is more than %.2f of the domain's width, and the schemes are then not the SDE;"
                    + " the largest --step allowed at this temperature is %.4g", fmt(step), fmt(temperature),
                    Math.sqrt(2 * temperature * step), ParticleEngine.MAX_NOISE_FRACTION, max));
        }
    }

    /**
     * Refuses an {@code --eps} below the smallest ε whose proximal fixed point converges within its
     * default iteration cap ({@link io.github.hopflow.wasserstein.prox.ProximalStep#minimumEpsilon}).
     *
     * @throws IllegalArgumentException naming --eps, --temperature and --step, with the smallest ε allowed
     */
    static void requireEpsilon(double eps, double temperature, double step) {
        double min = io.github.hopflow.wasserstein.prox.ProximalStep.minimumEpsilon(temperature, step,
                io.github.hopflow.wasserstein.prox.ProximalStep.DEFAULT_TOLERANCE,
                io.github.hopflow.wasserstein.prox.ProximalStep.DEFAULT_MAX_ITERATIONS);
        if (eps < min) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--eps %s is too small for --temperature %s and --step %s: the proximal fixed point contracts by"
                    + " 1/(1 + eps/(T h)) per iteration and would not converge within %d iterations; the smallest"
                    + " --eps allowed is %.3g (or raise --step)", fmt(eps), fmt(temperature), fmt(step),
                    io.github.hopflow.wasserstein.prox.ProximalStep.DEFAULT_MAX_ITERATIONS, min));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+($|e)", "$1");
    }
}
