package io.github.hopflow.examples.bench;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.metric.IsometricCoordinates;
import io.github.hopflow.wasserstein.ot.Sinkhorn;
import io.github.hopflow.wasserstein.ot.SinkhornResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * W_G between two clouds of N uniform points in (0,1)^n under the paper's metric (β = 1/4),
 * uniform masses, entropic regularisation ε, by the wasserstein module's Sinkhorn with its default
 * kernel (stabilised plain-domain products on the truncated kernel, ε-scaling),
 * stopping when the L1 marginal error is below {@link #TOLERANCE} (POT's {@code sinkhorn_log}
 * stops on the L2 norm, which is never larger: the comparison in BENCHMARKS.md, with
 * {@code docs/bench/pot_sinkhorn.py}, is at least as strict for hopflow).
 */
public final class SinkhornBench {

    /** Marginal tolerance. */
    public static final double TOLERANCE = 1e-6;

    private SinkhornBench() {
    }

    /** Runs {@code config.steps()} cold solves (after one warm-up solve) and returns one row. */
    public static Map<String, Object> run(BenchConfig config, int threads, long seed) {
        int n = config.particles();
        int dim = config.dim();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
        double[] x = new double[n * dim];
        double[] y = new double[n * dim];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.001 + 0.998 * rng.nextDouble();
            y[k] = 0.001 + 0.998 * rng.nextDouble();
        }
        IsometricCoordinates iso = IsometricCoordinates.of(HopfieldMetric.paperExample(dim, 0.25));
        double[] u = new double[x.length];
        double[] v = new double[y.length];
        iso.toIsometric(x, u);
        iso.toIsometric(y, v);
        double[] a = new double[n];
        Arrays.fill(a, 1.0 / n);
        Sinkhorn solver = Sinkhorn.builder().epsilon(config.epsilon()).tolerance(TOLERANCE).parallelism(threads)
                .build();
        double[] times = new double[config.steps()];
        SinkhornResult last = solver.solve(dim, u, a, v, a);
        long cpu0 = StepBench.processCpuNanos();
        for (int r = 0; r < config.steps(); r++) {
            long t0 = System.nanoTime();
            last = solver.solve(dim, u, a, v, a);
            times[r] = (System.nanoTime() - t0) / 1e6;
        }
        long cpu1 = StepBench.processCpuNanos();
        double median = Measurements.median(times, config.steps());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", "sinkhorn");
        row.put("particles", n);
        row.put("dim", dim);
        row.put("steps", config.steps());
        row.put("ms_per_step", null);
        row.put("ms_per_prox_step", null);
        row.put("updates_per_second", null);
        row.put("epsilon", config.epsilon());
        row.put("tolerance", TOLERANCE);
        row.put("ms_per_solve", median);
        row.put("cpu_ms_per_solve", cpu0 < 0 ? null : (cpu1 - cpu0) / 1e6 / config.steps());
        row.put("ms_per_iteration", median / last.iterations());
        row.put("kernel", "truncated");
        row.put("iterations", last.iterations());
        row.put("cost", last.cost());
        row.put("marginal_error", last.marginalError());
        row.put("peak_rss_mib", Measurements.peakRssMib());
        row.put("threads", threads);
        row.put("target", config.target());
        return row;
    }
}
