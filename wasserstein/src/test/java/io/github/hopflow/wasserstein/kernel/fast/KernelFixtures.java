package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.metric.IsometricCoordinates;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import java.util.Random;

/** Point sets and log-weights on the paper's example (HNN paper Sec. V-C), and error measures. */
final class KernelFixtures {

    static final double BETA = 0.25;
    static final double TEMPERATURE = 25;
    static final double H = 1e-4;

    private KernelFixtures() {
    }

    /** N uniform points in (0,1)^n. */
    static double[] uniform(int count, int dim, Random rnd) {
        double[] x = new double[count * dim];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.001 + 0.998 * rnd.nextDouble();
        }
        return x;
    }

    /** The points moved by one explicit step of the diffusion-machine noise, kept inside (0,1). */
    static double[] moved(double[] x, Random rnd) {
        double[] y = x.clone();
        for (int k = 0; k < y.length; k++) {
            double m = 4 * BETA * x[k] * (1 - x[k]);
            double step = Math.sqrt(2 * TEMPERATURE * m * H) * rnd.nextGaussian();
            y[k] = Math.min(0.9999, Math.max(0.0001, x[k] + step));
        }
        return y;
    }

    /** Isometric coordinates of the paper's metric (β = 1/4 in every coordinate). */
    static double[] iso(double[] x, int dim) {
        double[] u = new double[x.length];
        IsometricCoordinates.of(HopfieldMetric.paperExample(dim, BETA)).toIsometric(x, u);
        return u;
    }

    /** −f(x)/T for the scaled Himmelblau function: a log-density spanning about 35 nats. */
    static double[] minusHimmelblauOverT(double[] x) {
        ScaledHimmelblau f = ScaledHimmelblau.of();
        double[] a = new double[x.length / 2];
        for (int i = 0; i < a.length; i++) {
            a[i] = -f.value(x, 2 * i) / TEMPERATURE;
        }
        return a;
    }

    /** Uniform random log-weights in [lo, hi]. */
    static double[] randomLog(int count, double lo, double hi, Random rnd) {
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        return a;
    }

    /** max_j |a_j − b_j| (both finite), failing on a non-finite entry. */
    static double maxAbsDiff(double[] a, double[] b) {
        double mx = 0;
        for (int j = 0; j < a.length; j++) {
            if (!Double.isFinite(a[j]) || !Double.isFinite(b[j])) {
                throw new AssertionError("non-finite entry " + j + ": " + a[j] + " vs " + b[j]);
            }
            mx = Math.max(mx, Math.abs(a[j] - b[j]));
        }
        return mx;
    }

    /** Max log error of both products of {@code k} against {@code ref}. */
    static double[] errors(GibbsKernel k, GibbsKernel ref, double[] logB, double[] logA) {
        double[] o1 = new double[k.rows()];
        double[] r1 = new double[k.rows()];
        k.logMultiply(logB, o1);
        ref.logMultiply(logB, r1);
        double[] o2 = new double[k.columns()];
        double[] r2 = new double[k.columns()];
        k.logMultiplyTranspose(logA, o2);
        ref.logMultiplyTranspose(logA, r2);
        return new double[] {maxAbsDiff(o1, r1), maxAbsDiff(o2, r2)};
    }

    /**
     * One proximal (PROXRECUR) step in the log domain with a given kernel (docs/design.md §1 step 2):
     * z ← (ξ ⊘ Γᵀy)^(1/(1+ε/(Th))), y ← ϱ ⊘ (Γz) until the Thompson-metric change of log z is below
     * tol; returns log ϱ_k = log z + log Γᵀy. Γ = exp(−C/(2ε)) is the kernel (τ = 2ε).
     */
    static double[] proxStep(GibbsKernel gamma, double[] logRhoPrev, double[] psiPrev, double eps, double tol) {
        int m = gamma.rows();
        int n = gamma.columns();
        double power = 1 / (1 + eps / (TEMPERATURE * H));
        double[] logXi = new double[m];
        for (int j = 0; j < m; j++) {
            logXi[j] = -psiPrev[j] / TEMPERATURE - 1;
        }
        double[] logZ = new double[n];
        double[] logY = new double[m];
        double[] gz = new double[m];
        double[] gty = new double[n];
        gamma.logMultiply(logZ, gz);
        for (int j = 0; j < m; j++) {
            logY[j] = logRhoPrev[j] - gz[j];
        }
        for (int it = 0; it < 500; it++) {
            gamma.logMultiplyTranspose(logY, gty);
            double change = 0;
            for (int i = 0; i < n; i++) {
                // ξ is indexed by columns in the square case (M = N): ψ at the previous points.
                double z = power * (logXi[i] - gty[i]);
                change = Math.max(change, Math.abs(z - logZ[i]));
                logZ[i] = z;
            }
            gamma.logMultiply(logZ, gz);
            for (int j = 0; j < m; j++) {
                logY[j] = logRhoPrev[j] - gz[j];
            }
            if (change < tol) {
                break;
            }
        }
        gamma.logMultiplyTranspose(logY, gty);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = logZ[i] + gty[i];
        }
        return out;
    }
}
