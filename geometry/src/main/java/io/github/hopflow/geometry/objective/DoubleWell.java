package io.github.hopflow.geometry.objective;

import java.util.AbstractList;
import java.util.List;

/**
 * The separable double well F(y) = Σ (y_i² − 1)² on the box [−2, 2]^n, mapped affinely onto
 * [0,1]^n (y_i = 4x_i − 2). Each coordinate has two wells, at y_i = ±1 (x_i = ¼ and ¾), separated
 * by a barrier of height 1 at y_i = 0 (x_i = ½): 2^n global minimisers, all with value 0, and no
 * other local minima. Its Gibbs density exp(−f/T) is 2^n-modal.
 *
 * <p>{@link #globalMinimisers()} lists all 2^n corners {¼, ¾}^n (lazily, in binary order of the
 * choice of ¾) for n ≤ {@value #MAX_LISTED_DIMENSION}; beyond that there are too many to list and
 * the list is empty, while {@link #globalMinimum()} is still 0.
 */
public final class DoubleWell extends BoxMappedObjective {

    /** The largest dimension whose minimisers {@link #globalMinimisers()} lists. */
    public static final int MAX_LISTED_DIMENSION = 30;

    private DoubleWell(int dimension) {
        super(dimension, -2, 2);
    }

    /** @param dimension n &gt; 0 */
    public static DoubleWell of(int dimension) {
        return new DoubleWell(dimension);
    }

    @Override
    public String name() {
        return "double-well";
    }

    @Override
    public double value(double[] x, int offset) {
        double s = 0;
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            double q = y * y - 1;
            s += q * q;
        }
        return s;
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            out[outOffset + i] = boxWidth * 4 * y * (y * y - 1);
        }
    }

    @Override
    public void secondDerivatives(double[] x, int offset, double[] out, int outOffset) {
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            out[outOffset + i] = boxWidth * boxWidth * (12 * y * y - 4);
        }
    }

    @Override
    public List<double[]> globalMinimisers() {
        if (dimension > MAX_LISTED_DIMENSION) {
            return List.of();
        }
        final int n = dimension;
        final double low = fromBox(-1);
        final double high = fromBox(1);
        return new AbstractList<double[]>() {
            @Override
            public double[] get(int index) {
                if (index < 0 || index >= size()) {
                    throw new IndexOutOfBoundsException("index " + index + ", size " + size());
                }
                double[] m = new double[n];
                for (int i = 0; i < n; i++) {
                    m[i] = ((index >>> i) & 1) == 0 ? low : high;
                }
                return m;
            }

            @Override
            public int size() {
                return 1 << n;
            }
        };
    }
}
