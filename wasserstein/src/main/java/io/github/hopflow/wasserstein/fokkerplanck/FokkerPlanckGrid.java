package io.github.hopflow.wasserstein.fokkerplanck;

import java.util.Arrays;

/**
 * A uniform cell-centred grid on a box [lo₀, hi₀] × … × [lo_{n−1}, hi_{n−1}], n = 1, 2 or 3, with
 * M_i cells along axis i of width Δ_i = (hi_i − lo_i)/M_i and centres lo_i + (j + ½)Δ_i,
 * j = 0, …, M_i − 1.
 *
 * <p>Cells are numbered row-major, the last axis varying fastest: the cell with axis indices
 * (j₀, …, j_{n−1}) has the flat index Σ j_i·s_i with strides s_{n−1} = 1, s_i = s_{i+1}·M_{i+1}.
 * Every array of cell values in this package uses that order. Immutable.
 */
public final class FokkerPlanckGrid {

    /** The largest supported dimension. */
    public static final int MAX_DIMENSION = 3;

    private final double[] lower;
    private final double[] upper;
    private final int[] cells;
    private final double[] width;
    private final int[] stride;
    private final int cellCount;
    private final double cellVolume;

    private FokkerPlanckGrid(double[] lower, double[] upper, int[] cells) {
        int n = cells.length;
        this.lower = lower;
        this.upper = upper;
        this.cells = cells;
        this.width = new double[n];
        this.stride = new int[n];
        double volume = 1;
        long count = 1;
        for (int i = n - 1; i >= 0; i--) {
            width[i] = (upper[i] - lower[i]) / cells[i];
            stride[i] = (int) count;
            count *= cells[i];
            volume *= width[i];
        }
        this.cellCount = (int) count;
        this.cellVolume = volume;
    }

    /**
     * A grid on the box [lower, upper].
     *
     * @param lower the lower corner, finite. Not modified.
     * @param upper the upper corner, finite, upper[i] &gt; lower[i]. Not modified.
     * @param cells M_i ≥ 2 cells along each axis. Not modified.
     * @throws IllegalArgumentException naming the parameter and the value: mismatched lengths, a
     *     dimension outside 1 … 3, a bad interval, fewer than 2 cells along an axis, or more than
     *     {@link Integer#MAX_VALUE} cells in all
     */
    public static FokkerPlanckGrid of(double[] lower, double[] upper, int[] cells) {
        if (lower == null || upper == null || cells == null) {
            throw new IllegalArgumentException("lower, upper and cells must not be null");
        }
        int n = cells.length;
        if (n < 1 || n > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension must be 1, 2 or 3, got " + n);
        }
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("lower and upper must have the dimension " + n + " of cells, got "
                    + lower.length + " and " + upper.length);
        }
        long count = 1;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i]) || !(upper[i] > lower[i])) {
                throw new IllegalArgumentException("domain axis " + i
                        + " must be a finite interval lower < upper, got [" + lower[i] + ", " + upper[i] + "]");
            }
            if (!Double.isFinite(upper[i] - lower[i])) {
                throw new IllegalArgumentException("domain axis " + i + " is too wide: [" + lower[i] + ", " + upper[i]
                        + "]");
            }
            if (cells[i] < 2) {
                throw new IllegalArgumentException("cells[" + i + "] must be >= 2, got " + cells[i]);
            }
            count *= cells[i];
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the grid " + Arrays.toString(cells) + " has more than "
                        + Integer.MAX_VALUE + " cells");
            }
        }
        return new FokkerPlanckGrid(lower.clone(), upper.clone(), cells.clone());
    }

    /** The dimension n. */
    public int dimension() {
        return cells.length;
    }

    /** M_i, the number of cells along axis i. */
    public int cells(int axis) {
        return cells[axis];
    }

    /** A copy of (M₀, …, M_{n−1}). */
    public int[] cellsPerAxis() {
        return cells.clone();
    }

    /** The total number of cells Π M_i. */
    public int cellCount() {
        return cellCount;
    }

    /** lo_i, the lower end of the domain along axis i. */
    public double lower(int axis) {
        return lower[axis];
    }

    /** hi_i, the upper end of the domain along axis i. */
    public double upper(int axis) {
        return upper[axis];
    }

    /** A copy of the lower corner. */
    public double[] lowerCorner() {
        return lower.clone();
    }

    /** A copy of the upper corner. */
    public double[] upperCorner() {
        return upper.clone();
    }

    /** Δ_i = (hi_i − lo_i)/M_i. */
    public double cellWidth(int axis) {
        return width[axis];
    }

    /** The volume Π Δ_i of one cell. */
    public double cellVolume() {
        return cellVolume;
    }

    /** The stride s_i of axis i in the flat cell index. */
    public int stride(int axis) {
        return stride[axis];
    }

    /** lo_i + (j + ½)Δ_i, the centre coordinate of the j-th cell along axis i. */
    public double centre(int axis, int j) {
        return lower[axis] + (j + 0.5) * width[axis];
    }

    /** The index along axis i of the cell with flat index {@code cell}. */
    public int axisIndex(int cell, int axis) {
        return (cell / stride[axis]) % cells[axis];
    }

    /**
     * The flat index of the cell with the given axis indices.
     *
     * @param axisIndices (j₀, …, j_{n−1}), 0 ≤ j_i &lt; M_i. Not modified.
     * @throws IllegalArgumentException if the length or an index is out of range
     */
    public int cellIndex(int... axisIndices) {
        if (axisIndices.length != cells.length) {
            throw new IllegalArgumentException("axisIndices must have length " + cells.length + ", got "
                    + axisIndices.length);
        }
        int k = 0;
        for (int i = 0; i < cells.length; i++) {
            if (axisIndices[i] < 0 || axisIndices[i] >= cells[i]) {
                throw new IllegalArgumentException("axisIndices[" + i + "] must be in [0, " + cells[i] + "), got "
                        + axisIndices[i]);
            }
            k += axisIndices[i] * stride[i];
        }
        return k;
    }

    /**
     * The centre of a cell.
     *
     * @param cell the flat index
     * @param out length ≥ n; receives the centre in out[0 .. n). Modified.
     */
    public void cellCentre(int cell, double[] out) {
        for (int i = 0; i < cells.length; i++) {
            out[i] = centre(i, axisIndex(cell, i));
        }
    }

    /** All cell centres as a flat row-major array of cellCount() × n coordinates (a fresh array). */
    public double[] cellCentres() {
        int n = cells.length;
        double[] out = new double[cellCount * n];
        double[] x = new double[n];
        for (int k = 0; k < cellCount; k++) {
            cellCentre(k, x);
            System.arraycopy(x, 0, out, k * n, n);
        }
        return out;
    }

    /** Whether the point lies in the closed box. Not modified. */
    boolean contains(double[] x, int offset) {
        for (int i = 0; i < cells.length; i++) {
            double v = x[offset + i];
            if (!(v >= lower[i] && v <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FokkerPlanckGrid[");
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                s.append(" × ");
            }
            s.append(cells[i]).append(" cells on [").append(lower[i]).append(", ").append(upper[i]).append(']');
        }
        return s.append(']').toString();
    }
}
