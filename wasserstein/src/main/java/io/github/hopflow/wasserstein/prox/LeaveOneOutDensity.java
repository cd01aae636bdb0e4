package io.github.hopflow.wasserstein.prox;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.wasserstein.kernel.fast.LeaveOneOutGaussianSums;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * The leave-one-out kernel density estimate of a weighted cloud at its own points, on a metric's
 * domain: with weights w_c (Σ_c w_c over the other points normalising) and Gaussian kernels of
 * Scott's bandwidth h_k = sd_k · N^{−1/(n+4)} per coordinate, each truncated to the domain and
 * renormalised there (so that it integrates to 1 over the domain),
 * <pre>
 *   g_{−i}(xⁱ) = Σ_{c≠i} w_c K_c(xⁱ) / Σ_{c≠i} w_c.
 * </pre>
 * With w ≡ 1 this is the plain leave-one-out density estimate of the points; with
 * w_c = 1/q(x_c) for a known density q, q(xⁱ)·g_{−i}(xⁱ)·(Σ_{c≠i} w_c)/(N − 1) estimates the
 * density of the points by the smooth ratio ρ/q (the ratio estimator: E[K_c(x)/q(X_c)] = (K∗(ρ/q))(x)).
 * Leaving point i out makes g_{−i} independent of xⁱ. The sums are those of
 * {@link LeaveOneOutGaussianSums}: O(N) on a grid for n ≤ 3, O(N² n) otherwise; every quantity is
 * a logarithm, so weights spanning any range never underflow.
 */
public final class LeaveOneOutDensity {

    private final int n;
    private final double[] lower;
    private final double[] upper;
    private final int threads;

    private LeaveOneOutDensity(DiagonalMetric metric, int threads) {
        this.n = metric.dimension();
        this.lower = new double[n];
        this.upper = new double[n];
        for (int k = 0; k < n; k++) {
            lower[k] = metric.lowerBound(k);
            upper[k] = metric.upperBound(k);
        }
        this.threads = threads;
    }

    /**
     * The estimate on the domain of {@code metric}, on at most {@code threads} threads.
     *
     * @throws IllegalArgumentException if {@code threads} &lt; 1
     */
    public static LeaveOneOutDensity on(DiagonalMetric metric, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new LeaveOneOutDensity(metric, threads);
    }

    /**
     * log Σ_{c≠i} w_c K_c(xⁱ) for every point i (not divided by the weights' sum).
     *
     * @param x the points, flat N × n (N ≥ 2). Not modified.
     * @param logWeights log w_c, N finite values. Not modified.
     * @param out receives the N log-sums. Modified.
     * @throws IllegalArgumentException if fewer than two points are given or the lengths differ
     */
    public void logWeightedSums(double[] x, double[] logWeights, double[] out) {
        int count = logWeights.length;
        if (count < 2) {
            throw new IllegalArgumentException("a leave-one-out density needs at least 2 points, got " + count);
        }
        if (x.length != (long) count * n || out.length != count) {
            throw new IllegalArgumentException("need N·n = " + ((long) count * n) + " coordinates and N = " + count
                    + " outputs, got " + x.length + " and " + out.length);
        }
        double[] bw = scottBandwidth(x, count);
        double logNorm = 0;
        for (int k = 0; k < n; k++) {
            logNorm += Math.log(bw[k] * Math.sqrt(2 * Math.PI));
        }
        double[] lw = new double[count];
        for (int c = 0; c < count; c++) {
            double lm = 0;
            for (int k = 0; k < n; k++) {
                double xc = x[c * n + k];
                double a = (lower[k] - xc) / (bw[k] * Math.sqrt(2));
                double b = (upper[k] - xc) / (bw[k] * Math.sqrt(2));
                lm += Math.log(truncatedMass(a, b));
            }
            lw[c] = logWeights[c] - (lm + logNorm);
        }
        LeaveOneOutGaussianSums.logSums(n, x, bw, lw, threads, out);
    }

    /** Scott's rule per coordinate, sd_k N^{−1/(n+4)}. */
    private double[] scottBandwidth(double[] x, int count) {
        double[] bw = new double[n];
        for (int k = 0; k < n; k++) {
            double mean = 0;
            for (int i = 0; i < count; i++) {
                mean += x[i * n + k];
            }
            mean /= count;
            double var = 0;
            for (int i = 0; i < count; i++) {
                double d = x[i * n + k] - mean;
                var += d * d;
            }
            double sd = Math.sqrt(var / (count - 1));
            bw[k] = Math.max(sd, 1e-12) * Math.pow(count, -1.0 / (n + 4));
        }
        return bw;
    }

    /**
     * ½(erf(b) − erf(a)) for a ≤ b (infinite ends allowed): the mass inside [lo, hi] of a Gaussian
     * kernel of bandwidth h centred at x, with a = (lo − x)/(h√2), b = (hi − x)/(h√2). Computed from
     * the upper tails (Commons Numbers' erfc), so that no mass near 1 or near 0 loses its digits to
     * a difference of two values near 1.
     */
    private static double truncatedMass(double a, double b) {
        if (a >= 0) {
            return 0.5 * (Erfc.value(a) - Erfc.value(b));
        }
        if (b <= 0) {
            return 0.5 * (Erfc.value(-b) - Erfc.value(-a));
        }
        return 1 - 0.5 * (Erfc.value(-a) + Erfc.value(b));
    }
}
