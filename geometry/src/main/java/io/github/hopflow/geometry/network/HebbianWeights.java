package io.github.hopflow.geometry.network;

/**
 * The Hebbian weights of an associative memory (Hopfield 1982): for patterns ξ¹, …, ξᴷ ∈ {−1, +1}ⁿ,
 * W = (1/n) Σ_μ ξ^μ ξ^μᵀ with a zero diagonal. Each pattern is then a local minimum of the
 * Ising energy H(s) = −½ sᵀWs as long as the load K/n stays below the capacity, about 0.138 for
 * the zero-temperature dynamics (Amit, Gutfreund and Sompolinsky, Phys. Rev. Lett. 55, 1985).
 */
public final class HebbianWeights {

    private HebbianWeights() {
    }

    /**
     * W for the given patterns.
     *
     * @param patterns K ≥ 1 rows of n ≥ 2 entries, each −1 or +1. Not modified.
     * @throws IllegalArgumentException naming the first entry that is not ±1 or a row of another length
     */
    public static SymmetricSparseMatrix of(int[][] patterns) {
        if (patterns.length == 0) {
            throw new IllegalArgumentException("at least one pattern is needed");
        }
        int n = patterns[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("patterns need at least 2 units, got " + n);
        }
        for (int mu = 0; mu < patterns.length; mu++) {
            if (patterns[mu].length != n) {
                throw new IllegalArgumentException("pattern " + mu + " has " + patterns[mu].length + " units, pattern 0 has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (patterns[mu][i] != 1 && patterns[mu][i] != -1) {
                    throw new IllegalArgumentException("pattern " + mu + " unit " + i + " must be -1 or +1, got "
                            + patterns[mu][i]);
                }
            }
        }
        long entries = (long) n * (n - 1);
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the Hebbian matrix of " + n + " units has " + entries
                    + " entries, more than an array holds");
        }
        int[] row = new int[(int) entries];
        int[] col = new int[(int) entries];
        double[] val = new double[(int) entries];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                long s = 0;
                for (int[] xi : patterns) {
                    s += xi[i] * xi[j];
                }
                row[k] = i;
                col[k] = j;
                val[k++] = (double) s / n;
            }
        }
        return SymmetricSparseMatrix.symmetricPart(n, row, col, val);
    }
}
