package io.github.hopflow.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hopflow.examples.output.AtomicFiles;
import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.examples.plot.ColourBar;
import io.github.hopflow.examples.plot.ColourMap;
import io.github.hopflow.examples.plot.ColourScale;
import io.github.hopflow.examples.plot.FieldChart;
import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.GridField;
import io.github.hopflow.examples.plot.LineChart;
import io.github.hopflow.examples.plot.Numbers;
import io.github.hopflow.examples.snapshot.Snapshot;
import io.github.hopflow.examples.snapshot.SnapshotDirectory;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import io.github.hopflow.sde.TemperatureSchedule;
import io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckGrid;
import io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckSolution;
import io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckSolver;
import io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckState;
import io.github.hopflow.wasserstein.fokkerplanck.ValueAccuracy;
import io.github.hopflow.wasserstein.gibbs.LogPartition;
import io.github.hopflow.wasserstein.gibbs.PartitionFunction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code hopflow fokker-planck}: the density ρ_t of the diffusion machine by the finite-volume
 * solver of its density equation ({@link FokkerPlanckSolver}), and, with {@code --compare}, the
 * accuracy of a run's density values against it ({@link ValueAccuracy}).
 */
@Command(name = "fokker-planck", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
            "Solves the density equation of the diffusion machine, dρ/dt = div(M(ρ grad f + T grad ρ)) with zero "
                    + "flux on the faces (Scharfetter-Gummel finite volumes, backward Euler), from the uniform density "
                    + "to --time, for n <= 3. Writes density.csv (x1,...,xn,rho per cell centre), density.png (n = 1 "
                    + "or 2) and summary.json (mass, free energy, -T log Z).",
            "With --compare RUN_DIR: reads the parameters and snapshots of a 'run' or 'himmelblau' directory, solves "
                    + "with the same parameters and writes RUN_DIR/accuracy.csv (step,time,mad,slope of log rho "
                    + "against log rho_t) and RUN_DIR/accuracy.png."})
public final class FokkerPlanckCommand implements Callable<Integer> {

    @CommandLine.Mixin
    FigureOptions figures;

    /** The most cells of a grid (about 3 GB of factorisation in three dimensions at the limit). */
    static final long MAX_CELLS = 1_000_000L;
    /** The fewest cells per axis. */
    static final int MIN_CELLS = 4;
    /** The side of the heat map, in pixels. */
    private static final int PANEL = 600;

    @Option(names = "--objective", defaultValue = "himmelblau", paramLabel = "NAME",
            description = ObjectiveOptions.DESCRIPTION)
    String objective;

    @Option(names = "--dim", defaultValue = "2", paramLabel = "n", description = "Dimension n, 1 to 3 (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--temperature", defaultValue = "25", converter = Converters.Positive.class, paramLabel = "T",
            description = "Temperature T > 0 (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "S",
            description = "Temperature schedule: constant, logarithmic T/log(e + t/tau) or exponential "
                    + "T*exp(-t/tau) floored at T/1000 (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--tau", defaultValue = "0.1", converter = Converters.Positive.class, paramLabel = "tau",
            description = "Time scale of the schedule (default: ${DEFAULT-VALUE}).")
    double tau;

    @Mixin
    MetricOptions metricOptions;

    @Option(names = "--box", paramLabel = "LO,HI",
            description = "The box [LO, HI]^n of the Euclidean metric (zero flux on its faces).")
    String box;

    @Option(names = "--grid", defaultValue = "160", paramLabel = "M",
            description = "Cells per axis, >= " + MIN_CELLS + " (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--colormap", paramLabel = "viridis|rainbow", defaultValue = "viridis",
            description = "Colour map of density.png (default: ${DEFAULT-VALUE}).")
    String colormap;

    @Option(names = "--time-step", paramLabel = "h", converter = Converters.Positive.class,
            description = "Time step of the solver (default: 1e-4, or the run's step with --compare).")
    Double timeStep;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    static final class Mode {
        @Option(names = "--time", converter = Converters.Positive.class, paramLabel = "t",
                description = "Horizon t > 0 (default 0.1).")
        Double time;

        @Option(names = "--compare", paramLabel = "RUN_DIR",
                description = "A run directory (summary.json and snapshots/) to measure against the solution.")
        Path compare;
    }

    @Option(names = "--out", defaultValue = "out/fokker-planck", paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}); with --compare the run directory is written.")
    Path out;

    @Option(names = "--force", description = "Replace the files an earlier fokker-planck wrote there (never others).")
    boolean force;

    @Option(names = "--json", description = "Print summary.json on stdout.")
    boolean json;

    @Mixin
    ObjectiveOptions objectiveOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ColourMap.byName("--colormap", colormap);
        if (mode != null && mode.compare != null) {
            return compare(mode.compare);
        }
        int n = objectiveOptions.dimension(objective, dim);
        requireDimension(n);
        Problem p = problem(objective, n, metricOptions.metric(n), temperature, schedule, tau, box, objectiveOptions);
        double time = mode != null && mode.time != null ? mode.time : 0.1;
        FokkerPlanckSolver solver = solver(p, timeStep == null ? FokkerPlanckSolver.DEFAULT_TIME_STEP : timeStep);
        OutputDirectory dir = OutputDirectory.prepare(out, force);
        long start = System.nanoTime();
        try (Interruption stop = Interruption.install()) {
            // advance in short stretches so that Ctrl-C stops the solve within one of them; what
            // was reached is written, marked cancelled
            FokkerPlanckState state = solver.start();
            FokkerPlanckSolution rho = state.solution();
            long stretches = Math.max(STRETCHES, (long) Math.ceil(time / (STRETCH_STEPS * solver.timeStep())));
            for (long i = 1; i <= stretches && !stop.requested(); i++) {
                rho = state.advanceTo(i == stretches ? time : time * i / stretches);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> summary = summary(p, solver, rho, seconds, objectiveOptions);
            summary.put("cancelled", rho.time() < time);
            writeDensity(dir.resolve("density.csv"), rho);
            if (p.dimension <= 2) {
                figures.write(figure(rho, p, ColourMap.byName("--colormap", colormap)), dir, "density");
            }
            summary = Json.summary(summary);
            Json.write(dir.resolve("summary.json"), summary);
            report(summary, solver, rho, seconds, dir);
            return rho.time() < time ? 130 : 0;
        }
    }

    /** The least number of stretches a solve is cut into, between which an interruption is noticed. */
    private static final int STRETCHES = 100;
    /** The most solver steps of one stretch. */
    private static final int STRETCH_STEPS = 200;

    private void report(Map<String, Object> summary, FokkerPlanckSolver solver, FokkerPlanckSolution rho,
            double seconds, OutputDirectory dir) {
        double time = rho.time();
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.line(summary));
        } else {
            w.printf(Locale.ROOT, "rho_t at t = %s on %s: mass %.15f, max %.6g, free energy %.6g", Numbers.compact(time),
                    gridText(solver.grid()), rho.mass(), rho.maxDensity(), rho.freeEnergy());
            if (summary.containsKey("minimum_free_energy")) {
                w.printf(Locale.ROOT, " (-T log Z = %.6g)", (Double) summary.get("minimum_free_energy"));
            }
            w.printf(Locale.ROOT, "; %.2f s%nwrote %s%n", seconds, dir.path());
        }
        w.flush();
    }

    /** The parameters of a solve. */
    record Problem(String objectiveName, int dimension, DiagonalMetric metric, Objective objective,
            TemperatureSchedule schedule, double temperature, String scheduleName, double[] lower, double[] upper) {
    }

    private static void requireDimension(int dim) {
        if (dim < 1 || dim > FokkerPlanckGrid.MAX_DIMENSION) {
            throw new IllegalArgumentException("--dim must be 1, 2 or 3 for the Fokker-Planck solver, got " + dim);
        }
    }

    /** Validates and assembles the parameters. */
    static Problem problem(String objective, int dim, DiagonalMetric m, double temperature,
            String schedule, double tau, String box, ObjectiveOptions options) {
        requireDimension(dim);
        Objective f = options == null ? byName(objective, dim) : options.objective(objective, dim);
        TemperatureSchedule s = TemperatureSchedule.named(schedule.toLowerCase(Locale.ROOT), temperature, tau);
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        boolean bounded = true;
        for (int i = 0; i < dim; i++) {
            bounded &= Double.isFinite(m.lowerBound(i)) && Double.isFinite(m.upperBound(i));
        }
        if (bounded) {
            if (box != null) {
                throw new IllegalArgumentException("--box applies to --metric euclidean only; the Hopfield metric's"
                        + " domain is the unit cube");
            }
            for (int i = 0; i < dim; i++) {
                lower[i] = m.lowerBound(i);
                upper[i] = m.upperBound(i);
            }
        } else {
            if (box == null) {
                throw new IllegalArgumentException("--metric euclidean needs --box LO,HI: the solver works on a box"
                        + " with zero flux on its faces");
            }
            double[] b = VectorConverter.parse("--box", box);
            if (b.length != 2 || !(b[0] < b[1])) {
                throw new IllegalArgumentException("--box must be two numbers LO,HI with LO < HI, got '" + box + "'");
            }
            java.util.Arrays.fill(lower, b[0]);
            java.util.Arrays.fill(upper, b[1]);
        }
        return new Problem(objective, dim, m, f, s, temperature, schedule.toLowerCase(Locale.ROOT), lower, upper);
    }

    private static Objective byName(String name, int dim) {
        try {
            return Objectives.byName(name, dim);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--objective " + name + ": " + e.getMessage(), e);
        }
    }

    private FokkerPlanckSolver solver(Problem p, double h) {
        if (grid < MIN_CELLS) {
            throw new IllegalArgumentException("--grid must be >= " + MIN_CELLS + " cells per axis, got " + grid);
        }
        double cells = Math.pow(grid, p.dimension);
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--grid %d in %d dimensions is %.3g cells,"
                    + " more than the limit of %d (the sparse factorisation would not fit in memory)", grid,
                    p.dimension, cells, MAX_CELLS));
        }
        // the problem's box: the metric's domain, or --box for the Euclidean metric
        return FokkerPlanckSolver.builder().metric(p.metric).objective(p.objective).temperature(p.schedule)
                .cellsPerAxis(grid).timeStep(h).uniformInitialDensity().domain(p.lower, p.upper).build();
    }

    private static Map<String, Object> summary(Problem p, FokkerPlanckSolver solver, FokkerPlanckSolution rho,
            double seconds, ObjectiveOptions options) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("objective", p.objectiveName);
        parameters.put("dim", p.dimension);
        options.describeInto(parameters);
        parameters.put("metric", p.metric.toString());
        parameters.put("temperature", p.temperature);
        parameters.put("schedule", p.scheduleName);
        parameters.put("lower", p.lower);
        parameters.put("upper", p.upper);
        parameters.put("grid", solver.grid().cellsPerAxis());
        parameters.put("time_step", solver.timeStep());
        parameters.put("time", rho.time());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("parameters", parameters);
        s.put("mass", rho.mass());
        s.put("max_density", rho.maxDensity());
        s.put("free_energy", rho.freeEnergy());
        s.put("temperature_at_time", rho.temperature());
        if (rho.temperature() > 0) {
            LogPartition logZ = PartitionFunction.quadrature(p.objective, rho.temperature(), p.lower, p.upper, 1e-10);
            s.put("log_z", logZ.value());
            s.put("minimum_free_energy", logZ.minimumFreeEnergy(rho.temperature()));
        }
        s.put("steps", rho.steps());
        s.put("seconds", seconds);
        return s;
    }

    private static void writeDensity(Path file, FokkerPlanckSolution rho) {
        FokkerPlanckGrid g = rho.grid();
        int n = g.dimension();
        double[] centre = new double[n];
        double[] values = rho.densities();
        AtomicFiles.writeText(file, w -> {
            StringBuilder header = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                header.append('x').append(i).append(',');
            }
            w.write(header.append("rho\n").toString());
            StringBuilder line = new StringBuilder(64);
            for (int c = 0; c < g.cellCount(); c++) {
                g.cellCentre(c, centre);
                line.setLength(0);
                for (int i = 0; i < n; i++) {
                    line.append(centre[i]).append(',');
                }
                line.append(values[c]).append('\n');
                w.write(line.toString());
            }
        });
    }

    private static Figure figure(FokkerPlanckSolution rho, Problem p, ColourMap map) {
        FokkerPlanckGrid g = rho.grid();
        String title = "ρ_t at t = " + Numbers.compact(rho.time()) + " (" + p.objectiveName + ", T = "
                + Numbers.compact(p.temperature) + ", " + gridText(g) + ")";
        if (g.dimension() == 1) {
            double[] x = new double[g.cellCount()];
            double[] y = rho.densities();
            for (int c = 0; c < x.length; c++) {
                x[c] = g.centre(0, c);
            }
            return LineChart.of(title, "x", "ρ_t(x)").line("ρ_t", x, y).render(720, 480);
        }
        int size = 200;
        GridField field = GridField.sample((a, b) -> rho.density(new double[] {a, b}), g.lower(0), g.upper(0),
                g.lower(1), g.upper(1), size, size);
        ColourScale scale = ColourScale.linear(map, 0, field.max());
        return FieldChart.over(title, "x1", "x2", g.lower(0), g.upper(0), g.lower(1), g.upper(1))
                .heatMap(field, scale)
                .colourBar(ColourBar.of(scale, "ρ_t"))
                .render(PANEL + ColourBar.WIDTH, PANEL);
    }

    private static String gridText(FokkerPlanckGrid g) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < g.dimension(); i++) {
            b.append(i == 0 ? "" : "×").append(g.cells(i));
        }
        return b.append(" cells").toString();
    }

    // ---- --compare -------------------------------------------------------------------------

    private int compare(Path runDir) throws IOException {
        try (Interruption stop = Interruption.install()) {
            return compare(runDir, stop);
        }
    }

    /** Measures the run's snapshots in order until done or interrupted; writes what was measured. */
    private int compare(Path runDir, Interruption stop) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("--compare " + runDir + " is not a directory");
        }
        Path summaryFile = runDir.resolve("summary.json");
        if (!Files.isRegularFile(summaryFile)) {
            throw new IllegalArgumentException("--compare " + runDir + " has no summary.json (the run's parameters)");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(summaryFile.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("--compare " + summaryFile + " is not readable JSON: " + e.getMessage());
        }
        JsonNode params = root.path("parameters");
        double step = number(params, "step", summaryFile);
        double runTemperature = number(params, "temperature", summaryFile);
        String objectiveName = params.path("objective").asText("himmelblau");
        int n = params.has("dim") ? params.get("dim").asInt() : params.path("dimension").asInt(2);
        requireDimension(n);
        String named = params.path("metric").asText("hopfield").toLowerCase(Locale.ROOT);
        String metricName = named.startsWith("euclidean") ? "euclidean" : named.equals("logistic") ? "logistic" : "hopfield";
        double[] runGains = new double[n];
        JsonNode beta = params.path("beta");
        for (int i = 0; i < n; i++) {
            runGains[i] = beta.isArray() && beta.size() == n ? beta.get(i).asDouble() : beta.asDouble(0.25);
        }
        String init = params.path("init").asText("uniform");
        if (!init.equals("uniform")) {
            throw new IllegalArgumentException("--compare " + runDir + " started from --init " + init
                    + "; the solver starts from the uniform density");
        }
        Map<String, double[]> objectiveParameters = new HashMap<>();
        if (params.has("center")) {
            double[] c = new double[params.get("center").size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = params.get("center").get(i).asDouble();
            }
            objectiveParameters.put(Objectives.CENTER, c);
        }
        if (params.has("stiffness")) {
            objectiveParameters.put(Objectives.STIFFNESS, new double[] {params.get("stiffness").asDouble()});
        }
        Path snapshotDir = runDir.resolve("snapshots");
        if (!Files.isDirectory(snapshotDir)) {
            throw new IllegalArgumentException("--compare " + runDir + " has no snapshots/ folder");
        }
        SnapshotDirectory snapshots = SnapshotDirectory.open(snapshotDir);
        Problem base = problem(objectiveName, n, MetricOptions.metric(metricName, n, runGains), runTemperature,
                "constant", 1, box, null);
        Objective f = objectiveParameters.isEmpty() ? base.objective
                : Objectives.byName(objectiveName, n, objectiveParameters);
        Problem p = new Problem(base.objectiveName, n, base.metric, f, base.schedule, runTemperature,
                base.scheduleName, base.lower, base.upper);
        FokkerPlanckSolver solver = solver(p, timeStep == null ? step : timeStep);
        OutputDirectory dir = OutputDirectory.extend("--compare", runDir);
        FokkerPlanckState state = solver.start();
        List<double[]> rows = new ArrayList<>();
        for (int k : snapshots.steps()) {
            if (stop.requested()) {
                break;
            }
            Snapshot s = snapshots.read(k, step);
            if (s.cloud().dimension() != n) {
                throw new IllegalArgumentException("--compare snapshot " + SnapshotDirectory.fileName(k)
                        + " has dimension " + s.cloud().dimension() + ", the run's summary says " + n);
            }
            FokkerPlanckSolution rho = k == 0 ? state.solution() : state.advanceTo(s.time());
            ValueAccuracy a = ValueAccuracy.of(s.cloud(), rho);
            if (Double.isNaN(a.slope())) {
                continue; // ρ_t is the same at every point (the uniform start): no contrast to measure
            }
            rows.add(new double[] {k, s.time(), a.mad(), a.slope()});
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("--compare " + runDir + " has no snapshot after the start to measure");
        }
        AtomicFiles.writeText(dir.resolve("accuracy.csv"), w -> {
            w.write("step,time,mad,slope\n");
            for (double[] r : rows) {
                w.write(String.format(Locale.ROOT, "%d,%s,%s,%s%n", (long) r[0],
                        new java.math.BigDecimal(r[1]).round(new java.math.MathContext(12)).stripTrailingZeros()
                                .toPlainString(), r[2], r[3]));
            }
        });
        double[] t = new double[rows.size()];
        double[] mad = new double[t.length];
        double[] slope = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = rows.get(i)[1];
            mad[i] = rows.get(i)[2];
            slope[i] = rows.get(i)[3];
        }
        figures.write(LineChart.of("Density values of " + runDir.getFileName() + " against the Fokker–Planck"
                + " solution (" + gridText(solver.grid()) + ")", "time t", "MAD of log ϱ − log ρ_t; slope")
                .line("MAD", t, mad).line("slope (1 = the right contrast)", t, slope)
                .legend(org.knowm.xchart.style.Styler.LegendPosition.OutsideS).render(800, 540),
                dir, "accuracy");
        PrintWriter w = spec.commandLine().getOut();
        double[] last = rows.get(rows.size() - 1);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("snapshots", rows.size());
            m.put("final_time", last[1]);
            m.put("final_mad", last[2]);
            m.put("final_slope", last[3]);
            w.println(Json.line(m));
        } else {
            w.printf(Locale.ROOT, "%d snapshots measured; at t = %s: MAD %.4f, slope %.4f%nwrote %s and %s%n",
                    rows.size(), Numbers.compact(last[1]), last[2], last[3], runDir.resolve("accuracy.csv"),
                    runDir.resolve("accuracy.png"));
        }
        w.flush();
        return stop.requested() ? 130 : 0;
    }

    private static double number(JsonNode params, String name, Path file) {
        JsonNode v = params.get(name);
        if (v == null || !v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
            throw new IllegalArgumentException("--compare " + file + " does not give parameters." + name
                    + " as a positive number");
        }
        return v.asDouble();
    }
}
