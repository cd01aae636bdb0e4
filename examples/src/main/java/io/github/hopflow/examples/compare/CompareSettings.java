package io.github.hopflow.examples.compare;

import io.github.hopflow.geometry.flow.FlowMethod;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.sde.TemperatureSchedule;
import java.util.List;

/**
 * The parameters of a comparison run.
 *
 * @param objective name of a built-in objective
 * @param dimension n ≥ 1
 * @param particles N ≥ 1 initial samples, uniform on the open cube, shared by all methods
 * @param temperature T &gt; 0 of the diffusion machine (its initial value when annealed)
 * @param schedule {@code constant}, {@code logarithmic} (T/log(e + t/τ)) or {@code exponential}
 *     (T·e^{−t/τ}, floored at T/1000): how the machine's temperature changes over time
 * @param tau the schedule's time scale τ &gt; 0, or NaN for a tenth of the horizon K·h
 * @param beta activation gain β &gt; 0 of the Hopfield metric (paper example, mobility 4βx(1 − x))
 * @param step time step h &gt; 0 of the diffusion machine and the Hopfield-metric flows
 * @param epsilon ε &gt; 0 of the density flow's entropic proximal step (used at constant temperature)
 * @param steps K ≥ 1 steps of every method
 * @param methods the deterministic flows to run (at least one)
 * @param firingRateStep Euler step of the firing-rate flow ẋ = −x + P(x − γ∇f) (1 = the
 *     proximal-gradient method), &gt; 0
 * @param gamma γ of the firing-rate flow, &gt; 0, or NaN to use 1/L with L the largest second
 *     derivative ∂²f/∂x_i² estimated at the initial samples
 * @param basinTolerance distance within which a descended end point counts as having reached a
 *     global minimiser, &gt; 0
 * @param records number of points of the E[f] curves (≥ 2)
 * @param seed random seed
 * @param threads worker threads ≥ 1
 */
public record CompareSettings(String objective, int dimension, int particles, double temperature,
        String schedule, double tau, double beta,
        double step, double epsilon, int steps, List<FlowMethod> methods, double firingRateStep, double gamma,
        double basinTolerance, int records, long seed, int threads) {

    /** Checks every parameter, naming it and its value in the error. */
    public CompareSettings {
        requireAtLeast("--dim", dimension, 1);
        requireAtLeast("--particles", particles, 1);
        requireAtLeast("--steps", steps, 1);
        requireAtLeast("--records", records, 2);
        requireAtLeast("--threads", threads, 1);
        Checks.positive("--temperature", temperature);
        Checks.positive("--beta", beta);
        Checks.positive("--step", step);
        Checks.positive("--eps", epsilon);
        Checks.positive("--firing-rate-step", firingRateStep);
        Checks.positive("--basin-tolerance", basinTolerance);
        if (!TemperatureSchedule.NAMES.contains(schedule)) {
            throw new IllegalArgumentException("--schedule must be constant, logarithmic or exponential, got '"
                    + schedule + "'");
        }
        if (!Double.isNaN(tau)) {
            Checks.positive("--tau", tau);
        }
        if (!Double.isNaN(gamma)) {
            Checks.positive("--gamma", gamma);
        }
        if (methods == null || methods.isEmpty()) {
            throw new IllegalArgumentException("--methods must name at least one deterministic flow");
        }
        methods = List.copyOf(methods);
    }

    /** Whether the machine runs as the density flow (constant temperature) or as particles only. */
    public boolean usesDensityFlow() {
        return schedule.equals("constant");
    }

    /** The machine's temperature schedule. */
    public TemperatureSchedule temperatureSchedule() {
        return TemperatureSchedule.named(schedule, temperature, Double.isNaN(tau) ? 0.1 * steps * step : tau);
    }

    static void requireAtLeast(String name, long v, long min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
        }
    }
}
