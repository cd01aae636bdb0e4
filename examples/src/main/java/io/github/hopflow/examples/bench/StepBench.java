package io.github.hopflow.examples.bench;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Quadratic;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.examples.setup.FlowSetup;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.flow.DensityFlowState;
import io.github.hopflow.wasserstein.flow.FlowStep;
import io.github.hopflow.wasserstein.kernel.fast.GibbsKernels;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One density-flow step of the paper's example as {@code hopflow run} takes it (n = 2: scaled
 * Himmelblau; otherwise f = Σ(10x − 5)², as the NumPy reference's {@code bench}), T = 25, β = 1/4,
 * h = 1e-4, ε = 0.1, N uniform points, ϱ₀ = 1: the run's {@link FlowSetup} (the isometric
 * splitting scheme and its default value update, the transition values), advanced by its
 * {@link DensityFlowState}. For the published update ({@code --values paper}: the proximal step
 * with its default tolerance on the automatic kernel of {@link GibbsKernels} and the
 * kernel-density normalisation) the NumPy reference does less per step (explicit Euler–Maruyama,
 * a looser tolerance of 1e-6, the harmonic normalisation), so that comparison is conservative.
 * The reported kernel is the one the automatic factory would pick for the proximal step.
 */
public final class StepBench {

    /** Temperature of the paper's example. */
    public static final double TEMPERATURE = 25;
    /** Activation gain β. */
    public static final double BETA = 0.25;
    /** Time step h. */
    public static final double H = 1e-4;
    /** The least warm-up time of a configuration, in seconds. */
    public static final double WARM_UP_SECONDS = 2.0;

    private final int particles;
    private final int dim;
    private final HopfieldMetric metric;
    private final ParticleEngine engine;
    private final DensityFlowState state;
    private final GibbsKernels.Choice choice;
    private int lastIterations;

    /**
     * Sets up the cloud and the density flow exactly as {@code hopflow run} does
     * ({@link FlowSetup}: the isometric splitting scheme and the default value update).
     *
     * @param particles N ≥ 2
     * @param dim n ≥ 1
     * @param epsilon ε &gt; 0
     * @param kernelTolerance tolerance δ of the automatic kernel
     * @param threads threads for the engine and the kernels
     * @param seed random seed
     */
    public StepBench(int particles, int dim, double epsilon, double kernelTolerance, int threads, long seed) {
        this.particles = particles;
        this.dim = dim;
        double[] centre = new double[dim];
        Arrays.fill(centre, 0.5);
        Objective objective = dim == 2 ? ScaledHimmelblau.of() : Quadratic.of(centre, 200);
        metric = HopfieldMetric.paperExample(dim, BETA);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
        double[] x = new double[particles * dim];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.001 + 0.998 * rng.nextDouble();
        }
        FlowSetup setup = new FlowSetup(metric, objective, TEMPERATURE, H, epsilon, FlowSetup.DEFAULT_KERNEL,
                kernelTolerance, threads, FlowSetup.DEFAULT_VALUES);
        engine = setup.engine(particles, rng);
        state = setup.flow(engine).start(WeightedPointCloud.unweighted(dim, x), 0);
        double[] u = new double[x.length];
        io.github.hopflow.geometry.metric.IsometricCoordinates.of(metric).toIsometric(x, u);
        choice = GibbsKernels.choose(dim, u, u, 2 * epsilon, kernelTolerance);
    }

    /** The kernel the automatic factory picks for this configuration. */
    public GibbsKernels.Choice kernelChoice() {
        return choice;
    }

    /** Iterations of the last proximal step. */
    public int lastIterations() {
        return lastIterations;
    }

    /**
     * One step of the density flow, as {@code hopflow run} takes it.
     *
     * @param times out: times[0] = SDE milliseconds, times[1] = value-update milliseconds (wall
     *     clock). Modified.
     */
    public void step(double[] times) {
        FlowStep d = state.advance();
        lastIterations = d.iterations();
        times[0] = d.sdeMillis();
        times[1] = d.proxMillis();
    }

    /** The current density values. */
    double[] values() {
        return state.cloud().values();
    }

    /** CPU time of this process in nanoseconds (all threads), or −1. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }

    /** Particle-coordinate updates per second of the SDE engine alone, over {@code steps} steps. */
    public double sdeUpdatesPerSecond(int steps) {
        double[] y = state.cloud().positions();
        double t = state.time();
        for (int s = 0; s < Math.max(1, steps / 10); s++) {
            engine.advance(y, t);
            t += H;
        }
        long t0 = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            engine.advance(y, t);
            t += H;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return (double) particles * dim * steps / seconds;
    }

    /** Releases the engine's threads. */
    public void close() {
        engine.close();
    }

    /**
     * Runs a configuration: warm-up steps (at least {@value #WARM_UP_SECONDS} s), {@code config.steps()}
     * measured steps, and the SDE throughput; returns one result row.
     */
    public static Map<String, Object> run(BenchConfig config, double kernelTolerance, int threads, long seed) {
        return run(config, kernelTolerance, threads, seed, () -> false);
    }

    /**
     * As {@link #run(BenchConfig, double, int, long)}, stopping after the step during which
     * {@code stop} turns true: the row then describes the measured steps done (key
     * {@code cancelled} true), or is null when none was measured yet.
     */
    public static Map<String, Object> run(BenchConfig config, double kernelTolerance, int threads, long seed,
            java.util.function.BooleanSupplier stop) {
        StepBench b = new StepBench(config.particles(), config.dim(), config.epsilon(), kernelTolerance, threads,
                seed);
        try {
            int k = config.steps();
            // warm-up as JMH would: at least a few steps and WARM_UP_SECONDS, so that the measured
            // steps run compiled code (the JIT compiles the kernels' loops after thousands of calls)
            int warm = Math.max(2, Math.min(50, k / 4));
            double[] t = new double[2];
            long warmStart = System.nanoTime();
            for (int s = 0; s < warm || System.nanoTime() - warmStart < WARM_UP_SECONDS * 1e9; s++) {
                if (stop.getAsBoolean()) {
                    return null;
                }
                b.step(t);
            }
            double[] total = new double[k];
            double[] proxMs = new double[k];
            double[] sdeMs = new double[k];
            double[] iters = new double[k];
            long cpu0 = processCpuNanos();
            int requested = k;
            for (int s = 0; s < requested; s++) {
                if (stop.getAsBoolean()) {
                    k = s;
                    break;
                }
                b.step(t);
                sdeMs[s] = t[0];
                proxMs[s] = t[1];
                total[s] = t[0] + t[1];
                iters[s] = b.lastIterations();
            }
            long cpu1 = processCpuNanos();
            if (k == 0) {
                return null;
            }
            long updates = 20_000_000L;
            int sdeSteps = (int) Math.max(10, Math.min(20_000, updates / ((long) config.particles() * config.dim())));
            double ups = b.sdeUpdatesPerSecond(sdeSteps);
            for (double v : b.values()) {
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new IllegalStateException("non-finite proximal value " + v);
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("case", "step");
            row.put("particles", config.particles());
            row.put("dim", config.dim());
            row.put("steps", k);
            row.put("ms_per_step", Measurements.median(total, k));
            row.put("ms_per_prox_step", Measurements.median(proxMs, k));
            row.put("ms_per_sde_step", Measurements.median(sdeMs, k));
            row.put("updates_per_second", ups);
            row.put("cpu_ms_per_step", cpu0 < 0 || cpu1 < 0 ? -1.0 : (cpu1 - cpu0) / 1e6 / k);
            row.put("prox_iterations", Measurements.median(iters, k));
            row.put("kernel", b.kernelChoice().name().toLowerCase(java.util.Locale.ROOT));
            row.put("finite", true);
            row.put("peak_rss_mib", Measurements.peakRssMib());
            row.put("threads", threads);
            row.put("target", config.target());
            row.put("cancelled", k < requested);
            return row;
        } finally {
            b.close();
        }
    }
}
