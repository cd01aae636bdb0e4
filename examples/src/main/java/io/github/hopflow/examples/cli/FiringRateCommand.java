package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.output.AtomicFiles;
import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.examples.plot.LineChart;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.network.FiringRateNetwork;
import io.github.hopflow.geometry.network.NetworkFiles;
import io.github.hopflow.geometry.network.Transfer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code hopflow firing-rate}: a firing-rate network with weights from files, to its equilibrium. */
@Command(
        name = "firing-rate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the firing-rate network x' = -x + Phi(W x + B u) from x0 until the residual |-x + Phi(Wx + Bu)|_2 "
                    + "falls below --tolerance, and reports its contraction bounds (one-sided Lipschitz constants "
                    + "in the l1 and l-infinity norms, plain and Perron-weighted, and an l2 bound).",
            "Matrices are CSV (one row per line) or Matrix Market files; vectors one value per line.",
            "Writes DIR/x.csv (the final state), DIR/summary.json and DIR/trajectory.png.",
        })
public final class FiringRateCommand implements Callable<Integer> {

    @CommandLine.Mixin
    FigureOptions figures;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--weights", required = true, paramLabel = "W", description = "Synaptic weights W, n x n.")
    Path weights;

    @Option(names = "--input-weights", paramLabel = "B", description = "Input weights B, n x m (default: I).")
    Path inputWeights;

    @Option(names = "--input", paramLabel = "u.csv", description = "The constant input u (default: 0).")
    Path input;

    @Option(names = "--transfer", paramLabel = "PHI", defaultValue = "relu",
            description = "Transfer function: relu, tanh, logistic, identity (default: ${DEFAULT-VALUE}).")
    String transfer;

    @Option(names = "--from", paramLabel = "x0.csv", description = "Start state, n values (default: 0).")
    Path from;

    @Option(names = "--step", paramLabel = "h", defaultValue = "0.1",
            description = "Euler step, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double step;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-9",
            description = "Residual at which the run stops, > 0 (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-steps", paramLabel = "K", defaultValue = "1000000",
            description = "The most Euler steps, >= 1 (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--force", description = "Replace the files of an earlier run in DIR.")
    boolean force;

    @Option(names = "--json", description = "Print summary.json on stdout instead of the text report.")
    boolean json;

    /** The largest network: W is dense. */
    static final int MAX_UNITS = 4096;

    @Override
    public Integer call() {
        Transfer phi;
        try {
            phi = Transfer.byName(transfer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--transfer: " + e.getMessage(), e);
        }
        if (!(step > 0 && step <= 1)) {
            throw new IllegalArgumentException("--step must lie in (0, 1], got " + step);
        }
        Checks.positive("--tolerance", tolerance);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("--max-steps must be >= 1, got " + maxSteps);
        }
        if (inputWeights != null && input == null) {
            throw new IllegalArgumentException("--input-weights needs --input");
        }
        NetworkFiles.DenseMatrix w = CliFiles.read("--weights", () -> NetworkFiles.readAnyDense(weights));
        if (w.rows() != w.columns()) {
            throw new IllegalArgumentException("--weights " + weights + " must be square, got " + w.rows() + " x "
                    + w.columns());
        }
        int n = w.rows();
        if (n > MAX_UNITS) {
            throw new IllegalArgumentException("--weights " + weights + " has " + n + " units; at most " + MAX_UNITS);
        }
        NetworkFiles.DenseMatrix b = inputWeights == null ? null
                : CliFiles.read("--input-weights", () -> NetworkFiles.readAnyDense(inputWeights));
        double[] u = input == null ? null : CliFiles.read("--input", () -> NetworkFiles.readVector(input, b == null ? n : b.columns()));
        if (b != null && b.rows() != n) {
            throw new IllegalArgumentException("--input-weights " + inputWeights + " has " + b.rows() + " rows, --weights has "
                    + n + " units");
        }
        double[] x0 = from == null ? new double[n] : CliFiles.read("--from", () -> NetworkFiles.readVector(from, n));
        FiringRateNetwork net = FiringRateNetwork.of(w.values(), b == null ? null : b.values(), u, phi);
        OutputDirectory dir = OutputDirectory.prepare(out, force);
        long start = System.nanoTime();
        FiringRateNetwork.Run run = net.run(x0, step, tolerance, maxSteps, 400);
        FiringRateNetwork.Contraction c = net.contraction();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("residual", run.residual());
        summary.put("converged", run.converged());
        summary.put("steps", run.steps());
        summary.put("time", run.steps() * step);
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("l1", c.l1());
        rates.put("linf", c.infinity());
        rates.put("l1_weighted", c.l1Weighted());
        rates.put("linf_weighted", c.infinityWeighted());
        rates.put("l2_bound", c.l2Bound());
        rates.put("weights", c.weights());
        summary.put("contraction", rates);
        summary.put("contracting", Math.min(Math.min(c.l1(), c.infinity()),
                Math.min(Math.min(c.l1Weighted(), c.infinityWeighted()), c.l2Bound())) < 0);
        summary.put("seconds", (System.nanoTime() - start) * 1e-9);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("weights", weights.toString());
        parameters.put("input_weights", inputWeights == null ? null : inputWeights.toString());
        parameters.put("input", input == null ? null : input.toString());
        parameters.put("transfer", phi.cliName());
        parameters.put("units", n);
        parameters.put("step", step);
        parameters.put("tolerance", tolerance);
        summary.put("parameters", parameters);
        writeVector(dir.resolve("x.csv"), run.x());
        summary = Json.summary(summary);
        Json.write(dir.resolve("summary.json"), summary);
        LineChart chart = LineChart.of("Firing-rate network", "time t", "x_i(t)")
                .coordinates(run.times(), run.states(), java.util.stream.IntStream.range(0, Math.min(n, 12)).toArray());
        figures.write(chart.render(900, 560), dir, "trajectory");
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(Json.line(summary));
        } else {
            pw.printf(Locale.ROOT, "%s after %d steps (t = %.4g), residual %.3g; contraction bounds l1 %.4g, linf %.4g, "
                    + "weighted l1 %.4g, weighted linf %.4g, l2 %.4g; wrote %s%n",
                    run.converged() ? "equilibrium" : "not converged (raise --max-steps)", run.steps(),
                    run.steps() * step, run.residual(), c.l1(), c.infinity(), c.l1Weighted(), c.infinityWeighted(),
                    c.l2Bound(), dir.path());
        }
        pw.flush();
        return 0;
    }


    static void writeVector(Path file, double[] x) {
        AtomicFiles.writeText(file, w -> {
            for (double v : x) {
                w.write(Double.toString(v));
                w.write('\n');
            }
        });
    }
}
