package io.github.hopflow.examples.bench;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.metric.IsometricCoordinates;
import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import io.github.hopflow.wasserstein.kernel.fast.GibbsKernels;
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
 * Building a Gibbs kernel and one log-domain product with it, for the automatic choice of
 * {@link GibbsKernels}, on the paper's geometry (β = 1/4, τ = 2ε = 0.2, new points one small
 * move from the old ones).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmark {

    /** Number of points per side. */
    @Param({"500", "2000", "10000", "100000"})
    public int particles;

    /** Dimension. */
    @Param({"2"})
    public int dim;

    /** Kernel temperature τ. */
    @Param({"0.2"})
    public double tau;

    private double[] u;
    private double[] v;
    private double[] logB;
    private double[] out;
    private GibbsKernel kernel;
    private GibbsKernel.Factory factory;

    /** Points, weights and one kernel. */
    @Setup
    public void setUp() {
        Random rnd = new Random(1);
        double[] x = new double[particles * dim];
        double[] y = new double[particles * dim];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.001 + 0.998 * rnd.nextDouble();
            y[k] = Math.min(0.999, Math.max(0.001, x[k] + 0.03 * rnd.nextGaussian()));
        }
        IsometricCoordinates iso = IsometricCoordinates.of(HopfieldMetric.paperExample(dim, 0.25));
        u = new double[x.length];
        v = new double[y.length];
        iso.toIsometric(x, u);
        iso.toIsometric(y, v);
        logB = new double[particles];
        for (int i = 0; i < particles; i++) {
            logB[i] = -35 * rnd.nextDouble();
        }
        out = new double[particles];
        factory = GibbsKernels.automatic();
        kernel = factory.create(dim, u, v, tau);
    }

    /** Builds the kernel. */
    @Benchmark
    public GibbsKernel build() {
        return factory.create(dim, u, v, tau);
    }

    /** One product log(K b). */
    @Benchmark
    public double[] product() {
        kernel.logMultiply(logB, out);
        return out;
    }
}
