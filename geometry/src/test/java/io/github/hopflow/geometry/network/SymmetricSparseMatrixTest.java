package io.github.hopflow.geometry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The symmetric part and its products against a dense computation. */
class SymmetricSparseMatrixTest {

    @Test
    void symmetricPartAndProductMatchDenseArithmetic() {
        Random r = new Random(3);
        int n = 17;
        int m = 60;
        int[] row = new int[m];
        int[] col = new int[m];
        double[] val = new double[m];
        double[][] w = new double[n][n];
        for (int e = 0; e < m; e++) {
            row[e] = r.nextInt(n);
            col[e] = r.nextInt(n);
            val[e] = r.nextGaussian();
            w[row[e]][col[e]] += val[e]; // repeated entries add
        }
        SymmetricSparseMatrix a = SymmetricSparseMatrix.symmetricPart(n, row, col, val);
        double[] x = new double[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        double[] out = new double[n + 2];
        a.multiply(x, 3, out, 2);
        double total = 0;
        double frobenius = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                double sij = 0.5 * (w[i][j] + w[j][i]);
                s += sij * x[3 + j];
                total += sij;
                frobenius += sij * sij;
            }
            assertEquals(s, out[2 + i], 1e-13, "row " + i);
            assertEquals(s, a.row(i, x, 3), 1e-13, "row " + i);
            assertEquals(w[i][i], a.diagonal(i), 1e-15);
        }
        assertEquals(total, a.total(), 1e-12);
        assertEquals(frobenius, a.frobeniusSquared(), 1e-12);
        assertTrue(a.nonZeros() <= 2 * m);
    }

    @Test
    void badEntriesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricSparseMatrix.symmetricPart(3, new int[] {0, 3}, new int[] {1, 1}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("entry 1 at (3, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricSparseMatrix.symmetricPart(3, new int[] {0}, new int[] {1}, new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricSparseMatrix.symmetricPart(0, new int[0], new int[0], new double[0]));
    }
}
