package io.github.hopflow.geometry.objective;

import java.util.Arrays;
import java.util.List;

/**
 * Levy's function on its usual box [−10, 10]^n, mapped affinely onto [0,1]^n: with
 * w_i = 1 + (y_i − 1)/4,
 * F(y) = sin²(πw₁) + Σ_{i&lt;n} (w_i − 1)²[1 + 10 sin²(πw_i + 1)] + (w_n − 1)²[1 + sin²(2πw_n)].
 * Global minimum 0 at y = 𝟙, i.e. x = 0.55·𝟙.
 */
public final class Levy extends BoxMappedObjective {

    private Levy(int dimension) {
        super(dimension, -10, 10);
    }

    /** @param dimension n &gt; 0 */
    public static Levy of(int dimension) {
        return new Levy(dimension);
    }

    @Override
    public String name() {
        return "levy";
    }

    private double w(double x) {
        return 1 + (toBox(x) - 1) / 4;
    }

    @Override
    public double value(double[] x, int offset) {
        int n = dimension;
        double w1 = w(x[offset]);
        double s1 = Math.sin(Math.PI * w1);
        double f = s1 * s1;
        for (int i = 0; i < n - 1; i++) {
            double wi = w(x[offset + i]);
            double si = Math.sin(Math.PI * wi + 1);
            f += (wi - 1) * (wi - 1) * (1 + 10 * si * si);
        }
        double wn = w(x[offset + n - 1]);
        double sn = Math.sin(2 * Math.PI * wn);
        f += (wn - 1) * (wn - 1) * (1 + sn * sn);
        return f;
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        int n = dimension;
        // dw/dx = boxWidth/4
        double dwdx = boxWidth / 4;
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = 0;
        }
        double w1 = w(x[offset]);
        out[outOffset] += Math.PI * Math.sin(2 * Math.PI * w1); // d sin²(πw)/dw = π sin(2πw)
        for (int i = 0; i < n - 1; i++) {
            double wi = w(x[offset + i]);
            double si = Math.sin(Math.PI * wi + 1);
            double ci = Math.cos(Math.PI * wi + 1);
            out[outOffset + i] += 2 * (wi - 1) * (1 + 10 * si * si)
                    + (wi - 1) * (wi - 1) * 20 * si * ci * Math.PI;
        }
        double wn = w(x[offset + n - 1]);
        double sn = Math.sin(2 * Math.PI * wn);
        double cn = Math.cos(2 * Math.PI * wn);
        out[outOffset + n - 1] += 2 * (wn - 1) * (1 + sn * sn)
                + (wn - 1) * (wn - 1) * 2 * sn * cn * 2 * Math.PI;
        for (int i = 0; i < n; i++) {
            out[outOffset + i] *= dwdx;
        }
    }

    @Override
    public List<double[]> globalMinimisers() {
        double[] m = new double[dimension];
        Arrays.fill(m, fromBox(1));
        return List.of(m);
    }
}
