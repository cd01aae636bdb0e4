package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.wasserstein.kernel.GibbsKernel;

/** The straightforward exact log-domain kernel: per output, a two-pass log-sum-exp with Math.exp. */
final class ReferenceKernel implements GibbsKernel {

    private final int dim;
    private final double[] u;
    private final double[] v;
    private final double tau;

    ReferenceKernel(int dim, double[] u, double[] v, double tau) {
        this.dim = dim;
        this.u = u;
        this.v = v;
        this.tau = tau;
    }

    @Override
    public int rows() {
        return u.length / dim;
    }

    @Override
    public int columns() {
        return v.length / dim;
    }

    @Override
    public double tau() {
        return tau;
    }

    @Override
    public void logMultiply(double[] logB, double[] out) {
        for (int j = 0; j < rows(); j++) {
            out[j] = lse(u, j, v, logB);
        }
    }

    @Override
    public void logMultiplyTranspose(double[] logA, double[] out) {
        for (int i = 0; i < columns(); i++) {
            out[i] = lse(v, i, u, logA);
        }
    }

    private double lse(double[] p, int t, double[] q, double[] w) {
        int count = q.length / dim;
        double[] x = new double[count];
        double mx = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < count; s++) {
            double c = 0;
            for (int k = 0; k < dim; k++) {
                double d = p[t * dim + k] - q[s * dim + k];
                c += d * d;
            }
            x[s] = w[s] - c / tau;
            mx = Math.max(mx, x[s]);
        }
        if (mx == Double.NEGATIVE_INFINITY) {
            return mx;
        }
        double sum = 0;
        for (int s = 0; s < count; s++) {
            sum += Math.exp(x[s] - mx);
        }
        return mx + Math.log(sum);
    }
}
