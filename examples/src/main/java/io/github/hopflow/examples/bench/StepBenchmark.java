package io.github.hopflow.examples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One density-flow step (SDE step + proximal step) of {@link StepBench}, the configuration of
 * {@code hopflow bench}: the paper's example for n = 2, Σ(10x − 5)² otherwise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StepBenchmark {

    /** N. */
    @Param({"500", "10000"})
    public int particles;

    /** n. */
    @Param({"2"})
    public int dim;

    private StepBench bench;
    private final double[] times = new double[2];

    /** A fresh cloud. */
    @Setup(Level.Trial)
    public void setUp() {
        bench = new StepBench(particles, dim, 0.1, 1e-6, Runtime.getRuntime().availableProcessors(), 1);
    }

    /** Releases the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        bench.close();
    }

    /** SDE step + proximal step. */
    @Benchmark
    public double[] step() {
        bench.step(times);
        return times;
    }
}
