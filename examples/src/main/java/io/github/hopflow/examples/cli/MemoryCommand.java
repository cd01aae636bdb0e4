package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.memory.RecallExperiment;
import io.github.hopflow.examples.output.AtomicFiles;
import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.LineChart;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.network.NetworkFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code hopflow memory}: recall in a Hopfield associative memory against load and cue noise. */
@Command(
        name = "memory",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Stores patterns with Hebbian weights W = (1/n) sum xi xi^T (zero diagonal) and recalls pattern 1 from a cue "
                    + "with a fraction p of its bits flipped, by the deterministic Hopfield network and by the diffusion "
                    + "machine at low temperature, on the energy -1/2 s^T W s of s = 2x - 1.",
            "Writes DIR/recall.csv (patterns, load, noise, method, mean_overlap, perfect_fraction, trials), "
                    + "DIR/summary.json (the settings, and per method and noise the load where the mean overlap first "
                    + "falls below 0.9) and DIR/recall.png (mean overlap against load); prints the table.",
            "The classic capacity of the zero-temperature network is a load of about 0.138.",
        })
public final class MemoryCommand implements Callable<Integer> {

    @CommandLine.Mixin
    FigureOptions figures;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--patterns", paramLabel = "P.csv",
            description = "Patterns to store, one per row, entries 0/1 or -1/+1 (no header); else random ones.")
    Path patterns;

    @Option(names = "--units", paramLabel = "n", description = "Units of random patterns, 2 to 5000 (default: 200).")
    Integer units;

    @Option(names = "--loads", split = ",", paramLabel = "K/n",
            description = "Loads K/n of random patterns, each in (0, 1] (default: 0.025,0.05,0.075,0.1,0.125,0.15,0.175,0.2).")
    List<Double> loads;

    @Option(names = "--noise", split = ",", paramLabel = "p", defaultValue = "0.1,0.2,0.3",
            description = "Fractions of flipped cue bits, each in [0, 0.5) (default: ${DEFAULT-VALUE}).")
    List<Double> noises;

    @Option(names = "--trials", paramLabel = "R", defaultValue = "20",
            description = "Trials per load and noise, 1 to 100000 (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.05",
            description = "Temperature of the diffusion machine, > 0 (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--beta", paramLabel = "β", defaultValue = "0.25",
            description = "Gain of the activation (metric 4 beta x(1 - x)), > 0 (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--step", paramLabel = "h", defaultValue = "0.1",
            description = "Step of both dynamics, > 0 (default: ${DEFAULT-VALUE}).")
    double step;

    @Option(names = "--time", paramLabel = "t", defaultValue = "40",
            description = "Duration of a recall, > 0 (default: ${DEFAULT-VALUE}).")
    double time;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--json", description = "Print summary.json on stdout instead of the table.")
    boolean json;

    @Mixin
    RunControl control;

    static final double[] DEFAULT_LOADS = {0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2};

    @Override
    public Integer call() {
        if (patterns != null && (units != null || loads != null)) {
            throw new IllegalArgumentException((units != null ? "--units" : "--loads")
                    + " applies to random patterns only (leave out --patterns)");
        }
        int[][] stored = patterns == null ? null : readPatterns();
        int n = stored != null ? stored[0].length : units == null ? 200 : units;
        if (n < 2 || n > 5000) {
            throw new IllegalArgumentException("--units must be in [2, 5000], got " + n);
        }
        double[] loadValues = loads == null ? DEFAULT_LOADS : loads.stream().mapToDouble(Double::doubleValue).toArray();
        for (double l : loadValues) {
            if (!(l > 0 && l <= 1)) {
                throw new IllegalArgumentException("--loads must lie in (0, 1], got " + l);
            }
        }
        double[] noiseValues = new LinkedHashSet<>(noises).stream().mapToDouble(Double::doubleValue).toArray();
        for (double p : noiseValues) {
            if (!(p >= 0 && p < 0.5)) {
                throw new IllegalArgumentException("--noise must lie in [0, 0.5), got " + p);
            }
        }
        if (trials < 1 || trials > 100_000) {
            throw new IllegalArgumentException("--trials must be in [1, 100000], got " + trials);
        }
        Checks.positive("--temperature", temperature);
        Checks.positive("--beta", beta);
        Checks.positive("--step", step);
        Checks.positive("--time", time);
        if (time / step > 1e7) {
            throw new IllegalArgumentException("--time / --step must be at most 1e7 steps, got " + time / step);
        }
        RecallExperiment.Settings settings = new RecallExperiment.Settings(n, loadValues, stored, noiseValues, trials,
                temperature, beta, step, time, control.seed());
        OutputDirectory dir = OutputDirectory.prepare(out, control.force());
        int cellsTotal = (stored != null ? 1 : loadValues.length) * noiseValues.length;
        long start = System.nanoTime();
        List<RecallExperiment.Cell> cells;
        boolean cancelled;
        Map<String, Object> summary = new LinkedHashMap<>();
        try (Interruption stop = Interruption.install();
                Progress bar = Progress.start("memory", cellsTotal, control.quiet())) {
            cells = RecallExperiment.run(settings, bar::stepTo, stop);
            cancelled = stop.requested();
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("units", n);
            parameters.put("patterns", patterns == null ? "random" : patterns.toString());
            parameters.put("loads", stored != null ? new double[] {(double) stored.length / n} : loadValues);
            parameters.put("noise", noiseValues);
            parameters.put("trials", trials);
            parameters.put("temperature", temperature);
            parameters.put("beta", beta);
            parameters.put("step", step);
            parameters.put("time", time);
            parameters.put("seed", control.seed());
            summary.put("parameters", parameters);
            Map<String, Object> breakdown = new LinkedHashMap<>();
            for (String method : List.of("hopfield", "diffusion")) {
                Map<String, Object> byNoise = new LinkedHashMap<>();
                for (double p : noiseValues) {
                    double b = RecallExperiment.breakdown(cells, method, p);
                    byNoise.put(Double.toString(p), Double.isNaN(b) ? null : b);
                }
                breakdown.put(method, byNoise);
            }
            summary.put("breakdown_load", breakdown);
            summary.put("cells", cells.size() / 2);
            summary.put("cancelled", cancelled);
            summary.put("seconds", (System.nanoTime() - start) * 1e-9);
            writeCsv(dir.resolve("recall.csv"), cells);
            summary = Json.summary(summary);
            Json.write(dir.resolve("summary.json"), summary);
            figures.write(figure(cells, noiseValues), dir, "recall");
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.line(summary));
        } else {
            w.printf(Locale.ROOT, "%8s %6s %6s %-10s %12s %8s%n", "patterns", "load", "noise", "method", "mean_overlap",
                    "perfect");
            for (RecallExperiment.Cell c : cells) {
                w.printf(Locale.ROOT, "%8d %6.3f %6.2f %-10s %12.4f %8.2f%n", c.patterns(), c.load(), c.noise(),
                        c.method(), c.meanOverlap(), c.perfectFraction());
            }
            w.printf(Locale.ROOT, "load where the mean overlap first falls below 0.9 (by method, then noise): %s%n",
                    summary.get("breakdown_load"));
            w.printf(Locale.ROOT, "%swrote %s, %s, %s%n", cancelled ? "cancelled; " : "", dir.resolve("recall.csv"),
                    dir.resolve("summary.json"), dir.resolve("recall.png"));
        }
        w.flush();
        return cancelled ? 130 : 0;
    }

    private int[][] readPatterns() {
        NetworkFiles.DenseMatrix m = CliFiles.read("--patterns", () -> NetworkFiles.readDense(patterns));
        if (m.columns() < 2) {
            throw new IllegalArgumentException("--patterns " + patterns + ": patterns need at least 2 units, got "
                    + m.columns());
        }
        boolean binary = true;
        for (double v : m.values()) {
            binary &= v == 0 || v == 1;
        }
        int[][] xi = new int[m.rows()][m.columns()];
        for (int mu = 0; mu < m.rows(); mu++) {
            for (int i = 0; i < m.columns(); i++) {
                double v = m.values()[mu * m.columns() + i];
                if (binary) {
                    xi[mu][i] = v == 1 ? 1 : -1;
                } else if (v == 1 || v == -1) {
                    xi[mu][i] = (int) v;
                } else {
                    throw new IllegalArgumentException("--patterns " + patterns + ": row " + (mu + 1) + " entry "
                            + (i + 1) + " is " + v + "; entries must be all 0/1 or all -1/+1");
                }
            }
        }
        return xi;
    }

    private static Figure figure(List<RecallExperiment.Cell> cells, double[] noiseValues) {
        LineChart chart = LineChart.of("Associative recall against load", "load K/n", "mean overlap with the pattern");
        for (String method : List.of("hopfield", "diffusion")) {
            for (double p : noiseValues) {
                List<RecallExperiment.Cell> line = cells.stream()
                        .filter(c -> c.method().equals(method) && c.noise() == p).toList();
                if (!line.isEmpty()) {
                    chart.line(String.format(Locale.ROOT, "%s, p = %.2f", method, p),
                            line.stream().mapToDouble(RecallExperiment.Cell::load).toArray(),
                            line.stream().mapToDouble(RecallExperiment.Cell::meanOverlap).toArray());
                }
            }
        }
        chart.line("capacity 0.138 (zero temperature)", new double[] {0.138, 0.138}, new double[] {0, 1});
        // the curves start at 1 on the left and fall to the right: the lower left is free
        return chart.render(900, 560);
    }

    private static void writeCsv(Path file, List<RecallExperiment.Cell> cells) {
        AtomicFiles.writeText(file, w -> {
            w.write("patterns,load,noise,method,mean_overlap,perfect_fraction,trials\n");
            for (RecallExperiment.Cell c : cells) {
                w.write(String.format(Locale.ROOT, "%d,%.6g,%.6g,%s,%.6g,%.6g,%d%n", c.patterns(), c.load(), c.noise(),
                        c.method(), c.meanOverlap(), c.perfectFraction(), c.trials()));
            }
        });
    }
}
