package io.github.hopflow.examples.maxcut;

import io.github.hopflow.examples.output.AtomicFiles;
import io.github.hopflow.geometry.network.WeightedGraph;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Max-Cut instances of the kinds in the G-set (Helmberg and Rendl's instances, made with
 * Rinaldi's generator {@code rudy}): random graphs G(n, p), each of the n(n − 1)/2 pairs an edge
 * with probability p, with unit weights or weights ±1 with equal probability; and toroidal grids
 * (an r × c grid whose rows and columns wrap around, every node of degree 4) with weights ±1 or 1.
 * Graphs are held as edge lists and written in the G-set text format.
 */
public final class GraphGenerator {

    /** An edge list: nodes 1-based as in the file format. */
    public record EdgeList(int nodes, int[] from, int[] to, double[] weight) {

        /** The number of edges. */
        public int edges() {
            return from.length;
        }

        /** The graph (0-based nodes). */
        public WeightedGraph graph() {
            int[] f = new int[from.length];
            int[] t = new int[to.length];
            for (int e = 0; e < f.length; e++) {
                f[e] = from[e] - 1;
                t[e] = to[e] - 1;
            }
            return WeightedGraph.of(nodes, f, t, weight);
        }

        /** Writes the G-set text file: {@code n m}, then one {@code i j w} line per edge. */
        public void write(Path file) {
            AtomicFiles.writeText(file, w -> {
                w.write(nodes + " " + from.length + "\n");
                for (int e = 0; e < from.length; e++) {
                    double v = weight[e];
                    String text = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
                    w.write(from[e] + " " + to[e] + " " + text + "\n");
                }
            });
        }
    }

    private GraphGenerator() {
    }

    /**
     * G(n, p).
     *
     * @param nodes n ≥ 2
     * @param density p in (0, 1]
     * @param signed weights ±1 (true) or 1 (false)
     * @param random the source of the edges and signs
     */
    public static EdgeList random(int nodes, double density, boolean signed, UniformRandomProvider random) {
        if (nodes < 2) {
            throw new IllegalArgumentException("nodes must be ≥ 2, got " + nodes);
        }
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("density must lie in (0, 1], got " + density);
        }
        long pairs = (long) nodes * (nodes - 1) / 2;
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, (long) (1.2 * density * pairs) + 64));
        int[] from = new int[cap];
        int[] to = new int[cap];
        double[] w = new double[cap];
        int m = 0;
        for (int i = 1; i <= nodes; i++) {
            for (int j = i + 1; j <= nodes; j++) {
                if (random.nextDouble() < density) {
                    if (m == from.length) {
                        int grow = (int) Math.min(Integer.MAX_VALUE - 8, 2L * m);
                        from = Arrays.copyOf(from, grow);
                        to = Arrays.copyOf(to, grow);
                        w = Arrays.copyOf(w, grow);
                    }
                    from[m] = i;
                    to[m] = j;
                    w[m++] = signed ? (random.nextBoolean() ? 1 : -1) : 1;
                }
            }
        }
        return new EdgeList(nodes, Arrays.copyOf(from, m), Arrays.copyOf(to, m), Arrays.copyOf(w, m));
    }

    /**
     * The r × c toroidal grid: node (a, b) is joined to (a + 1 mod r, b) and (a, b + 1 mod c).
     *
     * @param rows r ≥ 3
     * @param columns c ≥ 3
     * @param signed weights ±1 (true) or 1 (false)
     * @param random the source of the signs
     */
    public static EdgeList torus(int rows, int columns, boolean signed, UniformRandomProvider random) {
        if (rows < 3 || columns < 3) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a toroidal grid needs at least 3 rows and 3 columns, got %d x %d", rows, columns));
        }
        int n = rows * columns;
        int[] from = new int[2 * n];
        int[] to = new int[2 * n];
        double[] w = new double[2 * n];
        int m = 0;
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < columns; b++) {
                int node = a * columns + b + 1;
                int down = ((a + 1) % rows) * columns + b + 1;
                int right = a * columns + (b + 1) % columns + 1;
                from[m] = node;
                to[m] = down;
                w[m++] = signed ? (random.nextBoolean() ? 1 : -1) : 1;
                from[m] = node;
                to[m] = right;
                w[m++] = signed ? (random.nextBoolean() ? 1 : -1) : 1;
            }
        }
        return new EdgeList(n, from, to, w);
    }
}
