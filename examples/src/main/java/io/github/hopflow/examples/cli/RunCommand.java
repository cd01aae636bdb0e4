package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.examples.setup.FlowSetup;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.sde.io.CloudCsv;
import io.github.hopflow.wasserstein.flow.DensityFlow;
import io.github.hopflow.wasserstein.flow.FlowListener;
import io.github.hopflow.wasserstein.flow.ProximalValues;
import io.github.hopflow.wasserstein.flow.FlowOptions;
import io.github.hopflow.wasserstein.flow.FlowResult;
import io.github.hopflow.wasserstein.flow.FlowStep;
import io.github.hopflow.wasserstein.gibbs.LogPartition;
import io.github.hopflow.wasserstein.gibbs.PartitionFunction;
import java.io.PrintWriter;
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

/**
 * {@code hopflow run}: the density flow of the diffusion machine (SDE step + proximal step per
 * time step) from a uniform cloud with ϱ = 1 or a given one; writes snapshots
 * {@code DIR/snapshots/step-NNNNNN.csv} (header {@code x1,...,xn,rho}, normalised density values;
 * the first and last steps always) and {@code DIR/summary.json}. Defaults are the paper's example.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the density flow (SDE step + proximal JKO step) on a weighted point cloud.")
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--objective", defaultValue = "himmelblau", paramLabel = "NAME",
            description = ObjectiveOptions.DESCRIPTION)
    String objective;

    @Option(names = "--dim", defaultValue = "2", description = "Dimension n (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--particles", defaultValue = "500", description = "Number of particles N (default ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--temperature", defaultValue = "25", description = "Temperature T > 0 (default ${DEFAULT-VALUE}).")
    double temperature;

    @Mixin
    MetricOptions metricOptions;

    @Option(names = "--step", defaultValue = "1e-4", description = "Time step h > 0 (default ${DEFAULT-VALUE}).")
    double step;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    Duration duration;

    static final class Duration {
        @Option(names = "--steps", description = "Number of steps K.")
        Long steps;

        @Option(names = "--time", description = "Final time t (default 0.1).")
        Double time;
    }

    @Option(names = "--eps", defaultValue = "0.1", description = "Entropic regularisation epsilon > 0 (default ${DEFAULT-VALUE}).")
    double eps;

    @Option(names = "--values", defaultValue = FlowSetup.DEFAULT_VALUES,
            paramLabel = "transition|paper|kde|gibbs-ratio",
            description = "How the density values follow the points: transition (carried by the machine's own"
                    + " transition density from an earlier cloud, with a control variate), paper (the published"
                    + " proximal step, eq. (54), with the kernel-density normalisation), or from the positions alone:"
                    + " kde (a leave-one-out"
                    + " kernel density estimate) or gibbs-ratio (rho_inf times a kernel estimate of rho_t/rho_inf)"
                    + " (default: ${DEFAULT-VALUE}).")
    String values;

    @Option(names = "--kernel", defaultValue = "auto", paramLabel = "auto|dense|exact",
            description = "Gibbs kernel of the proximal step: auto (grid or stored dense kernel, within "
                    + "--kernel-tolerance in the log of every product), dense (stored dense kernel: float entries "
                    + "when the tolerance is >= 2e-7, else double), exact (the exact double-precision dense kernel). "
                    + "Default ${DEFAULT-VALUE}.")
    String kernel;

    @Option(names = "--kernel-tolerance", defaultValue = "1e-6", paramLabel = "D",
            description = "Largest error of the auto/dense kernel in the log of a kernel product, in [1e-12, 0.1] "
                    + "(default ${DEFAULT-VALUE}; the entropic blur limits log rho to about 0.2).")
    double kernelTolerance;

    @Option(names = "--snapshot-every", defaultValue = "0", description = "Also write a snapshot every K steps (default: first and last only).")
    long snapshotEvery;

    @Option(names = "--snapshot-format", paramLabel = "csv|npy", defaultValue = "csv",
            description = "Snapshot files: csv (x1,...,xn,rho) or npy (NumPy float64, N x (n+1), values last) "
                    + "(default: ${DEFAULT-VALUE}).")
    String snapshotFormat;

    @Option(names = "--init", paramLabel = "FILE.csv", description = "Starting cloud, header x1,...,xn,rho (default: uniform on the cube, rho = 1).")
    Path init;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--json", description = "Print the summary as one line of JSON.")
    boolean json;

    @Mixin
    RunControl control;

    @Mixin
    ObjectiveOptions objectiveOptions;

    @Override
    public Integer call() {
        io.github.hopflow.examples.snapshot.SnapshotFormat format =
                io.github.hopflow.examples.snapshot.SnapshotFormat.parse("--snapshot-format", snapshotFormat);
        dim = objectiveOptions.dimension(objective, dim);
        Checks.positive("--temperature", temperature);
        Checks.positive("--step", step);
        Checks.positive("--eps", eps);
        if (particles < 2) {
            throw new IllegalArgumentException("--particles must be >= 2 (the density values need two points), got "
                    + particles);
        }
        Sizes.requireFits("--particles " + particles + " with --dim " + dim, Sizes.product(particles, dim), 8);
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("--snapshot-every must be >= 0, got " + snapshotEvery);
        }
        DiagonalMetric m = metricOptions.metric(dim);
        int threads = control.threads();
        FlowSetup setup = new FlowSetup(m, objectiveOptions.objective(objective, dim), temperature, step, eps, kernel,
                kernelTolerance, threads, values);
        if (!kernel.equalsIgnoreCase("auto")) {
            // the dense and exact kernels store all N² entries (the automatic choice never does past its budget)
            Sizes.requireFits("--kernel " + kernel + " with --particles " + particles + " (use --kernel auto)",
                    Sizes.product(particles, particles), 1);
        }
        Objective f = setup.objective();
        FlowOptions options;
        if (duration != null && duration.steps != null) {
            options = FlowOptions.steps(RunLength.steps(duration.steps));
        } else {
            double t = duration != null && duration.time != null ? duration.time : 0.1;
            RunLength.stepsFor(t, step);
            options = FlowOptions.time(t, step);
        }
        RunLength.requireSnapshots(options.steps(), snapshotEvery);
        options = options.withSnapshotEvery(snapshotEvery);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(control.seed());
        WeightedPointCloud start;
        if (init != null) {
            start = CliFiles.read("--init", init, m, true);
        } else {
            double[] x = new double[particles * dim];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble();
            }
            start = WeightedPointCloud.unweighted(dim, x);
        }
        OutputDirectory dir = OutputDirectory.prepare(out, control.force());
        Path snapshots = dir.path().resolve("snapshots");
        StepLimit.require(m, temperature, step);
        StepLimit.requireEpsilon(eps, temperature, step);
        FlowResult result;
        long total = options.steps();
        try (Interruption stop = Interruption.install();
                Progress progress = Progress.start("run", total, control.quiet() || json);
                ParticleEngine engine = setup.engine(start.size(), rng)) {
            DensityFlow flow = setup.flow(engine);
            FlowListener listener = new FlowListener() {
                @Override
                public void onStep(FlowStep d) {
                    progress.stepTo(d.step());
                    progress.message(String.format(Locale.ROOT, "F = %.4g", d.freeEnergy()));
                }

                @Override
                public void onSnapshot(long k, double time, WeightedPointCloud cloud) {
                    format.write(dir.resolve(String.format(Locale.ROOT, "snapshots/step-%06d.%s", k,
                            format.extension())), cloud, CloudCsv.ValueColumn.RHO);
                }
            };
            result = flow.run(start, options.withCancellation(stop), listener);
            Map<String, Object> summary = summary(m, f, flow, result);
            summary = Json.summary(summary);
            Json.write(dir.resolve("summary.json"), summary);
            progress.close();
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                w.println(Json.line(summary));
            } else {
                w.printf(Locale.ROOT, "%d steps to t = %.6g%s; median %.3f ms/step; final free energy %s%s%n",
                        result.stepsDone(), result.time(), result.cancelled() ? " (interrupted)" : "",
                        result.stepsDone() == 0 ? 0.0 : result.medianMillisPerStep(),
                        result.lastStep() == null ? "(no step done)"
                                : String.format(Locale.ROOT, "%.6g", result.lastStep().freeEnergy()),
                        summary.containsKey("final_mad") ? String.format(Locale.ROOT, "; MAD(log rho + f/T) %.4f",
                                (Double) summary.get("final_mad")) : "");
                w.println("wrote " + dir.path().resolve("summary.json") + " and " + snapshots);
            }
            w.flush();
        }
        return result.cancelled() ? 130 : 0;
    }

    private Map<String, Object> summary(DiagonalMetric m, Objective f, DensityFlow flow, FlowResult result) {
        List<Double> freeEnergy = new ArrayList<>();
        List<Double> freeEnergyError = new ArrayList<>();
        List<Integer> iterations = new ArrayList<>();
        List<Long> traceSteps = new ArrayList<>();
        for (FlowStep d : result.steps()) {
            traceSteps.add(d.step());
            freeEnergy.add(d.freeEnergy());
            freeEnergyError.add(d.freeEnergyError());
            iterations.add(d.iterations());
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("objective", objective);
        parameters.put("dim", dim);
        parameters.put("particles", result.cloud().size());
        parameters.put("temperature", temperature);
        metricOptions.describeInto(parameters, dim);
        parameters.put("step", step);
        parameters.put("steps", result.stepsDone());
        parameters.put("time", result.time());
        parameters.put("eps", eps);
        parameters.put("seed", control.seed());
        objectiveOptions.describeInto(parameters);
        parameters.put("init", init == null ? "uniform" : init.toString());
        parameters.put("scheme", FlowSetup.SCHEME.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        parameters.put("values", flow.valueUpdate().name());
        if (flow.valueUpdate() instanceof ProximalValues) {
            ProximalValues paper = (ProximalValues) flow.valueUpdate();
            parameters.put("normalisation", paper.normalisation().name());
            parameters.put("tolerance", paper.proximalStep(temperature, step).tolerance());
        }
        parameters.put("kernel", kernel.toLowerCase(Locale.ROOT));
        parameters.put("kernel_tolerance", kernelTolerance);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("parameters", parameters);
        s.put("cancelled", result.cancelled());
        s.put("trace_steps", traceSteps);
        s.put("free_energy", freeEnergy);
        s.put("free_energy_standard_error", freeEnergyError);
        s.put("iterations", iterations);
        if (result.lastStep() != null) {
            s.put("final_free_energy", result.lastStep().freeEnergy());
            s.put("final_free_energy_standard_error", result.lastStep().freeEnergyError());
            s.put("median_ms_per_step", result.medianMillisPerStep());
        }
        boolean bounded = true;
        for (int k = 0; k < m.dimension(); k++) {
            bounded &= Double.isFinite(m.lowerBound(k)) && Double.isFinite(m.upperBound(k));
        }
        if (bounded && dim <= 3) {
            LogPartition logZ = PartitionFunction.compute(f, temperature, m, 0, null);
            s.put("log_z", logZ.value());
            s.put("minimum_free_energy", logZ.minimumFreeEnergy(temperature));
        }
        s.put("final_mad", io.github.hopflow.examples.analysis.ShapeSpread.mad(result.cloud(), f, temperature));
        return s;
    }
}
