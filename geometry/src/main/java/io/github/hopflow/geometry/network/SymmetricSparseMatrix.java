package io.github.hopflow.geometry.network;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;

/**
 * A real symmetric n × n matrix A in compressed sparse column storage (EJML's
 * {@link DMatrixSparseCSC}, both triangles stored), with the products the network energies need.
 * Since A is symmetric, column j holds row j, so (Ax)_j = Σ_k A_{kj} x_k is a gather over column j:
 * each output is written once, the rows of a product can be split between threads, and no
 * scatter or temporary array is needed.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class SymmetricSparseMatrix {

    private final int size;
    /** Column start offsets (n + 1), row indices and values of the CSC storage. */
    private final int[] columnStarts;
    private final int[] rows;
    private final double[] values;
    private final double[] diagonal;

    private SymmetricSparseMatrix(DMatrixSparseCSC a) {
        this.size = a.numCols;
        this.columnStarts = java.util.Arrays.copyOf(a.col_idx, size + 1);
        int nz = a.nz_length;
        this.rows = java.util.Arrays.copyOf(a.nz_rows, nz);
        this.values = java.util.Arrays.copyOf(a.nz_values, nz);
        this.diagonal = new double[size];
        for (int j = 0; j < size; j++) {
            for (int k = columnStarts[j]; k < columnStarts[j + 1]; k++) {
                if (rows[k] == j) {
                    diagonal[j] += values[k];
                }
            }
        }
    }

    /**
     * The symmetric part (W + Wᵀ)/2 of the matrix W with the given entries (0-based; repeated
     * entries are added).
     *
     * @param size n &gt; 0
     * @param row the entries' rows, each in [0, n). Not modified.
     * @param column the entries' columns, each in [0, n). Not modified.
     * @param value the entries' values, each finite. Not modified.
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static SymmetricSparseMatrix symmetricPart(int size, int[] row, int[] column, double[] value) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be > 0, got " + size);
        }
        if (row.length != column.length || row.length != value.length) {
            throw new IllegalArgumentException("row, column and value must have the same length, got "
                    + row.length + ", " + column.length + " and " + value.length);
        }
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(size, size, 2 * row.length);
        for (int e = 0; e < row.length; e++) {
            int i = row[e];
            int j = column[e];
            double w = value[e];
            if (i < 0 || i >= size || j < 0 || j >= size) {
                throw new IllegalArgumentException("entry " + e + " at (" + i + ", " + j + ") lies outside the "
                        + size + " x " + size + " matrix");
            }
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("entry " + e + " at (" + i + ", " + j + ") is " + w);
            }
            if (w == 0) {
                continue;
            }
            if (i == j) {
                t.addItem(i, i, w);
            } else {
                t.addItem(i, j, 0.5 * w);
                t.addItem(j, i, 0.5 * w);
            }
        }
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null, null);
        a.sortIndices(null);
        CommonOps_DSCC.duplicatesAdd(a, null);
        return new SymmetricSparseMatrix(a);
    }

    /** n. */
    public int size() {
        return size;
    }

    /** The number of stored entries (both triangles). */
    public int nonZeros() {
        return columnStarts[size];
    }

    /** A_{jj}. */
    public double diagonal(int j) {
        return diagonal[j];
    }

    /** Σ_{i,j} A_ij. */
    public double total() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** Σ_{i,j} A_ij², the squared Frobenius norm. */
    public double frobeniusSquared() {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return s;
    }

    /**
     * out = A x.
     *
     * @param x the vector, x[xOffset .. xOffset + n). Not modified.
     * @param out receives Ax in out[outOffset .. outOffset + n). Modified; must not overlap x.
     */
    public void multiply(double[] x, int xOffset, double[] out, int outOffset) {
        for (int j = 0; j < size; j++) {
            out[outOffset + j] = row(j, x, xOffset);
        }
    }

    /** (Ax)_j, one row of {@link #multiply}. x not modified. */
    public double row(int j, double[] x, int xOffset) {
        double s = 0;
        for (int k = columnStarts[j], end = columnStarts[j + 1]; k < end; k++) {
            s += values[k] * x[xOffset + rows[k]];
        }
        return s;
    }

    /** Column start offsets, n + 1 of them (the storage itself, for this package's kernels). */
    int[] columnStarts() {
        return columnStarts;
    }

    /** Row indices of the stored entries (the storage itself). */
    int[] rows() {
        return rows;
    }

    /** Values of the stored entries (the storage itself). */
    double[] values() {
        return values;
    }

    /** The storage as an EJML matrix (a fresh copy). */
    public DMatrixSparseCSC toEjml() {
        DMatrixSparseCSC a = new DMatrixSparseCSC(size, size, nonZeros());
        System.arraycopy(columnStarts, 0, a.col_idx, 0, size + 1);
        System.arraycopy(rows, 0, a.nz_rows, 0, nonZeros());
        System.arraycopy(values, 0, a.nz_values, 0, nonZeros());
        a.nz_length = nonZeros();
        a.indicesSorted = true;
        return a;
    }

    /** The scaled matrix cA. */
    public SymmetricSparseMatrix scaled(double c) {
        DMatrixSparseCSC a = toEjml();
        for (int k = 0; k < a.nz_length; k++) {
            a.nz_values[k] *= c;
        }
        return new SymmetricSparseMatrix(a);
    }

    @Override
    public String toString() {
        return "SymmetricSparseMatrix[" + size + " x " + size + ", " + nonZeros() + " stored]";
    }
}
