package io.github.hopflow.geometry.objective;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/**
 * A C¹ objective f : R^n ⊇ D → R with its gradient: the energy that the Hopfield flows descend
 * and whose Gibbs density exp(−f/T)/Z(T) the diffusion machine samples (HNN paper, eq. (41)).
 *
 * <p>The primary methods read a point from a flat array at an offset, so that particle engines
 * evaluate clouds stored as one row-major array without copying. Implementations are immutable
 * and thread-safe: concurrent calls on disjoint slices of one array are allowed.
 */
public interface Objective {

    /** The dimension n. */
    int dimension();

    /** A short name, as accepted by {@link Objectives#byName}. */
    String name();

    /**
     * f at the point x[offset .. offset + n).
     *
     * @param x flat array holding the point. Not modified.
     * @param offset index of the first coordinate
     */
    double value(double[] x, int offset);

    /** f(x) for a point of length n. Not modified. */
    default double value(double[] x) {
        return value(x, 0);
    }

    /**
     * ∇f at the point x[offset .. offset + n), written to out[outOffset .. outOffset + n).
     *
     * <p>The default is a central difference with step h_i = ∛(ulp-scale)·max(1, |x_i|); it
     * perturbs one coordinate of {@code x} at a time and restores it bit for bit before returning,
     * also when an evaluation of f throws. Each gradient then costs 2n evaluations of f;
     * {@link #hasAnalyticGradient()} is false.
     *
     * @param x flat array holding the point. Not modified (restored).
     * @param offset index of the first coordinate of the point
     * @param out output array. Modified.
     * @param outOffset index in {@code out} of the first gradient component
     */
    default void gradient(double[] x, int offset, double[] out, int outOffset) {
        int n = dimension();
        for (int i = 0; i < n; i++) {
            double xi = x[offset + i];
            double h = 6.0554544523933395e-6 * Math.max(1.0, Math.abs(xi)); // cbrt(2^-52)
            try {
                x[offset + i] = xi + h;
                double fp = value(x, offset);
                x[offset + i] = xi - h;
                double fm = value(x, offset);
                out[outOffset + i] = (fp - fm) / (2 * h);
            } finally {
                x[offset + i] = xi;
            }
        }
    }

    /** ∇f(x) for a point of length n, into {@code out} of length n. x not modified; out modified. */
    default void gradient(double[] x, double[] out) {
        gradient(x, 0, out, 0);
    }

    /** Whether {@link #gradient} is exact (true) or a finite difference costing 2n evaluations. */
    default boolean hasAnalyticGradient() {
        return false;
    }

    /** The known global minimisers (empty when unknown). Each array is a fresh copy. */
    default List<double[]> globalMinimisers() {
        return List.of();
    }

    /** The known global minimum value, if any. */
    default OptionalDouble globalMinimum() {
        return OptionalDouble.empty();
    }

    /**
     * The diagonal of the Hessian, ∂²f/∂x_i² (i = 1..n), at the point x[offset .. offset + n),
     * written to out[outOffset .. outOffset + n): what the Laplace–Beltrami operator of a diagonal
     * metric needs, Δ_G f = Σ_i ∂_i(m_i ∂_i f) = Σ_i (m_i ∂²_i f + m_i' ∂_i f).
     *
     * <p>The default is a central second difference of f with step h_i = 2⁻¹³·max(1, |x_i|) (about
     * the fourth root of the unit round-off), whose truncation and round-off errors are both near
     * 1e-8 relative to the scale of f; it perturbs one coordinate of {@code x} at a time and
     * restores it bit for bit. Each call then costs 2n + 1 evaluations of f.
     *
     * @param x flat array holding the point. Not modified (restored).
     * @param offset index of the first coordinate of the point
     * @param out output array. Modified.
     * @param outOffset index in {@code out} of the first second derivative
     */
    default void secondDerivatives(double[] x, int offset, double[] out, int outOffset) {
        int n = dimension();
        double f0 = value(x, offset);
        for (int i = 0; i < n; i++) {
            double xi = x[offset + i];
            double h = 1.220703125e-4 * Math.max(1.0, Math.abs(xi));
            x[offset + i] = xi + h;
            double fp = value(x, offset);
            x[offset + i] = xi - h;
            double fm = value(x, offset);
            x[offset + i] = xi;
            out[outOffset + i] = (fp - 2 * f0 + fm) / (h * h);
        }
    }

    /**
     * A user-supplied objective whose gradient is a central difference (2n evaluations of f).
     *
     * @param dimension n &gt; 0
     * @param value f, called with a point of length n that it must not modify
     * @throws IllegalArgumentException if n ≤ 0 or {@code value} is null
     */
    static Objective of(int dimension, ToDoubleFunction<double[]> value) {
        return new FunctionObjective("custom", dimension, value, null);
    }

    /**
     * A user-supplied objective with an analytic gradient.
     *
     * @param dimension n &gt; 0
     * @param value f, called with a point of length n that it must not modify
     * @param gradient called as {@code gradient.accept(x, out)} with a point x of length n (not to be
     *     modified) and an array out of length n that it must fill with ∇f(x); null for a central
     *     difference
     * @throws IllegalArgumentException if n ≤ 0 or {@code value} is null
     */
    static Objective of(int dimension, ToDoubleFunction<double[]> value, BiConsumer<double[], double[]> gradient) {
        return new FunctionObjective("custom", dimension, value, gradient);
    }

    /**
     * A named user-supplied objective (the name appears in reports).
     *
     * @see #of(int, ToDoubleFunction, BiConsumer)
     */
    static Objective of(String name, int dimension, ToDoubleFunction<double[]> value,
            BiConsumer<double[], double[]> gradient) {
        return new FunctionObjective(name, dimension, value, gradient);
    }
}
