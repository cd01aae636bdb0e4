package io.github.hopflow.sde.cloud;

import io.github.hopflow.geometry.internal.Checks;
import java.util.Arrays;

/**
 * An immutable cloud of N points x¹, …, x^N in n dimensions, each carrying a positive value ϱⁱ: a
 * sample of a density ρ together with (an approximation of) ρ at the samples (docs/design.md §1,
 * "Density flow by proximal (JKO) steps"). For a plain sample the values are all 1.
 *
 * <p>Positions are stored row-major in one flat array (point i occupies
 * [i·n, (i + 1)·n)). The arrays are never exposed: accessors copy, or write into an array the
 * caller supplies.
 */
public final class WeightedPointCloud {

    private final int dimension;
    private final double[] positions;
    private final double[] values;

    private WeightedPointCloud(int dimension, double[] positions, double[] values) {
        this.dimension = dimension;
        this.positions = positions;
        this.values = values;
    }

    /**
     * A cloud from flat positions and values; both arrays are copied.
     *
     * @param dimension n &gt; 0
     * @param positions row-major N × n, finite. Not modified.
     * @param values N positive finite values. Not modified.
     * @throws IllegalArgumentException naming the parameter, the index and the value
     */
    public static WeightedPointCloud of(int dimension, double[] positions, double[] values) {
        return owning(dimension, positions.clone(), values.clone());
    }

    /** A cloud with every value 1; the positions are copied. */
    public static WeightedPointCloud unweighted(int dimension, double[] positions) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        double[] v = new double[positions.length / dimension];
        Arrays.fill(v, 1.0);
        return owning(dimension, positions.clone(), v);
    }

    /** A cloud that owns the arrays it is given (fresh copies, never the caller's). */
    private static WeightedPointCloud owning(int dimension, double[] positions, double[] values) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        if (positions.length == 0 || positions.length % dimension != 0) {
            throw new IllegalArgumentException("positions length " + positions.length
                    + " must be a positive multiple of the dimension " + dimension);
        }
        int size = positions.length / dimension;
        if (values.length != size) {
            throw new IllegalArgumentException(
                    "values must have one entry per point (" + size + "), got " + values.length);
        }
        for (int k = 0; k < positions.length; k++) {
            if (!Double.isFinite(positions[k])) {
                throw new IllegalArgumentException("positions of point " + (k / dimension) + " coordinate "
                        + (k % dimension) + " must be finite, got " + positions[k]);
            }
        }
        for (int i = 0; i < size; i++) {
            Checks.positive("values", i, values[i]);
        }
        return new WeightedPointCloud(dimension, positions, values);
    }

    /** The number of points N. */
    public int size() {
        return values.length;
    }

    /** The dimension n. */
    public int dimension() {
        return dimension;
    }

    /**
     * Coordinate k of point i.
     *
     * @throws IndexOutOfBoundsException naming the index and the bound, if i or k is out of range
     */
    public double coordinate(int i, int k) {
        java.util.Objects.checkIndex(i, values.length);
        java.util.Objects.checkIndex(k, dimension);
        return positions[i * dimension + k];
    }

    /** The value ϱⁱ of point i. */
    public double value(int i) {
        return values[i];
    }

    /** A copy of point i. */
    public double[] point(int i) {
        return Arrays.copyOfRange(positions, i * dimension, (i + 1) * dimension);
    }

    /** A copy of the flat row-major positions. */
    public double[] positions() {
        return positions.clone();
    }

    /**
     * Copies the flat positions into {@code out}.
     *
     * @param out length exactly N·n. Modified.
     * @throws IllegalArgumentException if {@code out} has another length
     */
    public void positionsInto(double[] out) {
        if (out.length != positions.length) {
            throw new IllegalArgumentException("out must have length N·n = " + positions.length + ", got " + out.length);
        }
        System.arraycopy(positions, 0, out, 0, positions.length);
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /**
     * Copies the values into {@code out}.
     *
     * @param out length exactly N. Modified.
     * @throws IllegalArgumentException if {@code out} has another length
     */
    public void valuesInto(double[] out) {
        if (out.length != values.length) {
            throw new IllegalArgumentException("out must have length N = " + values.length + ", got " + out.length);
        }
        System.arraycopy(values, 0, out, 0, values.length);
    }

    /** The same positions with other values (copied). */
    public WeightedPointCloud withValues(double[] newValues) {
        return owning(dimension, positions, newValues.clone());
    }

    @Override
    public String toString() {
        return "WeightedPointCloud[N=" + size() + ", n=" + dimension + "]";
    }
}
