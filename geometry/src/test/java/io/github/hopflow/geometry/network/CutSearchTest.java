package io.github.hopflow.geometry.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The polish reaches a 1-opt partition; annealing finds the optimum of small graphs (by enumeration). */
class CutSearchTest {

    private static WeightedGraph random(int n, double p, boolean signed, long seed) {
        Random r = new Random(seed);
        int[] from = new int[n * n];
        int[] to = new int[n * n];
        double[] w = new double[n * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() < p) {
                    from[m] = i;
                    to[m] = j;
                    w[m++] = signed && r.nextBoolean() ? -1 : 1 + r.nextInt(3);
                }
            }
        }
        return WeightedGraph.of(n, java.util.Arrays.copyOf(from, m), java.util.Arrays.copyOf(to, m),
                java.util.Arrays.copyOf(w, m));
    }

    /** The largest cut by plain enumeration, evaluating every partition afresh (node 0 fixed on side 0). */
    static double optimum(WeightedGraph g) {
        int n = g.nodes();
        double best = Double.NEGATIVE_INFINITY;
        int[] side = new int[n];
        for (int v = 0; v < 1 << (n - 1); v++) {
            for (int i = 1; i < n; i++) {
                side[i] = (v >> (i - 1)) & 1;
            }
            best = Math.max(best, g.cut(side));
        }
        return best;
    }

    @Test
    void exhaustiveSearchFindsTheLargestCut() {
        // a triangle cuts at most 2 edges, K4 at most 4, the 5-cycle at most 4
        assertEquals(2, cutOfExhaustive(3, new int[] {0, 1, 2}, new int[] {1, 2, 0}), 0);
        assertEquals(4, cutOfExhaustive(4, new int[] {0, 0, 0, 1, 1, 2}, new int[] {1, 2, 3, 2, 3, 3}), 0);
        assertEquals(4, cutOfExhaustive(5, new int[] {0, 1, 2, 3, 4}, new int[] {1, 2, 3, 4, 0}), 0);
        for (long seed = 1; seed <= 3; seed++) {
            WeightedGraph g = random(12, 0.5, true, seed);
            assertEquals(optimum(g), g.cut(CutSearch.exhaustive(g)), 1e-12, "graph " + seed);
        }
    }

    private static double cutOfExhaustive(int n, int[] from, int[] to) {
        double[] w = new double[from.length];
        java.util.Arrays.fill(w, 1);
        WeightedGraph g = WeightedGraph.of(n, from, to, w);
        return g.cut(CutSearch.exhaustive(g));
    }

    @Test
    void polishReachesAOneOptPartitionAndNeverLowersTheCut() {
        WeightedGraph g = random(60, 0.2, true, 1);
        Random r = new Random(2);
        for (int trial = 0; trial < 20; trial++) {
            int[] side = new int[g.nodes()];
            for (int i = 0; i < side.length; i++) {
                side[i] = r.nextInt(2);
            }
            double before = g.cut(side);
            CutSearch.polish(g, side);
            double after = g.cut(side);
            assertTrue(after >= before, after + " < " + before);
            for (int i = 0; i < side.length; i++) {
                side[i] ^= 1;
                assertTrue(g.cut(side) <= after + 1e-12, "flipping node " + i + " raises the cut");
                side[i] ^= 1;
            }
        }
    }

    @Test
    void annealingFindsTheOptimumOfSmallGraphs() {
        for (long seed = 1; seed <= 4; seed++) {
            WeightedGraph g = random(16, 0.4, seed % 2 == 0, seed);
            int[] side = CutSearch.anneal(g, 500, 3, 0.05, RandomSource.SPLIT_MIX_64.create(seed));
            assertEquals(g.cut(CutSearch.exhaustive(g)), g.cut(side), 0, "graph " + seed);
        }
    }

    @Test
    void annealingIsReproducible() {
        WeightedGraph g = random(40, 0.3, true, 9);
        int[] a = CutSearch.anneal(g, 50, 3, 0.05, RandomSource.SPLIT_MIX_64.create(7L));
        int[] b = CutSearch.anneal(g, 50, 3, 0.05, RandomSource.SPLIT_MIX_64.create(7L));
        assertArrayEquals(a, b);
    }
}
