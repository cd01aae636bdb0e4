package io.github.hopflow.wasserstein.fokkerplanck;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The finite-volume operator A of ∂ρ/∂t = ∇·(M(ρ∇f + T∇ρ)) with Scharfetter–Gummel fluxes and zero
 * flux through the faces of the box, in the form dρ/dt = Aρ for the vector ρ of cell averages.
 *
 * <p>For the interior face between cell k and its neighbour l = k + s_i along axis i, with
 * δ = f(x_l) − f(x_k) and the mobility m_i at the face midpoint, the net flux density from k to
 * l is (m_i T/Δ_i)(B(δ/T)ρ_k − B(−δ/T)ρ_l), so cell k loses and cell l gains
 * a·ρ_k − b·ρ_l per unit time with the rates
 * a = (m_i/Δ_i²)·T·B(δ/T) (k → l) and b = (m_i/Δ_i²)·T·B(−δ/T) (l → k).
 * The columns of A sum to zero (mass is conserved), its off-diagonal entries are ≥ 0, and
 * b/a = e^{δ/T} = π_k/π_l for π = exp(−f/T): detailed balance, so Aπ = 0 exactly.
 *
 * <p>The geometric factors m_i/Δ_i² and the differences δ are computed once; the rates are
 * recomputed for each temperature. Package-private: the public entry points are on
 * {@link FokkerPlanckSolver}.
 */
final class ScharfetterGummelOperator {

    private final FokkerPlanckGrid grid;
    private final int dimension;
    private final int cellCount;
    /** f at the cell centres. */
    private final double[] objectiveAtCentres;
    /** conductance[i][k] = m_i(face)/Δ_i² for the face between k and k + s_i, 0 where no face. */
    private final double[][] conductance;
    /** rise[i][k] = f(x_{k + s_i}) − f(x_k), 0 where no face. */
    private final double[][] rise;
    private final double objectiveMin;
    private final double objectiveMax;

    ScharfetterGummelOperator(FokkerPlanckGrid grid, DiagonalMetric metric, Objective objective) {
        this.grid = grid;
        this.dimension = grid.dimension();
        this.cellCount = grid.cellCount();
        int n = dimension;
        int count = cellCount;
        double[] f = new double[count];
        double[] x = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            grid.cellCentre(k, x);
            double v = objective.value(x, 0);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("objective " + objective.name() + " is not finite at the centre "
                        + java.util.Arrays.toString(x) + " of cell " + k + ": " + v);
            }
            f[k] = v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        this.objectiveAtCentres = f;
        this.objectiveMin = lo;
        this.objectiveMax = hi;
        this.conductance = new double[n][count];
        this.rise = new double[n][count];
        for (int i = 0; i < n; i++) {
            int s = grid.stride(i);
            int last = grid.cells(i) - 1;
            double width = grid.cellWidth(i);
            double invWidth2 = 1 / (width * width);
            double[] mobilityAtFace = new double[last];
            for (int j = 0; j < last; j++) {
                double face = grid.lower(i) + (j + 1) * width;
                double m = metric.mobility(i, face);
                if (!(m >= 0) || Double.isInfinite(m)) {
                    throw new IllegalArgumentException("the mobility m_" + i + "(" + face + ") of " + metric
                            + " must be a finite number >= 0, got " + m);
                }
                mobilityAtFace[j] = m * invWidth2;
            }
            double[] c = conductance[i];
            double[] r = rise[i];
            for (int k = 0; k < count; k++) {
                int j = grid.axisIndex(k, i);
                if (j < last) {
                    c[k] = mobilityAtFace[j];
                    r[k] = f[k + s] - f[k];
                }
            }
        }
    }

    FokkerPlanckGrid grid() {
        return grid;
    }

    /** f at the cell centres (shared, not to be modified). */
    double[] objectiveAtCentres() {
        return objectiveAtCentres;
    }

    /** Entries of A: the diagonal and 2 per interior face. */
    long nonZeros() {
        long nz = cellCount;
        for (int i = 0; i < dimension; i++) {
            nz += 2L * (cellCount - cellCount / grid.cells(i));
        }
        return nz;
    }

    /**
     * The transition rates at temperature T.
     *
     * @param temperature T ≥ 0
     * @param forward receives forward[i][k] = a, the rate k → k + s_i. Modified.
     * @param backward receives backward[i][k] = b, the rate k + s_i → k. Modified.
     */
    void rates(double temperature, double[][] forward, double[][] backward) {
        for (int i = 0; i < dimension; i++) {
            double[] a = forward[i];
            double[] b = backward[i];
            for (int k = 0; k < cellCount; k++) {
                a[k] = rate(i, k, true, temperature);
                b[k] = rate(i, k, false, temperature);
            }
        }
    }

    /**
     * The rate across the face between cells k and k + s_i: forward (k → k + s_i) when {@code up},
     * else backward; 0 on a face of zero conductance.
     */
    private double rate(int axis, int k, boolean up, double temperature) {
        double c = conductance[axis][k];
        return c == 0 ? 0 : c * Bernoulli.rate(up ? rise[axis][k] : -rise[axis][k], temperature);
    }

    /** Fresh rate arrays [dimension][cellCount]. */
    double[][] newRateArray() {
        return new double[dimension][cellCount];
    }

    /**
     * out = Aρ.
     *
     * @param forward rates from {@link #rates}. Not modified.
     * @param backward rates from {@link #rates}. Not modified.
     * @param density ρ, cell order. Not modified.
     * @param out receives Aρ. Modified; must not be {@code density}.
     */
    void apply(double[][] forward, double[][] backward, double[] density, double[] out) {
        java.util.Arrays.fill(out, 0, cellCount, 0.0);
        for (int i = 0; i < dimension; i++) {
            int s = grid.stride(i);
            double[] a = forward[i];
            double[] b = backward[i];
            int end = cellCount - s;
            for (int k = 0; k < end; k++) {
                double flux = a[k] * density[k] - b[k] * density[k + s];
                out[k] -= flux;
                out[k + s] += flux;
            }
        }
    }

    /**
     * |A||ρ|, the scale against which the round-off of Aρ is judged.
     *
     * @param out receives Σ of the absolute values of the terms of each entry of Aρ. Modified.
     */
    void applyAbsolute(double[][] forward, double[][] backward, double[] density, double[] out) {
        java.util.Arrays.fill(out, 0, cellCount, 0.0);
        for (int i = 0; i < dimension; i++) {
            int s = grid.stride(i);
            double[] a = forward[i];
            double[] b = backward[i];
            int end = cellCount - s;
            for (int k = 0; k < end; k++) {
                double flux = Math.abs(a[k] * density[k]) + Math.abs(b[k] * density[k + s]);
                out[k] += flux;
                out[k + s] += flux;
            }
        }
    }

    /** min_k f(x_k) over the cell centres. */
    double objectiveMin() {
        return objectiveMin;
    }

    /** max_k f(x_k) over the cell centres. */
    double objectiveMax() {
        return objectiveMax;
    }

    /**
     * The symmetrised step matrix S = D⁻¹(I − hA)D, D = diag(exp(−(f_k − f_ref)/(2T))), in the
     * elimination order, lower and upper triangle, sorted row indices. Detailed balance makes S
     * symmetric: S_lk = S_kl = −h(m_i/Δ_i²)T·(z/2)/sinh(z/2), z = δ/T, the geometric mean of the
     * two rates; the diagonal is that of I − hA. S is a symmetric M-matrix (positive definite,
     * off-diagonal entries ≤ 0).
     *
     * @param temperature T &gt; 0
     * @param step h ≥ 0
     * @param order order[p] = the cell eliminated p-th. Not modified.
     * @param position the inverse of {@code order}. Not modified.
     */
    DMatrixSparseCSC symmetricSystemMatrix(double temperature, double step, int[] order, int[] position) {
        return assemble(step, order, position, new Couplings() {
            @Override
            public double outflow(int axis, int k, boolean up) {
                return rate(axis, k, up, temperature);
            }

            @Override
            public double entry(int axis, int k, boolean up) {
                double delta = up ? rise[axis][k] : -rise[axis][k];
                return -step * conductance[axis][k] * temperature * Bernoulli.symmetric(delta / temperature);
            }
        });
    }

    /**
     * The rates of the faces of a cell, for {@link #assemble}: the face between cells k and
     * k + s_i (stride s_i of axis i) is addressed by its lower cell k; {@code up} says whether the
     * cell being assembled is that lower cell (its neighbour is above) or the upper one.
     */
    private interface Couplings {
        /** The rate out of the assembled cell through the face. */
        double outflow(int axis, int k, boolean up);

        /** The off-diagonal entry of the assembled column in its neighbour's row. */
        double entry(int axis, int k, boolean up);
    }

    /**
     * A step matrix with diagonal 1 + h·(outflow of the cell) and the couplings' off-diagonal
     * entries, rows and columns in the elimination order, as compressed sparse columns with sorted
     * row indices.
     */
    private DMatrixSparseCSC assemble(double step, int[] order, int[] position, Couplings couplings) {
        long nz = nonZeros();
        int n = dimension;
        DMatrixSparseCSC matrix = new DMatrixSparseCSC(cellCount, cellCount, (int) nz);
        int[] columnStart = matrix.col_idx;
        int[] rows = matrix.nz_rows;
        double[] values = matrix.nz_values;
        int[] entryRow = new int[2 * n + 1];
        double[] entryValue = new double[2 * n + 1];
        int p = 0;
        for (int col = 0; col < cellCount; col++) {
            columnStart[col] = p;
            int k = order[col];
            double outflow = 0;
            int entries = 0;
            for (int i = 0; i < n; i++) {
                int s = grid.stride(i);
                int j = grid.axisIndex(k, i);
                if (j + 1 < grid.cells(i)) {
                    outflow += couplings.outflow(i, k, true);
                    entryRow[entries] = position[k + s];
                    entryValue[entries++] = couplings.entry(i, k, true);
                }
                if (j > 0) {
                    outflow += couplings.outflow(i, k - s, false);
                    entryRow[entries] = position[k - s];
                    entryValue[entries++] = couplings.entry(i, k - s, false);
                }
            }
            entryRow[entries] = col;
            entryValue[entries++] = 1 + step * outflow;
            p = appendSorted(entryRow, entryValue, entries, rows, values, p);
        }
        columnStart[cellCount] = p;
        matrix.nz_length = p;
        matrix.indicesSorted = true;
        return matrix;
    }

    /** Insertion sort of a column's few entries by row, appended to rows/values at p; returns the new p. */
    private static int appendSorted(int[] entryRow, double[] entryValue, int entries, int[] rows, double[] values,
            int p) {
        for (int a = 1; a < entries; a++) {
            int r = entryRow[a];
            double v = entryValue[a];
            int b = a - 1;
            while (b >= 0 && entryRow[b] > r) {
                entryRow[b + 1] = entryRow[b];
                entryValue[b + 1] = entryValue[b];
                b--;
            }
            entryRow[b + 1] = r;
            entryValue[b + 1] = v;
        }
        for (int a = 0; a < entries; a++) {
            rows[p] = entryRow[a];
            values[p++] = entryValue[a];
        }
        return p;
    }

    /**
     * The matrix I − hA with rows and columns in the elimination order, as compressed sparse
     * columns with sorted row indices.
     *
     * @param temperature T ≥ 0 of the rates
     * @param step h ≥ 0
     * @param order order[p] = the cell eliminated p-th. Not modified.
     * @param position the inverse of {@code order}. Not modified.
     */
    DMatrixSparseCSC systemMatrix(double temperature, double step, int[] order, int[] position) {
        // column k of I − hA: the diagonal 1 + h·(outflow rate of k), and −h·(rate k → l) in row l
        return assemble(step, order, position, new Couplings() {
            @Override
            public double outflow(int axis, int k, boolean up) {
                return rate(axis, k, up, temperature);
            }

            @Override
            public double entry(int axis, int k, boolean up) {
                return -step * outflow(axis, k, up);
            }
        });
    }
}
