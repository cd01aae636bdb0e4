package io.github.hopflow.examples.maxcut;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.network.CutSearch;
import io.github.hopflow.geometry.network.QuadraticEnergy;
import io.github.hopflow.geometry.network.SymmetricSparseMatrix;
import io.github.hopflow.geometry.network.WeightedGraph;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.Scheme;
import io.github.hopflow.sde.TemperatureSchedule;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Max-Cut by the diffusion machine: N particles follow the annealed stochastic Hopfield network on
 * the energy f(x) = −cut(2x − 1) of {@link QuadraticEnergy#maxCut} (the spin relaxation: a
 * particle is a fractional partition x ∈ (0,1)ⁿ, and on a vertex f is minus the cut), under the
 * paper's example metric m_i = 4βx_i(1 − x_i) (HNN paper, eq. (58)), which slows a coordinate as
 * it commits to a side. At checkpoints the particles are rounded to the nearest vertex
 * (side_i = [x_i ≥ ½]) and each vertex is polished by single-flip local search
 * ({@link CutSearch#polish}); the best polished partition is the answer.
 *
 * <p><b>Scales.</b> The gradient ∂f/∂x_i = (Ws)_i is the local field of node i. Its typical size at
 * a random partition, σ = (mean_i Σ_k W_ik²)^{1/2}, sets the temperatures and the step: the
 * temperature falls geometrically from T₀ = a·σ (above the ordering temperature of the spins, so
 * that the cloud starts disordered) to T₁ = b·σ (where single flips against the field are rare),
 * and the step is h = c/σ, so that one step moves a coordinate by a fixed fraction of the cube
 * whatever the weights' scale, capped at half the engine's noise limit at T₀ (√(2T₀h) at most a
 * quarter of the narrowest isometric width). The steps use the isometric splitting scheme.
 *
 * <p><b>Defaults</b>, chosen by a sweep at a budget of 10⁵ with 3 seeds on a G(800, 0.06) graph with
 * unit weights and a 20 × 40 toroidal grid with ±1 weights, over a ∈ {0.5, 1, 2},
 * b ∈ {0.005, 0.02, 0.05, 0.07, 0.1}, c ∈ {0.05, 0.2, 1}, N ∈ {4, 8, 16, 32} and P ∈ {8, 64}:
 * N = 16, a = 0.5 and b = 0.05 were best on both (colder ends freeze the particles before the
 * polish, warmer ones leave them unsettled); c = 0.2 already reaches the cap, so larger c changes
 * nothing; more checkpoints did not help. β = ¼ is the paper's example.
 *
 * <p><b>Cost.</b> A step costs N gradients, one sparse product each (the stored entries of W), and
 * counts N evaluations; a polish counts one evaluation (its field h = Ws) plus its flips, each the
 * degree of the flipped node. The budget E plans the run: P checkpoints spread over the second
 * half of the run cost P·N, and the steps take the rest, ⌊(E − P·N)/N⌋.
 *
 * <p>Reproducible: the particles' noise comes from the generator passed in, split per block of
 * particles, so the result does not depend on the number of threads.
 */
public final class MaxCutSearch {

    /**
     * The hyper-parameters.
     *
     * @param particles N ≥ 1
     * @param beta the gain β of the metric, &gt; 0
     * @param startTemperature a: T₀ = a·σ, &gt; 0
     * @param endTemperature b: T₁ = b·σ, 0 &lt; b ≤ a
     * @param step c: h = c/σ, &gt; 0
     * @param checkpoints P ≥ 1, the rounding-and-polish checkpoints
     */
    public record Settings(int particles, double beta, double startTemperature, double endTemperature, double step,
            int checkpoints) {

        /** The defaults (see the class description). */
        public static Settings defaults() {
            return new Settings(16, 0.25, 0.5, 0.05, 0.2, 8);
        }

        /** Checks every field, naming the bad one. */
        public Settings {
            if (particles < 1) {
                throw new IllegalArgumentException("particles must be ≥ 1, got " + particles);
            }
            Checks.positive("beta", beta);
            Checks.positive("startTemperature", startTemperature);
            Checks.positive("endTemperature", endTemperature);
            if (endTemperature > startTemperature) {
                throw new IllegalArgumentException("endTemperature must be ≤ startTemperature = " + startTemperature
                        + ", got " + endTemperature);
            }
            Checks.positive("step", step);
            if (checkpoints < 1) {
                throw new IllegalArgumentException("checkpoints must be ≥ 1, got " + checkpoints);
            }
        }
    }

    /**
     * The outcome of a search.
     *
     * @param partition the best partition, one 0/1 per node
     * @param cut its cut weight
     * @param evaluations the evaluations spent (gradients and polish fields)
     * @param flips the single flips of the polishes
     * @param steps the SDE steps
     * @param fieldScale σ
     */
    public record Result(int[] partition, double cut, long evaluations, long flips, long steps, double fieldScale) {
    }

    private final Settings settings;

    private MaxCutSearch(Settings settings) {
        this.settings = settings;
    }

    /** The search with these settings. */
    public static MaxCutSearch of(Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        return new MaxCutSearch(settings);
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** The smallest budget that buys one step and the checkpoints. */
    public long minimumBudget() {
        return (long) settings.particles() * (settings.checkpoints() + 1);
    }

    /**
     * Runs the search.
     *
     * @param graph the graph
     * @param budget E ≥ {@link #minimumBudget()}
     * @param random the noise; split (or jumped) per block of particles
     * @param threads worker threads ≥ 1 (the result does not depend on them)
     * @param progress told the evaluations spent after every step (may be null)
     * @param stop polled after every step: true ends the search early, with the particles rounded and
     *     polished once more (may be null)
     */
    public Result solve(WeightedGraph graph, long budget, UniformRandomProvider random, int threads,
            LongConsumer progress, BooleanSupplier stop) {
        if (budget < minimumBudget()) {
            throw new IllegalArgumentException("budget must be ≥ " + minimumBudget() + " (" + settings.particles()
                    + " particles x (" + settings.checkpoints() + " checkpoints + 1 step)), got " + budget);
        }
        int n = graph.nodes();
        int count = settings.particles();
        double sigma = fieldScale(graph.weights());
        if (sigma == 0) {
            // no edges: every partition cuts 0
            return new Result(new int[n], 0, 0, 0, 0, 0);
        }
        QuadraticEnergy f = QuadraticEnergy.maxCut(graph);
        HopfieldMetric metric = HopfieldMetric.paperExample(n, settings.beta());
        long steps = (budget - (long) settings.checkpoints() * count) / count;
        double t0 = settings.startTemperature() * sigma;
        double t1 = settings.endTemperature() * sigma;
        double h = Math.min(settings.step() / sigma, 0.5 * ParticleEngine.maxStep(metric, t0));
        double duration = steps * h;
        TemperatureSchedule schedule = t1 < t0
                ? TemperatureSchedule.exponential(t0, duration / Math.log(t0 / t1), t1)
                : TemperatureSchedule.constant(t0);
        DiffusionMachine machine = DiffusionMachine.of(metric, f, schedule);
        double[] x = new double[count * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.4 + 0.2 * random.nextDouble();
        }
        int block = Math.max(1, (count + 7) / 8);
        long evaluations = 0;
        int done = 0;
        Best best = new Best(graph);
        try (ParticleEngine engine = ParticleEngine.builder(machine).particles(count).step(h).random(random)
                .threads(threads).blockSize(block).scheme(Scheme.ISOMETRIC_SPLITTING).build()) {
            for (long k = 0; k < steps; k++) {
                engine.advance(x, k * h);
                evaluations += count;
                long checkpointStep = steps / 2 + (long) Math.ceil((steps - steps / 2) * (done + 1.0)
                        / settings.checkpoints()) - 1;
                boolean stopped = stop != null && stop.getAsBoolean();
                if (done < settings.checkpoints() && (k >= checkpointStep || stopped)) {
                    done++;
                    evaluations += best.offer(x, count);
                }
                if (progress != null) {
                    progress.accept(evaluations);
                }
                if (stopped) {
                    steps = k + 1;
                    break;
                }
            }
        }
        return new Result(best.side, best.cut, evaluations, best.flips, steps, sigma);
    }

    /** The best polished partition so far. */
    private static final class Best {
        private final WeightedGraph graph;
        private final int[] trial;
        private int[] side;
        private double cut = Double.NEGATIVE_INFINITY;
        private long flips;

        Best(WeightedGraph graph) {
            this.graph = graph;
            this.trial = new int[graph.nodes()];
        }

        /** Rounds and polishes each particle, keeping the best; returns the evaluations spent. */
        int offer(double[] x, int count) {
            int n = graph.nodes();
            for (int p = 0; p < count; p++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[p * n + i] >= 0.5 ? 1 : 0;
                }
                flips += CutSearch.polish(graph, trial);
                double c = graph.cut(trial);
                if (c > cut) {
                    cut = c;
                    side = trial.clone();
                }
            }
            return count;
        }
    }

    /** σ = (mean_i Σ_k W_ik²)^{1/2}, the typical local field at a random partition. */
    static double fieldScale(SymmetricSparseMatrix w) {
        return Math.sqrt(w.frobeniusSquared() / w.size());
    }
}
