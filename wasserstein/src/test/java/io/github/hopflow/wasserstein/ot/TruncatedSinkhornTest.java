package io.github.hopflow.wasserstein.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.wasserstein.kernel.DenseGibbsKernel;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The default (truncated stabilised) Sinkhorn against the dense stabilised and the log-domain ones. */
class TruncatedSinkhornTest {

    @Test
    void defaultKernelAgreesWithDenseAndLogDomainSolvers() {
        int count = 300;
        int dim = 2;
        Random rnd = new Random(5);
        double[] u = new double[count * dim];
        double[] v = new double[count * dim];
        for (int k = 0; k < u.length; k++) {
            u[k] = 2 * Math.asin(Math.sqrt(rnd.nextDouble()));
            v[k] = 2 * Math.asin(Math.sqrt(rnd.nextDouble()));
        }
        double[] a = new double[count];
        double[] b = new double[count];
        for (int j = 0; j < count; j++) {
            a[j] = 0.5 + rnd.nextDouble();
            b[j] = 0.5 + rnd.nextDouble();
        }
        double sa = Arrays.stream(a).sum();
        double sb = Arrays.stream(b).sum();
        for (int j = 0; j < count; j++) {
            a[j] /= sa;
            b[j] /= sb;
        }
        for (double eps : new double[] {0.01, 0.003}) {
            SinkhornResult fast = Sinkhorn.builder().epsilon(eps).tolerance(1e-10).parallelism(2).build()
                    .solve(dim, u, a, v, b);
            SinkhornResult dense = Sinkhorn.builder().epsilon(eps).tolerance(1e-10)
                    .kernelFactory(DenseGibbsKernel.recyclingFactory(2)).build().solve(dim, u, a, v, b);
            SinkhornResult log = Sinkhorn.builder().epsilon(eps).tolerance(1e-10).domain(Sinkhorn.Domain.LOG).build()
                    .solve(dim, u, a, v, b);
            SinkhornResult one = Sinkhorn.builder().epsilon(eps).tolerance(1e-10).parallelism(1).build()
                    .solve(dim, u, a, v, b);
            System.out.printf("eps=%g: truncated %d iterations cost %.12f (row err %.1e), dense %d %.12f, log %d %.12f%n",
                    eps, fast.iterations(), fast.cost(), fast.rowMarginalError(), dense.iterations(), dense.cost(),
                    log.iterations(), log.cost());
            assertTrue(fast.converged() && dense.converged() && log.converged());
            assertEquals(log.cost(), fast.cost(), 1e-9 * Math.abs(log.cost()));
            assertEquals(log.objective(), fast.objective(), 1e-9 * Math.abs(log.objective()));
            assertEquals(dense.cost(), fast.cost(), 1e-9 * Math.abs(dense.cost()));
            assertTrue(fast.rowMarginalError() < 1e-9 && fast.columnMarginalError() < 1e-9);
            assertEquals(dense.iterations(), fast.iterations(), 2.0);
            assertEquals(fast.cost(), one.cost(), 0.0, "results do not depend on the thread count");
            assertArrayEquals(fast.rowPotentials(), one.rowPotentials(), 0.0);
        }
    }
}
