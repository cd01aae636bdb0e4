package io.github.hopflow.examples.himmelblau;

import io.github.hopflow.examples.analysis.DensityModes;
import io.github.hopflow.examples.analysis.ModeMatch;
import io.github.hopflow.examples.analysis.ShapeSpread;
import io.github.hopflow.examples.cli.Json;
import io.github.hopflow.examples.figures.EvolutionFigure;
import io.github.hopflow.examples.figures.EvolutionPlots;
import io.github.hopflow.examples.figures.FreeEnergyFigure;
import io.github.hopflow.examples.figures.RuntimeFigure;
import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.FigureFiles;
import io.github.hopflow.examples.plot.FigureFormat;
import io.github.hopflow.examples.plot.ImageFiles;
import io.github.hopflow.examples.snapshot.Snapshot;
import io.github.hopflow.examples.snapshot.SnapshotDirectory;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.flow.ComparedValues;
import io.github.hopflow.wasserstein.flow.DensityFlow;
import io.github.hopflow.wasserstein.flow.FlowListener;
import io.github.hopflow.wasserstein.flow.FlowOptions;
import io.github.hopflow.wasserstein.flow.FlowResult;
import io.github.hopflow.wasserstein.flow.FlowStep;
import io.github.hopflow.wasserstein.flow.ProximalValues;
import io.github.hopflow.wasserstein.flow.ThinnedTrace;
import io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckSolution;
import io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckSolver;
import io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckState;
import io.github.hopflow.wasserstein.fokkerplanck.ValueAccuracy;
import io.github.hopflow.wasserstein.gibbs.GibbsDensity;
import io.github.hopflow.wasserstein.gibbs.LogPartition;
import io.github.hopflow.wasserstein.gibbs.PartitionFunction;
import io.github.hopflow.wasserstein.prox.ProximalStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The paper's Himmelblau example end to end (HNN paper, Sec. V-C): N uniform samples with
 * ϱ₀ = 1 are propagated by the density flow — one SDE step of the diffusion machine (58) and one
 * entropic proximal step (54) per time step — while snapshots are written to
 * {@code OUT/snapshots}; then the figures (geodesic balls, objective, stationary density,
 * evolution grid and animation, runtime, free energy) and {@code summary.json} are written.
 *
 * <p>The density modes of the final cloud ({@link DensityModes}) are compared with the four
 * minimisers of (59); the spread of log ϱ + f/T ({@link ShapeSpread}) measures how closely the
 * values have taken the shape of ρ∞.
 */
public final class HimmelblauExperiment {

    /** Distance within which a found mode counts as one of the minimisers in the summary. */
    public static final double MODE_TOLERANCE = 0.03;
    /** At most this many animation frames (spread over the snapshots). */
    static final int MAX_GIF_FRAMES = 40;
    /** The most snapshots kept in memory for the figures and the mode estimate. */
    static final int KEPT_SNAPSHOTS = 512;

    /** At most about this many points are pooled for the mode estimate. */
    static final int MAX_POOLED_POINTS = 40_000;

    private final HimmelblauSettings settings;
    private final OutputDirectory out;
    private final io.github.hopflow.examples.snapshot.SnapshotFormat format;
    private final io.github.hopflow.examples.plot.ColourMap colourMap;
    private final FigureFormat figureFormat;
    private final ScaledHimmelblau objective = ScaledHimmelblau.of();
    private final HopfieldMetric metric;

    private HimmelblauExperiment(HimmelblauSettings settings, OutputDirectory out,
            io.github.hopflow.examples.snapshot.SnapshotFormat format, io.github.hopflow.examples.plot.ColourMap map,
            FigureFormat figureFormat) {
        this.settings = settings;
        this.out = out;
        this.format = format;
        this.colourMap = map;
        this.figureFormat = figureFormat;
        this.metric = HopfieldMetric.paperExample(2, settings.beta());
    }

    /** An experiment writing into the (prepared) directory {@code out}, snapshots in CSV. */
    public static HimmelblauExperiment of(HimmelblauSettings settings, OutputDirectory out) {
        return of(settings, out, io.github.hopflow.examples.snapshot.SnapshotFormat.CSV,
                io.github.hopflow.examples.plot.ColourMap.DEFAULT);
    }

    /**
     * An experiment writing into the (prepared) directory {@code out}, snapshots in {@code format},
     * densities coloured by {@code map}.
     */
    public static HimmelblauExperiment of(HimmelblauSettings settings, OutputDirectory out,
            io.github.hopflow.examples.snapshot.SnapshotFormat format, io.github.hopflow.examples.plot.ColourMap map) {
        return of(settings, out, format, map, FigureFormat.PNG);
    }

    /** As {@link #of(HimmelblauSettings, OutputDirectory, io.github.hopflow.examples.snapshot.SnapshotFormat,
     * io.github.hopflow.examples.plot.ColourMap)}, the figures written in {@code figureFormat}. */
    public static HimmelblauExperiment of(HimmelblauSettings settings, OutputDirectory out,
            io.github.hopflow.examples.snapshot.SnapshotFormat format, io.github.hopflow.examples.plot.ColourMap map,
            FigureFormat figureFormat) {
        return new HimmelblauExperiment(settings, out, format, map, figureFormat);
    }

    /** Writes {@code figure} as {@code out/BASE.EXT} in the figure format. */
    private void figure(Figure figure, String base) {
        FigureFiles.write(figure, out.resolve(figureFormat.file(base)), figureFormat);
    }

    /**
     * Runs the flow and writes every output.
     *
     * @param progress told the number of steps done after each step
     * @param status told short messages (current free energy, what is being written)
     * @param cancelled polled before every step; the run then stops, keeps the snapshots written
     *     and still writes the figures and the summary of what was done
     */
    public HimmelblauOutcome run(LongConsumer progress, Consumer<String> status, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        double t = settings.temperature();
        LogPartition logZ = PartitionFunction.quadrature(objective, t, new double[] {0, 0}, new double[] {1, 1}, 1e-10);
        GibbsDensity gibbs = GibbsDensity.of(objective, t, logZ);
        status.accept("static figures");
        writeStaticFigures(gibbs);

        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(settings.seed());
        int n = 2;
        double[] x = new double[settings.particles() * n];
        for (int k = 0; k < x.length; k++) {
            double u;
            do {
                u = rng.nextDouble();
            } while (u == 0);
            x[k] = u;
        }
        WeightedPointCloud start = WeightedPointCloud.unweighted(n, x);
        SnapshotDirectory snapshots = SnapshotDirectory.in(out, "snapshots", format);
        // the figures and the mode estimate need a few hundred snapshots at most: a thinned record
        // keeps the memory of a long run bounded (every snapshot is still written to disk)
        ThinnedTrace<Snapshot> record = ThinnedTrace.create(KEPT_SNAPSHOTS);
        ThinnedTrace<double[]> paperRecord = ThinnedTrace.create(KEPT_SNAPSHOTS);
        ComparedValues values = ComparedValues.of(defaultValues(), paperValues());
        FlowListener listener = new FlowListener() {
            @Override
            public void onStep(FlowStep d) {
                progress.accept(d.step());
                if (d.step() % 10 == 0) {
                    status.accept(String.format(java.util.Locale.ROOT, "F = %.3f", d.freeEnergy()));
                }
            }

            @Override
            public void onSnapshot(long step, double time, WeightedPointCloud cloud) {
                snapshots.write((int) step, cloud);
                record.add(step, new Snapshot((int) step, time, cloud));
                double[] paper = values.secondaryValues();
                paperRecord.add(step, paper == null ? cloud.values() : paper);
            }
        };
        FlowResult result;
        long flowStart = System.nanoTime();
        DiffusionMachine machine = DiffusionMachine.of(metric, objective, t);
        try (ParticleEngine engine = ParticleEngine.builder(machine)
                .particles(settings.particles())
                .step(settings.step())
                .scheme(settings.scheme())
                .threads(settings.threads())
                .random(rng)
                .build()) {
            DensityFlow flow = DensityFlow.builder(engine).values(values).build();
            FlowOptions options = FlowOptions.steps(settings.steps())
                    .withSnapshotEvery(settings.snapshotEvery())
                    .withCancellation(cancelled);
            result = flow.run(start, options, listener);
        }
        double flowSeconds = (System.nanoTime() - flowStart) / 1e9;
        List<Snapshot> kept = new ArrayList<>(record.entries());
        if (record.last() != null && (kept.isEmpty() || kept.get(kept.size() - 1) != record.last())) {
            kept.add(record.last());
        }

        WeightedPointCloud last = result.cloud();
        List<DensityModes.Mode> modes = DensityModes.defaults().find(pooled(kept, last));
        List<ModeMatch> matches = ModeMatch.match(objective.globalMinimisers(), modes);
        double mad = ShapeSpread.mad(last, objective, t);
        status.accept("Fokker-Planck reference");
        List<double[]> paperKept = new ArrayList<>(paperRecord.entries());
        if (paperRecord.last() != null && (paperKept.isEmpty()
                || paperKept.get(paperKept.size() - 1) != paperRecord.last())) {
            paperKept.add(paperRecord.last());
        }
        FokkerPlanckSolver reference = FokkerPlanckSolver.builder().metric(metric).objective(objective)
                .temperature(t).cellsPerAxis(REFERENCE_CELLS).timeStep(Math.min(settings.step(),
                        FokkerPlanckSolver.DEFAULT_TIME_STEP)).uniformInitialDensity().build();
        HimmelblauAccuracy accuracy = accuracy(reference, kept, paperKept, values.name());
        HimmelblauOutcome outcome = new HimmelblauOutcome(settings, Math.toIntExact(result.stepsDone()), result.time(),
                result.cancelled(), modes, matches, mad, logZ.value(), logZ.minimumFreeEnergy(t),
                result.steps(), result.medianMillisPerStep(), flowSeconds,
                Math.toIntExact(record.added()), 0, accuracy);

        status.accept("summary");
        Json.write(out.resolve("summary.json"), Json.summary(HimmelblauSummary.of(outcome)));
        status.accept("figures");
        writeFlowFigures(kept, result.steps(), gibbs, logZ.minimumFreeEnergy(t));
        if (accuracy.measured()) {
            figure(HimmelblauFigures.accuracy(kept.get(kept.size() - 1), paperKept.get(paperKept.size() - 1),
                    lastReference, accuracy, colourMap), "accuracy");
        }
        double total = (System.nanoTime() - started) / 1e9;
        HimmelblauOutcome finished = outcome.withTotalSeconds(total);
        Json.write(out.resolve("summary.json"), Json.summary(HimmelblauSummary.of(finished)));
        return finished;
    }

    /** Cells per axis of the Fokker–Planck reference (grid-converged on the paper's example). */
    static final int REFERENCE_CELLS = 160;

    /** The solution at the last measured snapshot, for the figure. */
    private FokkerPlanckSolution lastReference;

    /** The flow's value update: the default of the density flow. */
    private io.github.hopflow.wasserstein.flow.ValueUpdate defaultValues() {
        return io.github.hopflow.wasserstein.flow.TransitionValues.of(metric, settings.threads());
    }

    /** The published value update (PROXRECUR with ε and the kernel-density normalisation). */
    private io.github.hopflow.wasserstein.flow.ValueUpdate paperValues() {
        return ProximalValues.of(ProximalStep.builder().metric(metric).epsilon(settings.epsilon())
                .parallelism(settings.threads()), DensityFlow.defaultNormalisation(metric, settings.threads()), true);
    }

    /** Both sets of values against ρ_t at every kept snapshot after the start. */
    private HimmelblauAccuracy accuracy(FokkerPlanckSolver reference, List<Snapshot> kept, List<double[]> paper,
            String valuesName) {
        String what = "Fokker-Planck solution, " + REFERENCE_CELLS + "x" + REFERENCE_CELLS + " cells";
        FokkerPlanckState state = reference.start();
        List<Long> steps = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        List<Double> mad = new ArrayList<>();
        List<Double> slope = new ArrayList<>();
        List<Double> paperMad = new ArrayList<>();
        List<Double> paperSlope = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Snapshot s = kept.get(i);
            if (s.step() == 0) {
                continue;
            }
            FokkerPlanckSolution rho = state.advanceTo(s.time());
            lastReference = rho;
            ValueAccuracy a = ValueAccuracy.of(s.cloud(), rho);
            ValueAccuracy p = ValueAccuracy.of(s.cloud().withValues(paper.get(i)), rho);
            steps.add((long) s.step());
            times.add(s.time());
            mad.add(a.mad());
            slope.add(a.slope());
            paperMad.add(p.mad());
            paperSlope.add(p.slope());
        }
        return steps.isEmpty() ? HimmelblauAccuracy.none(what, valuesName)
                : new HimmelblauAccuracy(what, valuesName, steps, times, mad, slope, paperMad, paperSlope);
    }

    private void writeStaticFigures(GibbsDensity gibbs) {
        figure(HimmelblauFigures.geodesicBalls(metric, new double[] {0.5, 0.5}), "geodesic-balls");
        figure(HimmelblauFigures.objective(objective), "objective");
        figure(HimmelblauFigures.stationary((a, b) -> gibbs.density(new double[] {a, b}, 0),
                objective.globalMinimisers(), settings.temperature(), colourMap), "stationary");
    }

    private void writeFlowFigures(List<Snapshot> kept, List<FlowStep> diagnostics, GibbsDensity gibbs, double fMin) {
        if (kept.isEmpty()) {
            return;
        }
        List<Integer> steps = new ArrayList<>();
        for (Snapshot s : kept) {
            steps.add(s.step());
        }
        String heading = "Weighted point-cloud evolution of the diffusion machine (58), (59): N = "
                + settings.particles() + ", T = " + io.github.hopflow.examples.plot.Numbers.compact(settings.temperature())
                + ", h = " + io.github.hopflow.examples.plot.Numbers.compact(settings.step())
                + ", ε = " + io.github.hopflow.examples.plot.Numbers.compact(settings.epsilon());
        EvolutionFigure grid = figure(select(kept, SnapshotDirectory.spread(steps, settings.frames())), gibbs, heading);
        figure(grid.grid(EvolutionPlots.columns(Math.min(settings.frames(), kept.size()))), "evolution");
        EvolutionFigure anim = figure(select(kept, SnapshotDirectory.spread(steps, MAX_GIF_FRAMES)), gibbs,
                "Himmelblau density flow");
        ImageFiles.writeGif(anim.frames(), out.resolve("evolution.gif"), EvolutionPlots.FRAME_MILLIS);
        if (!diagnostics.isEmpty()) {
            double[] ms = new double[diagnostics.size()];
            double[] times = new double[diagnostics.size()];
            double[] free = new double[diagnostics.size()];
            for (int i = 0; i < ms.length; i++) {
                ms[i] = diagnostics.get(i).millis();
                times[i] = diagnostics.get(i).time();
                free[i] = diagnostics.get(i).freeEnergy();
            }
            figure(RuntimeFigure.render(ms, "Computation time of the proximal recursion (54), h = "
                    + io.github.hopflow.examples.plot.Numbers.compact(settings.step())), "runtime");
            figure(FreeEnergyFigure.render(times, free, fMin), "free-energy");
        }
    }

    private EvolutionFigure figure(List<Snapshot> snaps, GibbsDensity gibbs, String heading) {
        EvolutionFigure.Builder b = EvolutionFigure.of(snaps).heading(heading).colourMap(colourMap);
        EvolutionPlots.withStationary(b, (a, c) -> gibbs.density(new double[] {a, c}, 0), objective.globalMinimisers());
        return b.build();
    }

    /**
     * The points of the snapshots in the second half of the run (time ≥ half the time reached),
     * the final cloud first, thinned to about {@value #MAX_POOLED_POINTS} points by taking every
     * few snapshots: samples of the (by then stationary) density, pooled over time to reduce the
     * sampling noise of the mode estimate.
     */
    public static WeightedPointCloud pooled(List<Snapshot> kept, WeightedPointCloud last) {
        double half = kept.isEmpty() ? 0 : 0.5 * kept.get(kept.size() - 1).time();
        List<Snapshot> late = new ArrayList<>();
        for (Snapshot s : kept) {
            if (s.time() >= half) {
                late.add(s);
            }
        }
        // every stride-th snapshot, counted back from the last, keeps the pool near MAX_POOLED_POINTS
        int stride = Math.max(1, (int) Math.ceil((double) late.size() * last.size() / MAX_POOLED_POINTS));
        List<WeightedPointCloud> parts = new ArrayList<>();
        for (int k = late.size() - 1; k >= 0; k -= stride) {
            parts.add(late.get(k).cloud());
        }
        if (parts.isEmpty()) {
            parts.add(last);
        }
        int n = last.dimension();
        int total = 0;
        for (WeightedPointCloud c : parts) {
            total += c.size();
        }
        double[] x = new double[total * n];
        double[] v = new double[total];
        int at = 0;
        for (WeightedPointCloud c : parts) {
            double[] positions = c.positions();
            System.arraycopy(positions, 0, x, at * n, positions.length);
            double[] values = c.values();
            System.arraycopy(values, 0, v, at, values.length);
            at += c.size();
        }
        return WeightedPointCloud.of(n, x, v);
    }

    private static List<Snapshot> select(List<Snapshot> all, List<Integer> steps) {
        List<Snapshot> out = new ArrayList<>();
        for (Snapshot s : all) {
            if (steps.contains(s.step())) {
                out.add(s);
            }
        }
        return out;
    }
}
