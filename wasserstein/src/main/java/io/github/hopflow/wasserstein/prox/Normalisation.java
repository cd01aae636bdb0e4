package io.github.hopflow.wasserstein.prox;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.wasserstein.gibbs.GibbsDensity;
import io.github.hopflow.wasserstein.kernel.fast.LeaveOneOutGaussianSums;
import java.util.Arrays;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * Turns the un-normalised values of a {@link ProximalStep} into density values (docs/design.md §1,
 * step 3). The proximal map is positively 1-homogeneous and conserves Σϱ, so its values are right
 * up to one constant c; each normalisation estimates log c from the cloud (points xⁱ sampling
 * ρ_k, values ϱⁱ ∝ ρ_k(xⁱ)) using E[g(X)/ρ_k(X)] = ∫ g for X ~ ρ_k and any density g:
 * <ul>
 *   <li>{@link #harmonicUniform}: g uniform on the bounded domain of volume V, so
 *       c = (1/(N V)) Σ 1/ϱⁱ, i.e. (1/N) Σ 1/(cϱⁱ) = 1 on the unit cube (the reference's choice).
 *       Unbiased, but heavy-tailed when ρ spans many decades;</li>
 *   <li>{@link #kernelDensityRatio}: g = the leave-one-out Gaussian kernel density estimate of
 *       the cloud (Scott's bandwidth per coordinate, each kernel truncated to the domain and
 *       renormalised there, so ∫_domain g = 1); c = (1/N) Σ g₋ᵢ(xⁱ)/ϱⁱ. Leaving point i out makes
 *       g₋ᵢ independent of xⁱ, so the estimate stays unbiased, and g ≈ ρ makes it low-variance.
 *       Works on unbounded domains too. O(N) on a grid for n ≤ 3, O(N² n) otherwise;</li>
 *   <li>{@link #gibbs}: matches the known stationary density: log c = median(log ρ∞(xⁱ) − log ϱⁱ).
 *       Exact only at stationarity; for diagnostics and stationary starts;</li>
 *   <li>{@link #none}: c = 1 (Σϱ conserved).</li>
 * </ul>
 * Computations are in the log domain. Implementations are immutable and thread-safe.
 */
public interface Normalisation {

    /** A short name for output files ({@code harmonic-uniform}, {@code kde}, {@code gibbs}, {@code none}). */
    String name();

    /**
     * log c for the cloud.
     *
     * @param dimension n
     * @param positions flat N × n. Not modified.
     * @param logValues N finite values log ϱⁱ. Not modified.
     */
    double logScale(int dimension, double[] positions, double[] logValues);

    /**
     * The normalised values c·ϱⁱ.
     *
     * @param positions flat N × n. Not modified.
     * @param logValues log ϱⁱ. Not modified.
     * @return a new array of finite positive values
     * @throws ArithmeticException if a normalised value leaves the range of doubles
     */
    default double[] apply(int dimension, double[] positions, double[] logValues) {
        double lc = logScale(dimension, positions, logValues);
        double[] out = new double[logValues.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(logValues[i] + lc);
            if (!(out[i] > 0) || Double.isInfinite(out[i])) {
                throw new ArithmeticException("normalised value " + i + " = exp(" + (logValues[i] + lc)
                        + ") is outside the range of doubles (" + name() + ")");
            }
        }
        return out;
    }

    /** No normalisation. */
    static Normalisation none() {
        return new Normalisation() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public double logScale(int dimension, double[] positions, double[] logValues) {
                return 0.0;
            }
        };
    }

    /**
     * (1/N) Σ 1/(cϱⁱ) = 1/V with V the volume of the metric's (bounded) domain.
     *
     * @throws IllegalArgumentException if the domain is unbounded
     */
    static Normalisation harmonicUniform(DiagonalMetric metric) {
        double logVolume = 0;
        for (int k = 0; k < metric.dimension(); k++) {
            double w = metric.upperBound(k) - metric.lowerBound(k);
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("harmonic-uniform normalisation needs a bounded domain; coordinate "
                        + k + " is [" + metric.lowerBound(k) + ", " + metric.upperBound(k) + "]");
            }
            logVolume += Math.log(w);
        }
        final double lv = logVolume;
        return new Normalisation() {
            @Override
            public String name() {
                return "harmonic-uniform";
            }

            @Override
            public double logScale(int dimension, double[] positions, double[] logValues) {
                // log c = log((1/N) Σ exp(−log ϱ)) − log V
                double m = Double.NEGATIVE_INFINITY;
                for (double l : logValues) {
                    m = Math.max(m, -l);
                }
                double s = 0;
                for (double l : logValues) {
                    s += Math.exp(-l - m);
                }
                return m + Math.log(s / logValues.length) - lv;
            }
        };
    }

    /**
     * The leave-one-out kernel-density ratio on the metric's domain (truncated Gaussian kernels),
     * using every available processor.
     */
    static Normalisation kernelDensityRatio(DiagonalMetric metric) {
        return kernelDensityRatio(metric, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The leave-one-out kernel-density ratio on the metric's domain (truncated Gaussian kernels).
     * The kernel sums are those of {@link LeaveOneOutGaussianSums}: O(N) per call on a grid in
     * dimension n ≤ 3 when the cloud allows it, O(N² n) otherwise.
     *
     * @param threads the most threads to use, ≥ 1; the results do not depend on it
     * @throws IllegalArgumentException if {@code threads} &lt; 1
     */
    static Normalisation kernelDensityRatio(DiagonalMetric metric, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int n = metric.dimension();
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int k = 0; k < n; k++) {
            lo[k] = metric.lowerBound(k);
            hi[k] = metric.upperBound(k);
        }
        return new Normalisation() {
            @Override
            public String name() {
                return "kde";
            }

            @Override
            public double logScale(int dimension, double[] x, double[] logValues) {
                if (dimension != n) {
                    throw new IllegalArgumentException("dimension must be " + n + ", got " + dimension);
                }
                int count = logValues.length;
                if (count < 2) {
                    throw new IllegalArgumentException("kde normalisation needs at least 2 points, got " + count);
                }
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
                // the weight of each centre: minus the log of its normalising mass inside the domain
                double logNorm = 0;
                for (int k = 0; k < n; k++) {
                    logNorm += Math.log(bw[k] * Math.sqrt(2 * Math.PI));
                }
                double[] logWeight = new double[count];
                for (int c = 0; c < count; c++) {
                    double lm = 0;
                    for (int k = 0; k < n; k++) {
                        double xc = x[c * n + k];
                        double a = (lo[k] - xc) / (bw[k] * Math.sqrt(2));
                        double b = (hi[k] - xc) / (bw[k] * Math.sqrt(2));
                        lm += Math.log(truncatedMass(a, b));
                    }
                    logWeight[c] = -(lm + logNorm);
                }
                // log g_{-i}(x_i) = log((1/(N-1)) Σ_{c≠i} exp(−Σ_k (x_ik − x_ck)²/(2 h_k²) + logWeight_c))
                double[] terms = new double[count];
                LeaveOneOutGaussianSums.logSums(n, x, bw, logWeight, threads, terms);
                double logPairs = Math.log(count - 1);
                double best = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < count; i++) {
                    terms[i] += -logPairs - logValues[i];
                    best = Math.max(best, terms[i]);
                }
                double s = 0;
                for (double t : terms) {
                    s += Math.exp(t - best);
                }
                return best + Math.log(s / count);
            }
        };
    }

    /** log c = median(log ρ∞(xⁱ) − log ϱⁱ) for a known Gibbs density. */
    static Normalisation gibbs(GibbsDensity density) {
        return new Normalisation() {
            @Override
            public String name() {
                return "gibbs";
            }

            @Override
            public double logScale(int dimension, double[] positions, double[] logValues) {
                double[] d = new double[logValues.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = density.logDensity(positions, i * dimension) - logValues[i];
                }
                Arrays.sort(d);
                int h = d.length / 2;
                return d.length % 2 == 1 ? d[h] : 0.5 * (d[h - 1] + d[h]);
            }
        };
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
