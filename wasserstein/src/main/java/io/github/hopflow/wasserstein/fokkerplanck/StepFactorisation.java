package io.github.hopflow.wasserstein.fokkerplanck;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.decomposition.lu.LuUpLooking_DSCC;
import org.ejml.sparse.csc.misc.ColumnCounts_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;

/**
 * The sparse factorisation of one backward-Euler step matrix I − hA(T), in nested-dissection order
 * P, with EJML's up-looking factorisations. Two forms, the same solution:
 * <ul>
 *   <li><b>Cholesky</b> (T &gt; 0 and (max f − min f)/(2T) ≤ {@value #SYMMETRIC_EXPONENT_LIMIT}):
 *       detailed balance makes S = D⁻¹(I − hA)D symmetric, D = diag(exp(−(f_k − f_ref)/(2T))) with
 *       f_ref the midrange of f, so (I − hA)x = b is solved as S(D⁻¹x) = D⁻¹b with
 *       PSPᵀ = LLᵀ ({@link CholeskyUpLooking_DSCC}): half the work and memory of the LU. The limit
 *       keeps D and D⁻¹ between e^{−300} and e^{300};</li>
 *   <li><b>LU</b> otherwise, T = 0 included: P(I − hA)Pᵀ = LU ({@link LuUpLooking_DSCC}).</li>
 * </ul>
 *
 * <p>I − hA is an M-matrix whose columns sum to 1 and whose diagonal exceeds the sum of the other
 * entries of its column, and Gaussian elimination keeps that column dominance, so the partial
 * pivoting of the LU chooses the diagonal: no rows are exchanged. S is a symmetric M-matrix. In
 * both forms the triangular factors have positive diagonals and non-positive off-diagonal
 * entries, so the triangular solves of a non-negative right-hand side only add non-negative
 * terms: the computed solution is non-negative in floating point, not only in exact arithmetic.
 * Not thread-safe (it owns its work array).
 */
final class StepFactorisation {

    /** The largest (max f − min f)/(2T) for the Cholesky form. */
    static final double SYMMETRIC_EXPONENT_LIMIT = 600;

    private final double temperature;
    private final double step;
    private final int[] order;
    private final DMatrixSparseCSC lower;
    /** U of the LU; null for the Cholesky form, which solves with Lᵀ. */
    private final DMatrixSparseCSC upper;
    /** The row pivots of the LU; null for the Cholesky form. */
    private final int[] rowPivot;
    /** D⁻¹ and D at the elimination positions for the Cholesky form; null for the LU. */
    private final double[] toSymmetric;
    private final double[] fromSymmetric;
    private final boolean pivoted;
    private final double[] work;

    private StepFactorisation(double temperature, double step, int[] order, DMatrixSparseCSC lower,
            DMatrixSparseCSC upper, int[] rowPivot, boolean pivoted, double[] toSymmetric, double[] fromSymmetric) {
        this.temperature = temperature;
        this.step = step;
        this.order = order;
        this.lower = lower;
        this.upper = upper;
        this.rowPivot = rowPivot;
        this.pivoted = pivoted;
        this.toSymmetric = toSymmetric;
        this.fromSymmetric = fromSymmetric;
        this.work = new double[order.length];
    }

    /** Whether a step at temperature T is factorised in the Cholesky form. */
    static boolean symmetric(ScharfetterGummelOperator operator, double temperature) {
        if (!(temperature > 0)) {
            return false;
        }
        return (operator.objectiveMax() - operator.objectiveMin()) / (2 * temperature) <= SYMMETRIC_EXPONENT_LIMIT;
    }

    /**
     * Factorises I − hA(T) in the Cholesky form.
     *
     * @param temperature T &gt; 0 with (max f − min f)/(2T) ≤ {@value #SYMMETRIC_EXPONENT_LIMIT}
     * @param step h &gt; 0
     * @param order the elimination order. Not modified (kept by reference).
     * @param position its inverse. Not modified.
     * @throws ArithmeticException if the factorisation finds the matrix not positive definite
     */
    static StepFactorisation cholesky(ScharfetterGummelOperator operator, double temperature, double step,
            int[] order, int[] position) {
        DMatrixSparseCSC matrix = operator.symmetricSystemMatrix(temperature, step, order, position);
        CholeskyUpLooking_DSCC chol = new CholeskyUpLooking_DSCC();
        if (!chol.decompose(matrix)) {
            throw new ArithmeticException("the sparse Cholesky factorisation of the symmetrised I - hA failed (not"
                    + " positive definite) at T = " + temperature + ", h = " + step + " (" + operator.grid() + ")");
        }
        double[] f = operator.objectiveAtCentres();
        double reference = 0.5 * (operator.objectiveMin() + operator.objectiveMax());
        int count = order.length;
        double[] to = new double[count];
        double[] from = new double[count];
        double inverse2T = 0.5 / temperature;
        for (int p = 0; p < count; p++) {
            double e = (f[order[p]] - reference) * inverse2T;
            to[p] = Math.exp(e);
            from[p] = Math.exp(-e);
        }
        return new StepFactorisation(temperature, step, order, chol.getL(), null, null, false, to, from);
    }

    /**
     * Factorises I − hA(T) in the LU form.
     *
     * @param temperature T ≥ 0 of the rates (recorded as the key of this factorisation)
     * @param step h &gt; 0
     * @param order the elimination order. Not modified (kept by reference).
     * @param position its inverse. Not modified.
     * @throws ArithmeticException if the factorisation reports a singular matrix
     */
    static StepFactorisation lu(ScharfetterGummelOperator operator, double temperature, double step, int[] order,
            int[] position) {
        DMatrixSparseCSC matrix = operator.systemMatrix(temperature, step, order, position);
        LuUpLooking_DSCC lu = new LuUpLooking_DSCC(null);
        if (!lu.decompose(matrix)) {
            throw new ArithmeticException("the sparse LU of I - hA is singular at T = " + temperature + ", h = "
                    + step + " (" + operator.grid() + ")");
        }
        int[] pinv = lu.getPinv().clone();
        boolean pivoted = false;
        for (int i = 0; i < pinv.length; i++) {
            if (pinv[i] != i) {
                pivoted = true;
                break;
            }
        }
        return new StepFactorisation(temperature, step, order, trimmed(lu.getL()), trimmed(lu.getU()), pinv,
                pivoted, null, null);
    }

    /** A copy whose arrays hold exactly the stored entries (the LU grows its arrays by doubling). */
    private static DMatrixSparseCSC trimmed(DMatrixSparseCSC m) {
        DMatrixSparseCSC t = new DMatrixSparseCSC(m.numRows, m.numCols, m.nz_length);
        System.arraycopy(m.col_idx, 0, t.col_idx, 0, m.numCols + 1);
        System.arraycopy(m.nz_rows, 0, t.nz_rows, 0, m.nz_length);
        System.arraycopy(m.nz_values, 0, t.nz_values, 0, m.nz_length);
        t.nz_length = m.nz_length;
        t.indicesSorted = m.indicesSorted;
        return t;
    }

    /**
     * The number of entries of L (diagonal included) of a matrix with this symmetric sparsity
     * pattern factorised without row exchanges, from its elimination tree and column counts
     * (Gilbert, Ng &amp; Peyton 1994, as in CSparse's cs_counts); U of an LU has the same number.
     * Costs about as much as one pass over the pattern.
     *
     * @param pattern a structurally symmetric matrix. Not modified.
     */
    static long factorNonZerosPerTriangle(DMatrixSparseCSC pattern) {
        int n = pattern.numCols;
        int[] parent = new int[n];
        int[] post = new int[n];
        int[] counts = new int[n];
        TriangularSolver_DSCC.eliminationTree(pattern, false, parent, null);
        TriangularSolver_DSCC.postorder(parent, n, post, null);
        new ColumnCounts_DSCC(false).process(pattern, parent, post, counts);
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /** Whether this factorisation is for (T, h) exactly. */
    boolean isFor(double t, double h) {
        return Double.compare(t, temperature) == 0 && Double.compare(h, step) == 0;
    }

    /** Whether this is the Cholesky form. */
    boolean isCholesky() {
        return upper == null;
    }

    /** Entries of L and U together (of L alone for the Cholesky form). */
    long factorNonZeros() {
        return (long) lower.nz_length + (upper == null ? 0 : upper.nz_length);
    }

    /** Whether the LU exchanged rows (never expected, see the class comment). */
    boolean pivoted() {
        return pivoted;
    }

    /** L (the Cholesky factor, or the unit lower factor of the LU), in elimination order. Not to be modified. */
    DMatrixSparseCSC lower() {
        return lower;
    }

    /** U of the LU, in elimination order; null for the Cholesky form. Not to be modified. */
    DMatrixSparseCSC upper() {
        return upper;
    }

    /**
     * Solves (I − hA)x = b.
     *
     * @param rhs b in cell order. Not modified.
     * @param out receives x in cell order. Modified; may be {@code rhs}.
     */
    void solve(double[] rhs, double[] out) {
        int count = order.length;
        double[] w = work;
        if (upper == null) {
            for (int p = 0; p < count; p++) {
                w[p] = rhs[order[p]] * toSymmetric[p];
            }
            TriangularSolver_DSCC.solveL(lower, w);
            TriangularSolver_DSCC.solveTranL(lower, w);
            for (int p = 0; p < count; p++) {
                out[order[p]] = w[p] * fromSymmetric[p];
            }
        } else {
            for (int p = 0; p < count; p++) {
                w[rowPivot[p]] = rhs[order[p]];
            }
            TriangularSolver_DSCC.solveL(lower, w);
            TriangularSolver_DSCC.solveU(upper, w);
            for (int p = 0; p < count; p++) {
                out[order[p]] = w[p];
            }
        }
    }
}
