package io.github.hopflow.sde;

import io.github.hopflow.geometry.objective.Objective;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.integration.UnivariateIntegrator;

/**
 * Bin probabilities of the 2-D Gibbs density ρ∞ = exp(−f/T)/Z(T) on a regular grid of [0,1]²,
 * by nested adaptive Gauss–Legendre quadrature (Commons Math), and Pearson's chi-square statistic
 * of a sample against them.
 */
final class GibbsBins {

    private GibbsBins() {
    }

    /** probabilities[i·k + j] of bin [i/k, (i+1)/k) × [j/k, (j+1)/k); they sum to 1. */
    static double[] probabilities(Objective f, double temperature, int k) {
        double[] mass = new double[k * k];
        double total = 0;
        // shift by a lower bound of f (0 for the scaled Himmelblau) to keep exp in range
        double[] point = new double[2];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                final double ylo = (double) j / k;
                final double yhi = (double) (j + 1) / k;
                UnivariateIntegrator outer = integrator();
                double m = outer.integrate(1_000_000, x -> {
                    UnivariateIntegrator inner = integrator();
                    return inner.integrate(1_000_000, y -> {
                        point[0] = x;
                        point[1] = y;
                        return Math.exp(-f.value(point) / temperature);
                    }, ylo, yhi);
                }, (double) i / k, (double) (i + 1) / k);
                mass[i * k + j] = m;
                total += m;
            }
        }
        for (int b = 0; b < mass.length; b++) {
            mass[b] /= total;
        }
        return mass;
    }

    private static UnivariateIntegrator integrator() {
        return new IterativeLegendreGaussIntegrator(8, 1e-11, 1e-300);
    }

    /** Counts of the points of a flat 2-D array in the k × k bins. */
    static long[] counts(double[] xy, int k) {
        long[] c = new long[k * k];
        for (int p = 0; p < xy.length; p += 2) {
            int i = Math.min(k - 1, (int) (xy[p] * k));
            int j = Math.min(k - 1, (int) (xy[p + 1] * k));
            c[i * k + j]++;
        }
        return c;
    }

    /**
     * Pearson's statistic with bins whose expected count is below {@code minExpected} pooled into
     * one bin. Returns {statistic, degrees of freedom}.
     */
    static double[] chiSquare(double[] probabilities, long[] counts, double minExpected) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double stat = 0;
        int bins = 0;
        double pooledP = 0;
        long pooledC = 0;
        for (int b = 0; b < counts.length; b++) {
            double e = probabilities[b] * total;
            if (e < minExpected) {
                pooledP += probabilities[b];
                pooledC += counts[b];
            } else {
                stat += (counts[b] - e) * (counts[b] - e) / e;
                bins++;
            }
        }
        if (pooledP > 0) {
            double e = pooledP * total;
            stat += (pooledC - e) * (pooledC - e) / e;
            bins++;
        }
        return new double[] {stat, bins - 1};
    }
}
