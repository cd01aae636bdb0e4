package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.objective.Objective;
import java.util.Arrays;

/**
 * One time step of one scheme for a block of particles, on the flat row-major position array.
 * Temperature-dependent constants are set by {@link #prepare(double)} on the calling thread before
 * blocks are dispatched; {@link #advance} may then run concurrently on disjoint blocks.
 *
 * <p>Every kernel draws exactly one standard normal per coordinate, in particle then coordinate
 * order, computes a particle's new coordinates into the block's scratch array and writes them
 * only when all are finite: on an exception the failing particle's position is intact.
 */
public abstract class StepKernel {

    /** 1 − 2⁻⁵³, the largest double below 1. */
    static final double BELOW_ONE = Math.nextDown(1.0);

    protected final Objective objective;
    protected final int n;
    protected final double h;

    protected StepKernel(Objective objective, double h) {
        this.objective = objective;
        this.n = objective.dimension();
        this.h = h;
    }

    /** Sets the temperature of the coming step (finite, ≥ 0). */
    public abstract void prepare(double temperature);

    /**
     * Advances the particles of {@code block} by one step.
     *
     * @param x flat positions N × n. Modified (the block's rows only).
     * @param block the block. Modified (random stream, scratch, counters).
     * @param step index of the step (for error messages)
     * @param t time at the start of the step (for error messages)
     * @throws IllegalArgumentException if a position is outside the domain
     * @throws ArithmeticException if the objective's gradient (or the step) is not finite
     */
    public abstract void advance(double[] x, BlockState block, long step, double t);

    static IllegalArgumentException outside(double[] x, int particle, int n, int coordinate, double lo, double hi) {
        int off = particle * n;
        return new IllegalArgumentException("positions: particle " + particle + " coordinate " + coordinate + " = "
                + x[off + coordinate] + " is outside the domain [" + lo + ", " + hi + "] (point "
                + Arrays.toString(Arrays.copyOfRange(x, off, off + n)) + ")");
    }

    ArithmeticException nonFinite(double[] x, int particle, double[] gradient, long step, double t,
            double temperature) {
        int off = particle * n;
        boolean gradientFinite = true;
        for (int i = 0; i < n; i++) {
            gradientFinite &= Double.isFinite(gradient[i]);
        }
        String what = gradientFinite
                ? "the step produced a non-finite coordinate (overflow; reduce the step h)"
                : "objective '" + objective.name() + "' returned a non-finite gradient";
        return new ArithmeticException(what + " at particle " + particle + ", position "
                + Arrays.toString(Arrays.copyOfRange(x, off, off + n)) + ", step " + step + " (t = " + t
                + ", T = " + temperature + ", h = " + h + "): gradient " + Arrays.toString(gradient));
    }

    /** Folds x into [lo, hi] by mirror reflections at the faces. */
    static double reflect(double x, double lo, double hi) {
        double w = hi - lo;
        double d = x - lo;
        if (d < 0) {
            d = -d;
        }
        if (d > w) {
            d %= 2 * w;
            if (d > w) {
                d = 2 * w - d;
            }
        }
        return lo + d;
    }

    /** Clamps x into the open interval (0, 1) in floating point. */
    static double openUnit(double x) {
        return x < Double.MIN_NORMAL ? Double.MIN_NORMAL : (x > BELOW_ONE ? BELOW_ONE : x);
    }
}
