package io.github.hopflow.examples.bench;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.wasserstein.prox.Normalisation;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The density flow's default normalisation, the leave-one-out kernel-density ratio
 * ({@link Normalisation#kernelDensityRatio}), once per step after the proximal step: a cloud
 * uniform in [0.05, 0.95]ⁿ with standard normal log-values, on the paper's metric (β = 1/4).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NormalisationBenchmark {

    /** Number of points. */
    @Param({"500", "2000", "10000", "100000"})
    public int particles;

    /** Dimension. */
    @Param({"2"})
    public int dim;

    /** Threads. */
    @Param({"2"})
    public int threads;

    private double[] x;
    private double[] logValues;
    private Normalisation normalisation;

    /** The cloud and the normalisation. */
    @Setup
    public void setUp() {
        Random rnd = new Random(1);
        x = new double[particles * dim];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.05 + 0.9 * rnd.nextDouble();
        }
        logValues = new double[particles];
        for (int i = 0; i < particles; i++) {
            logValues[i] = rnd.nextGaussian();
        }
        normalisation = Normalisation.kernelDensityRatio(HopfieldMetric.paperExample(dim, 0.25), threads);
    }

    /** log c of the cloud. */
    @Benchmark
    public double logScale() {
        return normalisation.logScale(dim, x, logValues);
    }
}
