package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.BoundaryPolicy;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.RunOptions;
import io.github.hopflow.sde.RunResult;
import io.github.hopflow.sde.Scheme;
import io.github.hopflow.sde.Snapshot;
import io.github.hopflow.sde.StepHandler;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.sde.io.CloudCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.rng.SplittableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hopflow sample}: runs the diffusion machine (HNN paper, eq. (39); eq. (58) for the
 * paper's example) on a particle cloud and writes snapshots {@code DIR/snapshots/step-KKKKKK.csv}
 * (header {@code x1,...,xn}) and {@code DIR/summary.json}.
 *
 * <p>The starting cloud is {@code --init FILE.csv} when given (header {@code x1,...,xn[,rho]};
 * its size sets N unless {@code --particles} is also given, which must then agree), otherwise
 * uniform on the unit cube for the Hopfield metric and standard normal for the Euclidean metric
 * (whose domain is R^n). All randomness comes from one L64_X128_MIX generator seeded by
 * {@code --seed}: a split-off stream draws the starting cloud, the engine splits the rest into
 * one stream per block of particles, so a seed gives the same snapshots whatever {@code --threads}.
 */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the diffusion machine (the SDE) on a particle cloud; writes snapshots and summary.json.",
            "dx = (-m grad f + T m') dt + sqrt(2 T m) dw (HNN paper, eq. (39); eq. (58) for the paper's example). "
                    + "Writes DIR/snapshots/step-KKKKKK.csv and DIR/summary.json."
        })
public final class SampleCommand implements Callable<Integer> {

    /** The scheme choices. */
    enum SchemeName {
        EULER(Scheme.EULER_MARUYAMA), ISOMETRIC(Scheme.ISOMETRIC_IMPLICIT), SPLITTING(Scheme.ISOMETRIC_SPLITTING);

        final Scheme scheme;

        SchemeName(Scheme scheme) {
            this.scheme = scheme;
        }
    }

    /** The boundary policy choices. */
    enum BoundaryName {
        REFLECT(BoundaryPolicy.REFLECT), PROJECT(BoundaryPolicy.PROJECT);

        final BoundaryPolicy policy;

        BoundaryName(BoundaryPolicy policy) {
            this.policy = policy;
        }
    }

    private static final int DEFAULT_PARTICLES = 500;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (required).")
    Path out;

    @Option(names = "--objective", defaultValue = "himmelblau", paramLabel = "NAME",
            description = ObjectiveOptions.DESCRIPTION)
    String objective;

    @Option(names = "--dim", defaultValue = "2", paramLabel = "n", description = "Dimension n (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Mixin
    MetricOptions metricOptions;

    @Option(names = "--particles", paramLabel = "N", description = "Number of particles N (default: " + DEFAULT_PARTICLES
            + ", or the size of --init).")
    Integer particles;

    @Option(names = "--init", paramLabel = "FILE",
            description = "Starting cloud, CSV with header x1,...,xn[,rho] (default: uniform on the unit cube for "
                    + "hopfield, standard normal for euclidean).")
    Path init;

    @Option(names = "--temperature", defaultValue = "25", paramLabel = "T",
            description = "Temperature T >= 0 (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--step", defaultValue = "1e-4", paramLabel = "h", description = "Time step h > 0 (default: ${DEFAULT-VALUE}).")
    double step;

    @CommandLine.ArgGroup(exclusive = true)
    Duration duration;

    static final class Duration {
        @Option(names = "--steps", required = true, paramLabel = "K", description = "Number of steps K (default: 1000).")
        Long steps;

        @Option(names = "--time", required = true, paramLabel = "t",
                description = "Physical time to reach: K = round(t/h) steps (instead of --steps).")
        Double time;
    }

    @Option(names = "--scheme", defaultValue = "euler", paramLabel = "S",
            description = "SDE scheme: euler (explicit Euler-Maruyama), isometric (drift-implicit in isometric "
                    + "coordinates) or splitting (Strang splitting with the exact barrier flow) (default: ${DEFAULT-VALUE}).")
    SchemeName scheme;

    @Option(names = "--boundary", defaultValue = "reflect", paramLabel = "POLICY",
            description = "What euler does with a coordinate that leaves the cube: reflect or project "
                    + "(default: ${DEFAULT-VALUE}).")
    BoundaryName boundary;

    @Option(names = "--snapshot-every", defaultValue = "100", paramLabel = "K",
            description = "Write a snapshot every K steps; the first and last are always written (default: ${DEFAULT-VALUE}).")
    long snapshotEvery;

    @Option(names = "--snapshot-format", paramLabel = "csv|npy", defaultValue = "csv",
            description = "Snapshot files: csv (x1,...,xn,rho) or npy (NumPy float64, N x (n+1), values last) "
                    + "(default: ${DEFAULT-VALUE}).")
    String snapshotFormat;

    @Option(names = "--json", description = "Print summary.json on stdout instead of the text report.")
    boolean json;

    @Mixin
    RunControl control;

    @Mixin
    ObjectiveOptions objectiveOptions;

    @Override
    public Integer call() {
        io.github.hopflow.examples.snapshot.SnapshotFormat format =
                io.github.hopflow.examples.snapshot.SnapshotFormat.parse("--snapshot-format", snapshotFormat);
        dimension = objectiveOptions.dimension(objective, dimension);
        Checks.positive("--step", step);
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("--temperature must be a finite number >= 0, got " + temperature);
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("--dim must be > 0, got " + dimension);
        }
        if (particles != null) {
            Sizes.requireFits("--particles " + particles + " with --dim " + dimension,
                    Sizes.product(Math.max(0, particles), dimension), 4);
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("--snapshot-every must be >= 1, got " + snapshotEvery);
        }
        int threadCount = control.threads();
        long steps = steps();
        RunLength.requireSnapshots(steps, snapshotEvery);
        Objective f = objectiveOptions.objective(objective, dimension);
        DiagonalMetric g = metricOptions.metric(dimension);
        StepLimit.require(g, temperature, step);
        DiffusionMachine machine = DiffusionMachine.of(g, f, temperature);

        SplittableUniformRandomProvider rng = (SplittableUniformRandomProvider) RandomSource.L64_X128_MIX.create(control.seed());
        WeightedPointCloud start = startingCloud(g, rng.split());
        int count = start.size();

        OutputDirectory dir = OutputDirectory.prepare(out, control.force());
        Path snapshots = dir.folder("snapshots");
        int[] written = new int[1];
        long[] lastWritten = {-1};
        StepHandler writer = new StepHandler() {
            @Override
            public void init(Snapshot initial, double finalTime) {
                write(initial);
            }

            @Override
            public void handleStep(Snapshot s) {
                write(s);
            }

            @Override
            public void finish(Snapshot last) {
                write(last);
            }

            private void write(Snapshot s) {
                if (s.step() == lastWritten[0]) {
                    return;
                }
                lastWritten[0] = s.step();
                format.write(dir.resolve(String.format(Locale.ROOT, "snapshots/step-%06d.%s", s.step(),
                        format.extension())), s.cloud(), CloudCsv.ValueColumn.NONE);
                written[0]++;
            }
        };

        RunResult result;
        try (ParticleEngine engine = ParticleEngine.builder(machine).particles(count).step(step).scheme(scheme.scheme)
                .boundary(boundary.policy).threads(threadCount).random(rng).build();
                Interruption stop = Interruption.install();
                Progress progress = Progress.start("sample", Math.max(1, steps), control.quiet())) {
            result = engine.run(start, RunOptions.steps(steps).withSnapshotEvery(snapshotEvery)
                    .withCancellation(stop).withProgress(progress::stepTo), writer);
            Map<String, Object> summary = summary(count, threadCount, steps, result, written[0]);
            summary = Json.summary(summary);
            Json.write(dir.resolve("summary.json"), summary);
            progress.close();
            PrintWriter stdout = spec.commandLine().getOut();
            if (json) {
                stdout.println(Json.line(summary));
            } else {
                stdout.printf(Locale.ROOT, "sampled %d particles in %d dimensions for %d steps (t = %s), %s scheme%s%n",
                        count, dimension, result.steps(), io.github.hopflow.examples.plot.Numbers.compact(result.last().time()),
                        scheme.name().toLowerCase(Locale.ROOT), result.cancelled() ? " (interrupted)" : "");
                stdout.printf(Locale.ROOT, "%,.0f particle-steps/s; %.3f s wall time; %d boundary exits%n",
                        result.particleStepsPerSecond(), result.elapsedNanos() / 1e9, result.boundaryExits());
                stdout.printf(Locale.ROOT, "wrote %d snapshots to %s and %s%n", written[0], snapshots,
                        dir.path().resolve("summary.json"));
            }
            stdout.flush();
        }
        return 0;
    }

    private long steps() {
        if (duration == null) {
            return 1000;
        }
        if (duration.steps != null) {
            return RunLength.steps(duration.steps);
        }
        return RunLength.stepsFor(duration.time, step);
    }

    private WeightedPointCloud startingCloud(DiagonalMetric g, UniformRandomProvider rng) {
        if (init != null) {
            WeightedPointCloud cloud = CliFiles.read("--init", init, g, true);
            if (particles != null && particles != cloud.size()) {
                throw new IllegalArgumentException("--init " + init + " has " + cloud.size()
                        + " points but --particles is " + particles);
            }
            return WeightedPointCloud.unweighted(dimension, cloud.positions());
        }
        int count = particles == null ? DEFAULT_PARTICLES : particles;
        if (count <= 0) {
            throw new IllegalArgumentException("--particles must be > 0, got " + count);
        }
        double[] x = new double[count * dimension];
        if (metricOptions.bounded()) {
            for (int k = 0; k < x.length; k++) {
                x[k] = rng.nextDouble();
            }
        } else {
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int k = 0; k < x.length; k++) {
                x[k] = normal.sample();
            }
        }
        return WeightedPointCloud.unweighted(dimension, x);
    }

    private Map<String, Object> summary(int count, int threadCount, long steps, RunResult result, int snapshots) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("command", "sample");
        s.put("objective", objective);
        s.put("dim", dimension);
        s.put("particles", count);
        s.put("temperature", temperature);
        metricOptions.describeInto(s, dimension);
        s.put("scheme", scheme.name().toLowerCase(Locale.ROOT));
        s.put("boundary", boundary.name().toLowerCase(Locale.ROOT));
        s.put("step", step);
        s.put("steps_requested", steps);
        s.put("steps", result.steps());
        s.put("final_time", result.last().time());
        s.put("seed", control.seed());
        objectiveOptions.describeInto(s);
        s.put("threads", threadCount);
        s.put("block_size", ParticleEngine.DEFAULT_BLOCK_SIZE);
        s.put("snapshot_every", snapshotEvery);
        s.put("snapshots", snapshots);
        s.put("init", init == null ? (metricOptions.bounded() ? "uniform" : "standard normal") : init.toString());
        s.put("cancelled", result.cancelled());
        s.put("wall_seconds", result.elapsedNanos() / 1e9);
        s.put("particle_steps_per_second", result.particleStepsPerSecond());
        s.put("coordinate_updates_per_second", result.particleStepsPerSecond() * dimension);
        s.put("boundary_exits", result.boundaryExits());
        s.put("boundary_exits_per_particle_step", result.boundaryExitRate());
        return s;
    }
}
