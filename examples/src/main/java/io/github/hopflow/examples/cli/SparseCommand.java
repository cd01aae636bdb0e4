package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.LineChart;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.network.NetworkFiles;
import io.github.hopflow.geometry.sparse.CompetitiveNetwork;
import io.github.hopflow.geometry.sparse.Fista;
import io.github.hopflow.geometry.sparse.PositiveLasso;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code hopflow sparse}: sparse reconstruction by the positive competitive network
 * ({@link CompetitiveNetwork}), checked against FISTA ({@link Fista}).
 */
@Command(
        name = "sparse",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the positive firing-rate competitive network tau x' = -x + ReLU((I - eta D^T D) x + eta D^T u - eta lambda)"
                    + " to its equilibrium, the minimiser of 1/2 |u - D x|^2 + lambda |x|_1 over x >= 0 (eta = 1/|D|_2^2).",
            "Writes DIR/x.csv (n values, one per line), DIR/summary.json (objective, support, iterations, residual of "
                    + "the equilibrium equation, contraction bounds, and FISTA's objective for comparison) and "
                    + "DIR/trajectory.png (the support's firing rates against time).",
        })
public final class SparseCommand implements Callable<Integer> {

    @CommandLine.Mixin
    FigureOptions figures;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dictionary", required = true, paramLabel = "D.csv",
            description = "The dictionary D: m rows of n values, comma-separated, no header.")
    Path dictionary;

    @Option(names = "--signal", required = true, paramLabel = "u.csv", description = "The signal u: m values, one per line.")
    Path signal;

    @Option(names = "--lambda", required = true, paramLabel = "λ", description = "The sparsity weight λ > 0.")
    double lambda;

    @Option(names = "--step", paramLabel = "δ", defaultValue = "0.5",
            description = "Euler step of the network in units of its time constant, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double step;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-9",
            description = "Residual of the equilibrium equation at which the run stops, > 0 (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-iterations", paramLabel = "K", defaultValue = "1000000",
            description = "The most Euler steps, >= 1 (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--force", description = "Replace the files of an earlier run in DIR.")
    boolean force;

    @Option(names = "--json", description = "Print summary.json on stdout instead of the text report.")
    boolean json;

    @Override
    public Integer call() {
        Checks.positive("--lambda", lambda);
        if (!(step > 0 && step <= 1)) {
            throw new IllegalArgumentException("--step must lie in (0, 1], got " + step);
        }
        Checks.positive("--tolerance", tolerance);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("--max-iterations must be >= 1, got " + maxIterations);
        }
        NetworkFiles.DenseMatrix d = CliFiles.read("--dictionary", () -> NetworkFiles.readDense(dictionary));
        double[] u = CliFiles.read("--signal", () -> NetworkFiles.readVector(signal, -1));
        if (u.length != d.rows()) {
            throw new IllegalArgumentException("--signal " + signal + " has " + u.length + " values but --dictionary "
                    + dictionary + " has " + d.rows() + " rows");
        }
        PositiveLasso problem = PositiveLasso.of(d.values(), d.columns(), u, lambda);
        OutputDirectory dir = OutputDirectory.prepare(out, force);
        long start = System.nanoTime();
        CompetitiveNetwork network = CompetitiveNetwork.of(problem);
        CompetitiveNetwork.Equilibrium e = network.run(step, tolerance, maxIterations, 400);
        double seconds = (System.nanoTime() - start) * 1e-9;
        Fista.Solution reference = Fista.solve(problem, tolerance, maxIterations);
        List<Integer> support = new ArrayList<>();
        for (int j = 0; j < e.x().length; j++) {
            if (e.x()[j] > 0) {
                support.add(j + 1);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("objective", e.objective());
        summary.put("support", support);
        summary.put("support_size", support.size());
        summary.put("iterations", e.iterations());
        summary.put("residual", e.residual());
        summary.put("converged", e.converged());
        summary.put("seconds", seconds);
        if (problem.columns() <= 4096) {
            double[] rates = network.contraction();
            summary.put("contraction_l1", rates[0]);
            summary.put("contraction_linf", rates[1]);
        }
        summary.put("fista_objective", reference.objective());
        summary.put("fista_iterations", reference.iterations());
        summary.put("relative_gap", (e.objective() - reference.objective()) / Math.max(Math.abs(reference.objective()),
                Double.MIN_NORMAL));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("dictionary", dictionary.toString());
        parameters.put("signal", signal.toString());
        parameters.put("rows", problem.rows());
        parameters.put("columns", problem.columns());
        parameters.put("lambda", lambda);
        parameters.put("eta", network.eta());
        parameters.put("step", step);
        parameters.put("tolerance", tolerance);
        summary.put("parameters", parameters);
        Path xFile = dir.resolve("x.csv");
        FiringRateCommand.writeVector(xFile, e.x());
        summary = Json.summary(summary);
        Json.write(dir.resolve("summary.json"), summary);
        figures.write(trajectory(e, support), dir, "trajectory");
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.line(summary));
        } else {
            w.printf(Locale.ROOT, "objective %.10g (FISTA %.10g, relative gap %.2g), support %d of %d, %d steps, "
                    + "residual %.2g%s; wrote %s, %s, %s%n", e.objective(), reference.objective(),
                    (double) summary.get("relative_gap"), support.size(), problem.columns(), e.iterations(),
                    e.residual(), e.converged() ? "" : " (not converged: raise --max-iterations)", xFile,
                    dir.resolve("summary.json"), dir.resolve("trajectory.png"));
        }
        w.flush();
        return 0;
    }

    /** The firing rates of the support (at most 12, the largest) against time. */
    private static Figure trajectory(CompetitiveNetwork.Equilibrium e, List<Integer> support) {
        LineChart chart = LineChart.of("Competitive network: firing rates of the support", "time t / τ", "x_i(t)");
        List<Integer> shown = new ArrayList<>(support);
        shown.sort((a, b) -> Double.compare(e.x()[b - 1], e.x()[a - 1]));
        if (shown.size() > 12) {
            shown = shown.subList(0, 12);
        }
        chart.coordinates(e.times(), e.states(), shown.stream().mapToInt(j -> j - 1).toArray());
        if (shown.isEmpty()) {
            chart.line("all x_i = 0", e.times(), new double[e.times().length]);
        }
        return chart.render(900, 560);
    }

}
