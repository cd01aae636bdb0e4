package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.gibbs.FreeEnergy;
import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import io.github.hopflow.wasserstein.prox.Normalisation;
import io.github.hopflow.wasserstein.prox.ProximalResult;
import io.github.hopflow.wasserstein.prox.ProximalStep;

/**
 * The density flow of the diffusion machine on a weighted point cloud (HNN paper, eq. (54);
 * docs/design.md §1, "Density flow by proximal (JKO) steps"): per time step h,
 * <ol>
 *   <li>the points move by one SDE step of the {@link ParticleEngine} (x_{k−1} → x_k);</li>
 *   <li>the values follow by one {@link ProximalStep} (rows = previous points, ψ = f(x_{k−1}));</li>
 *   <li>the values are normalised ({@link Normalisation}; default the kernel-density ratio), and the free energy (eq. (45)) is estimated.</li>
 * </ol>
 * The start cloud's values are used as given (they should be density values, e.g. 1 for the
 * uniform density on the unit cube).
 *
 * <p>The temperature must be constant (the proximal step's T). Listeners receive per-step
 * diagnostics and snapshots; a cancellation token is polled before every step. A proximal step
 * that does not converge stops the run with a {@link io.github.hopflow.wasserstein.ConvergenceException}
 * unless {@link Builder#failOnNonConvergence(boolean)} is off (its diagnostics then say so).
 *
 * <p>Not thread-safe (the engine and the proximal step carry state); one run at a time.
 */
public final class DensityFlow {

    private final ParticleEngine engine;
    private final ProximalStep prox;
    private final Normalisation normalisation;
    private final boolean failOnNonConvergence;
    private final Objective objective;
    private final double temperature;

    private DensityFlow(Builder b) {
        this.engine = b.engine;
        DiffusionMachine machine = engine.machine();
        this.objective = machine.objective();
        this.temperature = machine.temperature(0.0);
        this.prox = b.step.metric(machine.metric()).temperature(temperature).timeStep(engine.step()).build();
        this.normalisation = b.normalisation != null ? b.normalisation
                : defaultNormalisation(machine.metric(), b.parallelism);
        this.failOnNonConvergence = b.failOnNonConvergence;
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

    /** A builder for a flow that moves points with {@code engine}; ε is required. */
    public static Builder builder(ParticleEngine engine) {
        if (engine == null) {
            throw new IllegalArgumentException("engine must not be null");
        }
        return new Builder(engine);
    }

    /** The proximal step used. */
    public ProximalStep proximalStep() {
        return prox;
    }

    /** The normalisation used. */
    public Normalisation normalisation() {
        return normalisation;
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
        int n = engine.dimension();
        int count = engine.particles();
        if (start.dimension() != n || start.size() != count) {
            throw new IllegalArgumentException("start cloud must have " + count + " points in dimension " + n
                    + " (the engine's), got " + start.size() + " points in dimension " + start.dimension());
        }
        double h = engine.step();
        double t0 = options.startTime();
        double[] x = start.positions();
        double[] next = new double[x.length];
        double[] rho = start.values();
        double[] psi = new double[count];
        ThinnedTrace<FlowStep> diagnostics = ThinnedTrace.create();
        for (FlowListener l : listeners) {
            l.onSnapshot(0, t0, start);
        }
        long lastSnapshot = 0;
        boolean cancelled = false;
        double t = t0;
        long k = 0;
        while (k < options.steps()) {
            if (options.cancellation().getAsBoolean()) {
                cancelled = true;
                break;
            }
            long s0 = System.nanoTime();
            System.arraycopy(x, 0, next, 0, x.length);
            engine.advance(next, t);
            long s1 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                psi[i] = objective.value(x, i * n);
            }
            ProximalResult r = prox.step(x, rho, psi, next);
            if (failOnNonConvergence) {
                r.requireConverged();
            }
            rho = normalisation.apply(n, next, r.logValues());
            long s2 = System.nanoTime();
            k++;
            t = t0 + k * h;
            double[] tmp = x;
            x = next;
            next = tmp;
            FreeEnergy fe = FreeEnergy.estimate(objective, temperature, x, rho);
            FlowStep d = new FlowStep(k, t, r.iterations(), r.error(), r.converged(), fe.value(),
                    fe.standardError(), (s1 - s0) / 1e6, (s2 - s1) / 1e6);
            diagnostics.add(k, d);
            for (FlowListener l : listeners) {
                l.onStep(d);
            }
            boolean last = k == options.steps();
            if (last || (options.snapshotEvery() > 0 && k % options.snapshotEvery() == 0)) {
                snapshot(listeners, k, t, x, rho);
                lastSnapshot = k;
            }
        }
        WeightedPointCloud end = WeightedPointCloud.of(n, x, rho);
        if (cancelled && lastSnapshot != k) {
            for (FlowListener l : listeners) {
                l.onSnapshot(k, t, end);
            }
        }
        return new FlowResult(end, diagnostics, cancelled, t);
    }

    private static void snapshot(FlowListener[] listeners, long k, double t, double[] x, double[] rho) {
        if (listeners.length == 0) {
            return;
        }
        WeightedPointCloud c = WeightedPointCloud.of(x.length / rho.length, x, rho);
        for (FlowListener l : listeners) {
            l.onSnapshot(k, t, c);
        }
    }

    /** Builder of {@link DensityFlow}. */
    public static final class Builder {
        private final ParticleEngine engine;
        /** The proximal step's options; metric, temperature and time step come from the engine. */
        private final ProximalStep.Builder step = ProximalStep.builder();
        private Normalisation normalisation;
        private boolean failOnNonConvergence = true;
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder(ParticleEngine engine) {
            this.engine = engine;
        }

        /** ε &gt; 0 of the proximal step (required). */
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

        /** The normalisation (default {@link DensityFlow#defaultNormalisation}). */
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
         * @throws IllegalArgumentException if ε is unset or the temperature is not constant
         */
        public DensityFlow build() {
            if (!engine.machine().schedule().isConstant()) {
                throw new IllegalArgumentException("the density flow needs a constant temperature, got schedule "
                        + engine.machine().schedule());
            }
            return new DensityFlow(this);
        }
    }
}
