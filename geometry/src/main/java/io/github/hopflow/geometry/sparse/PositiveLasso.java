package io.github.hopflow.geometry.sparse;

import io.github.hopflow.geometry.contraction.LogNorms;
import io.github.hopflow.geometry.internal.Checks;
import java.util.Arrays;

/**
 * The positive lasso: minimise F(x) = ½‖u − Dx‖² + λ‖x‖₁ over x ≥ 0, for a dictionary D
 * (m × n, flat row-major) and a signal u ∈ Rᵐ. Its smooth part g(x) = ½‖u − Dx‖² has gradient
 * ∇g = Dᵀ(Dx − u), Lipschitz with L = ‖D‖₂² = λ_max(DᵀD), and the proximal map of λ‖x‖₁ + ι_{x≥0}
 * with step η is x ↦ ReLU(x − ηλ). A point is optimal exactly when it is a fixed point of the
 * proximal-gradient map, x = ReLU(x − η(∇g(x) + λ𝟙)) for any η &gt; 0; the residual of that
 * equation measures how far x is from optimal.
 *
 * <p>Products cost 2mn and never form DᵀD (n × n), so n may be large. Immutable and thread-safe;
 * the scratch arrays of a computation are the caller's.
 */
public final class PositiveLasso {

    private final int rows;
    private final int columns;
    private final double[] d;
    private final double[] u;
    private final double lambda;
    private final double lipschitz;

    private PositiveLasso(int rows, int columns, double[] d, double[] u, double lambda) {
        this.rows = rows;
        this.columns = columns;
        this.d = d;
        this.u = u;
        this.lambda = lambda;
        this.lipschitz = largestEigenvalueOfGram();
    }

    /**
     * The problem with dictionary D and signal u.
     *
     * @param dictionary D, m·n finite values, row-major; copied
     * @param columns n ≥ 1
     * @param signal u, m finite values; copied
     * @param lambda λ &gt; 0
     * @throws IllegalArgumentException naming the first bad argument or entry
     */
    public static PositiveLasso of(double[] dictionary, int columns, double[] signal, double lambda) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be ≥ 1, got " + columns);
        }
        if (signal.length == 0 || (long) signal.length * columns != dictionary.length) {
            throw new IllegalArgumentException("the dictionary has " + dictionary.length + " entries, not "
                    + signal.length + " rows (the signal's length) x " + columns + " columns");
        }
        for (int k = 0; k < dictionary.length; k++) {
            if (!Double.isFinite(dictionary[k])) {
                throw new IllegalArgumentException("dictionary entry (" + (k / columns + 1) + ", " + (k % columns + 1)
                        + ") must be finite, got " + dictionary[k]);
            }
        }
        for (int i = 0; i < signal.length; i++) {
            if (!Double.isFinite(signal[i])) {
                throw new IllegalArgumentException("signal[" + i + "] must be finite, got " + signal[i]);
            }
        }
        Checks.positive("lambda", lambda);
        return new PositiveLasso(signal.length, columns, dictionary.clone(), signal.clone(), lambda);
    }

    /** m. */
    public int rows() {
        return rows;
    }

    /** n. */
    public int columns() {
        return columns;
    }

    /** λ. */
    public double lambda() {
        return lambda;
    }

    /** L = λ_max(DᵀD), by power iteration to 1e-12 relative (then raised by 1e-9 relative). */
    public double lipschitz() {
        return lipschitz;
    }

    /** F(x) = ½‖u − Dx‖² + λ‖x‖₁. x (n values, ≥ 0) not modified. */
    public double objective(double[] x) {
        double r2 = 0;
        for (int i = 0; i < rows; i++) {
            double s = -u[i];
            for (int j = 0, o = i * columns; j < columns; j++) {
                s += d[o + j] * x[j];
            }
            r2 += s * s;
        }
        double l1 = 0;
        for (double v : x) {
            l1 += Math.abs(v);
        }
        return 0.5 * r2 + lambda * l1;
    }

    /**
     * out = ∇g(x) = Dᵀ(Dx − u).
     *
     * @param x n values. Not modified.
     * @param residual scratch of m values. Modified (holds Dx − u).
     * @param out n values. Modified.
     */
    public void gradient(double[] x, double[] residual, double[] out) {
        for (int i = 0; i < rows; i++) {
            double s = -u[i];
            for (int j = 0, o = i * columns; j < columns; j++) {
                s += d[o + j] * x[j];
            }
            residual[i] = s;
        }
        Arrays.fill(out, 0);
        for (int i = 0; i < rows; i++) {
            double r = residual[i];
            for (int j = 0, o = i * columns; j < columns; j++) {
                out[j] += d[o + j] * r;
            }
        }
    }

    /**
     * The optimality residual ‖x − ReLU(x − (∇g(x) + λ𝟙)/L)‖₂·L: zero exactly at the optimum, and
     * in the units of the gradient.
     *
     * @param x n values ≥ 0. Not modified.
     */
    public double residual(double[] x) {
        double[] r = new double[rows];
        double[] g = new double[columns];
        gradient(x, r, g);
        double s = 0;
        for (int j = 0; j < columns; j++) {
            double step = x[j] - Math.max(0, x[j] - (g[j] + lambda) / lipschitz);
            s += step * step;
        }
        return Math.sqrt(s) * lipschitz;
    }

    /** The dictionary, a copy. */
    public double[] dictionary() {
        return d.clone();
    }

    /** The signal, a copy. */
    public double[] signal() {
        return u.clone();
    }

    private double largestEigenvalueOfGram() {
        return Math.max(LogNorms.largestGramEigenvalue(d, rows, columns, 1e-12) * (1 + 1e-9), Double.MIN_NORMAL);
    }
}
