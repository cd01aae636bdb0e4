package io.github.hopflow.wasserstein.prox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.wasserstein.Fixtures;
import io.github.hopflow.wasserstein.kernel.DenseGibbsKernel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProximalStepFixtureTest {

    @ParameterizedTest
    @EnumSource(ProximalStep.Domain.class)
    void reproducesTheNumpyReferenceStep(ProximalStep.Domain domain) {
        JsonNode f = Fixtures.read("prox_step_himmelblau.json");
        double beta = f.get("beta_activation").asDouble();
        ProximalStep step = ProximalStep.builder()
                .metric(HopfieldMetric.paperExample(2, beta))
                .temperature(f.get("temperature").asDouble())
                .timeStep(f.get("h").asDouble())
                .epsilon(f.get("epsilon").asDouble())
                .tolerance(1e-12)
                .domain(domain)
                .build();
        double[] expected = Fixtures.vector(f.get("rho_new"));
        for (int threads : new int[] {1, 2}) {
            step = ProximalStep.builder().metric(step.metric()).temperature(step.temperature())
                    .timeStep(step.timeStep()).epsilon(step.epsilon()).tolerance(1e-12).domain(domain)
                    .kernelFactory(DenseGibbsKernel.factory(threads)).build();
            ProximalResult r = step.step(Fixtures.flat(f.get("x_prev")), Fixtures.vector(f.get("rho_prev")),
                    Fixtures.vector(f.get("psi_prev")), Fixtures.flat(f.get("x_new")));
            assertTrue(r.converged(), r.toString());
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(r.value(i) - expected[i]) / Math.abs(expected[i]));
            }
            System.out.printf("prox fixture (%s, %d threads): max relative error %.3e, iterations %d (reference %d)%n",
                    domain, threads, worst, r.iterations(), f.get("iterations").asInt());
            assertTrue(worst < 1e-8, "max relative error " + worst);
            assertEquals(f.get("iterations").asInt(), r.iterations(), 2.0);
        }
    }

    /**
     * The default kernel (automatic, δ = {@value ProximalStep#DEFAULT_KERNEL_TOLERANCE} in the log of
     * every product output) reproduces the fixture within its stated tolerance: the step's values
     * are within a few δ of the exact step in the log.
     */
    @ParameterizedTest
    @EnumSource(ProximalStep.Domain.class)
    void defaultKernelReproducesTheReferenceStepWithinItsTolerance(ProximalStep.Domain domain) {
        JsonNode f = Fixtures.read("prox_step_himmelblau.json");
        ProximalStep step = ProximalStep.builder()
                .metric(HopfieldMetric.paperExample(2, f.get("beta_activation").asDouble()))
                .temperature(f.get("temperature").asDouble())
                .timeStep(f.get("h").asDouble())
                .epsilon(f.get("epsilon").asDouble())
                .tolerance(1e-12)
                .domain(domain)
                .build();
        double[] expected = Fixtures.vector(f.get("rho_new"));
        ProximalResult r = step.step(Fixtures.flat(f.get("x_prev")), Fixtures.vector(f.get("rho_prev")),
                Fixtures.vector(f.get("psi_prev")), Fixtures.flat(f.get("x_new")));
        assertTrue(r.converged(), r.toString());
        assertEquals(ProximalResult.Path.LOG, r.path(), "the automatic kernels work in the log domain");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(Math.log(r.value(i)) - Math.log(expected[i])));
        }
        System.out.printf("prox fixture, default kernel (%s): max |log error| %.3e%n", domain, worst);
        assertTrue(worst < 3 * ProximalStep.DEFAULT_KERNEL_TOLERANCE, "max |log error| " + worst);
        assertTrue(worst > 0, "the default kernel is the approximate one, not the exact dense kernel");
    }
}
