package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.maxcut.MaxCutSearch;
import io.github.hopflow.examples.output.AtomicFiles;
import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.geometry.network.CutSearch;
import io.github.hopflow.geometry.network.NetworkFiles;
import io.github.hopflow.geometry.network.WeightedGraph;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hopflow maxcut}: the best cut of a weighted graph by the annealed diffusion machine
 * ({@link MaxCutSearch}), or by the single-flip simulated-annealing baseline
 * ({@link CutSearch#anneal}).
 */
@Command(
        name = "maxcut",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Finds a large cut of a weighted graph in G-set text format (a line 'n m', then m lines 'i j w', nodes 1-based).",
            "--method diffusion (default): N particles of the diffusion machine on the spin relaxation "
                    + "f(x) = -cut(2x - 1) under the Hopfield metric 4βx(1 - x), annealed geometrically, rounded "
                    + "(side = [x >= 1/2]) and polished by single-flip local search at checkpoints; the budget "
                    + "counts gradients (one sparse product each) and polishes.",
            "--method annealing: the baseline, --restarts runs of single-flip simulated annealing "
                    + "(--sweeps sweeps, temperature geometric from 3 to 0.05), each polished; a sweep (one pass "
                    + "over the edges) counts one evaluation.",
            "Prints the best cut; with --out DIR writes DIR/partition.csv (one 0/1 per node, in file order) "
                    + "and DIR/summary.json.",
        })
public final class MaxCutCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GRAPH", description = "The graph file (G-set text format).")
    Path graphFile;

    @Option(names = "--method", paramLabel = "diffusion|annealing", defaultValue = "diffusion",
            description = "The search (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--budget", paramLabel = "E",
            description = "Evaluations for --method diffusion (default: " + DEFAULT_BUDGET + ").")
    Long budget;

    @Option(names = "--particles", paramLabel = "N",
            description = "Particles for --method diffusion (default: " + DEFAULT_PARTICLES + ").")
    Integer particles;

    @Option(names = "--restarts", paramLabel = "R", description = "Runs for --method annealing (default: 8).")
    Integer restarts;

    @Option(names = "--sweeps", paramLabel = "S", description = "Sweeps per run for --method annealing (default: 3000).")
    Integer sweeps;

    @Option(names = "--json", description = "Print one JSON object (cut, partition, evaluations, seconds, ...) instead of text.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Writes partition.csv and summary.json into DIR.")
    Path out;

    @Mixin
    RunControl control;

    static final long DEFAULT_BUDGET = 400_000;
    static final int DEFAULT_PARTICLES = 16;

    @Override
    public Integer call() {
        boolean diffusion = switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "diffusion" -> true;
            case "annealing" -> false;
            default -> throw new IllegalArgumentException("--method must be diffusion or annealing, got " + method);
        };
        if (diffusion && (restarts != null || sweeps != null)) {
            throw new IllegalArgumentException((restarts != null ? "--restarts" : "--sweeps")
                    + " applies to --method annealing only");
        }
        if (!diffusion && (budget != null || particles != null)) {
            throw new IllegalArgumentException((budget != null ? "--budget" : "--particles")
                    + " applies to --method diffusion only");
        }
        MaxCutSearch.Settings d = MaxCutSearch.Settings.defaults();
        int count = particles == null ? DEFAULT_PARTICLES : particles;
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("--particles must be in [1, 1000000], got " + count);
        }
        MaxCutSearch search = MaxCutSearch.of(new MaxCutSearch.Settings(count, d.beta(), d.startTemperature(),
                d.endTemperature(), d.step(), d.checkpoints()));
        long evaluationBudget = budget == null ? DEFAULT_BUDGET : budget;
        if (diffusion && evaluationBudget < search.minimumBudget()) {
            throw new IllegalArgumentException("--budget must be >= " + search.minimumBudget() + " with "
                    + count + " particles, got " + evaluationBudget);
        }
        int runs = restarts == null ? 8 : restarts;
        int sweepCount = sweeps == null ? 3000 : sweeps;
        if (runs < 1 || runs > 100_000) {
            throw new IllegalArgumentException("--restarts must be in [1, 100000], got " + runs);
        }
        if (sweepCount < 1) {
            throw new IllegalArgumentException("--sweeps must be >= 1, got " + sweepCount);
        }
        int threads = control.threads();
        WeightedGraph graph;
        try {
            graph = NetworkFiles.readGraph(graphFile);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("GRAPH: " + e.getMessage(), e);
        }
        if (diffusion) {
            Sizes.requireFits("--particles " + count + " on " + graph.nodes() + " nodes",
                    Sizes.product(count, graph.nodes()), 8);
        }
        OutputDirectory dir = out == null ? null : OutputDirectory.prepare(out, control.force());
        long start = System.nanoTime();
        Map<String, Object> summary = new LinkedHashMap<>();
        int[] partition;
        double cut;
        boolean cancelled;
        try (Interruption stop = Interruption.install();
                Progress bar = Progress.start("maxcut", diffusion ? evaluationBudget : runs, control.quiet())) {
            UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(control.seed());
            if (diffusion) {
                MaxCutSearch.Result r = search.solve(graph, evaluationBudget, rng, threads, bar::stepTo, stop);
                partition = r.partition();
                cut = r.cut();
                summary.put("cut", cut);
                summary.put("evaluations", r.evaluations());
                summary.put("flips", r.flips());
                summary.put("steps", r.steps());
                summary.put("field_scale", r.fieldScale());
                summary.put("budget", evaluationBudget);
                summary.put("particles", count);
            } else {
                partition = null;
                cut = Double.NEGATIVE_INFINITY;
                List<Double> cuts = new ArrayList<>();
                for (int r = 0; r < runs && !stop.requested(); r++) {
                    // run r's stream depends on (seed, r) only
                    UniformRandomProvider runRandom = RandomSource.L64_X128_MIX.create(new long[] {control.seed(), r});
                    int[] side = CutSearch.anneal(graph, sweepCount, 3.0, 0.05, runRandom);
                    double c = graph.cut(side);
                    cuts.add(c);
                    if (c > cut) {
                        cut = c;
                        partition = side;
                    }
                    bar.stepTo(r + 1);
                }
                summary.put("cut", cut);
                summary.put("evaluations", (long) cuts.size() * sweepCount);
                summary.put("run_cuts", cuts);
                summary.put("restarts", runs);
                summary.put("sweeps", sweepCount);
            }
            cancelled = stop.requested();
            double seconds = (System.nanoTime() - start) * 1e-9;
            summary.put("seconds", seconds);
            summary.put("method", diffusion ? "diffusion" : "annealing");
            summary.put("graph", graphFile.toString());
            summary.put("nodes", graph.nodes());
            summary.put("edges", graph.edges());
            summary.put("total_weight", graph.totalWeight());
            summary.put("seed", control.seed());
            summary.put("threads", threads);
            summary.put("cancelled", cancelled);
            if (partition == null) {
                // cancelled before the first annealing run ended
                partition = new int[graph.nodes()];
                cut = 0;
                summary.put("cut", cut);
            }
            summary = Json.summary(summary);
            if (dir != null) {
                writePartition(dir.resolve("partition.csv"), partition);
                Json.write(dir.resolve("summary.json"), summary);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>(summary);
            line.put("partition", partition);
            w.println(Json.line(line));
        } else {
            w.printf(Locale.ROOT, "cut %s of total weight %s (%d nodes, %d edges), %s, %d evaluations, %.1f s%s%s%n",
                    number(cut), number(graph.totalWeight()), graph.nodes(), graph.edges(), summary.get("method"),
                    (long) summary.get("evaluations"), (double) summary.get("seconds"),
                    cancelled ? " (cancelled)" : "", dir == null ? "" : "; wrote " + dir.path().resolve("partition.csv")
                            + ", " + dir.path().resolve("summary.json"));
        }
        w.flush();
        return cancelled ? 130 : 0;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    private static void writePartition(Path file, int[] side) {
        AtomicFiles.writeText(file, w -> {
            for (int s : side) {
                w.write(s == 0 ? "0\n" : "1\n");
            }
        });
    }
}
