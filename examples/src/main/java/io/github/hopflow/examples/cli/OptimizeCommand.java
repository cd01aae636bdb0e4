package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.optimize.EcdfChart;
import io.github.hopflow.examples.optimize.Experiment;
import io.github.hopflow.examples.optimize.GradientCost;
import io.github.hopflow.examples.optimize.Methods;
import io.github.hopflow.examples.optimize.Optimizer;
import io.github.hopflow.examples.optimize.Problem;
import io.github.hopflow.examples.optimize.Report;
import io.github.hopflow.examples.optimize.ResultsCsv;
import io.github.hopflow.examples.optimize.RunResult;
import io.github.hopflow.examples.optimize.Summary;
import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.objective.Objective;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code hopflow optimize}: the diffusion machine against standard optimisers on the built-in
 * objectives, at equal evaluation budgets.
 */
@Command(
        name = "optimize",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares global optimisers (the diffusion machine among them) on built-in objectives at equal cost.",
            "Writes DIR/results.csv "
                    + "(one row per objective x dim x method x run), DIR/summary.json (success rate, median "
                    + "evaluations to target, average running time per method and problem) and DIR/ecdf.png "
                    + "(fraction of (problem, run) pairs solved against evaluations, one curve per method).",
            "The budget counts objective evaluations; an analytic gradient costs 1 evaluation "
                    + "(--gradient-cost auto) or n (--gradient-cost dimension), a numerical one the 2n evaluations "
                    + "of its central difference, each charged. A run stops before it would exceed the budget, or as soon "
                    + "as its best value is within --target of the known minimum.",
            "Run r of every method uses a random stream derived from (--seed, r) only: results do not "
                    + "depend on --threads.",
        })
public final class OptimizeCommand implements Callable<Integer> {

    @CommandLine.Mixin
    FigureOptions figures;

    /** The default objectives. */
    static final String DEFAULT_OBJECTIVES = "himmelblau,rastrigin,ackley";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--objective", split = ",", paramLabel = "NAME",
            description = "Objectives, comma-separated (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_OBJECTIVES)
    List<String> objectives;

    @Option(names = "--dim", split = ",", paramLabel = "n",
            description = "Dimensions, comma-separated; every objective runs in every dimension "
                    + "(default: ${DEFAULT-VALUE}).", defaultValue = "2")
    List<Integer> dims;

    @Option(names = "--method", split = ",", paramLabel = "M",
            description = "Methods, comma-separated, from: ${COMPLETION-CANDIDATES} (default: all).",
            completionCandidates = MethodNames.class)
    List<String> methods;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "10",
 description = "Independent runs per objective, dimension and method, 1 to " + MAX_RUNS + " (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--budget", paramLabel = "E", defaultValue = "20000",
            description = "Evaluations per run (default: ${DEFAULT-VALUE}).")
    long budget;

    @Option(names = "--target", paramLabel = "DELTA", defaultValue = "1e-3",
            description = "A run succeeds when best value - known minimum <= DELTA, an absolute tolerance "
                    + "(default: ${DEFAULT-VALUE}).")
    double target;



    @Option(names = "--minimum", paramLabel = "F",
            description = "The global minimum f* of your own objective (expr, class) or of a network energy, which "
                    + "hopflow does not know; the target is then best value - F <= --target.")
    Double minimum;

    @Mixin
    ObjectiveOptions objectiveOptions;

    @Option(names = "--gradient-cost", paramLabel = "auto|dimension", defaultValue = "auto",
            description = "How an analytic gradient is charged: auto = 1, dimension = n; a numerical one costs 2n "
                    + "either way (default: ${DEFAULT-VALUE}).")
    String gradientCost;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (required).")
    Path out;



    @Option(names = "--json", description = "Print summary.json on stdout instead of the table.")
    boolean json;

    @Option(names = "--baseline", paramLabel = "FILE.csv",
            description = "Rows of another optimiser in the schema of results.csv (docs/bench/dual_annealing.py writes "
                    + "them), merged into results.csv, the summary and the ECDF figure; rows of problems not in this "
                    + "experiment are left out.")
    Path baseline;

    /** The method names, for the help text. */
    static final class MethodNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        MethodNames() {
            super(Methods.names());
        }
    }

    @Mixin
    RunControl control;

    /** The most runs per problem and method. */
    static final int MAX_RUNS = 100_000;

    @Override
    public Integer call() {
        Experiment experiment = experiment();
        List<RunResult> baselineRows = baseline == null ? List.of() : baselineRows(experiment);
        int k = control.threads();
        OutputDirectory dir = OutputDirectory.prepare(out, control.force());
        long start = System.nanoTime();
        List<RunResult> results;
        boolean cancelled;
        try (Interruption stop = Interruption.install();
                Progress bar = Progress.start("optimize", experiment.size(), control.quiet())) {
            results = new ArrayList<>(experiment.run(k, stop, bar::stepTo));
            results.addAll(baselineRows);
            bar.close();
            cancelled = stop.requested();
            double wall = (System.nanoTime() - start) * 1e-9;
            write(dir, experiment, results, k, wall, cancelled);
        }
        return cancelled ? 130 : 0;
    }

    private void write(OutputDirectory dir, Experiment experiment, List<RunResult> results, int k, double wall,
            boolean cancelled) {
        List<Path> written = new ArrayList<>();
        written.add(dir.resolve("results.csv"));
        ResultsCsv.write(written.get(0), results);
        Map<String, Object> summary = Json.summary(Report.summary(experiment, results, k, wall, cancelled));
        if (baseline != null) {
            summary.put("baseline", baseline.toString());
            summary.put("baseline_rows", results.stream().filter(r -> experiment.methods().stream()
                    .noneMatch(m -> m.name().equals(r.method()))).count());
        }
        written.add(dir.resolve("summary.json"));
        Json.write(written.get(1), summary);
        if (!results.isEmpty()) {
            written.add(dir.resolve(figures.format().file("ecdf")));
            EcdfChart.write(written.get(2), figures.format(), results, experiment.budget(), experiment.target());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.line(summary));
        } else {
            printTable(w, results, wall, cancelled, written);
        }
        w.flush();
    }

    private void printTable(PrintWriter w, List<RunResult> results, double wall, boolean cancelled, List<Path> written) {
        w.printf(Locale.ROOT, "%-18s %-15s %8s %14s %12s %12s %12s%n", "problem", "method", "success",
                "median_evals", "aRT", "median_err", "estimate_err");
        Summary.byProblemAndMethod(results).forEach((problem, byMethod) -> byMethod.forEach((method, s) ->
                w.printf(Locale.ROOT, "%-18s %-15s %3d/%-4d %14s %12s %12.3g %12s%n", problem, method, s.successes(),
                        s.runs(), Double.isNaN(s.medianEvaluationsToTarget()) ? "-"
                                : String.format(Locale.ROOT, "%.0f", s.medianEvaluationsToTarget()),
                        Double.isInfinite(s.averageRunningTime()) ? "-"
                                : String.format(Locale.ROOT, "%.0f", s.averageRunningTime()),
                        s.medianError(), Double.isNaN(s.medianEstimateError()) ? "-"
                                : String.format(Locale.ROOT, "%.3g", s.medianEstimateError()))));
        w.printf(Locale.ROOT, "estimate_err: error of the method's own answer besides the best point seen "
                + "(paper: the particle of highest density when the run ended)%n");
        w.printf(Locale.ROOT, "%d runs in %.1f s%s; wrote %s%n", results.size(), wall,
                cancelled ? " (cancelled: unfinished runs left out)" : "",
                written.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", ")));
    }

    /** The baseline file's rows on this experiment's problems. */
    private List<RunResult> baselineRows(Experiment experiment) {
        if (!java.nio.file.Files.isRegularFile(baseline)) {
            throw new IllegalArgumentException("--baseline " + baseline + " does not exist or is not a file");
        }
        List<RunResult> rows = CliFiles.read("--baseline", () -> ResultsCsv.read(baseline));
        java.util.Set<String> problems = new java.util.HashSet<>();
        experiment.problems().forEach(p -> problems.add(p.objective() + "-" + p.dimension()));
        java.util.Set<String> ours = new java.util.HashSet<>();
        experiment.methods().forEach(m -> ours.add(m.name()));
        List<RunResult> kept = new ArrayList<>();
        for (RunResult r : rows) {
            if (ours.contains(r.method())) {
                throw new IllegalArgumentException("--baseline " + baseline + " holds rows of method " + r.method()
                        + ", which this experiment runs itself; give the baseline's rows only");
            }
            if (problems.contains(r.problemLabel())) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** Validates the options and builds the experiment. */
    Experiment experiment() {
        if (runs <= 0 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("--runs must be in [1, " + MAX_RUNS + "], got " + runs);
        }
        if (budget <= 0) {
            throw new IllegalArgumentException("--budget must be > 0, got " + budget);
        }
        Checks.positive("--target", target);
        List<Problem> problems = new ArrayList<>();
        boolean minimumUsed = false;
        List<String> names = objectiveOptions.selectsClass() ? List.of("class") : objectives;
        for (String name : new LinkedHashSet<>(names)) {
            for (int n : new LinkedHashSet<>(dims)) {
                if (n <= 0) {
                    throw new IllegalArgumentException("--dim must be > 0, got " + n);
                }
                Objective f;
                try {
                    int dimension = objectiveOptions.dimension(name, n);
                    f = objectiveOptions.objective(name, dimension);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--objective " + name + " --dim " + n + ": " + e.getMessage(), e);
                }
                if (f.globalMinimum().isPresent()) {
                    problems.add(new Problem(f.name(), f.dimension(), f));
                } else if (minimum != null) {
                    problems.add(Problem.withMinimum(f, minimum));
                    minimumUsed = true;
                } else {
                    throw new IllegalArgumentException("--objective " + name + " has no known global minimum; give it"
                            + " with --minimum F (a run succeeds when its best value - F <= --target)");
                }
            }
        }
        if (minimum != null && !minimumUsed) {
            throw new IllegalArgumentException("--minimum applies to objectives without a known minimum (expr, class, "
                    + "network energies); every --objective here has its own");
        }
        List<Optimizer> chosen = new ArrayList<>();
        if (methods == null || methods.isEmpty()) {
            chosen.addAll(Methods.all());
        } else {
            for (String m : new LinkedHashSet<>(methods)) {
                try {
                    chosen.add(Methods.byName(m));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--method: " + e.getMessage(), e);
                }
            }
        }
        return Experiment.of(problems, chosen, runs, budget, target, control.seed(), GradientCost.parse(gradientCost));
    }
}
