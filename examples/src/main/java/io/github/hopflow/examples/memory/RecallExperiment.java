package io.github.hopflow.examples.memory;

import io.github.hopflow.geometry.flow.DeterministicFlows;
import io.github.hopflow.geometry.flow.FlowMethod;
import io.github.hopflow.geometry.flow.Trajectory;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.network.HebbianWeights;
import io.github.hopflow.geometry.network.QuadraticEnergy;
import io.github.hopflow.geometry.network.SymmetricSparseMatrix;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Recall in a Hopfield associative memory: K patterns ξ^μ ∈ {±1}ⁿ stored with Hebbian weights
 * ({@link HebbianWeights}), a cue made from pattern 1 by flipping a fraction p of its bits, and the
 * state recalled from the cue by two dynamics on the Ising energy H(s) = −½ sᵀWs of s = 2x − 1
 * ({@link QuadraticEnergy#ising}), under the paper's example metric (gain β):
 * <ul>
 *   <li>{@code hopfield}: the deterministic Hopfield network, mirror descent in the hidden state
 *       x_H ← x_H − h∇f(σ(x_H)) ({@link FlowMethod#MIRROR}, the explicit Euler step of eq. (1));</li>
 *   <li>{@code diffusion}: the diffusion machine at a low constant temperature T (the isometric
 *       splitting scheme), whose noise lets the state leave shallow spurious minima.</li>
 * </ul>
 * Both start from x = ½ + c·s_cue with c = 0.4 (inside the cube, on the cue's side of every unit)
 * and run to time t_end; the recalled spins are s_i = sign(x_i − ½), and the overlap
 * m = (1/n) Σ_i ξ¹_i s_i is 1 for perfect recall and about 0 for none.
 *
 * <p>Trial r of a cell (load, noise) draws its patterns, cue and noise from a stream derived from
 * (seed, cell, r) only, so results do not depend on the order or the threads.
 */
public final class RecallExperiment {

    /** One cell of the table. */
    public record Cell(int patterns, double load, double noise, String method, double meanOverlap,
            double perfectFraction, int trials) {
    }

    /**
     * The settings.
     *
     * @param units n ≥ 2
     * @param loads the loads K/n (each giving K = round(load·n) ≥ 1 random patterns), or null with {@code patterns}
     * @param patterns stored patterns (K × n of ±1), or null for random ones
     * @param noises the fractions p of flipped cue bits, each in [0, 1]
     * @param trials trials per cell ≥ 1
     * @param temperature T &gt; 0 of the diffusion machine
     * @param beta the metric's gain β &gt; 0
     * @param step h &gt; 0 of both dynamics
     * @param time t_end &gt; 0
     * @param seed the seed
     */
    public record Settings(int units, double[] loads, int[][] patterns, double[] noises, int trials, double temperature,
            double beta, double step, double time, long seed) {
    }

    private RecallExperiment() {
    }

    /** The steps of both dynamics, ⌈t_end/h⌉. */
    static int steps(Settings s) {
        return (int) Math.ceil(s.time() / s.step());
    }

    /**
     * Runs every cell: for each load (or the given patterns) and noise, the mean overlap and the
     * fraction of perfect recalls (m = 1) of each method.
     *
     * @param progress told the cells done (may be null)
     * @param stop polled between cells: true ends the run with the cells done (may be null)
     */
    public static List<Cell> run(Settings s, java.util.function.IntConsumer progress, BooleanSupplier stop) {
        int n = s.units();
        List<Cell> cells = new ArrayList<>();
        double[] loads = s.patterns() != null ? new double[] {(double) s.patterns().length / n} : s.loads();
        int cellIndex = 0;
        HopfieldMetric metric = HopfieldMetric.paperExample(n, s.beta());
        int steps = steps(s);
        for (double load : loads) {
            int k = s.patterns() != null ? s.patterns().length : Math.max(1, (int) Math.round(load * n));
            for (double p : s.noises()) {
                if (stop != null && stop.getAsBoolean()) {
                    return cells;
                }
                double[] overlapSum = new double[2];
                int[] perfect = new int[2];
                for (int r = 0; r < s.trials(); r++) {
                    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {s.seed(), cellIndex, r});
                    int[][] xi = s.patterns() != null ? s.patterns() : randomPatterns(rng, k, n);
                    SymmetricSparseMatrix w = HebbianWeights.of(xi);
                    QuadraticEnergy energy = QuadraticEnergy.ising(w, null);
                    double[] x0 = cue(xi[0], p, rng);
                    Trajectory t = DeterministicFlows.run(FlowMethod.MIRROR, energy, metric, x0, s.step(), steps);
                    double[] recalled = t.state(t.size() - 1);
                    double m0 = overlap(xi[0], recalled, 0);
                    double[] y = x0.clone();
                    DiffusionMachine machine = DiffusionMachine.of(metric, energy, s.temperature());
                    try (ParticleEngine engine = ParticleEngine.builder(machine).particles(1).step(s.step()).random(rng)
                            .scheme(Scheme.ISOMETRIC_SPLITTING).build()) {
                        engine.advance(y, 0.0, steps);
                    }
                    double m1 = overlap(xi[0], y, 0);
                    overlapSum[0] += m0;
                    overlapSum[1] += m1;
                    perfect[0] += m0 == 1 ? 1 : 0;
                    perfect[1] += m1 == 1 ? 1 : 0;
                }
                for (int method = 0; method < 2; method++) {
                    cells.add(new Cell(k, (double) k / n, p, method == 0 ? "hopfield" : "diffusion",
                            overlapSum[method] / s.trials(), (double) perfect[method] / s.trials(), s.trials()));
                }
                cellIndex++;
                if (progress != null) {
                    progress.accept(cellIndex);
                }
            }
        }
        return cells;
    }

    /** K random patterns of ±1. */
    static int[][] randomPatterns(UniformRandomProvider rng, int k, int n) {
        int[][] xi = new int[k][n];
        for (int mu = 0; mu < k; mu++) {
            for (int i = 0; i < n; i++) {
                xi[mu][i] = rng.nextBoolean() ? 1 : -1;
            }
        }
        return xi;
    }

    /** The cue: ξ with ⌊p·n⌉ distinct bits flipped, as x = ½ + 0.4·s. */
    static double[] cue(int[] xi, double p, UniformRandomProvider rng) {
        int n = xi.length;
        int flips = (int) Math.round(p * n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < flips; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.4 * xi[i];
        }
        for (int i = 0; i < flips; i++) {
            x[order[i]] = 1 - x[order[i]];
        }
        return x;
    }

    /** m = (1/n) Σ ξ_i sign(x_i − ½) (a unit at exactly ½ counts 0). */
    static double overlap(int[] xi, double[] x, int offset) {
        double s = 0;
        for (int i = 0; i < xi.length; i++) {
            double v = x[offset + i] - 0.5;
            s += xi[i] * Math.signum(v);
        }
        return s / xi.length;
    }

    /**
     * The smallest load at which the mean overlap of {@code method} at noise p falls below 0.9, or
     * NaN if it never does.
     */
    public static double breakdown(List<Cell> cells, String method, double p) {
        double best = Double.NaN;
        for (Cell c : cells) {
            if (c.method().equals(method) && c.noise() == p && c.meanOverlap() < 0.9
                    && (Double.isNaN(best) || c.load() < best)) {
                best = c.load();
            }
        }
        return best;
    }
}
