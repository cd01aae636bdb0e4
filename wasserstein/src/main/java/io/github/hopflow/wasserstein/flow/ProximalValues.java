package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.wasserstein.prox.Normalisation;
import io.github.hopflow.wasserstein.prox.ProximalResult;
import io.github.hopflow.wasserstein.prox.ProximalStep;

/**
 * The published value update (Caluya &amp; Halder's PROXRECUR, HNN paper eq. (54)): one entropic
 * proximal (JKO) step from the previous cloud to the moved points ({@link ProximalStep}, rows =
 * previous points, ψ = f(x_{k−1})), then a {@link Normalisation} of its values, which the step
 * determines only up to a constant.
 *
 * <p>The step is configured by a {@link ProximalStep.Builder} given without temperature and time
 * step: they are set from each step's input, and the proximal step is rebuilt when either changes
 * (an annealed run), keeping its warm start while they stay the same.
 */
public final class ProximalValues implements ValueUpdate {

    private final ProximalStep.Builder builder;
    private final Normalisation normalisation;
    private final boolean failOnNonConvergence;
    private ProximalStep step;

    private ProximalValues(ProximalStep.Builder builder, Normalisation normalisation, boolean failOnNonConvergence) {
        this.builder = builder;
        this.normalisation = normalisation;
        this.failOnNonConvergence = failOnNonConvergence;
    }

    /**
     * The update by the proximal steps {@code builder} describes (metric, ε, tolerance, kernels; its
     * temperature and time step are set per step) and {@code normalisation}.
     *
     * @param failOnNonConvergence whether a step that misses its tolerance stops the run with a
     *     {@link io.github.hopflow.wasserstein.ConvergenceException}
     */
    public static ProximalValues of(ProximalStep.Builder builder, Normalisation normalisation,
            boolean failOnNonConvergence) {
        if (builder == null || normalisation == null) {
            throw new IllegalArgumentException("builder and normalisation must not be null");
        }
        return new ProximalValues(builder, normalisation, failOnNonConvergence);
    }

    @Override
    public String name() {
        return "paper";
    }

    /** The normalisation. */
    public Normalisation normalisation() {
        return normalisation;
    }

    /** The proximal step of the last update (or one built for {@code temperature} and {@code timeStep}). */
    public ProximalStep proximalStep(double temperature, double timeStep) {
        if (step == null || step.temperature() != temperature || step.timeStep() != timeStep) {
            step = builder.temperature(temperature).timeStep(timeStep).build();
        }
        return step;
    }

    @Override
    public Report update(StepInput in, double[] values) {
        ProximalStep prox = proximalStep(in.temperature(), in.timeStep());
        ProximalResult r = prox.step(in.previousPositions(), in.previousValues(), in.previousObjective(),
                in.positions());
        if (failOnNonConvergence) {
            r.requireConverged();
        }
        double[] normalised = normalisation.apply(in.dimension(), in.positions(), r.logValues());
        System.arraycopy(normalised, 0, values, 0, values.length);
        return new Report(r.iterations(), r.error(), r.converged());
    }

    @Override
    public void reset() {
        step = null;
    }
}
