package io.github.hopflow.sde;

import io.github.hopflow.geometry.internal.Checks;
import java.util.function.DoubleUnaryOperator;

/**
 * A temperature schedule t ↦ T(t) ≥ 0 for the diffusion machine (HNN paper, eq. (39)): the noise
 * intensity of the Langevin dynamics, constant for sampling the Gibbs density (41) and decreasing
 * for annealing.
 *
 * <p>Built-in schedules are immutable and thread-safe. They are defined for times t ≥ 0; a
 * negative or non-finite time is rejected with an {@link IllegalArgumentException}.
 */
public interface TemperatureSchedule {

    /**
     * T(t), finite and ≥ 0.
     *
     * @param t time, finite and ≥ 0
     * @throws IllegalArgumentException if t is negative or not finite, or if a user-supplied
     *     function returns a negative or non-finite temperature (naming t and the value)
     */
    double temperature(double t);

    /** Whether T(t) is the same at every time. */
    default boolean isConstant() {
        return false;
    }

    /**
     * T(t) = T for every t.
     *
     * @param temperature T, finite and ≥ 0 (T = 0 gives the deterministic natural-gradient flow)
     * @throws IllegalArgumentException naming the parameter and the value
     */
    static TemperatureSchedule constant(double temperature) {
        return new Schedules.Constant(Schedules.requireTemperature("temperature", temperature));
    }

    /** The names of {@link #named}. */
    java.util.List<String> NAMES = java.util.List.of("constant", "logarithmic", "exponential");

    /**
     * A built-in schedule by its command-line name: {@code constant} (T₀), {@code logarithmic}
     * (T₀/log(e + t/τ)) or {@code exponential} (T₀e^{−t/τ} floored at T₀/1000).
     *
     * @throws IllegalArgumentException naming {@code --schedule} for an unknown name, and the
     *     parameter for a bad value
     */
    static TemperatureSchedule named(String name, double initial, double timeScale) {
        switch (name) {
            case "constant":
                return constant(initial);
            case "logarithmic":
                return logarithmic(initial, timeScale);
            case "exponential":
                return exponential(initial, timeScale, initial / 1000);
            default:
                throw new IllegalArgumentException("--schedule must be constant, logarithmic or exponential, got '"
                        + name + "'");
        }
    }

    /**
     * The logarithmic cooling schedule T(t) = T₀ / log(e + t/τ), with T(0) = T₀; the classical
     * schedule under which simulated annealing reaches the global minimisers.
     *
     * @param initial T₀, finite and ≥ 0
     * @param timeScale τ, finite and &gt; 0
     * @throws IllegalArgumentException naming the parameter and the value
     */
    static TemperatureSchedule logarithmic(double initial, double timeScale) {
        return new Schedules.Logarithmic(Schedules.requireTemperature("initial temperature", initial),
                Checks.positive("timeScale", timeScale));
    }

    /**
     * The exponential cooling schedule T(t) = max(T₀ e^{−t/τ}, T_min).
     *
     * @param initial T₀, finite and ≥ 0
     * @param timeScale τ, finite and &gt; 0
     * @param floor T_min, finite, 0 ≤ T_min ≤ T₀
     * @throws IllegalArgumentException naming the parameter and the value
     */
    static TemperatureSchedule exponential(double initial, double timeScale, double floor) {
        Schedules.requireTemperature("initial temperature", initial);
        Checks.positive("timeScale", timeScale);
        Schedules.requireTemperature("floor", floor);
        if (floor > initial) {
            throw new IllegalArgumentException(
                    "floor must be <= initial temperature " + initial + ", got " + floor);
        }
        return new Schedules.Exponential(initial, timeScale, floor);
    }

    /**
     * A user-supplied schedule. Each value it returns is checked: a negative or non-finite
     * temperature raises an {@link IllegalArgumentException} naming t and the value.
     *
     * @param function t ↦ T(t); must be thread-safe if the engine runs on several threads
     * @param description a short text used by {@link Object#toString()}
     */
    static TemperatureSchedule of(DoubleUnaryOperator function, String description) {
        if (function == null) {
            throw new IllegalArgumentException("temperature function must not be null");
        }
        return new Schedules.User(function, description == null ? "user function" : description);
    }
}
