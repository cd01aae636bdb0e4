package io.github.hopflow.geometry.network;

import io.github.hopflow.geometry.internal.Checks;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Discrete searches on the partitions of a weighted graph, over the spins s_i = ±1 (side 1 ↔ +1):
 * the cut weight is cut(s) = ¼ Σ_ij W_ij (1 − s_i s_j), and flipping s_j changes it by the gain
 * s_j h_j, where h = Ws is the local field. Both searches keep h up to date as they flip, so a
 * flip costs the degree of its node, and a sweep over all nodes costs the stored entries of W.
 *
 * <ul>
 *   <li>{@link #polish}: single-flip local search. Sweeps the nodes in order and flips every node
 *       with a positive gain until a sweep flips none; the result is 1-opt (no single flip raises
 *       the cut), and the cut only grows.</li>
 *   <li>{@link #anneal}: single-flip simulated annealing (Kirkpatrick, Gelatt and Vecchi 1983): a
 *       sweep visits every node in order and flips it with the Metropolis probability
 *       min(1, e^{gain/T}); the temperature falls geometrically from T₀ to T₁ over the sweeps; the
 *       best of the partitions at the ends of the sweeps is polished and returned.</li>
 * </ul>
 */
public final class CutSearch {

    private CutSearch() {
    }

    /**
     * Single-flip local search from {@code side}.
     *
     * @param graph the graph
     * @param side each node's side, 0 or 1. Modified: the 1-opt partition reached.
     * @return the flips made
     */
    public static long polish(WeightedGraph graph, int[] side) {
        SymmetricSparseMatrix w = graph.weights();
        int n = w.size();
        requireSides(n, side);
        int[] starts = w.columnStarts();
        int[] rows = w.rows();
        double[] values = w.values();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = side[i] != 0 ? 1.0 : -1.0;
        }
        double[] h = new double[n];
        w.multiply(s, 0, h, 0);
        long flips = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int j = 0; j < n; j++) {
                // a tolerance keeps round-off in h from flipping a node back and forth
                if (s[j] * h[j] > 1e-12 * (1 + Math.abs(h[j]))) {
                    flip(j, s, h, starts, rows, values);
                    flips++;
                    changed = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            side[i] = s[i] > 0 ? 1 : 0;
        }
        return flips;
    }

    /**
     * Single-flip simulated annealing from a uniformly random partition.
     *
     * @param graph the graph
     * @param sweeps the sweeps, ≥ 1
     * @param startTemperature T₀ &gt; 0
     * @param endTemperature T₁, 0 &lt; T₁ ≤ T₀
     * @param random the source of the start partition and the acceptance draws
     * @return the best partition at the end of a sweep, polished ({@link #polish}), one 0/1 per node
     */
    public static int[] anneal(WeightedGraph graph, int sweeps, double startTemperature, double endTemperature,
            UniformRandomProvider random) {
        if (sweeps < 1) {
            throw new IllegalArgumentException("sweeps must be ≥ 1, got " + sweeps);
        }
        Checks.positive("startTemperature", startTemperature);
        if (!(endTemperature > 0 && endTemperature <= startTemperature)) {
            throw new IllegalArgumentException("endTemperature must lie in (0, startTemperature = " + startTemperature
                    + "], got " + endTemperature);
        }
        SymmetricSparseMatrix w = graph.weights();
        int n = w.size();
        int[] starts = w.columnStarts();
        int[] rows = w.rows();
        double[] values = w.values();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = random.nextBoolean() ? 1.0 : -1.0;
        }
        double[] h = new double[n];
        w.multiply(s, 0, h, 0);
        double cut = 0.25 * (w.total() - dot(s, h));
        double best = cut;
        double[] bestS = s.clone();
        double ratio = sweeps == 1 ? 1 : Math.pow(endTemperature / startTemperature, 1.0 / (sweeps - 1));
        double t = startTemperature;
        for (int sweep = 0; sweep < sweeps; sweep++, t *= ratio) {
            double inverse = 1 / t;
            for (int j = 0; j < n; j++) {
                double gain = s[j] * h[j];
                if (gain >= 0 || random.nextDouble() < Math.exp(gain * inverse)) {
                    flip(j, s, h, starts, rows, values);
                    cut += gain;
                }
            }
            if (cut > best) {
                best = cut;
                System.arraycopy(s, 0, bestS, 0, n);
            }
        }
        int[] side = new int[n];
        for (int i = 0; i < n; i++) {
            side[i] = bestS[i] > 0 ? 1 : 0;
        }
        polish(graph, side);
        return side;
    }

    /** The most nodes {@link #exhaustive} accepts. */
    public static final int MAX_EXHAUSTIVE_NODES = 26;

    /**
     * The largest cut by enumeration of all 2ⁿ⁻¹ partitions (node 0 fixed on side 0), in Gray-code
     * order so that each partition differs from the last by one flip and costs one node's degree.
     *
     * @param graph at most {@value #MAX_EXHAUSTIVE_NODES} nodes
     * @return a partition of the largest cut weight, one 0/1 per node
     */
    public static int[] exhaustive(WeightedGraph graph) {
        SymmetricSparseMatrix w = graph.weights();
        int n = w.size();
        if (n > MAX_EXHAUSTIVE_NODES) {
            throw new IllegalArgumentException("exhaustive search takes at most " + MAX_EXHAUSTIVE_NODES
                    + " nodes, got " + n);
        }
        int[] starts = w.columnStarts();
        int[] rows = w.rows();
        double[] values = w.values();
        double[] s = new double[n];
        java.util.Arrays.fill(s, -1);
        double[] h = new double[n];
        w.multiply(s, 0, h, 0);
        double cut = 0; // every node on side 0
        double best = 0;
        long bestCode = 0;
        long count = 1L << Math.max(0, n - 1);
        for (long g = 1; g < count; g++) {
            // the Gray code g ^ (g >> 1) flips the lowest set bit of g: node 1 + that bit
            int j = 1 + Long.numberOfTrailingZeros(g);
            cut += s[j] * h[j];
            flip(j, s, h, starts, rows, values);
            if (cut > best) {
                best = cut;
                bestCode = g ^ (g >> 1);
            }
        }
        int[] side = new int[n];
        for (int i = 1; i < n; i++) {
            side[i] = (int) ((bestCode >> (i - 1)) & 1);
        }
        return side;
    }

    /** Flips s_j and updates the fields h = Ws of its neighbours (column j of W's storage). */
    private static void flip(int j, double[] s, double[] h, int[] starts, int[] rows, double[] values) {
        double delta = -2 * s[j];
        s[j] = -s[j];
        for (int k = starts[j]; k < starts[j + 1]; k++) {
            h[rows[k]] += delta * values[k];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void requireSides(int n, int[] side) {
        if (side.length != n) {
            throw new IllegalArgumentException("a partition of " + n + " nodes needs " + n + " sides, got " + side.length);
        }
    }
}
