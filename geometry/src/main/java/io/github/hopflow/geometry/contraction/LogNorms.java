package io.github.hopflow.geometry.contraction;

import io.github.hopflow.geometry.internal.Checks;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;

/**
 * Logarithmic norms μ(A) = lim_{h↓0} (‖I + hA‖ − 1)/h of a square matrix, the contraction rates of
 * linear(ised) systems ẋ = Ax (see the contraction-theory slides):
 * <ul>
 *   <li>μ₁(A) = max_j (a_jj + Σ_{i≠j} |a_ij|) (column sums);
 *   <li>μ₂(A) = λ_max((A + Aᵀ)/2) (EJML symmetric eigenvalues);
 *   <li>μ_∞(A) = max_i (a_ii + Σ_{j≠i} |a_ij|) (row sums);
 * </ul>
 * and their diagonally weighted versions for the norms ‖x‖_{1,[η]} = Σ η_i|x_i|,
 * ‖x‖_{2,P^{1/2}} = √(xᵀPx) with P = diag(p), and ‖x‖_{∞,[η]⁻¹} = max_i |x_i|/η_i:
 * μ_{1,[η]}(A) = μ₁([η]A[η]⁻¹), μ_{2,P^{1/2}}(A) = μ₂(P^{1/2}AP^{−1/2}), μ_{∞,[η]⁻¹}(A) = μ_∞([η]⁻¹A[η]).
 *
 * <p>Matrices are flat row-major arrays of n·n numbers, never modified.
 */
public final class LogNorms {

    private LogNorms() {
    }

    static int order(double[] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException("matrix must not be empty");
        }
        int n = (int) Math.round(Math.sqrt(a.length));
        if (n * n != a.length) {
            throw new IllegalArgumentException("matrix length " + a.length + " is not a perfect square (n·n)");
        }
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k])) {
                throw new IllegalArgumentException("matrix entry (" + k / n + ", " + k % n + ") must be finite, got " + a[k]);
            }
        }
        return n;
    }

    static void requireWeights(String name, double[] w, int n) {
        if (w == null || w.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", got "
                    + (w == null ? "null" : String.valueOf(w.length)));
        }
        for (int i = 0; i < n; i++) {
            Checks.positive(name, i, w[i]);
        }
    }

    /**
     * λ_max(AᵀA) = ‖A‖₂² of an m × n matrix A by power iteration on AᵀA, from the fixed start
     * v_j = 1 + ½ sin(j + 1) (a component along every column), until the Rayleigh quotient changes
     * by at most {@code tolerance} relative, or 10000 iterations. The quotient approaches λ_max from
     * below; a caller that needs an upper bound adds its own margin.
     *
     * @param a the matrix, m·n values, row-major. Not modified.
     * @param rows m
     * @param columns n
     * @param tolerance the relative change at which the iteration stops, &gt; 0
     * @return the estimate, 0 for the zero matrix
     */
    public static double largestGramEigenvalue(double[] a, int rows, int columns, double tolerance) {
        double[] v = new double[columns];
        for (int j = 0; j < columns; j++) {
            v[j] = 1 + 0.5 * Math.sin(j + 1.0);
        }
        double[] r = new double[rows];
        double[] w = new double[columns];
        double estimate = 0;
        for (int iteration = 0; iteration < 10_000; iteration++) {
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 0;
            }
            for (int j = 0; j < columns; j++) {
                v[j] /= norm;
            }
            // w = AᵀA v
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int j = 0, o = i * columns; j < columns; j++) {
                    s += a[o + j] * v[j];
                }
                r[i] = s;
            }
            java.util.Arrays.fill(w, 0);
            for (int i = 0; i < rows; i++) {
                for (int j = 0, o = i * columns; j < columns; j++) {
                    w[j] += a[o + j] * r[i];
                }
            }
            double next = 0;
            for (int j = 0; j < columns; j++) {
                next += v[j] * w[j];
            }
            double[] t = v;
            v = w;
            w = t;
            if (Math.abs(next - estimate) <= tolerance * next) {
                return next;
            }
            estimate = next;
        }
        return estimate;
    }

    /** μ₁(A): the largest column sum with the diagonal entry taken with its sign. */
    public static double mu1(double[] a) {
        int n = order(a);
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double s = a[j * n + j];
            for (int i = 0; i < n; i++) {
                if (i != j) {
                    s += Math.abs(a[i * n + j]);
                }
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /** μ_∞(A): the largest row sum with the diagonal entry taken with its sign. */
    public static double muInfinity(double[] a) {
        int n = order(a);
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double s = a[i * n + i];
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    s += Math.abs(a[i * n + j]);
                }
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /** μ₂(A) = λ_max((A + Aᵀ)/2). */
    public static double mu2(double[] a) {
        int n = order(a);
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sym.set(i, j, 0.5 * (a[i * n + j] + a[j * n + i]));
            }
        }
        SymmetricQRAlgorithmDecomposition_DDRM eig = new SymmetricQRAlgorithmDecomposition_DDRM(false);
        if (!eig.decompose(sym)) {
            throw new ArithmeticException("symmetric eigenvalue decomposition failed for a " + n + "×" + n + " matrix");
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            best = Math.max(best, eig.getEigenvalue(k).getReal());
        }
        return best;
    }

    /** μ_{1,[η]}(A) = μ₁([η]A[η]⁻¹) for the norm Σ η_i|x_i|, η &gt; 0. */
    public static double mu1Weighted(double[] a, double[] eta) {
        int n = order(a);
        requireWeights("eta", eta, n);
        return mu1(scale(a, n, eta, true));
    }

    /** μ_{2,P^{1/2}}(A) = μ₂(P^{1/2}AP^{−1/2}) for the norm √(xᵀ diag(p) x), p &gt; 0. */
    public static double mu2Weighted(double[] a, double[] p) {
        int n = order(a);
        requireWeights("p", p, n);
        double[] sqrt = new double[n];
        for (int i = 0; i < n; i++) {
            sqrt[i] = Math.sqrt(p[i]);
        }
        return mu2(scale(a, n, sqrt, true));
    }

    /** μ_{∞,[η]⁻¹}(A) = μ_∞([η]⁻¹A[η]) for the norm max_i |x_i|/η_i, η &gt; 0. */
    public static double muInfinityWeighted(double[] a, double[] eta) {
        int n = order(a);
        requireWeights("eta", eta, n);
        return muInfinity(scale(a, n, eta, false));
    }

    /** [w]A[w]⁻¹ when {@code leftMultiply}, else [w]⁻¹A[w]: a new array. */
    static double[] scale(double[] a, int n, double[] w, boolean leftMultiply) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = leftMultiply ? w[i] * a[i * n + j] / w[j] : a[i * n + j] * w[j] / w[i];
            }
        }
        return out;
    }
}
