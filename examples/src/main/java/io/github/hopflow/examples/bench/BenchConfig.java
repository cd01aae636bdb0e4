package io.github.hopflow.examples.bench;

import java.util.List;

/**
 * One benchmark configuration: a density-flow step (SDE step + proximal step) of N particles in
 * n dimensions, or a Sinkhorn W_G solve between two clouds of N points.
 */
public final class BenchConfig {

    /** What is measured. */
    public enum Kind {
        /** SDE step + proximal (JKO) step of the density flow. */
        STEP,
        /** W_G between two clouds by log-domain Sinkhorn. */
        SINKHORN
    }

    /** The benchmark configurations of BENCHMARKS.md, in the order they are run. */
    public static final List<BenchConfig> TABLE = List.of(
            step(500, 2, 200, "<= 1 ms and >= 20x faster than the NumPy reference"),
            step(10_000, 2, 20, "<= 250 ms, peak memory <= 2 GiB"),
            step(100_000, 2, 5, "<= 3 s"),
            step(2_000, 10, 30, "<= 30 ms, finite values"),
            new BenchConfig(Kind.SINKHORN, 2_000, 2, 3, 0.01, ">= 10x faster than POT sinkhorn_log"));

    private final Kind kind;
    private final int particles;
    private final int dim;
    private final int steps;
    private final double epsilon;
    private final String target;

    private BenchConfig(Kind kind, int particles, int dim, int steps, double epsilon, String target) {
        if (particles < 2) {
            throw new IllegalArgumentException("--particles must be >= 2, got " + particles);
        }
        if (dim < 1) {
            throw new IllegalArgumentException("--dim must be >= 1, got " + dim);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        this.kind = kind;
        this.particles = particles;
        this.dim = dim;
        this.steps = steps;
        this.epsilon = epsilon;
        this.target = target;
    }

    /** A density-flow step configuration with the paper's parameters (ε = 0.1). */
    public static BenchConfig step(int particles, int dim, int steps, String target) {
        return new BenchConfig(Kind.STEP, particles, dim, steps, 0.1, target);
    }

    /** The same configuration with another number of measured steps (or solves). */
    public BenchConfig withSteps(int k) {
        return new BenchConfig(kind, particles, dim, k, epsilon, target);
    }

    /** What is measured. */
    public Kind kind() {
        return kind;
    }

    /** N. */
    public int particles() {
        return particles;
    }

    /** n. */
    public int dim() {
        return dim;
    }

    /** Measured steps (or Sinkhorn solves). */
    public int steps() {
        return steps;
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    /** The performance target, as text ("" for a custom configuration). */
    public String target() {
        return target;
    }
}
