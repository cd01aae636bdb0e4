package io.github.hopflow.sde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The paper's example (scaled Himmelblau (59), T = 25, β = ¼) samples ρ∞ = exp(−f/T)/Z(T)
 * (eq. (41)): the particle histogram on a 10 × 10 grid of [0,1]² is compared with bin
 * probabilities from nested adaptive Gauss–Legendre quadrature (Commons Math) by Pearson's
 * chi-square test, bins with expected count below 5 pooled. The particles are independent (each
 * has its own normals and an independent start), and one sample per particle is used, so the
 * counts are multinomial. A test fails when the p-value is below 10⁻³: with an unbiased sampler
 * that is the false-failure rate of each test.
 *
 * <p>Step size. The Euler bias of the law at h = 10⁻⁴ (the paper's step) is detectable with
 * 20,000 samples — the mobility-weighted curvature at the modes is ≈ 1,200, so hλ ≈ 0.12 widens
 * each mode by a few per cent (measured p ≈ 10⁻⁸ after t = 1 from uniform) — while at h = 2·10⁻⁵
 * it is not (measured p = 0.15–0.32). The tests therefore use h = 2·10⁻⁵ and 5·10⁻⁵ with
 * fewer samples for the long run.
 */
class StationaryDensityTest {

    private static final double T = 25;
    private static final int BINS = 10;
    private static final double ALPHA = 1e-3;
    private static double[] probabilities;

    @BeforeAll
    static void quadrature() {
        probabilities = GibbsBins.probabilities(ScaledHimmelblau.of(), T, BINS);
    }

    private static DiffusionMachine machine() {
        return DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), T);
    }

    private static double pValue(double[] x) {
        double[] cs = GibbsBins.chiSquare(probabilities, GibbsBins.counts(x, BINS), 5);
        return 1 - new ChiSquaredDistribution(cs[1]).cumulativeProbability(cs[0]);
    }

    /** Independent exact draws from ρ∞ by rejection from the uniform law (f ≥ 0, so e^{−f/T} ≤ 1). */
    private static double[] gibbsSample(int particles, long seed) {
        Objective f = ScaledHimmelblau.of();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
        double[] x = new double[2 * particles];
        double[] p = new double[2];
        for (int i = 0; i < particles; i++) {
            do {
                p[0] = rng.nextDouble();
                p[1] = rng.nextDouble();
            } while (rng.nextDouble() > Math.exp(-f.value(p) / T));
            x[2 * i] = p[0];
            x[2 * i + 1] = p[1];
        }
        return x;
    }

    /**
     * Started from ρ∞ itself, 20,000 particles run 2,500 steps of h = 2·10⁻⁵ (t = 0.05, about 60
     * relaxation times of the modes): a wrong drift, Itô term or noise would move the law away from
     * ρ∞ within that time. The start itself is checked first (measured p = 0.77; after the run
     * p = 0.18).
     */
    @Test
    void gibbsDensityIsInvariant() {
        int particles = 20_000;
        double h = 2e-5;
        double[] x = gibbsSample(particles, 3);
        assertTrue(pValue(x) > ALPHA, "the rejection sampler itself");
        try (ParticleEngine engine = ParticleEngine.builder(machine()).particles(particles).step(h).threads(2)
                .random(RandomSource.L64_X128_MIX.create(5L)).build()) {
            for (int k = 0; k < 2500; k++) {
                engine.advance(x, k * h);
            }
        }
        double p = pValue(x);
        assertTrue(p > ALPHA, "chi-square p-value " + p);
    }

    /**
     * Started uniformly on the cube (the paper's start), 5,000 particles run to t = 1 with
     * h = 5·10⁻⁵: more than three times the slowest (mode-to-mode) relaxation time, ≈ 0.3, measured
     * from the decay of the chi-square statistic. Measured p = 0.33.
     */
    @Test
    void uniformStartConvergesToTheGibbsDensity() {
        int particles = 5_000;
        double h = 5e-5;
        UniformRandomProvider init = RandomSource.L64_X128_MIX.create(8L);
        double[] x = new double[2 * particles];
        for (int i = 0; i < x.length; i++) {
            x[i] = init.nextDouble();
        }
        assertTrue(pValue(x) < ALPHA, "the uniform start is far from rho_inf (the test has power)");
        try (ParticleEngine engine = ParticleEngine.builder(machine()).particles(particles).step(h).threads(2)
                .random(RandomSource.L64_X128_MIX.create(9L)).build()) {
            for (int k = 0; k < 20_000; k++) {
                engine.advance(x, k * h);
            }
        }
        double p = pValue(x);
        System.out.printf("uniform start, t = 1: chi-square p = %.3g%n", p);
        assertTrue(p > ALPHA, "chi-square p-value " + p);
    }
}
