package io.github.hopflow.sde;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Throughput of the engine on the paper's example (Himmelblau, T = 25, β = ¼, h = 10⁻⁴) in
 * particle-coordinate updates per second: best of 7 repetitions of about 4·10⁷ updates each, for
 * a few cloud sizes and thread counts. A measuring tool, not a test (no timing is asserted):
 *
 * <pre>
 * mvn -q -o -pl sde -am test-compile
 * java -cp "sde/target/classes:sde/target/test-classes:geometry/target/classes:$(ls ~/.m2/repository/org/apache/commons/commons-rng-*&#47;1.6/*.jar | tr '\n' ':')" \
 *     io.github.hopflow.sde.EngineThroughput [EULER_MARUYAMA|ISOMETRIC_IMPLICIT|ISOMETRIC_SPLITTING]
 * </pre>
 */
public final class EngineThroughput {

    private EngineThroughput() {
    }

    /** @param args optional scheme name (default EULER_MARUYAMA) */
    public static void main(String[] args) {
        Scheme scheme = args.length > 0 ? Scheme.valueOf(args[0]) : Scheme.EULER_MARUYAMA;
        DiffusionMachine m = DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), 25);
        int[][] configs = {{500, 1}, {10_000, 1}, {10_000, 2}, {1_000_000, 1}, {1_000_000, 2}};
        for (int[] c : configs) {
            int particles = c[0];
            int threads = c[1];
            UniformRandomProvider init = RandomSource.L64_X128_MIX.create(2L);
            double[] x = new double[2 * particles];
            for (int i = 0; i < x.length; i++) {
                x[i] = init.nextDouble();
            }
            try (ParticleEngine e = ParticleEngine.builder(m).particles(particles).step(1e-4).scheme(scheme)
                    .threads(threads).random(RandomSource.L64_X128_MIX.create(1L)).build()) {
                int steps = (int) Math.max(1, 40_000_000L / (2L * particles));
                double best = 0;
                for (int rep = 0; rep < 7; rep++) {
                    long t0 = System.nanoTime();
                    e.advance(x, 0, steps);
                    best = Math.max(best, 2.0 * particles * steps * 1e9 / (System.nanoTime() - t0));
                }
                System.out.printf(Locale.ROOT, "%s N=%d threads=%d: %.1f million particle-coordinate updates/s%n",
                        scheme, particles, threads, best / 1e6);
            }
        }
    }
}
