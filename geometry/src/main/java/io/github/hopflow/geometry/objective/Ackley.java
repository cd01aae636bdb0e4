package io.github.hopflow.geometry.objective;

import java.util.Arrays;
import java.util.List;

/**
 * Ackley's function F(y) = −20 exp(−0.2 √(‖y‖²/n)) − exp(Σ cos(2πy_i)/n) + 20 + e on its usual box
 * [−32.768, 32.768]^n, mapped affinely onto [0,1]^n. Global minimum 0 at y = 0, i.e. x = ½𝟙.
 *
 * <p>F is not differentiable at y = 0 (the first term is a cone there); the gradient returned at
 * that single point is the zero subgradient.
 */
public final class Ackley extends BoxMappedObjective {

    private static final double A = 20;
    private static final double B = 0.2;
    private static final double C = 2 * Math.PI;

    private Ackley(int dimension) {
        super(dimension, -32.768, 32.768);
    }

    /** @param dimension n &gt; 0 */
    public static Ackley of(int dimension) {
        return new Ackley(dimension);
    }

    @Override
    public String name() {
        return "ackley";
    }

    @Override
    public double value(double[] x, int offset) {
        double sq = 0;
        double cs = 0;
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            sq += y * y;
            cs += Math.cos(C * y);
        }
        return -A * Math.exp(-B * Math.sqrt(sq / dimension)) - Math.exp(cs / dimension) + A + Math.E;
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        double sq = 0;
        double cs = 0;
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            sq += y * y;
            cs += Math.cos(C * y);
        }
        double r = Math.sqrt(sq / dimension);
        // d/dy_i of −A exp(−B r) = A B exp(−B r) y_i / (n r)
        double coneFactor = r > 0 ? A * B * Math.exp(-B * r) / (dimension * r) : 0;
        double cosFactor = Math.exp(cs / dimension) * C / dimension;
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            out[outOffset + i] = boxWidth * (coneFactor * y + cosFactor * Math.sin(C * y));
        }
    }

    @Override
    public List<double[]> globalMinimisers() {
        double[] m = new double[dimension];
        Arrays.fill(m, fromBox(0));
        return List.of(m);
    }
}
