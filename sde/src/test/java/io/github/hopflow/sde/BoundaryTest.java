package io.github.hopflow.sde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Points never leave the cube: the paper's example (Himmelblau, T = 25, β = ¼), N = 2,000
 * particles started uniformly, 500 steps = 10⁶ particle-steps, at h = 10⁻⁴ and 10⁻³, for explicit
 * Euler–Maruyama with each policy (closed cube) and for both isometric schemes (open cube, with no
 * exit counted). Every step is checked. Measured exit rates of explicit EM (exits per
 * particle-step): about 4.5·10⁻⁵ at h = 10⁻⁴ and 3·10⁻² at h = 10⁻³ (either policy).
 */
class BoundaryTest {

    @ParameterizedTest(name = "{0}/{1} h={2}")
    @CsvSource({
        "EULER_MARUYAMA, REFLECT, 1e-4", "EULER_MARUYAMA, REFLECT, 1e-3",
        "EULER_MARUYAMA, PROJECT, 1e-4", "EULER_MARUYAMA, PROJECT, 1e-3",
        "ISOMETRIC_IMPLICIT, REFLECT, 1e-4", "ISOMETRIC_IMPLICIT, REFLECT, 1e-3",
        "ISOMETRIC_SPLITTING, REFLECT, 1e-4", "ISOMETRIC_SPLITTING, REFLECT, 1e-3",
    })
    void pointsStayInTheCube(Scheme scheme, BoundaryPolicy policy, double h) {
        int particles = 2000;
        int steps = 500;
        DiffusionMachine machine = DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), 25);
        UniformRandomProvider init = RandomSource.L64_X128_MIX.create(1L);
        double[] x = new double[2 * particles];
        for (int i = 0; i < x.length; i++) {
            x[i] = init.nextDouble();
        }
        boolean open = scheme != Scheme.EULER_MARUYAMA;
        try (ParticleEngine engine = ParticleEngine.builder(machine).particles(particles).step(h).scheme(scheme)
                .boundary(policy).threads(2).random(RandomSource.L64_X128_MIX.create(2L)).build()) {
            for (int k = 0; k < steps; k++) {
                engine.advance(x, k * h);
                for (int i = 0; i < x.length; i++) {
                    double v = x[i];
                    boolean inside = open ? v > 0 && v < 1 : v >= 0 && v <= 1;
                    if (!inside) {
                        throw new AssertionError(scheme + "/" + policy + " step " + k + ": coordinate " + i + " = " + v);
                    }
                }
            }
            double rate = engine.boundaryExits() / (double) particles / steps;
            System.out.printf("%s/%s h=%g: boundary exits per particle-step %.2e%n", scheme, policy, h, rate);
            // the isometric schemes never leave the open cube: the check of every coordinate above
            // is their test (their exit counter is zero by construction)
            if (!open && h == 1e-3) {
                assertTrue(rate > 1e-3, "explicit EM at h = 1e-3 leaves the cube routinely, rate " + rate);
            }
        }
    }
}
