package io.github.hopflow.geometry.network;

import io.github.hopflow.geometry.contraction.FiringRateContraction;
import io.github.hopflow.geometry.contraction.LogNorms;
import java.util.Arrays;

/**
 * The firing-rate network ẋ = −x + Φ(Wx + Bu) (Wilson and Cowan 1972; the contraction-theory
 * slides' "firing-rate model"), with synaptic weights W (n × n), input weights B (n × m), a constant
 * input u and a transfer function Φ whose slopes lie in [d_min, d_max] ({@link Transfer}).
 *
 * <p><b>Contraction.</b> The Jacobian is −I + diag(d)W with d ∈ [d_min, d_max]ⁿ. The one-sided
 * Lipschitz constants of {@link FiringRateContraction} in the ℓ₁ and ℓ_∞ norms, and in their
 * weighted forms with the weights η of {@link #perronWeights} (the Perron vector of |W|, which makes
 * the weighted ℓ_∞ bound of a non-negative W as small as it can be), are exact suprema over d; for
 * ℓ₂ the report gives the bound −1 + d·μ₂(W) when d_min = d_max = d, and −1 + d_max‖W‖₂ otherwise
 * (μ₂(diag(d)W) ≤ ‖diag(d)W‖₂, with ‖W‖₂ by power iteration). A negative constant c is a contraction rate: any two trajectories
 * approach each other at least as fast as e^{ct}, and the network has one globally exponentially
 * stable equilibrium.
 *
 * <p><b>Integration.</b> Forward Euler with step h ∈ (0, 1] from x₀, stopping when the residual
 * ‖−x + Φ(Wx + Bu)‖₂ of the equilibrium equation is below the tolerance. Immutable.
 */
public final class FiringRateNetwork {

    private final int n;
    private final double[] w;
    private final double[] input;
    private final Transfer phi;

    private FiringRateNetwork(int n, double[] w, double[] input, Transfer phi) {
        this.n = n;
        this.w = w;
        this.input = input;
        this.phi = phi;
    }

    /**
     * The network with weights W, input weights B and input u.
     *
     * @param weights W, n·n finite values, row-major; copied
     * @param inputWeights B, n·m values, row-major, or null for B = I (then u has n values)
     * @param input u, m values (or n when B is null), or null for u = 0
     * @param phi Φ
     * @throws IllegalArgumentException for inconsistent sizes or a non-finite entry, naming it
     */
    public static FiringRateNetwork of(double[] weights, double[] inputWeights, double[] input, Transfer phi) {
        int n = (int) Math.round(Math.sqrt(weights.length));
        if (n < 1 || (long) n * n != weights.length) {
            throw new IllegalArgumentException("the weights must be a square matrix, got " + weights.length + " entries");
        }
        finite("weights", weights, n);
        if (phi == null) {
            throw new IllegalArgumentException("the transfer function must not be null");
        }
        double[] v = new double[n];
        if (input != null) {
            finite("input", input, 1);
            if (inputWeights == null) {
                if (input.length != n) {
                    throw new IllegalArgumentException("without input weights the input must have " + n
                            + " values (one per unit), got " + input.length);
                }
                System.arraycopy(input, 0, v, 0, n);
            } else {
                int m = input.length;
                if ((long) n * m != inputWeights.length) {
                    throw new IllegalArgumentException("the input weights have " + inputWeights.length + " entries, not "
                            + n + " x " + m + " (units x input values)");
                }
                finite("input weights", inputWeights, m);
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int k = 0; k < m; k++) {
                        s += inputWeights[i * m + k] * input[k];
                    }
                    v[i] = s;
                }
            }
        } else if (inputWeights != null) {
            throw new IllegalArgumentException("input weights were given without an input");
        }
        return new FiringRateNetwork(n, weights.clone(), v, phi);
    }

    private static void finite(String what, double[] a, int columns) {
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k])) {
                throw new IllegalArgumentException(what + " entry (" + (k / columns + 1) + ", " + (k % columns + 1)
                        + ") must be finite, got " + a[k]);
            }
        }
    }

    /** n. */
    public int size() {
        return n;
    }

    /** Φ. */
    public Transfer transfer() {
        return phi;
    }

    /**
     * The vector field F(x) = −x + Φ(Wx + Bu).
     *
     * @param x n values. Not modified.
     * @param out n values. Modified.
     */
    public void field(double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = input[i];
            for (int j = 0, o = i * n; j < n; j++) {
                s += w[o + j] * x[j];
            }
            out[i] = -x[i] + phi.value(s);
        }
    }

    /**
     * A run of the network.
     *
     * @param x the final state
     * @param steps the Euler steps taken
     * @param residual ‖F(x)‖₂ at the final state
     * @param converged whether the residual met the tolerance
     * @param times recorded times
     * @param states recorded states
     */
    public record Run(double[] x, int steps, double residual, boolean converged, double[] times, double[][] states) {
    }

    /**
     * Integrates from x₀ until the residual is below {@code tolerance} or {@code maxSteps} steps.
     *
     * @param x0 n finite values. Not modified.
     * @param h the Euler step in (0, 1]
     * @param tolerance &gt; 0
     * @param maxSteps ≥ 1
     * @param records the most states kept (thinned evenly), ≥ 2
     */
    public Run run(double[] x0, double h, double tolerance, int maxSteps, int records) {
        if (x0.length != n) {
            throw new IllegalArgumentException("the start state must have " + n + " values, got " + x0.length);
        }
        finite("start state", x0, 1);
        if (!(h > 0 && h <= 1)) {
            throw new IllegalArgumentException("step must lie in (0, 1], got " + h);
        }
        if (!(tolerance > 0) || maxSteps < 1 || records < 2) {
            throw new IllegalArgumentException("tolerance must be > 0, maxSteps ≥ 1 and records ≥ 2, got " + tolerance
                    + ", " + maxSteps + " and " + records);
        }
        double[] x = x0.clone();
        double[] f = new double[n];
        ThinnedStates record = new ThinnedStates(records);
        record.offer(0, 0, x);
        int k = 0;
        double residual;
        while (true) {
            field(x, f);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += f[i] * f[i];
            }
            residual = Math.sqrt(s);
            if (!Double.isFinite(residual)) {
                throw new ArithmeticException("the firing-rate network diverged at step " + k + " (t = " + k * h
                        + "): the residual is " + residual + "; lower the step or check the weights");
            }
            if (residual <= tolerance || k == maxSteps) {
                break;
            }
            for (int i = 0; i < n; i++) {
                x[i] += h * f[i];
            }
            k++;
            record.offer(k, k * h, x);
        }
        record.finish(k * h, x);
        return new Run(x, k, residual, residual <= tolerance, record.times(), record.states());
    }

    /**
     * The contraction bounds.
     *
     * @param l1 osLip₁
     * @param infinity osLip_∞
     * @param l1Weighted osLip₁ with weights η
     * @param infinityWeighted osLip_∞ with weights η
     * @param l2Bound the ℓ₂ bound (see the class description)
     * @param weights η
     */
    public record Contraction(double l1, double infinity, double l1Weighted, double infinityWeighted, double l2Bound,
            double[] weights) {
    }

    /** The contraction bounds of the class description. */
    public Contraction contraction() {
        double dMin = phi.minSlope();
        double dMax = phi.maxSlope();
        double[] eta = perronWeights();
        double l2;
        if (dMin == dMax) {
            double[] j = w.clone();
            for (int k = 0; k < j.length; k++) {
                j[k] *= dMax;
            }
            l2 = -1 + LogNorms.mu2(j);
        } else {
            l2 = -1 + dMax * spectralNorm();
        }
        return new Contraction(FiringRateContraction.oneSidedLipschitz1(w, dMin, dMax),
                FiringRateContraction.oneSidedLipschitzInfinity(w, dMin, dMax),
                FiringRateContraction.oneSidedLipschitz1(w, dMin, dMax, eta),
                FiringRateContraction.oneSidedLipschitzInfinity(w, dMin, dMax, eta), l2, eta);
    }

    /**
     * The Perron vector of |W| + 10⁻⁹·𝟙𝟙ᵀ (positive, so that it is unique and every weight is
     * positive), by power iteration on I + |W| + 10⁻⁹·𝟙𝟙ᵀ (the shift by I has the same Perron vector
     * and keeps the iteration from cycling on a periodic |W|), normalised to max 1.
     */
    public double[] perronWeights() {
        double[] v = new double[n];
        Arrays.fill(v, 1);
        double[] next = new double[n];
        for (int it = 0; it < 10_000; it++) {
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            double max = 0;
            for (int i = 0; i < n; i++) {
                double s = v[i] + 1e-9 * sum;
                for (int j = 0, o = i * n; j < n; j++) {
                    s += Math.abs(w[o + j]) * v[j];
                }
                next[i] = s;
                max = Math.max(max, s);
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= max;
                change = Math.max(change, Math.abs(next[i] - v[i]));
            }
            double[] t = v;
            v = next;
            next = t;
            if (change <= 1e-12) {
                break;
            }
        }
        return v;
    }

    /** ‖W‖₂ by power iteration on WᵀW (to 1e-10 relative). */
    double spectralNorm() {
        // the Rayleigh quotient approaches ‖W‖₂² from below: a small relative margin over the converged estimate
        return Math.sqrt(LogNorms.largestGramEigenvalue(w, n, n, 1e-10)) * (1 + 1e-6);
    }

}
