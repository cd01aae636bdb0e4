package io.github.hopflow.wasserstein.gibbs;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The partition function Z(T) = ∫_box exp(−f(x)/T) dx of the Gibbs density ρ∞ = exp(−f/T)/Z(T)
 * (HNN paper, eq. (41)), computed as log Z with the largest factor taken out:
 * log Z = −f₀/T + log ∫ exp(−(f − f₀)/T) dx, where f₀ is the smallest value on a grid scan and
 * at the objective's known minimisers inside the box, so nothing under- or overflows.
 *
 * <ul>
 *   <li>n ≤ 3: nested Gauss–Legendre quadrature (Commons Math
 *       {@link IterativeLegendreGaussIntegrator}, which refines its subintervals until the relative
 *       change is below the accuracy), on a grid of panels per axis so that peaks are resolved;</li>
 *   <li>any n: Monte Carlo, Z ≈ V·(1/M)Σ exp(−f(Xₛ)/T) with Xₛ uniform on the box (volume V). The
 *       standard error of log Z is the delta-method value sd(w)/(√M·mean(w)) of the weights
 *       w = exp(−(f − f₀)/T). It is unbiased for Z (log Z is biased by about −se²/2) and needs
 *       many samples when ρ∞ is concentrated: the relative error grows like the ratio of the box
 *       volume to the volume of the typical set.</li>
 * </ul>
 */
public final class PartitionFunction {

    private static final int PANELS = 6;
    private static final int GAUSS_POINTS = 8;

    private PartitionFunction() {
    }

    /**
     * log Z over the metric's domain: quadrature for n ≤ 3, otherwise {@code samples} Monte Carlo
     * samples from {@code rng}.
     *
     * @throws IllegalArgumentException if the domain is unbounded
     */
    public static LogPartition compute(Objective f, double temperature, DiagonalMetric metric, int samples,
            UniformRandomProvider rng) {
        int n = metric.dimension();
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int k = 0; k < n; k++) {
            lo[k] = metric.lowerBound(k);
            hi[k] = metric.upperBound(k);
        }
        return n <= 3 ? quadrature(f, temperature, lo, hi, 1e-10)
                : monteCarlo(f, temperature, lo, hi, samples, rng);
    }

    /**
     * log Z by nested adaptive quadrature over the box [lower, upper] (n ≤ 3).
     *
     * @param lower finite lower corner. Not modified.
     * @param upper finite upper corner, upper &gt; lower. Not modified.
     * @param relativeAccuracy the integrators' relative accuracy, e.g. 1e−10
     */
    public static LogPartition quadrature(Objective f, double temperature, double[] lower, double[] upper,
            double relativeAccuracy) {
        int n = checkBox(f, temperature, lower, upper);
        if (n > 3) {
            throw new IllegalArgumentException("quadrature supports dimension <= 3, got " + n + "; use monteCarlo");
        }
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
            throw new IllegalArgumentException("relativeAccuracy must be in (0, 1), got " + relativeAccuracy);
        }
        double f0 = gridMinimum(f, lower, upper, n == 1 ? 4096 : n == 2 ? 256 : 48);
        double[] x = new double[n];
        long[] evals = {0};
        double invT = 1.0 / temperature;
        UnivariateFunction[] level = new UnivariateFunction[n];
        level[n - 1] = t -> {
            x[n - 1] = t;
            evals[0]++;
            return Math.exp(-(f.value(x, 0) - f0) * invT);
        };
        for (int d = n - 2; d >= 0; d--) {
            final int dim = d;
            final UnivariateFunction inner = level[d + 1];
            level[d] = t -> {
                x[dim] = t;
                return panels(inner, lower[dim + 1], upper[dim + 1], relativeAccuracy);
            };
        }
        double integral = panels(level[0], lower[0], upper[0], relativeAccuracy);
        if (!(integral > 0) || Double.isInfinite(integral)) {
            throw new ArithmeticException("quadrature of exp(-(f - f0)/T) gave " + integral);
        }
        return LogPartition.of(Math.log(integral) - f0 * invT, 0, LogPartition.Method.QUADRATURE, evals[0]);
    }

    private static double panels(UnivariateFunction g, double lo, double hi, double rel) {
        IterativeLegendreGaussIntegrator integrator =
                new IterativeLegendreGaussIntegrator(GAUSS_POINTS, rel, 1e-300);
        double w = (hi - lo) / PANELS;
        double s = 0;
        for (int p = 0; p < PANELS; p++) {
            double a = lo + p * w;
            double b = p == PANELS - 1 ? hi : a + w;
            s += integrator.integrate(Integer.MAX_VALUE, g, a, b);
        }
        return s;
    }

    /**
     * log Z by Monte Carlo over the box [lower, upper].
     *
     * @param samples M ≥ 2
     * @param rng the random source (all numbers come from it)
     */
    public static LogPartition monteCarlo(Objective f, double temperature, double[] lower, double[] upper,
            int samples, UniformRandomProvider rng) {
        int n = checkBox(f, temperature, lower, upper);
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2, got " + samples);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        double[] g = new double[samples];
        double[] x = new double[n];
        double logVolume = 0;
        for (int k = 0; k < n; k++) {
            logVolume += Math.log(upper[k] - lower[k]);
        }
        double gmax = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < samples; s++) {
            for (int k = 0; k < n; k++) {
                x[k] = lower[k] + (upper[k] - lower[k]) * rng.nextDouble();
            }
            double fx = f.value(x, 0);
            if (!Double.isFinite(fx)) {
                throw new ArithmeticException("objective is not finite at a sample point: " + fx);
            }
            g[s] = -fx / temperature;
            gmax = Math.max(gmax, g[s]);
        }
        double mean = 0;
        for (int s = 0; s < samples; s++) {
            g[s] = Math.exp(g[s] - gmax);
            mean += g[s];
        }
        mean /= samples;
        double var = 0;
        for (int s = 0; s < samples; s++) {
            double d = g[s] - mean;
            var += d * d;
        }
        var /= samples - 1;
        double se = Math.sqrt(var / samples) / mean;
        return LogPartition.of(logVolume + gmax + Math.log(mean), se, LogPartition.Method.MONTE_CARLO, samples);
    }

    private static int checkBox(Objective f, double temperature, double[] lower, double[] upper) {
        if (f == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        Checks.positive("temperature", temperature);
        int n = f.dimension();
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("lower and upper must have the objective's dimension " + n
                    + ", got " + lower.length + " and " + upper.length);
        }
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(lower[k]) || !Double.isFinite(upper[k]) || !(upper[k] > lower[k])) {
                throw new IllegalArgumentException("box coordinate " + k + " must be a finite interval, got ["
                        + lower[k] + ", " + upper[k] + "]");
            }
        }
        return n;
    }

    private static double gridMinimum(Objective f, double[] lo, double[] hi, int perAxis) {
        int n = lo.length;
        double[] x = new double[n];
        int[] idx = new int[n];
        double best = Double.POSITIVE_INFINITY;
        for (double[] xm : f.globalMinimisers()) {
            boolean inside = xm.length == n;
            for (int k = 0; inside && k < n; k++) {
                inside = xm[k] >= lo[k] && xm[k] <= hi[k];
            }
            if (inside) {
                best = Math.min(best, f.value(xm, 0));
            }
        }
        while (true) {
            for (int k = 0; k < n; k++) {
                x[k] = lo[k] + (hi[k] - lo[k]) * (idx[k] + 0.5) / perAxis;
            }
            double v = f.value(x, 0);
            if (v < best) {
                best = v;
            }
            int k = 0;
            while (k < n && ++idx[k] == perAxis) {
                idx[k] = 0;
                k++;
            }
            if (k == n) {
                break;
            }
        }
        if (!Double.isFinite(best)) {
            throw new ArithmeticException("objective has no finite value on the grid");
        }
        return best;
    }
}
