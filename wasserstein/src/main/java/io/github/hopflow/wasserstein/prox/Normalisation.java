package io.github.hopflow.wasserstein.prox;

import io.github.hopflow.wasserstein.internal.Median;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.wasserstein.gibbs.GibbsDensity;

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
     * The density is {@link LeaveOneOutDensity}'s, with its kernel sums: O(N) per call on a grid in
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
        LeaveOneOutDensity kde = LeaveOneOutDensity.on(metric, threads);
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
                // log g_{-i}(x_i) = log((1/(N-1)) Σ_{c≠i} K_c(x_i))
                double[] terms = new double[count];
                kde.logWeightedSums(x, new double[count], terms);
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
                return Median.sortInPlace(d, d.length);
            }
        };
    }
}
