package io.github.hopflow.geometry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hebbian weights against their definition; stored patterns are fixed points at a low load. */
class HebbianWeightsTest {

    @Test
    void weightsFollowTheHebbRuleAndStorePatterns() {
        Random r = new Random(4);
        int n = 120;
        int k = 4;
        int[][] xi = new int[k][n];
        for (int[] p : xi) {
            for (int i = 0; i < n; i++) {
                p[i] = r.nextBoolean() ? 1 : -1;
            }
        }
        SymmetricSparseMatrix w = HebbianWeights.of(xi);
        double[] e = new double[n];
        double[] col = new double[n];
        for (int j = 0; j < n; j += 17) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            w.multiply(e, 0, col, 0);
            for (int i = 0; i < n; i++) {
                double expected = 0;
                if (i != j) {
                    for (int[] p : xi) {
                        expected += (double) p[i] * p[j] / n;
                    }
                }
                assertEquals(expected, col[i], 1e-15);
            }
        }
        // at load 4/120 every pattern is a fixed point of s ← sign(Ws)
        double[] s = new double[n];
        double[] h = new double[n];
        for (int[] p : xi) {
            for (int i = 0; i < n; i++) {
                s[i] = p[i];
            }
            w.multiply(s, 0, h, 0);
            for (int i = 0; i < n; i++) {
                assertTrue(h[i] * p[i] > 0, "unit " + i + " is stable");
            }
        }
    }

    @Test
    void entriesOtherThanPlusOrMinusOneAreRefused() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> HebbianWeights.of(new int[][] {{1, -1, 1}, {1, 0, 1}}));
        assertEquals("pattern 1 unit 1 must be -1 or +1, got 0", ex.getMessage());
    }
}
