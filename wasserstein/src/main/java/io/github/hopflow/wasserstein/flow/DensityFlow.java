package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import io.github.hopflow.wasserstein.prox.Normalisation;
import io.github.hopflow.wasserstein.prox.ProximalStep;

/**
 * The density flow of the diffusion machine on a weighted point cloud (HNN paper, eq. (54);
 * docs/design.md §1, "Density flow by proximal (JKO) steps"): per time step h,
 * <ol>
 *   <li>the points move by one SDE step of the {@link ParticleEngine} (x_{k−1} → x_k);</li>
 *   <li>the values follow by the flow's {@link ValueUpdate}: by default {@link TransitionValues}
 *       (carried by the machine's transition density from an earlier cloud) where the metric has a
 *       closed-form heat kernel, otherwise, and with {@link Builder#paperValues()}, the published
 *       {@link ProximalValues} (one {@link ProximalStep}, rows = previous points,
 *       ψ = f(x_{k−1}), then a {@link Normalisation}, by default the kernel-density ratio);</li>
 *   <li>the free energy (eq. (45)) of the normalised cloud is estimated at T(t_k).</li>
 * </ol>
 * The start cloud's values are used as given (they should be density values, e.g. 1 for the
 * uniform density on the unit cube). The temperature follows the machine's schedule.
 *
 * <p>Two ways to drive it: {@link #start} gives a {@link DensityFlowState} that the caller
 * advances one step at a time (the single-step API every command uses), and {@link #run} advances
 * one for a given number of steps with listeners, snapshots and a cancellation token. A value
 * update that does not converge stops the run with a
 * {@link io.github.hopflow.wasserstein.ConvergenceException} unless
 * {@link Builder#failOnNonConvergence(boolean)} is off (its diagnostics then say so).
 *
 * <p>Not thread-safe (the engine and the value update carry state); one run at a time.
 */
public final class DensityFlow {

    private final ParticleEngine engine;
    private final ValueUpdate values;
    private final Objective objective;
    private final DiagonalMetric metric;

    private DensityFlow(ParticleEngine engine, ValueUpdate values) {
        this.engine = engine;
        DiffusionMachine machine = engine.machine();
        this.objective = machine.objective();
        this.metric = machine.metric();
        this.values = values;
    }

    /**
     * The kernel-density ratio: unbiased like the harmonic-uniform choice, but with low variance
     * and insensitive to the values in the far tails, which the entropic blur raises (on the
     * paper's example the harmonic-uniform constant came out about e^−1.2 too small, putting the
     * free-energy estimate below its minimum −T log Z).
     */
    public static Normalisation defaultNormalisation(DiagonalMetric metric) {
        return Normalisation.kernelDensityRatio(metric);
    }

    /** {@link #defaultNormalisation(DiagonalMetric)} on at most {@code threads} threads (≥ 1). */
    public static Normalisation defaultNormalisation(DiagonalMetric metric, int threads) {
        return Normalisation.kernelDensityRatio(metric, threads);
    }

    /**
     * A builder for a flow that moves points with {@code engine}; ε is required for the paper's
     * update ({@link Builder#paperValues()}, also the default where the metric has no closed-form
     * heat kernel, see {@link TransitionValues#supports}).
     */
    public static Builder builder(ParticleEngine engine) {
        if (engine == null) {
            throw new IllegalArgumentException("engine must not be null");
        }
        return new Builder(engine);
    }

    /** The value update. */
    public ValueUpdate valueUpdate() {
        return values;
    }

    /** The particle engine. */
    public ParticleEngine engine() {
        return engine;
    }

    /**
     * A run from {@code start} at time {@code t0}, to be advanced step by step.
     *
     * @param start the cloud at t₀ (N = the engine's particle count, values = density values)
     * @throws IllegalArgumentException if the cloud does not fit the engine
     */
    public DensityFlowState start(WeightedPointCloud start, double t0) {
        int n = engine.dimension();
        if (start.dimension() != n || start.size() != engine.particles()) {
            throw new IllegalArgumentException("start cloud must have " + engine.particles() + " points in dimension "
                    + n + " (the engine's), got " + start.size() + " points in dimension " + start.dimension());
        }
        if (!Double.isFinite(t0) || t0 < 0) {
            throw new IllegalArgumentException("start time must be finite and >= 0, got " + t0);
        }
        values.reset();
        return new DensityFlowState(this, start, t0);
    }

    /**
     * Runs the flow.
     *
     * @param start the cloud at t₀ (N = the engine's particle count, values = density values)
     * @param options steps, snapshots, start time, cancellation
     * @param listeners diagnostics and snapshot receivers
     * @return the final cloud and the diagnostics
     */
    public FlowResult run(WeightedPointCloud start, FlowOptions options, FlowListener... listeners) {
        DensityFlowState state = start(start, options.startTime());
        ThinnedTrace<FlowStep> diagnostics = ThinnedTrace.create();
        for (FlowListener l : listeners) {
            l.onSnapshot(0, state.time(), start);
        }
        long lastSnapshot = 0;
        boolean cancelled = false;
        while (state.steps() < options.steps()) {
            if (options.cancellation().getAsBoolean()) {
                cancelled = true;
                break;
            }
            FlowStep d = state.advance();
            long k = d.step();
            diagnostics.add(k, d);
            for (FlowListener l : listeners) {
                l.onStep(d);
            }
            boolean last = k == options.steps();
            if (listeners.length > 0 && (last || (options.snapshotEvery() > 0 && k % options.snapshotEvery() == 0))) {
                WeightedPointCloud c = state.cloud();
                for (FlowListener l : listeners) {
                    l.onSnapshot(k, state.time(), c);
                }
                lastSnapshot = k;
            }
        }
        WeightedPointCloud end = state.cloud();
        if (cancelled && lastSnapshot != state.steps()) {
            for (FlowListener l : listeners) {
                l.onSnapshot(state.steps(), state.time(), end);
            }
        }
        return new FlowResult(end, diagnostics, cancelled, state.time());
    }

    Objective objective() {
        return objective;
    }

    DiagonalMetric metric() {
        return metric;
    }

    /** Builder of {@link DensityFlow}. */
    public static final class Builder {
        private final ParticleEngine engine;
        /** The proximal step's options; metric, temperature and time step come from the engine. */
        private final ProximalStep.Builder step = ProximalStep.builder();
        private Normalisation normalisation;
        private ValueUpdate values;
        private boolean paper;
        private boolean failOnNonConvergence = true;
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder(ParticleEngine engine) {
            this.engine = engine;
        }

        /** ε &gt; 0 of the proximal step (required for {@link #paperValues()}). */
        public Builder epsilon(double e) {
            step.epsilon(e);
            return this;
        }

        /** Thompson-metric tolerance of the proximal step; default 1e−9. */
        public Builder tolerance(double tol) {
            step.tolerance(tol);
            return this;
        }

        /** Iteration cap of the proximal step; default 1000. */
        public Builder maxIterations(int max) {
            step.maxIterations(max);
            return this;
        }

        /**
         * Kernel factory of the proximal step; default the automatic fast kernels of
         * {@link io.github.hopflow.wasserstein.kernel.fast.GibbsKernels#automatic(double, int)} with
         * {@link #kernelTolerance} (see {@link ProximalStep}).
         */
        public Builder kernelFactory(GibbsKernel.Factory f) {
            step.kernelFactory(f);
            return this;
        }

        /**
         * Tolerance δ of the default automatic kernel (largest error in the log of a kernel product
         * output), in [1e-12, 0.1]; default {@value ProximalStep#DEFAULT_KERNEL_TOLERANCE}.
         */
        public Builder kernelTolerance(double delta) {
            step.kernelTolerance(delta);
            return this;
        }

        /**
         * Threads of the proximal step's kernel and of the default normalisation; default all
         * processors. Results do not depend on it.
         */
        public Builder parallelism(int threads) {
            step.parallelism(threads);
            this.parallelism = threads;
            return this;
        }

        /** Product domain of the proximal step; default {@link ProximalStep.Domain#AUTO}. */
        public Builder domain(ProximalStep.Domain d) {
            step.domain(d);
            return this;
        }

        /**
         * The value update (default {@link TransitionValues} on the machine's metric, on
         * {@link #parallelism} threads, where the metric is supported, else {@link #paperValues()}).
         */
        public Builder values(ValueUpdate update) {
            if (update == null) {
                throw new IllegalArgumentException("values must not be null");
            }
            this.values = update;
            this.paper = false;
            return this;
        }

        /**
         * The published value update: {@link ProximalValues} configured by this builder's proximal-step
         * options (ε required) and normalisation.
         */
        public Builder paperValues() {
            this.values = null;
            this.paper = true;
            return this;
        }

        /** The normalisation of the paper's value update (default {@link DensityFlow#defaultNormalisation}). */
        public Builder normalisation(Normalisation nm) {
            if (nm == null) {
                throw new IllegalArgumentException("normalisation must not be null");
            }
            this.normalisation = nm;
            return this;
        }

        /** Whether a non-converged proximal step stops the run (default true). */
        public Builder failOnNonConvergence(boolean fail) {
            this.failOnNonConvergence = fail;
            return this;
        }

        /**
         * Builds the flow.
         *
         * @throws IllegalArgumentException if the paper's value update is used and ε is unset
         */
        public DensityFlow build() {
            DiagonalMetric metric = engine.machine().metric();
            if (values != null) {
                return new DensityFlow(engine, values);
            }
            if (!paper && TransitionValues.supports(metric)) {
                return new DensityFlow(engine, TransitionValues.of(metric, parallelism));
            }
            // builds one step now, so that a missing ε or a bad option is refused here
            step.metric(metric).temperature(engine.machine().temperature(0)).timeStep(engine.step()).build();
            return new DensityFlow(engine, ProximalValues.of(step, normalisation != null ? normalisation
                    : defaultNormalisation(metric, parallelism), failOnNonConvergence));
        }
    }
}
