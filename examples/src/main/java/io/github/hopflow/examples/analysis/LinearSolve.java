package io.github.hopflow.examples.analysis;

/** Small dense linear algebra for local fits: Gaussian elimination and a definiteness test. */
final class LinearSolve {

    private LinearSolve() {
    }

    /**
     * Solves the augmented system [A | b] (m rows, m + 1 columns) by Gaussian elimination with
     * partial pivoting. The array is overwritten. Returns null when A is numerically singular.
     */
    static double[] solve(double[][] augmented) {
        int m = augmented.length;
        double scale = 0;
        for (double[] row : augmented) {
            for (int c = 0; c < m; c++) {
                scale = Math.max(scale, Math.abs(row[c]));
            }
        }
        if (!(scale > 0)) {
            return null;
        }
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(augmented[r][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(augmented[pivot][col]) < 1e-13 * scale) {
                return null;
            }
            double[] tmp = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = tmp;
            for (int r = col + 1; r < m; r++) {
                double f = augmented[r][col] / augmented[col][col];
                for (int c = col; c <= m; c++) {
                    augmented[r][c] -= f * augmented[col][c];
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = augmented[r][m];
            for (int c = r + 1; c < m; c++) {
                s -= augmented[r][c] * x[c];
            }
            x[r] = s / augmented[r][r];
        }
        return x;
    }

    /** Whether the leading n × n block of {@code a} is symmetric positive definite (Cholesky). */
    static boolean positiveDefinite(double[][] a, int n) {
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return false;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return true;
    }
}
