package io.github.hopflow.wasserstein.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SquaredDistancesTest {

    @AfterEach
    void reset() {
        SquaredDistances.forceJava = false;
    }

    private static double[] random(Random r, int len) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = 3 * r.nextDouble();
        }
        return a;
    }

    private static void checkAgainstDefinition(int n, double tol) {
        Random r = new Random(n);
        int m = 37;
        int k = 23;
        double[] u = random(r, m * n);
        double[] v = random(r, k * n);
        double[] out = new double[m * k];
        SquaredDistances.Method method = SquaredDistances.compute(n, u, v, out, 2);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int d = 0; d < n; d++) {
                    double diff = u[j * n + d] - v[i * n + d];
                    s += diff * diff;
                }
                assertEquals(s, out[j * k + i], tol, method + " n=" + n);
            }
        }
    }

    @Test
    void directPathIsExactInLowDimension() {
        for (int n : new int[] {1, 2, 3, 5}) {
            assertEquals(SquaredDistances.Method.DIRECT, SquaredDistances.choose(n));
            checkAgainstDefinition(n, 0.0);
        }
    }

    @Test
    void highDimensionUsesNativeGemm() {
        org.junit.jupiter.api.Assumptions.assumeTrue(SquaredDistances.nativeBlasAvailable(),
                "jblas's native library did not load (libgfortran5 missing)");
        assertEquals(SquaredDistances.Method.NATIVE_GEMM, SquaredDistances.choose(12));
        checkAgainstDefinition(12, 1e-12);
    }

    @Test
    void withoutNativeBlasTheDirectPathServesHighDimensions() {
        org.junit.jupiter.api.Assumptions.assumeFalse(SquaredDistances.nativeBlasAvailable(),
                "jblas's native library is available");
        assertEquals(SquaredDistances.Method.DIRECT, SquaredDistances.choose(12));
        checkAgainstDefinition(12, 1e-12);
    }

    @Test
    void pureJavaFallbackCanBeForced() {
        SquaredDistances.forceJava = true;
        assertEquals(SquaredDistances.Method.DIRECT, SquaredDistances.choose(12));
        checkAgainstDefinition(12, 0.0);
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> SquaredDistances.compute(2, new double[3], new double[2], new double[2], 1));
        assertThrows(IllegalArgumentException.class,
                () -> SquaredDistances.compute(2, new double[2], new double[4], new double[1], 1));
    }
}
