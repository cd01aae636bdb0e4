package io.github.hopflow.geometry.network;

import io.github.hopflow.geometry.objective.Objective;

/**
 * A quadratic energy on the unit cube, f(x) = ½ xᵀAx + gᵀx + c with A symmetric and sparse: the
 * form every network energy of this package takes once written in the cube's coordinates
 * x ∈ [0,1]ⁿ. Its gradient is Ax + g and its Hessian diagonal diag(A); a value or a gradient costs
 * one sparse product (the stored entries of A), counted as one evaluation.
 *
 * <ul>
 *   <li>{@link #hopfield}: the Hopfield energy E(x) = −½ xᵀWx − bᵀx of the states x ∈ [0,1]ⁿ
 *       (Hopfield 1984; only the symmetric part S = (W + Wᵀ)/2 enters, A = −S, g = −b).</li>
 *   <li>{@link #qubo}: xᵀQx on the binary vectors x ∈ {0,1}ⁿ and its multilinear relaxation
 *       (A = Q + Qᵀ, g = 0).</li>
 *   <li>{@link #ising}: H(s) = −½ sᵀJs − hᵀs of the spins s = 2x − 1 ∈ [−1,1]ⁿ (the spin
 *       relaxation): A = −4S_J, g = 2S_J𝟙 − 2h, c = −½𝟙ᵀS_J𝟙 + hᵀ𝟙.</li>
 *   <li>{@link #maxCut}: the negative cut weight −cut(s) = −¼ Σ_{ij} w_ij (1 − s_i s_j) of the
 *       spins s = 2x − 1 of a weighted graph, so that descending f maximises the cut; this is the
 *       Ising energy with J = −W/2, h = 0, minus ¼𝟙ᵀW𝟙.</li>
 * </ul>
 * With a zero diagonal (QUBO's diagonal folds into g, since x_i² = x_i on a vertex) the energy is
 * multilinear: affine in each coordinate, so its minimum over the cube is attained at a vertex and
 * a vertex's value is the discrete energy.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuadraticEnergy implements Objective {

    private final String name;
    private final SymmetricSparseMatrix a;
    private final double[] g;
    private final double c;

    private QuadraticEnergy(String name, SymmetricSparseMatrix a, double[] g, double c) {
        this.name = name;
        this.a = a;
        this.g = g;
        this.c = c;
    }

    /**
     * f(x) = ½ xᵀAx + gᵀx + c.
     *
     * @param name the name in reports
     * @param a A
     * @param linear g, n finite values; copied
     * @param constant c, finite
     */
    public static QuadraticEnergy of(String name, SymmetricSparseMatrix a, double[] linear, double constant) {
        if (linear.length != a.size()) {
            throw new IllegalArgumentException("the linear term has " + linear.length + " values for a "
                    + a.size() + " x " + a.size() + " matrix");
        }
        requireFinite("linear", linear);
        if (!Double.isFinite(constant)) {
            throw new IllegalArgumentException("constant must be finite, got " + constant);
        }
        return new QuadraticEnergy(name, a, linear.clone(), constant);
    }

    /**
     * The Hopfield energy E(x) = −½ xᵀWx − bᵀx, W given by its symmetric part S.
     *
     * @param weights S = (W + Wᵀ)/2
     * @param bias b, n values, or null for none. Not modified.
     */
    public static QuadraticEnergy hopfield(SymmetricSparseMatrix weights, double[] bias) {
        double[] b = bias == null ? new double[weights.size()] : checkedBias(bias, weights.size());
        double[] g = new double[b.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = -b[i];
        }
        return new QuadraticEnergy("hopfield", weights.scaled(-1), g, 0);
    }

    /**
     * xᵀQx, Q given by its symmetric part S (xᵀQx = xᵀSx).
     *
     * @param q S = (Q + Qᵀ)/2
     */
    public static QuadraticEnergy qubo(SymmetricSparseMatrix q) {
        return new QuadraticEnergy("qubo", q.scaled(2), new double[q.size()], 0);
    }

    /**
     * The Ising energy H(s) = −½ sᵀJs − hᵀs of s = 2x − 1.
     *
     * @param couplings S_J = (J + Jᵀ)/2
     * @param field h, n values, or null for none. Not modified.
     */
    public static QuadraticEnergy ising(SymmetricSparseMatrix couplings, double[] field) {
        int n = couplings.size();
        double[] h = field == null ? new double[n] : checkedBias(field, n);
        return isingNamed("ising", couplings, h, 1.0, 0.0);
    }

    /**
     * The negative cut weight of the spins s = 2x − 1 of the graph with symmetric weights W (zero
     * diagonal).
     */
    public static QuadraticEnergy maxCut(WeightedGraph graph) {
        SymmetricSparseMatrix w = graph.weights();
        // −cut(s) = ¼ sᵀWs − ¼ 𝟙ᵀW𝟙 = H(s) with J = −W/2, h = 0, minus ¼ 𝟙ᵀW𝟙
        return isingNamed("maxcut", w, new double[w.size()], -0.5, -0.25 * w.total());
    }

    /** The Ising energy with J = scale·S, plus a constant. */
    private static QuadraticEnergy isingNamed(String name, SymmetricSparseMatrix s, double[] h, double scale,
            double extra) {
        int n = s.size();
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] s1 = new double[n];
        s.multiply(ones, 0, s1, 0);
        double[] g = new double[n];
        double c = extra;
        for (int i = 0; i < n; i++) {
            g[i] = 2 * scale * s1[i] - 2 * h[i];
            c += -0.5 * scale * s1[i] + h[i];
        }
        return new QuadraticEnergy(name, s.scaled(-4 * scale), g, c);
    }

    private static double[] checkedBias(double[] b, int n) {
        if (b.length != n) {
            throw new IllegalArgumentException("the bias has " + b.length + " values for " + n + " units");
        }
        requireFinite("bias", b);
        return b.clone();
    }

    private static void requireFinite(String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] must be finite, got " + v[i]);
            }
        }
    }

    /** A, the matrix of the form. */
    public SymmetricSparseMatrix matrix() {
        return a;
    }

    /** g, a copy. */
    public double[] linear() {
        return g.clone();
    }

    /** c. */
    public double constant() {
        return c;
    }

    @Override
    public int dimension() {
        return a.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(double[] x, int offset) {
        int n = a.size();
        double quadratic = 0;
        double linear = 0;
        for (int j = 0; j < n; j++) {
            double xj = x[offset + j];
            quadratic += xj * a.row(j, x, offset);
            linear += g[j] * xj;
        }
        return 0.5 * quadratic + linear + c;
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        a.multiply(x, offset, out, outOffset);
        for (int j = 0; j < g.length; j++) {
            out[outOffset + j] += g[j];
        }
    }

    @Override
    public void secondDerivatives(double[] x, int offset, double[] out, int outOffset) {
        for (int j = 0; j < g.length; j++) {
            out[outOffset + j] = a.diagonal(j);
        }
    }

    @Override
    public boolean hasAnalyticGradient() {
        return true;
    }

    @Override
    public String toString() {
        return "QuadraticEnergy[" + name + ", " + a + "]";
    }
}
