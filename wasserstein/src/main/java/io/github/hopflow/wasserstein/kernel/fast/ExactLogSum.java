package io.github.hopflow.wasserstein.kernel.fast;

/** Exact log-sum-exp of one output of a Gibbs kernel product, recomputing the costs. */
final class ExactLogSum {

    private ExactLogSum() {
    }

    /**
     * log Σ_s exp(−‖p_t − q_s‖²·invTau + logW[s]) by a two-pass (max, then sum) log-sum-exp.
     *
     * @param p target points, flat. Not modified.
     * @param t index of the target point
     * @param q source points, flat, {@code count} × dim. Not modified.
     * @param count number of source points
     * @param dim dimension
     * @param invTau 1/τ
     * @param logW log-weights, length count, finite or −∞. Not modified.
     * @return the log-domain product; −∞ when every weight is zero
     */
    static double logSumExp(double[] p, int t, double[] q, int count, int dim, double invTau, double[] logW) {
        return logSumExp(p, t, q, count, dim, invTau, logW, -1);
    }

    /**
     * As {@link #logSumExp(double[], int, double[], int, int, double, double[])}, without the
     * source {@code skip} (a leave-one-out sum; −1 skips none).
     */
    static double logSumExp(double[] p, int t, double[] q, int count, int dim, double invTau, double[] logW,
            int skip) {
        int pt = t * dim;
        double mx = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < count; s++) {
            if (s == skip) {
                continue;
            }
            double x = logW[s] - dist2(p, pt, q, s * dim, dim) * invTau;
            if (x > mx) {
                mx = x;
            }
        }
        if (mx == Double.NEGATIVE_INFINITY) {
            return mx;
        }
        double sum = 0;
        for (int s = 0; s < count; s++) {
            if (s == skip) {
                continue;
            }
            double x = logW[s] - dist2(p, pt, q, s * dim, dim) * invTau - mx;
            sum += FastExp.exp(x);
        }
        return mx + Math.log(sum);
    }

    private static double dist2(double[] p, int po, double[] q, int qo, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            double d = p[po + k] - q[qo + k];
            s += d * d;
        }
        return s;
    }
}
