package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.bench.BenchConfig;
import io.github.hopflow.examples.bench.ScalingPlot;
import io.github.hopflow.examples.bench.SinkhornBench;
import io.github.hopflow.examples.bench.StepBench;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code hopflow bench}: times the density-flow step (SDE step + proximal step) and Sinkhorn on
 * the configurations of BENCHMARKS.md, one row per configuration.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times the density flow on the paper's example (T = 25, beta = 1/4, h = 1e-4, eps = 0.1; "
                    + "n = 2: scaled Himmelblau, otherwise sum (10x - 5)^2): median milliseconds per step "
                    + "(SDE + proximal step) and per proximal step, and particle-coordinate updates per "
                    + "second of the SDE engine alone; plus W_G by Sinkhorn for N = M = 2000, n = 2, "
                    + "eps = 0.01. Without --particles/--dim, every configuration of BENCHMARKS.md.",
        })
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--particles", paramLabel = "N",
            description = "Only configurations with N particles (a custom one if none matches).")
    Integer particles;

    @Option(names = "--dim", paramLabel = "n",
            description = "Only configurations in n dimensions (a custom one if none matches).")
    Integer dim;

    @Option(names = "--steps", paramLabel = "K",
            description = "Measured steps (Sinkhorn: solves) per configuration; default per configuration "
                    + "(200, 20, 5, 30; Sinkhorn 3).")
    Integer steps;

    @Option(names = "--threads", paramLabel = "P",
            description = "Threads for the engine and the kernels. Default: all processors.")
    Integer threads;

    @Option(names = "--kernel-tolerance", paramLabel = "D", defaultValue = "1e-6",
            description = "Tolerance of the automatic Gibbs kernel (largest log error of a product). "
                    + "Default: ${DEFAULT-VALUE}.")
    double kernelTolerance;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--no-sinkhorn", description = "Skip the Sinkhorn configuration.")
    boolean noSinkhorn;

    @Option(names = "--scaling", description = "Instead of the table: time n = 2 steps for N = "
            + "250 ... 100000 and write the log-log plot to --out.")
    boolean scaling;

    @Option(names = "--sizes", paramLabel = "N1,N2,...", split = ",",
            description = "Particle counts of --scaling. Default: 250,500,1000,2000,5000,10000,20000,50000,100000.")
    List<Integer> sizes;

    @Option(names = "--out", paramLabel = "FILE.png|svg|pdf", defaultValue = "docs/scaling.png",
            description = "Plot file of --scaling, its format by the extension. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out file of --scaling.")
    boolean force;

    @Option(names = "--json", description = "One JSON object per line, with keys particles, dim, ms_per_step, "
            + "ms_per_prox_step, updates_per_second (and more).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int p = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (p < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + p);
        }
        if (!(kernelTolerance >= 1e-13 && kernelTolerance <= 0.1)) {
            throw new IllegalArgumentException("--kernel-tolerance must be in [1e-13, 0.1], got " + kernelTolerance);
        }
        if (particles != null && particles < 2) {
            throw new IllegalArgumentException("--particles must be >= 2, got " + particles);
        }
        if (dim != null && dim < 1) {
            throw new IllegalArgumentException("--dim must be >= 1, got " + dim);
        }
        if (particles != null) {
            Sizes.requireFits("--particles " + particles, Sizes.product(particles, dim == null ? 2 : dim), 8);
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (scaling) {
            return scaling(w, p);
        }
        List<BenchConfig> configs = new ArrayList<>();
        for (BenchConfig c : BenchConfig.TABLE) {
            if ((particles == null || particles == c.particles()) && (dim == null || dim == c.dim())
                    && !(noSinkhorn && c.kind() == BenchConfig.Kind.SINKHORN)) {
                configs.add(steps == null ? c : c.withSteps(steps));
            }
        }
        if (configs.isEmpty()) {
            int n = particles == null ? 500 : particles;
            int d = dim == null ? 2 : dim;
            configs.add(BenchConfig.step(n, d, steps == null ? ScalingPlot.steps(n) : steps, ""));
        }
        if (!json) {
            w.printf(Locale.ROOT, "%-9s %9s %4s %12s %12s %14s %9s %12s  %s%n", "case", "particles", "dim", "ms/step",
                    "ms/prox", "updates/s", "peak MiB", "kernel", "target");
        }
        try (Interruption stop = Interruption.install()) {
            int done = measure(w, configs, p, stop);
            if (stop.requested()) {
                spec.commandLine().getErr().printf(Locale.ROOT, "hopflow bench: interrupted; %d of %d configurations"
                        + " measured%n", done, configs.size());
                spec.commandLine().getErr().flush();
                return 130;
            }
        }
        return 0;
    }

    /** Measures the configurations in order until {@code stop}; returns how many were reported. */
    private int measure(PrintWriter w, List<BenchConfig> configs, int p, Interruption stop) {
        int done = 0;
        for (BenchConfig c : configs) {
            if (stop.requested()) {
                break;
            }
            Map<String, Object> row = c.kind() == BenchConfig.Kind.STEP
                    ? StepBench.run(c, kernelTolerance, p, seed, stop)
                    : SinkhornBench.run(c, p, seed);
            if (row == null) {
                break;
            }
            done++;
            if (json) {
                w.println(Json.line(row));
            } else if (c.kind() == BenchConfig.Kind.STEP) {
                w.printf(Locale.ROOT, "%-9s %9d %4d %12.3f %12.3f %14.4g %9.0f %12s  %s%n", "step", c.particles(),
                        c.dim(), row.get("ms_per_step"), row.get("ms_per_prox_step"), row.get("updates_per_second"),
                        row.get("peak_rss_mib"), row.get("kernel"), c.target());
            } else {
                w.printf(Locale.ROOT, "%-9s %9d %4d %12s %12s %14s %9.0f %12s  %s: %.1f ms per solve, %s iterations%n",
                        "sinkhorn", c.particles(), c.dim(), "-", "-", "-", row.get("peak_rss_mib"), "-", c.target(),
                        row.get("ms_per_solve"), row.get("iterations"));
            }
            w.flush();
        }
        return done;
    }

    private int scaling(PrintWriter w, int p) throws Exception {
        List<Integer> list = sizes == null ? ScalingPlot.SIZES : sizes;
        for (int count : list) {
            if (count < 2) {
                throw new IllegalArgumentException("--sizes entries must be >= 2, got " + count);
            }
        }
        if (out.toString().isBlank()) {
            throw new IllegalArgumentException("--out must name a file, got an empty path");
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a directory; name the figure file to write");
        }
        io.github.hopflow.examples.plot.FigureFormat format = io.github.hopflow.examples.plot.FigureFormat.ofFile(out);
        if (format == null) {
            throw new IllegalArgumentException("--out " + out + " must end in .png, .svg or .pdf");
        }
        if (Files.exists(out) && !force) {
            throw new IllegalArgumentException("--out " + out + " already exists; pass --force to replace it");
        }
        if (!Files.exists(out)) {
            io.github.hopflow.examples.output.OutputDirectory.requireCreatable("--out", out);
        }
        double[] n = new double[list.size()];
        double[] step = new double[n.length];
        double[] prox = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            int count = list.get(i);
            BenchConfig c = BenchConfig.step(count, 2, steps == null ? ScalingPlot.steps(count) : steps, "");
            Map<String, Object> row = StepBench.run(c, kernelTolerance, p, seed);
            n[i] = count;
            step[i] = (Double) row.get("ms_per_step");
            prox[i] = (Double) row.get("ms_per_prox_step");
            if (json) {
                w.println(Json.line(row));
            } else {
                w.printf(Locale.ROOT, "N = %6d: %10.3f ms per step, %10.3f ms per proximal step (%s)%n", count,
                        step[i], prox[i], row.get("kernel"));
            }
            w.flush();
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ScalingPlot.write(n, step, prox, String.format(Locale.ROOT,
                "hopflow density-flow step, n = 2, %d threads, automatic kernel (tolerance %.0e)", p, kernelTolerance),
                out, format);
        if (!json) {
            w.println("wrote " + out);
        }
        return 0;
    }
}
