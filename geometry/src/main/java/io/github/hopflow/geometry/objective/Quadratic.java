package io.github.hopflow.geometry.objective;

import io.github.hopflow.geometry.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * f(x) = (κ/2)‖x − c‖². On [0,1]^n with c inside the cube its minimiser is c; on R^n with the
 * Euclidean metric its diffusion machine is the Ornstein–Uhlenbeck process.
 */
public final class Quadratic implements Objective {

    private final double[] center;
    private final double stiffness;

    private Quadratic(double[] center, double stiffness) {
        this.center = center;
        this.stiffness = stiffness;
    }

    /**
     * @param center c; copied; every entry finite
     * @param stiffness κ &gt; 0
     */
    public static Quadratic of(double[] center, double stiffness) {
        if (center.length == 0) {
            throw new IllegalArgumentException("center must not be empty");
        }
        for (int i = 0; i < center.length; i++) {
            if (!Double.isFinite(center[i])) {
                throw new IllegalArgumentException("center[" + i + "] must be finite, got " + center[i]);
            }
        }
        Checks.positive("stiffness", stiffness);
        return new Quadratic(center.clone(), stiffness);
    }

    /** The default: c = ½𝟙, κ = 1. */
    public static Quadratic centred(int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        double[] c = new double[dimension];
        Arrays.fill(c, 0.5);
        return new Quadratic(c, 1.0);
    }

    /** A copy of c. */
    public double[] center() {
        return center.clone();
    }

    /** κ. */
    public double stiffness() {
        return stiffness;
    }

    @Override
    public int dimension() {
        return center.length;
    }

    @Override
    public String name() {
        return "quadratic";
    }

    @Override
    public double value(double[] x, int offset) {
        double s = 0;
        for (int i = 0; i < center.length; i++) {
            double d = x[offset + i] - center[i];
            s += d * d;
        }
        return 0.5 * stiffness * s;
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        for (int i = 0; i < center.length; i++) {
            out[outOffset + i] = stiffness * (x[offset + i] - center[i]);
        }
    }

    @Override
    public void secondDerivatives(double[] x, int offset, double[] out, int outOffset) {
        java.util.Arrays.fill(out, outOffset, outOffset + center.length, stiffness);
    }

    @Override
    public boolean hasAnalyticGradient() {
        return true;
    }

    @Override
    public List<double[]> globalMinimisers() {
        return List.of(center.clone());
    }

    @Override
    public OptionalDouble globalMinimum() {
        return OptionalDouble.of(0.0);
    }

    @Override
    public String toString() {
        return "Quadratic[center=" + Arrays.toString(center) + ", stiffness=" + stiffness + "]";
    }
}
