package io.github.hopflow.geometry.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The deterministic schemes of {@link DeterministicFlows}: discretisations of the one continuous
 * Hopfield flow (HNN paper, eqs. (1), (3), (6)) and the Euclidean proximal-gradient/firing-rate
 * flow. Each constant has the name used on the command line ({@link #cliName()}).
 */
public enum FlowMethod {

    /**
     * The Hopfield ODE in the hidden state, ẋ_H = −∇f(σ(x_H)), x = σ(x_H) (eq. (1)), integrated
     * with an adaptive Dormand–Prince 8(5,3) method and sampled at t_k = k·h.
     */
    HOPFIELD("hopfield"),
    /**
     * The natural-gradient ODE ẋ = −G(x)⁻¹∇f(x) (eq. (6)), integrated with an adaptive
     * Dormand–Prince 8(5,3) method and sampled at t_k = k·h. By Theorem 1 it has the trajectory of
     * {@link #HOPFIELD}.
     */
    NATURAL_GRADIENT_ODE("natural-gradient-ode"),
    /** The natural-gradient recursion x_{k+1} = x_k − hG(x_k)⁻¹∇f(x_k) (eq. (5)): explicit Euler. */
    NATURAL_GRADIENT("natural-gradient"),
    /**
     * Mirror descent x_{H,k+1} = x_{H,k} − h∇f(x_k), x_k = σ(x_{H,k}) (eqs. (15), (21)): the explicit
     * Euler step of the Hopfield ODE, which never leaves the range of σ.
     */
    MIRROR("mirror"),
    /**
     * The proximal natural gradient x_k = argmin ½d_G²(x_{k−1}, x) + hf(x) (eq. (56)): the implicit
     * Euler step, a Euclidean proximal step in isometric coordinates.
     */
    PROXIMAL("proximal"),
    /**
     * The proximal-gradient (firing-rate) flow ẋ = −x + prox_{γg}(x − γ∇f(x)), explicit Euler with
     * step h (h = 1 is the proximal-gradient method); Euclidean, g from the options (default the
     * indicator of the metric's domain box).
     */
    FIRING_RATE("firing-rate");

    private final String cliName;

    FlowMethod(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line, e.g. {@code natural-gradient}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The method called {@code name} (its {@link #cliName()} or its constant name, any case).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static FlowMethod byName(String name) {
        if (name != null) {
            String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (FlowMethod m : values()) {
                if (m.cliName.equals(key)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown flow method '" + name + "'; known methods: "
                + Arrays.stream(values()).map(FlowMethod::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
