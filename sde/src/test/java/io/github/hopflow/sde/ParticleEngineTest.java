package io.github.hopflow.sde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.activation.LogisticActivation;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Quadratic;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParticleEngineTest {

    private static DiffusionMachine paper() {
        return DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), 25);
    }

    private static double[] uniform(int count, long seed) {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = rng.nextDouble();
        }
        return x;
    }

    private static double[] simulate(DiffusionMachine machine, Scheme scheme, BoundaryPolicy policy, int threads,
            int particles, int steps, double h) {
        double[] x = uniform(machine.dimension() * particles, 99);
        try (ParticleEngine engine = ParticleEngine.builder(machine).particles(particles).step(h).scheme(scheme)
                .boundary(policy).threads(threads).blockSize(256).random(RandomSource.L64_X128_MIX.create(42L)).build()) {
            for (int k = 0; k < steps; k++) {
                engine.advance(x, k * h);
            }
        }
        return x;
    }

    /**
     * The logistic activation of gain g has the paper's mobility 4β·x(1 − x) with β = g/4, and says
     * so through its interface: every scheme runs it (the splitting scheme included) with the
     * paper's fast kernels, giving the positions of the paper's metric bit for bit.
     */
    @ParameterizedTest
    @EnumSource(Scheme.class)
    void aLogisticNetworkRunsEverySchemeAsThePapersMetricOfTheSameMobility(Scheme scheme) {
        DiffusionMachine logistic = DiffusionMachine.of(HopfieldMetric.uniform(2, LogisticActivation.of(1.0)),
                ScaledHimmelblau.of(), 25);
        for (BoundaryPolicy policy : BoundaryPolicy.values()) {
            assertArrayEquals(simulate(paper(), scheme, policy, 1, 300, 20, 1e-3),
                    simulate(logistic, scheme, policy, 1, 300, 20, 1e-3), scheme + " " + policy);
        }
    }

    /** Same seed, 1, 2 and 4 threads: bit-identical positions (10 blocks of 256 particles). */
    @ParameterizedTest
    @EnumSource(Scheme.class)
    void sameSeedGivesIdenticalCloudsWhateverTheThreadCount(Scheme scheme) {
        for (BoundaryPolicy policy : BoundaryPolicy.values()) {
            double[] one = simulate(paper(), scheme, policy, 1, 2500, 40, 1e-3);
            assertArrayEquals(one, simulate(paper(), scheme, policy, 2, 2500, 40, 1e-3), "2 threads");
            assertArrayEquals(one, simulate(paper(), scheme, policy, 4, 2500, 40, 1e-3), "4 threads");
        }
    }

    /**
     * Failing steps on several blocks, steps taken one at a time and several at once: the same
     * exception, positions and later steps with 1, 2 and 4 threads.
     */
    @ParameterizedTest
    @EnumSource(Scheme.class)
    void failuresAreReproducibleWhateverTheThreadCount(Scheme scheme) {
        DiffusionMachine m = DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25),
                TestObjectives.poisonedAbove(2, 0.999), 1);
        double[][] out = new double[3][];
        String[] messages = new String[3];
        for (int run = 0; run < 3; run++) {
            int threads = 1 << run;
            double[] x = uniform(2 * 1000, 7);
            for (int i = 0; i < x.length; i += 2) {
                x[i] *= 0.9;
            }
            try (ParticleEngine e = ParticleEngine.builder(m).particles(1000).step(1e-6).scheme(scheme).threads(threads)
                    .blockSize(100).random(RandomSource.L64_X128_MIX.create(8L)).build()) {
                for (int k = 0; k < 30; k++) {
                    e.advance(x, k * 4e-6, 3);
                    e.advance(x, k * 4e-6 + 3e-6);
                }
                x[2 * 730] = 0.9995;
                x[2 * 310] = 0.9995;
                ArithmeticException ex = assertThrows(ArithmeticException.class, () -> e.advance(x, 1, 2));
                messages[run] = ex.getMessage();
                x[2 * 730] = 0.5;
                x[2 * 310] = 0.5;
                for (int k = 0; k < 10; k++) {
                    e.advance(x, 2 + k * 1e-6);
                }
            }
            out[run] = x;
        }
        assertTrue(messages[0].contains("particle 310"), messages[0]);
        for (int run = 1; run < 3; run++) {
            assertEquals(messages[0], messages[run], (1 << run) + " threads");
            assertArrayEquals(out[0], out[run], (1 << run) + " threads");
        }
    }

    /**
     * Explicit Euler–Maruyama on the example metric is eq. (60) as corrected in docs/design.md,
     * x' = x + 4βh[T(1 − 2x) − x(1 − x) ∂f] + √(8βTh·x(1 − x)) ξ evaluated left to right, one normal
     * per coordinate from each block's stream in particle order, then the boundary policy: bit
     * for bit, in two dimensions (the example) and in three.
     */
    @ParameterizedTest
    @EnumSource(BoundaryPolicy.class)
    void eulerOnTheExampleMetricIsTheFormulaBitForBit(BoundaryPolicy policy) {
        for (int n = 2; n <= 3; n++) {
            double beta = 0.25;
            double temperature = 2;
            double h = 2e-3;
            DiffusionMachine m = n == 2 ? DiffusionMachine.of(HopfieldMetric.paperExample(2, beta), ScaledHimmelblau.of(),
                    temperature) : DiffusionMachine.of(HopfieldMetric.paperExample(3, beta),
                    Quadratic.of(new double[] {0.3, 0.5, 0.6}, 40), temperature);
            int particles = 700;
            int blockSize = 256;
            double[] x = uniform(n * particles, 11);
            double[] expected = x.clone();
            UniformRandomProvider source = RandomSource.L64_X128_MIX.create(12L);
            List<org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian> streams = new ArrayList<>();
            for (int first = 0; first < particles; first += blockSize) {
                streams.add(org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(
                        ((org.apache.commons.rng.SplittableUniformRandomProvider) source).split()));
            }
            long exits = 0;
            try (ParticleEngine e = ParticleEngine.builder(m).particles(particles).step(h).boundary(policy)
                    .blockSize(blockSize).random(RandomSource.L64_X128_MIX.create(12L)).build()) {
                double[] g = new double[n];
                for (int k = 0; k < 20; k++) {
                    e.advance(x, k * h);
                    for (int p = 0; p < particles; p++) {
                        m.objective().gradient(expected, p * n, g, 0);
                        for (int i = 0; i < n; i++) {
                            double xi = expected[p * n + i];
                            double q = xi * (1 - xi);
                            double a = 4 * beta * h;
                            double xn = xi + a * temperature * (1 - 2 * xi) - a * q * g[i]
                                    + Math.sqrt(2 * temperature * a) * Math.sqrt(q) * streams.get(p / blockSize).sample();
                            if (xn < 0 || xn > 1) {
                                exits++;
                                xn = policy == BoundaryPolicy.PROJECT ? (xn < 0 ? 0 : 1) : (xn < 0 ? -xn : 2 - xn);
                            }
                            expected[p * n + i] = xn;
                        }
                    }
                    assertArrayEquals(expected, x, "n = " + n + ", step " + k);
                }
                assertEquals(exits, e.boundaryExits());
                assertTrue(exits > 0, "some steps left the domain");
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentClouds() {
        double[] x = uniform(200, 1);
        double[] y = x.clone();
        try (ParticleEngine a = ParticleEngine.builder(paper()).particles(100).step(1e-4)
                .random(RandomSource.L64_X128_MIX.create(1L)).build();
                ParticleEngine b = ParticleEngine.builder(paper()).particles(100).step(1e-4)
                        .random(RandomSource.L64_X128_MIX.create(2L)).build()) {
            a.advance(x, 0);
            b.advance(y, 0);
        }
        assertFalse(java.util.Arrays.equals(x, y));
    }

    /** A jumpable (not splittable) generator is accepted and is reproducible too. */
    @Test
    void jumpableGeneratorIsReproducible() {
        double[][] out = new double[2][];
        for (int threads = 1; threads <= 2; threads++) {
            double[] x = uniform(4000, 3);
            try (ParticleEngine e = ParticleEngine.builder(paper()).particles(2000).step(1e-4).blockSize(300)
                    .threads(threads).random(RandomSource.XO_RO_SHI_RO_128_PP.create(5L)).build()) {
                for (int k = 0; k < 5; k++) {
                    e.advance(x, k * 1e-4);
                }
            }
            out[threads - 1] = x;
        }
        assertArrayEquals(out[0], out[1]);
    }

    /**
     * The generic kernels (metric called through the interface) agree with the specialised ones
     * for the example metric, with the same normals: the same point to rounding.
     */
    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"EULER_MARUYAMA", "ISOMETRIC_IMPLICIT"})
    void genericKernelsAgreeWithTheSpecialisedOnes(Scheme scheme) {
        DiffusionMachine fast = paper();
        DiffusionMachine generic = DiffusionMachine.of(
                HopfieldMetric.of(TestObjectives.disguisedTanh(0.25), TestObjectives.disguisedTanh(0.25)),
                ScaledHimmelblau.of(), 25);
        double[] a = simulate(fast, scheme, BoundaryPolicy.REFLECT, 1, 500, 20, 1e-4);
        double[] b = simulate(generic, scheme, BoundaryPolicy.REFLECT, 1, 500, 20, 1e-4);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        assertTrue(worst < 1e-9, "largest difference " + worst);
        assertNotEquals(0, a[0] - uniform(1000, 99)[0], "the particles moved");
    }

    @Test
    void aStepThatDoesNotResolveTheDomainIsRefusedWithTheLargestStepAllowed() {
        // example metric with β = 1/4: isometric width π per coordinate; at T = 25 the limit is
        // (π/4)²/(2·25) = 0.01234
        DiffusionMachine machine = DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), 25);
        double max = ParticleEngine.maxStep(machine);
        assertEquals(Math.PI * Math.PI / 16 / 50, max, 1e-15);
        for (Scheme s : Scheme.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ParticleEngine.builder(machine).particles(4).step(1.01 * max).scheme(s)
                            .random(RandomSource.L64_X128_MIX.create(1L)).build());
            assertTrue(e.getMessage().contains("step h") && e.getMessage().contains("0.01234"), e.getMessage());
            ParticleEngine.builder(machine).particles(4).step(max).scheme(s)
                    .random(RandomSource.L64_X128_MIX.create(1L)).build().close();
        }
        assertEquals(Double.POSITIVE_INFINITY, ParticleEngine.maxStep(DiffusionMachine.of(EuclideanMetric.of(2),
                ScaledHimmelblau.of(), 25)), "no limit on an unbounded domain");
    }

    @Test
    void splittingIsRejectedForMetricsWithoutAnExactBarrierFlow() {
        DiffusionMachine generic = DiffusionMachine.of(HopfieldMetric.of(TestObjectives.disguisedTanh(1)),
                TestObjectives.linear(1, 1), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParticleEngine.builder(generic).particles(1).step(0.1).scheme(Scheme.ISOMETRIC_SPLITTING)
                        .random(RandomSource.L64_X128_MIX.create(1L)).build());
        assertTrue(e.getMessage().contains("ISOMETRIC_SPLITTING"), e.getMessage());
    }

    @Test
    void runDeliversFirstEverySnapshotAndLastAndMatchesAdvance() {
        int particles = 300;
        double h = 1e-4;
        double[] start = uniform(2 * particles, 4);
        List<Long> steps = new ArrayList<>();
        AtomicLong progress = new AtomicLong();
        StepHandler handler = new StepHandler() {
            @Override
            public void init(Snapshot initial, double finalTime) {
                steps.add(initial.step());
                assertEquals(0.1 + 25 * h, finalTime, 1e-15);
                assertEquals(0.1, initial.time());
            }

            @Override
            public void handleStep(Snapshot s) {
                steps.add(s.step());
                assertEquals(0.1 + s.step() * h, s.time(), 1e-15);
            }

            @Override
            public void finish(Snapshot last) {
                steps.add(-last.step());
            }
        };
        RunResult r;
        try (ParticleEngine e = ParticleEngine.builder(paper()).particles(particles).step(h)
                .random(RandomSource.L64_X128_MIX.create(6L)).build()) {
            r = e.run(WeightedPointCloud.unweighted(2, start),
                    RunOptions.steps(25).withStartTime(0.1).withSnapshotEvery(10).withProgress(progress::set), handler);
        }
        assertEquals(List.of(0L, 10L, 20L, -25L), steps);
        assertEquals(25, progress.get());
        assertEquals(25, r.steps());
        assertFalse(r.cancelled());
        double[] x = start.clone();
        try (ParticleEngine e = ParticleEngine.builder(paper()).particles(particles).step(h)
                .random(RandomSource.L64_X128_MIX.create(6L)).build()) {
            for (int k = 0; k < 25; k++) {
                e.advance(x, 0.1 + k * h);
            }
        }
        assertArrayEquals(x, r.last().cloud().positions());
    }

    @Test
    void runCanBeCancelledAndKeepsValues() {
        int particles = 50;
        double[] values = new double[particles];
        for (int i = 0; i < particles; i++) {
            values[i] = 1 + i;
        }
        WeightedPointCloud start = WeightedPointCloud.of(2, uniform(2 * particles, 5), values);
        AtomicLong done = new AtomicLong();
        Snapshot[] last = new Snapshot[1];
        RunResult r;
        try (ParticleEngine e = ParticleEngine.builder(paper()).particles(particles).step(1e-4)
                .random(RandomSource.L64_X128_MIX.create(6L)).build()) {
            r = e.run(start, RunOptions.steps(1000).withProgress(done::set).withCancellation(() -> done.get() >= 7),
                    new StepHandler() {
                        @Override
                        public void handleStep(Snapshot s) {
                            throw new AssertionError("no intermediate snapshots were requested");
                        }

                        @Override
                        public void finish(Snapshot s) {
                            last[0] = s;
                        }
                    });
        }
        assertTrue(r.cancelled());
        // the token is polled between chunks of at most RUN_CHUNK steps
        assertEquals(ParticleEngine.RUN_CHUNK, r.steps());
        assertEquals(ParticleEngine.RUN_CHUNK, last[0].step());
        assertArrayEquals(values, r.last().cloud().values());
    }

    @Test
    void nonFiniteGradientNamesParticlePositionAndStep() {
        DiffusionMachine m = DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25),
                TestObjectives.poisonedAbove(2, 0.9), 1);
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.5};
        for (Scheme s : Scheme.values()) {
            double[] y = x.clone();
            try (ParticleEngine e = ParticleEngine.builder(m).particles(3).step(1e-6).scheme(s)
                    .random(RandomSource.L64_X128_MIX.create(1L)).build()) {
                e.advance(y, 0);
                y[4] = 0.95;
                ArithmeticException ex = assertThrows(ArithmeticException.class, () -> e.advance(y, 1e-6));
                assertTrue(ex.getMessage().contains("particle 2"), ex.getMessage());
                assertTrue(ex.getMessage().contains("0.95"), ex.getMessage());
                assertTrue(ex.getMessage().contains("step 1"), ex.getMessage());
                assertTrue(ex.getMessage().contains("NaN"), ex.getMessage());
                assertEquals(0.95, y[4], "the failing particle keeps its position");
                for (double v : y) {
                    assertTrue(Double.isFinite(v));
                }
            }
        }
    }

    @Test
    void badInputIsRejectedNamingParameterAndValue() {
        DiffusionMachine m = paper();
        assertMessage(() -> ParticleEngine.builder(m).step(0), "step h", "0.0");
        assertMessage(() -> ParticleEngine.builder(m).step(-1e-3), "step h", "-0.001");
        assertMessage(() -> ParticleEngine.builder(m).step(Double.NaN), "step h", "NaN");
        assertMessage(() -> ParticleEngine.builder(m).particles(0), "particles N", "0");
        assertMessage(() -> ParticleEngine.builder(m).particles(-5), "particles N", "-5");
        assertMessage(() -> ParticleEngine.builder(m).threads(0), "threads", "0");
        assertMessage(() -> ParticleEngine.builder(m).blockSize(0), "blockSize", "0");
        assertMessage(() -> ParticleEngine.builder(m).random(new org.apache.commons.rng.UniformRandomProvider() {
            @Override
            public long nextLong() {
                return 0;
            }
        }), "random", "Splittable");
        assertMessage(() -> ParticleEngine.builder(m).particles(1).step(1).build(), "random", "must be set");
        assertMessage(() -> TemperatureSchedule.constant(-1), "temperature", "-1.0");
        assertMessage(() -> DiffusionMachine.of(m.metric(), ScaledHimmelblau.of(), -0.5), "temperature", "-0.5");
        assertMessage(() -> DiffusionMachine.of(EuclideanMetric.of(3), ScaledHimmelblau.of(), 1), "dimension", "3");
        try (ParticleEngine e = ParticleEngine.builder(m).particles(2).step(1e-4)
                .random(RandomSource.L64_X128_MIX.create(1L)).build()) {
            assertMessage(() -> e.advance(new double[3], 0), "positions", "3");
            assertMessage(() -> e.advance(new double[] {0.5, 0.5, 1.5, 0.5}, 0), "particle 1 coordinate 0", "1.5");
            assertMessage(() -> e.advance(new double[] {0.5, -0.1, 0.5, 0.5}, 0), "particle 0 coordinate 1", "-0.1");
            assertMessage(() -> e.advance(new double[] {0.5, Double.NaN, 0.5, 0.5}, 0), "particle 0 coordinate 1", "NaN");
            assertMessage(() -> e.advance(new double[4], -1), "time t", "-1.0");
            assertMessage(() -> e.run(WeightedPointCloud.unweighted(2, new double[6]), RunOptions.steps(1)), "N = 2", "3");
            assertMessage(() -> e.run(WeightedPointCloud.unweighted(1, new double[2]), RunOptions.steps(1)),
                    "dimension", "1");
            assertMessage(() -> e.run(WeightedPointCloud.unweighted(2, new double[] {0, 0, 2, 0}), RunOptions.steps(1)),
                    "point 1 coordinate 0", "2.0");
        }
        assertMessage(() -> RunOptions.steps(-1), "steps", "-1");
        assertMessage(() -> RunOptions.steps(1).withSnapshotEvery(0), "snapshotEvery", "0");
        DiffusionMachine hot = DiffusionMachine.of(EuclideanMetric.of(1), Quadratic.centred(1),
                TemperatureSchedule.of(t -> t > 1 ? -2 : 1, "bad"));
        try (ParticleEngine e = ParticleEngine.builder(hot).particles(1).step(1)
                .random(RandomSource.L64_X128_MIX.create(1L)).build()) {
            e.advance(new double[1], 0);
            assertMessage(() -> e.advance(new double[1], 2), "T(2.0)", "-2.0");
        }
    }

    /** The Euclidean metric accepts any finite point; the Euler step is x − h∇f + √(2Th) ξ. */
    @Test
    void euclideanStepIsLangevin() {
        DiffusionMachine m = DiffusionMachine.of(EuclideanMetric.of(1), Quadratic.of(new double[] {1}, 2), 0);
        double[] x = {-50};
        try (ParticleEngine e = ParticleEngine.builder(m).particles(1).step(0.1)
                .random(RandomSource.L64_X128_MIX.create(1L)).build()) {
            e.advance(x, 0);
        }
        assertEquals(-50 - 0.1 * 2 * (-51), x[0], 1e-12);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
        }
    }
}
