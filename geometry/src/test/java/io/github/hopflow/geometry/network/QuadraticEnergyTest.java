package io.github.hopflow.geometry.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.hopflow.geometry.objective.Objective;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each network energy against its definition evaluated directly (dense sums, or the cut counted
 * edge by edge), at every vertex of a small cube and at interior points, and its gradient against
 * central differences of its own value.
 */
class QuadraticEnergyTest {

    private static final int N = 7;

    /** A random general matrix with zero or non-zero diagonal, as triplets and dense. */
    private static double[][] randomMatrix(Random r, boolean diagonal) {
        double[][] w = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                if ((i != j || diagonal) && r.nextDouble() < 0.5) {
                    w[i][j] = r.nextGaussian();
                }
            }
        }
        return w;
    }

    private static SymmetricSparseMatrix symmetricPart(double[][] w) {
        int[] row = new int[N * N];
        int[] col = new int[N * N];
        double[] val = new double[N * N];
        int k = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                row[k] = i;
                col[k] = j;
                val[k++] = w[i][j];
            }
        }
        return SymmetricSparseMatrix.symmetricPart(N, row, col, val);
    }

    private static double form(double[][] w, double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                s += u[i] * w[i][j] * v[j];
            }
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Every vertex of the cube, then 20 random interior points. */
    private static double[][] points(Random r) {
        double[][] p = new double[(1 << N) + 20][N];
        for (int v = 0; v < 1 << N; v++) {
            for (int i = 0; i < N; i++) {
                p[v][i] = (v >> i) & 1;
            }
        }
        for (int k = 1 << N; k < p.length; k++) {
            for (int i = 0; i < N; i++) {
                p[k][i] = r.nextDouble();
            }
        }
        return p;
    }

    private static double[] spins(double[] x) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = 2 * x[i] - 1;
        }
        return s;
    }

    @Test
    void hopfieldQuboAndIsingMatchTheirDefinitions() {
        Random r = new Random(11);
        double[][] w = randomMatrix(r, true);
        double[] b = new double[N];
        for (int i = 0; i < N; i++) {
            b[i] = r.nextGaussian();
        }
        SymmetricSparseMatrix s = symmetricPart(w);
        Objective hopfield = QuadraticEnergy.hopfield(s, b);
        Objective qubo = QuadraticEnergy.qubo(s);
        Objective ising = QuadraticEnergy.ising(s, b);
        for (double[] x : points(r)) {
            assertEquals(-0.5 * form(w, x, x) - dot(b, x), hopfield.value(x), 1e-12);
            assertEquals(form(w, x, x), qubo.value(x), 1e-12);
            double[] sp = spins(x);
            assertEquals(-0.5 * form(w, sp, sp) - dot(b, sp), ising.value(x), 1e-12);
        }
        for (Objective f : new Objective[] {hopfield, qubo, ising}) {
            assertGradientMatchesDifferences(f, r);
        }
    }

    @Test
    void maxCutIsMinusTheCutAtEveryVertex() {
        Random r = new Random(5);
        int m = 15;
        int[] from = new int[m];
        int[] to = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            from[e] = r.nextInt(N);
            to[e] = r.nextInt(N); // self-loops included: they never count
            w[e] = r.nextBoolean() ? 1 : -2.5;
        }
        WeightedGraph g = WeightedGraph.of(N, from, to, w);
        Objective f = QuadraticEnergy.maxCut(g);
        for (int v = 0; v < 1 << N; v++) {
            int[] side = new int[N];
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                side[i] = (v >> i) & 1;
                x[i] = side[i];
            }
            double cut = 0;
            for (int e = 0; e < m; e++) {
                if (side[from[e]] != side[to[e]]) {
                    cut += w[e];
                }
            }
            assertEquals(cut, g.cut(side), 1e-12);
            assertEquals(-cut, f.value(x), 1e-12);
        }
        assertGradientMatchesDifferences(f, r);
    }

    private static void assertGradientMatchesDifferences(Objective f, Random r) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = r.nextDouble();
        }
        double[] g = new double[N];
        f.gradient(x, g);
        double[] second = new double[N];
        f.secondDerivatives(x, 0, second, 0);
        for (int i = 0; i < N; i++) {
            double h = 1e-4;
            double[] p = x.clone();
            double[] q = x.clone();
            p[i] += h;
            q[i] -= h;
            // f is quadratic: the central difference is exact up to round-off
            assertEquals((f.value(p) - f.value(q)) / (2 * h), g[i], 1e-8, f.name() + " gradient " + i);
            assertEquals((f.value(p) - 2 * f.value(x) + f.value(q)) / (h * h), second[i], 1e-4,
                    f.name() + " second derivative " + i);
        }
    }

    @Test
    void mismatchedBiasIsRefused() {
        SymmetricSparseMatrix s = SymmetricSparseMatrix.symmetricPart(3, new int[] {0}, new int[] {1}, new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuadraticEnergy.hopfield(s, new double[2]));
        assertEquals("the bias has 2 values for 3 units", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QuadraticEnergy.ising(s, new double[] {0, Double.NaN, 0}));
    }
}
