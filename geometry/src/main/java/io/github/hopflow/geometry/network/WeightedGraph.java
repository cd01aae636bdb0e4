package io.github.hopflow.geometry.network;

/**
 * An undirected weighted graph on nodes 0..n−1, held as its symmetric weight matrix W (W_ij = W_ji
 * = the total weight of the edges between i and j; self-loops, which no cut can separate, are
 * dropped), with the cut weight of a partition.
 *
 * <p>Immutable and thread-safe.
 */
public final class WeightedGraph {

    private final SymmetricSparseMatrix weights;
    private final int edges;

    private WeightedGraph(SymmetricSparseMatrix weights, int edges) {
        this.weights = weights;
        this.edges = edges;
    }

    /**
     * The graph with the given edges (0-based; an edge listed twice counts twice).
     *
     * @param nodes n &gt; 0
     * @param from one end of each edge, in [0, n). Not modified.
     * @param to the other end, in [0, n). Not modified.
     * @param weight the edges' weights, finite. Not modified.
     * @throws IllegalArgumentException naming the first bad edge
     */
    public static WeightedGraph of(int nodes, int[] from, int[] to, double[] weight) {
        int m = from.length;
        if (to.length != m || weight.length != m) {
            throw new IllegalArgumentException("from, to and weight must have the same length, got " + m + ", "
                    + to.length + " and " + weight.length);
        }
        int[] r = new int[2 * m];
        int[] c = new int[2 * m];
        double[] v = new double[2 * m];
        int k = 0;
        for (int e = 0; e < m; e++) {
            if (from[e] < 0 || from[e] >= nodes || to[e] < 0 || to[e] >= nodes) {
                throw new IllegalArgumentException("edge " + e + " (" + from[e] + ", " + to[e]
                        + ") has a node outside 0.." + (nodes - 1));
            }
            if (from[e] == to[e]) {
                continue;
            }
            r[k] = from[e];
            c[k] = to[e];
            v[k++] = weight[e];
            r[k] = to[e];
            c[k] = from[e];
            v[k++] = weight[e];
        }
        SymmetricSparseMatrix w = SymmetricSparseMatrix.symmetricPart(nodes, java.util.Arrays.copyOf(r, k),
                java.util.Arrays.copyOf(c, k), java.util.Arrays.copyOf(v, k));
        return new WeightedGraph(w, m);
    }

    /** n. */
    public int nodes() {
        return weights.size();
    }

    /** The number of edges as given (self-loops included). */
    public int edges() {
        return edges;
    }

    /** W. */
    public SymmetricSparseMatrix weights() {
        return weights;
    }

    /** The total edge weight, ½ 𝟙ᵀW𝟙 (self-loops excluded). */
    public double totalWeight() {
        return 0.5 * weights.total();
    }

    /**
     * The cut weight Σ_{i &lt; j, side_i ≠ side_j} W_ij.
     *
     * @param side each node's side, 0 or 1 (anything non-zero counts as 1). Not modified.
     */
    public double cut(int[] side) {
        if (side.length != nodes()) {
            throw new IllegalArgumentException("a partition of " + nodes() + " nodes needs " + nodes()
                    + " sides, got " + side.length);
        }
        int[] starts = weights.columnStarts();
        int[] rows = weights.rows();
        double[] values = weights.values();
        double s = 0;
        for (int j = 0; j < nodes(); j++) {
            boolean sj = side[j] != 0;
            for (int k = starts[j]; k < starts[j + 1]; k++) {
                if ((side[rows[k]] != 0) != sj) {
                    s += values[k];
                }
            }
        }
        return 0.5 * s;
    }

    @Override
    public String toString() {
        return "WeightedGraph[" + nodes() + " nodes, " + edges + " edges]";
    }
}
