package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.compare.CompareExperiment;
import io.github.hopflow.examples.compare.CompareFigure;
import io.github.hopflow.examples.compare.CompareReport;
import io.github.hopflow.examples.compare.CompareResult;
import io.github.hopflow.examples.compare.CompareSettings;
import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.geometry.flow.FlowMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code hopflow compare}: the diffusion machine against the deterministic flows. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Compares the diffusion machine with the deterministic Hopfield flows from the same initial samples.",
            "Runs the diffusion machine (as the density flow at constant temperature) and the deterministic "
                    + "Hopfield flows (Hopfield ODE, natural-gradient recursion, mirror descent, proximal natural gradient, firing-rate flow) from the same "
                    + "uniform initial samples and reports E[f] over the steps, the share of particles / "
                    + "trajectories that end in a global minimiser's basin, and wall time.",
            "Basin: from each final point, projected gradient descent on the cube with Armijo backtracking; "
                    + "the point counts when that descent ends within --basin-tolerance of a known global minimiser.",
            "Writes DIR/compare.png and DIR/compare.json."
        })
public final class CompareCommand implements Callable<Integer> {

    @CommandLine.Mixin
    FigureOptions figures;

    @Option(names = "--objective", required = true, paramLabel = "NAME",
            description = ObjectiveOptions.DESCRIPTION)
    String objective;

    @Option(names = "--dim", paramLabel = "n",
            description = "Dimension n (required for a built-in objective; a network's is its size).")
    Integer dim;

    /** n, resolved from --dim or the network. */
    private int dimension;

    @Option(names = "--particles", defaultValue = "500", paramLabel = "N",
            description = "Initial samples, uniform on the cube, shared by all methods (default: ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--temperature", defaultValue = "25", paramLabel = "T",
            description = "Temperature of the diffusion machine (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "S",
            description = "Temperature schedule of the machine: constant, logarithmic T/log(e + t/tau) or "
                    + "exponential T*exp(-t/tau) floored at T/1000 (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--tau", paramLabel = "tau", converter = Converters.Positive.class,
            description = "Time scale of the schedule (default: a tenth of steps*step).")
    Double tau;

    @Option(names = "--beta", defaultValue = "0.25", converter = Converters.Gain.class, paramLabel = "B",
            description = "Activation gain beta; mobility 4*beta*x(1-x) (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--step", defaultValue = "1e-4", paramLabel = "h",
            description = "Time step of the diffusion machine and the Hopfield-metric flows (default: ${DEFAULT-VALUE}).")
    double step;

    @Option(names = "--eps", defaultValue = "0.1", paramLabel = "E",
            description = "Entropic regularisation of the density flow's proximal step, used at constant "
                    + "temperature (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--steps", defaultValue = "1000", paramLabel = "K",
            description = "Steps of every method (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--methods", split = ",", paramLabel = "M",
            defaultValue = "hopfield,natural-gradient,mirror,proximal,firing-rate",
            description = "Deterministic flows to run (default: ${DEFAULT-VALUE}); also natural-gradient-ode.")
    List<String> methods = new ArrayList<>();

    @Option(names = "--firing-rate-step", defaultValue = "1", paramLabel = "h",
            description = "Euler step of the firing-rate flow; 1 is the proximal-gradient method (default: ${DEFAULT-VALUE}).")
    double firingRateStep;

    @Option(names = "--gamma", paramLabel = "G", converter = Converters.Positive.class,
            description = "Gamma of the firing-rate flow (default: 1/L, L the largest second derivative of f at the initial samples).")
    Double gamma;

    @Option(names = "--basin-tolerance", defaultValue = "0.02", paramLabel = "D",
            description = "Distance to a global minimiser that counts as reaching it (default: ${DEFAULT-VALUE}).")
    double basinTolerance;

    @Option(names = "--records", defaultValue = "101", paramLabel = "R",
            description = "Points on each E[f] curve (default: ${DEFAULT-VALUE}).")
    int records;



    @Option(names = "--out", defaultValue = "out/compare", paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;



    @Option(names = "--json", description = "Print compare.json on stdout instead of the table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Mixin
    RunControl control;

    @Mixin
    ObjectiveOptions objectiveOptions;

    @Override
    public Integer call() {
        List<FlowMethod> flows = new ArrayList<>();
        for (String m : methods) {
            try {
                flows.add(FlowMethod.byName(m.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--methods: " + e.getMessage(), e);
            }
        }
        int workers = control.threads();
        dimension = objectiveOptions.dimension(objective, dim == null ? 0 : dim);
        if (dimension < 1) {
            throw new IllegalArgumentException(dim == null ? "--dim is required with --objective " + objective
                    : "--dim must be >= 1, got " + dim);
        }
        if (particles < 2) {
            throw new IllegalArgumentException("--particles must be >= 2 (the density values need two points), got "
                    + particles);
        }
        Sizes.requireFits("--particles " + particles + " with --dim " + dimension,
                Sizes.product(Math.max(0, particles), Math.max(1, dimension)), 8 + 2 * flows.size());
        io.github.hopflow.geometry.objective.Objective f = objectiveOptions.objective(objective, dimension);
        CompareSettings settings = new CompareSettings(objective, dimension, particles, temperature, schedule,
                tau == null ? Double.NaN : tau, beta, step, epsilon,
                steps, flows, firingRateStep, gamma == null ? Double.NaN : gamma, basinTolerance, records, control.seed(), workers);
        StepLimit.require(io.github.hopflow.geometry.metric.HopfieldMetric.paperExample(dimension, beta), temperature,
                step);
        StepLimit.requireEpsilon(epsilon, temperature, step);
        CompareExperiment experiment = CompareExperiment.of(settings, f);
        OutputDirectory dir = OutputDirectory.prepare(out, control.force());
        CompareResult result;
        List<Path> written = new ArrayList<>();
        try (Interruption interruption = Interruption.install()) {
            try (Progress bar = Progress.start("compare", experiment.totalWork(), control.quiet())) {
                result = experiment.run(bar::stepTo, interruption);
            }
            if (!result.methods().isEmpty()) {
                written.add(figures.write(CompareFigure.render(result), dir, "compare"));
            }
            Path report = dir.resolve("compare.json");
            Json.write(report, Json.summary(CompareReport.of(result)));
            written.add(report);
            // printed before the interruption hook is released: on Ctrl-C the JVM exits as soon as it returns
            if (json) {
                spec.commandLine().getOut().println(Json.line(Json.summary(CompareReport.of(result))));
            } else {
                spec.commandLine().getOut().print(CompareReport.table(result));
                spec.commandLine().getOut().println("wrote " + written.stream().map(Path::toString)
                        .collect(java.util.stream.Collectors.joining(" and ")));
            }
            spec.commandLine().getOut().flush();
        }
        return result.complete() ? 0 : 130;
    }
}
