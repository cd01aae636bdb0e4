package io.github.hopflow.wasserstein.kernel.fast;

import static io.github.hopflow.wasserstein.kernel.fast.KernelFixtures.errors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.wasserstein.kernel.fast.StoredGibbsKernel.Storage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StoredGibbsKernelTest {

    /** Entry error of float storage (2^-24 relative) plus rounding of the sums. */
    private static final double FLOAT_BOUND = 2e-7;
    private static final double DOUBLE_BOUND = 1e-12;

    @ParameterizedTest(name = "n={0} M={1} N={2} tau={3} span={4} {5}")
    @CsvSource({
        "2, 300, 257, 0.2, 35, FLOAT",
        "2, 300, 257, 0.2, 35, DOUBLE",
        "10, 200, 150, 0.2, 20, FLOAT",
        "10, 200, 150, 0.02, 20, DOUBLE",
        "2, 180, 220, 0.01, 2000, FLOAT",
        "2, 180, 220, 0.001, 5, DOUBLE",
        "3, 1, 700, 0.05, 60, FLOAT",
        "2, 600, 500, 0.2, 35, FLOAT",
        "10, 700, 400, 0.2, 20, FLOAT",
        "2, 1500, 1500, 0.2, 35, FLOAT",
        "10, 1600, 1400, 0.2, 20, FLOAT",
        "3, 1500, 1450, 0.05, 30, DOUBLE"
    })
    void matchesTheExactLogDomainProduct(int dim, int m, int n, double tau, double span, Storage storage) {
        Random rnd = new Random(11 * m + n);
        double[] u = KernelFixtures.iso(KernelFixtures.uniform(m, dim, rnd), dim);
        double[] v = KernelFixtures.iso(KernelFixtures.uniform(n, dim, rnd), dim);
        double[] logB = KernelFixtures.randomLog(n, -span, 0, rnd);
        double[] logA = KernelFixtures.randomLog(m, -span, 0, rnd);
        logB[3] = Double.NEGATIVE_INFINITY;
        StoredGibbsKernel k = StoredGibbsKernel.of(dim, u, v, tau, storage, 2);
        double[] err = errors(k, new ReferenceKernel(dim, u, v, tau), logB, logA);
        double bound = storage == Storage.FLOAT ? FLOAT_BOUND : DOUBLE_BOUND;
        assertTrue(err[0] < bound && err[1] < bound, "errors " + Arrays.toString(err));
    }

    @Test
    void sparseHighDimensionalKernelsAreCompressedAndExact() {
        Random rnd = new Random(21);
        double[] x = KernelFixtures.uniform(600, 10, rnd);
        double[] u = KernelFixtures.iso(x, 10);
        double[] v = KernelFixtures.iso(KernelFixtures.moved(x, rnd), 10);
        // τ = 0.05 (ε = 0.025): a random pair is ≈ 9.3/τ ≈ 190 nats below a point's own neighbour.
        StoredGibbsKernel k = StoredGibbsKernel.of(10, u, v, 0.05, Storage.FLOAT, 2);
        assertTrue(k.compressed());
        assertTrue(k.storedBytes() < 600L * 600 * 8, "bytes " + k.storedBytes());
        double[] logB = KernelFixtures.randomLog(600, -10, 0, rnd);
        double[] logA = KernelFixtures.randomLog(600, -10, 0, rnd);
        double[] err = errors(k, new ReferenceKernel(10, u, v, 0.05), logB, logA);
        assertTrue(err[0] < FLOAT_BOUND && err[1] < FLOAT_BOUND, "errors " + Arrays.toString(err));
        double[] p = KernelFixtures.iso(KernelFixtures.uniform(300, 2, rnd), 2);
        assertTrue(!StoredGibbsKernel.of(2, p, p, 0.2, Storage.FLOAT, 1).compressed());
    }

    @Test
    void smallSinglePrecisionKernelsAreHeldInDoublesAndLargeOnesInFloats() {
        Random rnd = new Random(5);
        double[] small = KernelFixtures.iso(KernelFixtures.uniform(500, 2, rnd), 2);
        assertEquals(8L * 500 * 500, StoredGibbsKernel.of(2, small, small, 0.2, Storage.FLOAT, 1).storedBytes());
        double[] large = KernelFixtures.iso(KernelFixtures.uniform(1500, 2, rnd), 2);
        assertEquals(4L * 1500 * 1500, StoredGibbsKernel.of(2, large, large, 0.2, Storage.FLOAT, 1).storedBytes());
        assertEquals(8L * 1500 * 1500, StoredGibbsKernel.of(2, large, large, 0.2, Storage.DOUBLE, 1).storedBytes());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Random rnd = new Random(3);
        int m = 1500;
        double[] u = KernelFixtures.iso(KernelFixtures.uniform(m, 2, rnd), 2);
        double[] v = KernelFixtures.iso(KernelFixtures.moved(KernelFixtures.uniform(m, 2, rnd), rnd), 2);
        double[] logB = KernelFixtures.randomLog(m, -30, 5, rnd);
        for (Storage s : Storage.values()) {
            double[] o1 = new double[m];
            double[] o2 = new double[m];
            StoredGibbsKernel.of(2, u, v, 0.2, s, 1).logMultiply(logB, o1);
            StoredGibbsKernel.of(2, u, v, 0.2, s, 4).logMultiply(logB, o2);
            assertArrayEquals(o1, o2);
            StoredGibbsKernel.of(2, u, v, 0.2, s, 1).logMultiplyTranspose(logB, o1);
            StoredGibbsKernel.of(2, u, v, 0.2, s, 4).logMultiplyTranspose(logB, o2);
            assertArrayEquals(o1, o2);
        }
    }

    @Test
    void allZeroWeightsGiveMinusInfinity() {
        double[] u = {0.1, 0.2, 0.3};
        StoredGibbsKernel k = StoredGibbsKernel.of(1, u, u, 0.1, Storage.DOUBLE, 1);
        double[] out = new double[3];
        double[] none = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        k.logMultiply(none, out);
        assertArrayEquals(none, out);
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        double[] u = {0.1, 0.2};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoredGibbsKernel.of(1, u, u, 0, Storage.FLOAT, 1));
        assertTrue(e.getMessage().contains("tau") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StoredGibbsKernel.of(2, new double[] {0.1, 0.2, 0.3}, u, 1, Storage.FLOAT, 1));
        assertTrue(e.getMessage().contains("u length 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StoredGibbsKernel.of(1, u, new double[] {0.1, Double.NaN}, 1, Storage.FLOAT, 1));
        assertTrue(e.getMessage().contains("v point 1"), e.getMessage());
        StoredGibbsKernel k = StoredGibbsKernel.of(1, u, u, 1, Storage.FLOAT, 1);
        e = assertThrows(IllegalArgumentException.class, () -> k.logMultiply(new double[3], new double[2]));
        assertTrue(e.getMessage().contains("logB must have length 2, got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> k.logMultiplyTranspose(new double[] {0, Double.NaN}, new double[2]));
        assertTrue(e.getMessage().contains("logA[1]"), e.getMessage());
        assertEquals(2, k.rows());
    }

    @ParameterizedTest
    @CsvSource({"400, FLOAT", "800, FLOAT", "400, DOUBLE"})
    void recycledKernelsEqualFreshOnesAndInvalidateTheirPredecessor(int m, Storage storage) {
        Random rnd = new Random(m);
        double[] u = KernelFixtures.iso(KernelFixtures.uniform(m, 2, rnd), 2);
        double[] v = KernelFixtures.iso(KernelFixtures.moved(KernelFixtures.uniform(m, 2, rnd), rnd), 2);
        double[] logB = KernelFixtures.randomLog(m, -30, 5, rnd);
        io.github.hopflow.wasserstein.kernel.GibbsKernel.Factory f = StoredGibbsKernel.recyclingFactory(storage, 2);
        io.github.hopflow.wasserstein.kernel.GibbsKernel first = f.create(2, v, u, 0.3);
        double[] fresh = new double[m];
        double[] recycled = new double[m];
        for (int threads : new int[] {1, 3}) {
            io.github.hopflow.wasserstein.kernel.GibbsKernel k = f.create(2, u, v, 0.2);
            StoredGibbsKernel.of(2, u, v, 0.2, storage, threads).logMultiply(logB, fresh);
            k.logMultiply(logB, recycled);
            assertArrayEquals(fresh, recycled, 0.0);
            StoredGibbsKernel.of(2, u, v, 0.2, storage, threads).logMultiplyTranspose(logB, fresh);
            k.logMultiplyTranspose(logB, recycled);
            assertArrayEquals(fresh, recycled, 0.0);
        }
        assertThrows(IllegalStateException.class, () -> first.logMultiply(logB, new double[m]));
    }
}

