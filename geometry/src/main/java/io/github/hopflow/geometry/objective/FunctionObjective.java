package io.github.hopflow.geometry.objective;

import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/**
 * A user-supplied objective built by {@link Objective#of}: f and, optionally, ∇f given as functions
 * of a point of length n. Points stored at a non-zero offset of a longer array are copied into a
 * per-thread buffer of length n (allocated once per thread), so evaluation does not allocate.
 */
final class FunctionObjective implements Objective {

    private final String name;
    private final int dimension;
    private final ToDoubleFunction<double[]> value;
    private final BiConsumer<double[], double[]> gradient;
    private final ThreadLocal<double[][]> buffers;

    FunctionObjective(String name, int dimension, ToDoubleFunction<double[]> value,
            BiConsumer<double[], double[]> gradient) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-blank string, got '" + name + "'");
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        if (value == null) {
            throw new IllegalArgumentException("value function must not be null");
        }
        this.name = name;
        this.dimension = dimension;
        this.value = value;
        this.gradient = gradient;
        this.buffers = ThreadLocal.withInitial(() -> new double[][] {new double[dimension], new double[dimension]});
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(double[] x, int offset) {
        if (offset == 0 && x.length == dimension) {
            return value.applyAsDouble(x);
        }
        double[] point = buffers.get()[0];
        System.arraycopy(x, offset, point, 0, dimension);
        return value.applyAsDouble(point);
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        if (gradient == null) {
            Objective.super.gradient(x, offset, out, outOffset);
            return;
        }
        double[][] b = buffers.get();
        double[] point = x;
        if (offset != 0 || x.length != dimension) {
            point = b[0];
            System.arraycopy(x, offset, point, 0, dimension);
        }
        if (outOffset == 0 && out.length == dimension) {
            gradient.accept(point, out);
        } else {
            gradient.accept(point, b[1]);
            System.arraycopy(b[1], 0, out, outOffset, dimension);
        }
    }

    @Override
    public boolean hasAnalyticGradient() {
        return gradient != null;
    }

    @Override
    public String toString() {
        return "Objective[" + name + ", n=" + dimension + (gradient == null ? ", finite-difference gradient" : "") + "]";
    }
}
