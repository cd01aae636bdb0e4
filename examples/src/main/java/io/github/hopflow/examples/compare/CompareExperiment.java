package io.github.hopflow.examples.compare;

import io.github.hopflow.geometry.flow.DeterministicFlows;
import io.github.hopflow.geometry.flow.FlowMethod;
import io.github.hopflow.geometry.flow.FlowOptions;
import io.github.hopflow.geometry.flow.Trajectory;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.RunOptions;
import io.github.hopflow.sde.RunResult;
import io.github.hopflow.sde.Scheme;
import io.github.hopflow.sde.Snapshot;
import io.github.hopflow.sde.StepHandler;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.flow.DensityFlow;
import io.github.hopflow.wasserstein.flow.FlowListener;
import io.github.hopflow.wasserstein.flow.FlowResult;
import io.github.hopflow.wasserstein.flow.FlowStep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs the diffusion machine and the deterministic flows from one set of N uniform initial
 * samples on the Hopfield cube (paper example metric, gain β) and measures each.
 *
 * <p>The diffusion machine is integrated by the particle engine with the drift-implicit scheme in
 * isometric coordinates (which keeps points inside the cube). At constant temperature it runs as
 * the density flow (HNN paper, eq. (54): the particles plus their density values by the entropic
 * proximal step), which adds the free-energy trace; with an annealing schedule the particles run
 * alone (the proximal step needs a constant T). Its E[f] is the mean of f over the particles,
 * which are samples of the flowing density ρ_t. Each deterministic flow is run from
 * every initial sample; E[f] is the mean over the trajectories. Basin membership of the final
 * points is decided by {@link GlobalBasin}.
 *
 * <p>Reproducible: the seed fixes the initial samples and the machine's noise; the deterministic
 * parts do not depend on the thread count.
 */
public final class CompareExperiment {

    /** Name of the stochastic method in the outcome. */
    public static final String DIFFUSION = "diffusion-machine";

    private final CompareSettings settings;
    private final Objective objective;
    private final DiagonalMetric metric;

    private CompareExperiment(CompareSettings settings, Objective objective) {
        if (objective.dimension() != settings.dimension()) {
            throw new IllegalArgumentException("the objective has dimension " + objective.dimension()
                    + ", the settings " + settings.dimension());
        }
        this.settings = settings;
        this.objective = objective;
        this.metric = HopfieldMetric.paperExample(settings.dimension(), settings.beta());
    }

    /** An experiment for {@code settings} on the built-in objective they name (checked here). */
    public static CompareExperiment of(CompareSettings settings) {
        return new CompareExperiment(settings, Objectives.byName(settings.objective(), settings.dimension()));
    }

    /**
     * An experiment for {@code settings} on {@code objective} (a network energy, say), whose name
     * the settings record; without known global minimisers the basin fractions are left out.
     */
    public static CompareExperiment of(CompareSettings settings, Objective objective) {
        return new CompareExperiment(settings, objective);
    }

    /** Units of work {@link #run} reports through its progress callback. */
    public long totalWork() {
        int methods = settings.methods().size();
        long basin = objective.globalMinimisers().isEmpty() ? 0 : (long) (methods + 1) * settings.particles();
        return settings.steps() + (long) methods * settings.particles() + basin;
    }

    /**
     * Runs every method.
     *
     * @param progress told the units of work done so far (see {@link #totalWork()})
     * @param cancelled polled between steps and trajectories; when it turns true the run stops and
     *     returns the methods finished so far
     */
    public CompareResult run(LongConsumer progress, BooleanSupplier cancelled) {
        int n = settings.dimension();
        int particles = settings.particles();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(settings.seed());
        double[] start = new double[particles * n];
        for (int k = 0; k < start.length; k++) {
            double u;
            do {
                u = rng.nextDouble();
            } while (u == 0);
            start[k] = u;
        }
        int recordEvery = Math.max(1, settings.steps() / (settings.records() - 1));
        int[] recorded = recordedSteps(settings.steps(), recordEvery);
        double gamma = Double.isNaN(settings.gamma()) ? automaticGamma(start) : settings.gamma();
        GlobalBasin basin = GlobalBasin.of(objective, metric, settings.basinTolerance());
        AtomicLong done = new AtomicLong();
        List<MethodOutcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "hopflow-compare");
            t.setDaemon(true);
            return t;
        });
        try {
            MethodOutcome diffusion = diffusion(start, rng, recordEvery, recorded, basin, pool, done, progress, cancelled);
            if (diffusion == null) {
                return new CompareResult(settings, gamma, objective.globalMinimisers(), objective.globalMinimum().orElse(Double.NaN), outcomes, false);
            }
            outcomes.add(diffusion);
            for (FlowMethod method : settings.methods()) {
                MethodOutcome o = deterministic(method, start, gamma, recorded, basin, pool, done, progress, cancelled);
                if (o == null) {
                    return new CompareResult(settings, gamma, objective.globalMinimisers(), objective.globalMinimum().orElse(Double.NaN), outcomes, false);
                }
                outcomes.add(o);
            }
        } finally {
            pool.shutdownNow();
        }
        return new CompareResult(settings, gamma, objective.globalMinimisers(), objective.globalMinimum().orElse(Double.NaN), outcomes, true);
    }

    private MethodOutcome diffusion(double[] start, UniformRandomProvider rng, int recordEvery, int[] recorded,
            GlobalBasin basin, ExecutorService pool, AtomicLong done, LongConsumer progress, BooleanSupplier cancelled) {
        int n = settings.dimension();
        DiffusionMachine machine = DiffusionMachine.of(metric, objective, settings.temperatureSchedule());
        double[] mean = new double[recorded.length];
        int[] filled = {0};
        StepHandler recorder = new StepHandler() {
            @Override
            public void init(Snapshot initial, double finalTime) {
                mean[filled[0]++] = meanObjective(initial.cloud());
            }

            @Override
            public void handleStep(Snapshot snapshot) {
                mean[filled[0]++] = meanObjective(snapshot.cloud());
            }

            @Override
            public void finish(Snapshot last) {
                if (filled[0] < mean.length && last.step() == recorded[filled[0]]) {
                    mean[filled[0]++] = meanObjective(last.cloud());
                }
            }
        };
        long t0 = System.nanoTime();
        WeightedPointCloud finalCloud;
        boolean cancelledEarly;
        double[] freeEnergy = null;
        try (ParticleEngine engine = ParticleEngine.builder(machine)
                .particles(settings.particles())
                .step(settings.step())
                .scheme(Scheme.ISOMETRIC_IMPLICIT)
                .threads(settings.threads())
                .random(rng)
                .build()) {
            WeightedPointCloud startCloud = WeightedPointCloud.unweighted(n, start);
            if (settings.usesDensityFlow()) {
                // the density flow moves the same particles and carries their density values
                double[] fe = new double[settings.steps()];
                FlowListener listener = new FlowListener() {
                    @Override
                    public void onStep(FlowStep d) {
                        fe[(int) d.step() - 1] = d.freeEnergy();
                        progress.accept(done.get() + d.step());
                    }

                    @Override
                    public void onSnapshot(long step, double time, WeightedPointCloud cloud) {
                        if (filled[0] < mean.length && step == recorded[filled[0]]) {
                            mean[filled[0]++] = meanObjective(cloud);
                        }
                    }
                };
                DensityFlow flow = DensityFlow.builder(engine)
                        .epsilon(settings.epsilon())
                        .parallelism(settings.threads())
                        .build();
                FlowResult r = flow.run(startCloud, io.github.hopflow.wasserstein.flow.FlowOptions.steps(settings.steps())
                        .withSnapshotEvery(recordEvery).withCancellation(cancelled), listener);
                finalCloud = r.cloud();
                cancelledEarly = r.cancelled();
                freeEnergy = fe;
            } else {
                RunOptions options = RunOptions.steps(settings.steps())
                        .withSnapshotEvery(recordEvery)
                        .withCancellation(cancelled)
                        .withProgress(k -> progress.accept(done.get() + k));
                RunResult result = engine.run(startCloud, options, recorder);
                finalCloud = result.last().cloud();
                cancelledEarly = result.cancelled();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        done.addAndGet(settings.steps());
        if (cancelledEarly) {
            return null;
        }
        double[] finals = finalCloud.positions();
        double[] finalValues = values(finals);
        double fraction = basinFraction(finals, basin, pool, done, progress, cancelled);
        if (Double.isNaN(fraction) && basin.isDefined()) {
            return null;
        }
        MethodOutcome o = outcome(DIFFUSION, true, recorded, settings.step(), mean, finalValues, fraction, wall);
        return freeEnergy == null ? o : o.withFreeEnergy(freeEnergy);
    }

    private MethodOutcome deterministic(FlowMethod method, double[] start, double gamma, int[] recorded,
            GlobalBasin basin, ExecutorService pool, AtomicLong done, LongConsumer progress, BooleanSupplier cancelled) {
        int n = settings.dimension();
        int particles = settings.particles();
        double h = method == FlowMethod.FIRING_RATE ? settings.firingRateStep() : settings.step();
        FlowOptions options = FlowOptions.defaults().withGamma(gamma);
        double[][] values = new double[particles][];
        double[] finals = new double[particles * n];
        long t0 = System.nanoTime();
        boolean complete = forEachParticle(pool, particles, cancelled, i -> {
            double[] x0 = java.util.Arrays.copyOfRange(start, i * n, (i + 1) * n);
            Trajectory t;
            try {
                t = DeterministicFlows.run(method, objective, metric, x0, h, settings.steps(), options);
            } catch (ArithmeticException e) {
                throw new ArithmeticException(method.cliName() + " failed from initial sample " + i + " "
                        + java.util.Arrays.toString(x0) + ": " + e.getMessage());
            }
            values[i] = t.values();
            System.arraycopy(t.finalState(), 0, finals, i * n, n);
            progress.accept(done.incrementAndGet());
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!complete) {
            return null;
        }
        double[] mean = new double[recorded.length];
        for (int r = 0; r < recorded.length; r++) {
            double s = 0;
            for (int i = 0; i < particles; i++) {
                s += values[i][recorded[r]];
            }
            mean[r] = s / particles;
        }
        double[] finalValues = new double[particles];
        for (int i = 0; i < particles; i++) {
            finalValues[i] = values[i][settings.steps()];
        }
        double fraction = basinFraction(finals, basin, pool, done, progress, cancelled);
        if (Double.isNaN(fraction) && basin.isDefined()) {
            return null;
        }
        return outcome(method.cliName(), false, recorded, h, mean, finalValues, fraction, wall);
    }

    private MethodOutcome outcome(String name, boolean stochastic, int[] recorded, double h, double[] mean,
            double[] finalValues, double fraction, double wall) {
        double[] times = new double[recorded.length];
        for (int r = 0; r < recorded.length; r++) {
            times[r] = recorded[r] * h;
        }
        double best = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (double v : finalValues) {
            best = Math.min(best, v);
            sum += v;
        }
        return new MethodOutcome(name, stochastic, recorded.clone(), times, mean, sum / finalValues.length, best,
                fraction, wall, null);
    }

    /** Share of points in a global basin; NaN if undefined or cancelled. */
    private double basinFraction(double[] finals, GlobalBasin basin, ExecutorService pool, AtomicLong done,
            LongConsumer progress, BooleanSupplier cancelled) {
        if (!basin.isDefined()) {
            return Double.NaN;
        }
        int n = settings.dimension();
        int particles = finals.length / n;
        boolean[] inside = new boolean[particles];
        boolean complete = forEachParticle(pool, particles, cancelled, i -> {
            inside[i] = basin.contains(java.util.Arrays.copyOfRange(finals, i * n, (i + 1) * n));
            progress.accept(done.incrementAndGet());
        });
        if (!complete) {
            return Double.NaN;
        }
        int count = 0;
        for (boolean b : inside) {
            if (b) {
                count++;
            }
        }
        return (double) count / particles;
    }

    /** Runs {@code body} for 0 … count − 1 on the pool; false if cancelled. Rethrows the first failure. */
    private static boolean forEachParticle(ExecutorService pool, int count, BooleanSupplier cancelled,
            java.util.function.IntConsumer body) {
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                if (!cancelled.getAsBoolean()) {
                    body.accept(index);
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
        return !cancelled.getAsBoolean();
    }

    private double meanObjective(WeightedPointCloud cloud) {
        double[] x = cloud.positions();
        double s = 0;
        for (int i = 0; i < cloud.size(); i++) {
            s += objective.value(x, i * cloud.dimension());
        }
        return s / cloud.size();
    }

    private double[] values(double[] positions) {
        int n = settings.dimension();
        double[] v = new double[positions.length / n];
        for (int i = 0; i < v.length; i++) {
            v[i] = objective.value(positions, i * n);
        }
        return v;
    }

    /**
     * γ = 1/L with L the largest |∂²f/∂x_i²| over the initial samples (central differences of
     * the gradient), so that x − γ∇f is a stable gradient step.
     */
    private double automaticGamma(double[] start) {
        int n = settings.dimension();
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        double largest = 0;
        for (int p = 0; p < start.length / n; p++) {
            double[] x = java.util.Arrays.copyOfRange(start, p * n, (p + 1) * n);
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                double d = 1e-5;
                x[i] = xi + d;
                objective.gradient(x, g1);
                x[i] = xi - d;
                objective.gradient(x, g2);
                x[i] = xi;
                largest = Math.max(largest, Math.abs((g1[i] - g2[i]) / (2 * d)));
            }
        }
        return largest > 0 && Double.isFinite(largest) ? 1 / largest : 1;
    }

    private static int[] recordedSteps(int steps, int every) {
        List<Integer> list = new ArrayList<>();
        for (int k = 0; k < steps; k += every) {
            list.add(k);
        }
        list.add(steps);
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
