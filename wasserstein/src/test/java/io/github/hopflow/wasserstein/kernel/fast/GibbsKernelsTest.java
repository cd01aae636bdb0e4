package io.github.hopflow.wasserstein.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import io.github.hopflow.wasserstein.kernel.fast.GibbsKernels.Choice;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GibbsKernelsTest {

    private static double[] iso(int count, int dim, long seed) {
        return KernelFixtures.iso(KernelFixtures.uniform(count, dim, new Random(seed)), dim);
    }

    @Test
    void decisionRuleOnTheBenchmarkConfigurations() {
        double[] p500 = iso(500, 2, 1);
        assertEquals(Choice.DENSE_FLOAT, GibbsKernels.choose(2, p500, p500, 0.2, 1e-6));
        assertEquals(Choice.DENSE_DOUBLE, GibbsKernels.choose(2, p500, p500, 0.2, 1e-10));
        double[] p10k = iso(10_000, 2, 2);
        assertEquals(Choice.GRID, GibbsKernels.choose(2, p10k, p10k, 0.2, 1e-6));
        assertEquals(Choice.GRID, GibbsKernels.choose(2, p10k, p10k, 0.2, 1e-10));
        double[] p2kHigh = iso(2000, 10, 3);
        assertEquals(Choice.DENSE_FLOAT, GibbsKernels.choose(10, p2kHigh, p2kHigh, 0.2, 1e-6));
        double[] p2k = iso(2000, 2, 4);
        // Sinkhorn at ε = 0.01: the grid would be fine enough to cost more than the dense kernel.
        assertEquals(Choice.DENSE_FLOAT, GibbsKernels.choose(2, p2k, p2k, 0.01, 1e-6));
        double[] p15k = iso(15_000, 4, 5);
        assertEquals(Choice.LOG_DOMAIN, GibbsKernels.choose(4, p15k, p15k, 0.2, 1e-6));
    }

    @Test
    void everyChoiceIsWithinTheToleranceOfTheExactProduct() {
        Random rnd = new Random(17);
        for (int dim : new int[] {2, 5}) {
            double[] x = KernelFixtures.uniform(900, dim, rnd);
            double[] u = KernelFixtures.iso(x, dim);
            double[] v = KernelFixtures.iso(KernelFixtures.moved(x, rnd), dim);
            double[] logB = KernelFixtures.randomLog(900, -60, 0, rnd);
            double[] logA = KernelFixtures.randomLog(900, -60, 0, rnd);
            ReferenceKernel ref = new ReferenceKernel(dim, u, v, 0.2);
            for (GibbsKernel.Factory f : Arrays.asList(GibbsKernels.automatic(1e-6, 2), GibbsKernels.logDomain(2),
                    GibbsKernels.automatic(1e-11, 2), GibbsKernels.automatic())) {
                double[] err = KernelFixtures.errors(f.create(dim, u, v, 0.2), ref, logB, logA);
                assertTrue(err[0] <= 1e-6 && err[1] <= 1e-6, dim + ": " + Arrays.toString(err));
            }
            double[] exact = KernelFixtures.errors(LogDomainGibbsKernel.of(dim, u, v, 0.2, 3), ref, logB, logA);
            assertTrue(exact[0] < 1e-13 && exact[1] < 1e-13, Arrays.toString(exact));
        }
        double[] x = KernelFixtures.uniform(900, 2, rnd);
        double[] u = KernelFixtures.iso(x, 2);
        double[] logB = KernelFixtures.randomLog(900, -60, 0, rnd);
        double[] err = KernelFixtures.errors(GibbsKernels.grid(1e-6, 2).create(2, u, u, 0.2),
                new ReferenceKernel(2, u, u, 0.2), logB, logB);
        assertTrue(err[0] <= 1e-6 && err[1] <= 1e-6, Arrays.toString(err));
    }

    @Test
    void badArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GibbsKernels.automatic(0, 1));
        assertTrue(e.getMessage().contains("tolerance") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GibbsKernels.automatic(1e-6, 0));
        assertTrue(e.getMessage().contains("threads must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GibbsKernels.logDomain(-1));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }
}
