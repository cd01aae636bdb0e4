package io.github.hopflow.wasserstein.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.wasserstein.kernel.DenseGibbsKernel;
import io.github.hopflow.wasserstein.prox.ProximalResult;
import io.github.hopflow.wasserstein.prox.ProximalStep;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wasserstein module's proximal step with the automatic kernels against the same step with
 * its default exact dense kernel, on the paper's example (ε = 0.1, T = 25, h = 1e-4, β = 1/4),
 * converged to 1e-12: every log value agrees to within 3δ for the kernel tolerance δ.
 */
class AutomaticProximalStepTest {

    @ParameterizedTest(name = "N={0} tol={1} -> {2}")
    @CsvSource({
        "400, 1e-6, DENSE_FLOAT",
        "400, 1e-11, DENSE_DOUBLE",
        "3000, 1e-6, GRID",
        "3000, 1e-9, GRID"
    })
    void matchesTheExactKernel(int count, double tol, GibbsKernels.Choice expected) {
        Random rnd = new Random(count);
        double[] x = KernelFixtures.uniform(count, 2, rnd);
        double[] y = KernelFixtures.moved(x, rnd);
        double[] rho = new double[count];
        double[] psi = new double[count];
        ScaledHimmelblau f = ScaledHimmelblau.of();
        for (int i = 0; i < count; i++) {
            psi[i] = f.value(x, 2 * i);
            rho[i] = Math.exp(-psi[i] / KernelFixtures.TEMPERATURE);
        }
        assertEquals(expected, GibbsKernels.choose(2, KernelFixtures.iso(x, 2), KernelFixtures.iso(y, 2), 0.2, tol));
        ProximalStep.Builder b = ProximalStep.builder().metric(HopfieldMetric.paperExample(2, KernelFixtures.BETA))
                .temperature(KernelFixtures.TEMPERATURE).timeStep(KernelFixtures.H).epsilon(0.1).tolerance(1e-12);
        ProximalResult exact = b.kernelFactory(DenseGibbsKernel.recyclingFactory(2)).build().step(x, rho, psi, y)
                .requireConverged();
        ProximalResult fast = b.kernelFactory(GibbsKernels.automatic(tol, 2)).domain(ProximalStep.Domain.LOG).build()
                .step(x, rho, psi, y).requireConverged();
        double err = KernelFixtures.maxAbsDiff(exact.logValues(), fast.logValues());
        assertTrue(err < 3 * tol, "max |log rho_fast - log rho_exact| = " + err);
    }
}
