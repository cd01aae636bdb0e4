package io.github.hopflow.geometry.objective;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The paper's scaled Himmelblau function on [0,1]² (HNN paper, eq. (59)):
 * f(x) = (a² + b − 11)² + (a + b² − 7)² with a = 10x₁ − 5, b = 10x₂ − 5.
 *
 * <p>Four global minimisers with f = 0, the images of Himmelblau's (3, 2), (−2.805118, 3.131313),
 * (−3.779310, −3.283186), (3.584428, −1.848127) under x = (a + 5)/10.
 */
public final class ScaledHimmelblau implements Objective {

    private static final ScaledHimmelblau INSTANCE = new ScaledHimmelblau();

    /** Himmelblau's minimisers in the original (a, b) coordinates, to double precision. */
    private static final double[][] MINIMISERS_AB = {
        {3.0, 2.0},
        {-2.805118086952745, 3.131312518250573},
        {-3.779310253377747, -3.283185991286170},
        {3.584428340330492, -1.848126526964404},
    };

    private ScaledHimmelblau() {
    }

    /** The function (it has no parameters). */
    public static ScaledHimmelblau of() {
        return INSTANCE;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public String name() {
        return "himmelblau";
    }

    @Override
    public double value(double[] x, int offset) {
        double a = 10 * x[offset] - 5;
        double b = 10 * x[offset + 1] - 5;
        double p = a * a + b - 11;
        double q = a + b * b - 7;
        return p * p + q * q;
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        double a = 10 * x[offset] - 5;
        double b = 10 * x[offset + 1] - 5;
        double p = a * a + b - 11;
        double q = a + b * b - 7;
        out[outOffset] = 10 * (4 * a * p + 2 * q);
        out[outOffset + 1] = 10 * (2 * p + 4 * b * q);
    }

    @Override
    public void secondDerivatives(double[] x, int offset, double[] out, int outOffset) {
        double a = 10 * x[offset] - 5;
        double b = 10 * x[offset + 1] - 5;
        double p = a * a + b - 11;
        double q = a + b * b - 7;
        out[outOffset] = 100 * (4 * p + 8 * a * a + 2);
        out[outOffset + 1] = 100 * (2 + 4 * q + 8 * b * b);
    }

    @Override
    public boolean hasAnalyticGradient() {
        return true;
    }

    @Override
    public List<double[]> globalMinimisers() {
        return List.of(point(0), point(1), point(2), point(3));
    }

    @Override
    public OptionalDouble globalMinimum() {
        return OptionalDouble.of(0.0);
    }

    private static double[] point(int k) {
        return new double[] {(MINIMISERS_AB[k][0] + 5) / 10, (MINIMISERS_AB[k][1] + 5) / 10};
    }

    @Override
    public String toString() {
        return "ScaledHimmelblau";
    }
}
