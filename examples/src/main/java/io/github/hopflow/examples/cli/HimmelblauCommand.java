package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.himmelblau.HimmelblauExperiment;
import io.github.hopflow.examples.himmelblau.HimmelblauOutcome;
import io.github.hopflow.examples.himmelblau.HimmelblauSettings;
import io.github.hopflow.examples.himmelblau.HimmelblauSummary;
import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.sde.Scheme;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code hopflow himmelblau}: the paper's global-optimisation example, Sec. V-C, Figs. 2–5. */
@Command(name = "himmelblau",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Reproduces the paper's Himmelblau example end to end (Sec. V-C, Figs. 2-5).",
            "The diffusion machine (58) of the scaled Himmelblau "
                    + "function (59), propagated as a weighted point cloud by the proximal recursion (54) from N "
                    + "uniform samples, converges to the four-mode stationary density rho_inf = exp(-f/T)/Z.",
            "Writes to DIR: geodesic-balls.png (Fig. 2), objective.png and stationary.png (Fig. 3), "
                    + "evolution.png and evolution.gif (Fig. 4), runtime.png (Fig. 5), free-energy.png, "
                    + "snapshots/step-NNNNNN.csv and summary.json (parameters, modes found next to the four "
                    + "minimisers, spread of log rho + f/T, free-energy trace, timings).",
            "Ctrl-C stops the run early; the snapshots written so far are kept and the figures and summary "
                    + "describe the steps done."
        })
public final class HimmelblauCommand implements Callable<Integer> {

    @CommandLine.Mixin
    FigureOptions figures;

    @Option(names = "--out", defaultValue = "out/himmelblau", paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--particles", defaultValue = "500", paramLabel = "N",
            description = "Number of samples N (default: ${DEFAULT-VALUE}, as in the paper).")
    int particles;

    @Option(names = "--temperature", defaultValue = "25", paramLabel = "T",
            description = "Temperature T (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--beta", defaultValue = "0.25", converter = Converters.Gain.class, paramLabel = "B",
            description = "Activation gain beta (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--step", defaultValue = "1e-4", paramLabel = "h", description = "Time step h (default: ${DEFAULT-VALUE}).")
    double step;

    @ArgGroup(exclusive = true)
    Horizon horizon;

    static final class Horizon {
        @Option(names = "--time", paramLabel = "t",
                description = "Physical time to reach (default: " + HimmelblauSettings.DEFAULT_TIME + ").")
        Double time;

        @Option(names = "--steps", paramLabel = "K", description = "Number of steps (instead of --time).")
        Integer steps;
    }

    @Option(names = "--eps", defaultValue = "0.1", paramLabel = "E",
            description = "Entropic regularisation epsilon of the proximal step (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--snapshot-every", defaultValue = "10", paramLabel = "K",
            description = "Write a snapshot every K steps; the first and last are always written (default: ${DEFAULT-VALUE}).")
    int snapshotEvery;

    @Option(names = "--snapshot-format", paramLabel = "csv|npy", defaultValue = "csv",
            description = "Snapshot files: csv (x1,x2,rho) or npy (NumPy float64, N x 3) (default: ${DEFAULT-VALUE}).")
    String snapshotFormat;

    @Option(names = "--colormap", paramLabel = "viridis|rainbow", defaultValue = "viridis",
            description = "Colour map of the densities (default: ${DEFAULT-VALUE}; rainbow as in the paper's Fig. 4).")
    String colormap;

    @Option(names = "--frames", defaultValue = "9", paramLabel = "F",
            description = "Panels of evolution.png (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--scheme", defaultValue = "isometric", paramLabel = "S",
            description = "SDE scheme: isometric (drift-implicit in isometric coordinates), splitting, or euler "
                    + "(Euler-Maruyama with reflection) (default: ${DEFAULT-VALUE}).")
    String scheme;





    @Option(names = "--json", description = "Print summary.json on stdout instead of the text report.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Mixin
    RunControl control;

    @Override
    public Integer call() {
        io.github.hopflow.examples.snapshot.SnapshotFormat format =
                io.github.hopflow.examples.snapshot.SnapshotFormat.parse("--snapshot-format", snapshotFormat);
        io.github.hopflow.examples.plot.ColourMap map = io.github.hopflow.examples.plot.ColourMap.byName("--colormap", colormap);
        io.github.hopflow.examples.plot.FigureFormat figureFormat = figures.format();
        int k = horizon == null ? HimmelblauSettings.stepsFor(HimmelblauSettings.DEFAULT_TIME, positiveStep())
                : horizon.steps != null ? horizon.steps
                : HimmelblauSettings.stepsFor(horizon.time, positiveStep());
        RunLength.requireSnapshots(k, snapshotEvery);
        int workers = control.threads();
        Sizes.requireFits("--particles " + particles, Sizes.product(Math.max(0, particles), 2), 8);
        HimmelblauSettings settings = new HimmelblauSettings(particles, temperature, beta, step, k, epsilon,
                snapshotEvery, frames, parseScheme(scheme), control.seed(), workers);
        StepLimit.require(io.github.hopflow.geometry.metric.HopfieldMetric.paperExample(2, beta), temperature, step);
        StepLimit.requireEpsilon(epsilon, temperature, step);
        OutputDirectory dir = OutputDirectory.prepare(out, control.force());
        HimmelblauOutcome outcome;
        // the report is printed before the interruption hook is released: on Ctrl-C the JVM exits
        // as soon as the hook returns
        try (Interruption interruption = Interruption.install()) {
            try (Progress bar = Progress.start("himmelblau", settings.steps(), control.quiet())) {
                outcome = HimmelblauExperiment.of(settings, dir, format, map, figureFormat).run(bar::stepTo, bar::message, interruption);
            }
            if (json) {
                spec.commandLine().getOut().println(Json.line(Json.summary(HimmelblauSummary.of(outcome))));
            } else {
                spec.commandLine().getOut().print(HimmelblauSummary.report(outcome));
                spec.commandLine().getOut().println("wrote figures, snapshots/ and summary.json to " + dir.path());
            }
            spec.commandLine().getOut().flush();
        }
        return outcome.interrupted() ? 130 : 0;
    }

    private double positiveStep() {
        Checks.positive("--step", step);
        return step;
    }

    static Scheme parseScheme(String name) {
        switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "isometric":
            case "isometric-implicit":
                return Scheme.ISOMETRIC_IMPLICIT;
            case "splitting":
            case "isometric-splitting":
                return Scheme.ISOMETRIC_SPLITTING;
            case "euler":
            case "euler-maruyama":
                return Scheme.EULER_MARUYAMA;
            default:
                throw new IllegalArgumentException("--scheme must be isometric, splitting or euler, got '" + name + "'");
        }
    }
}
