package io.github.hopflow.geometry.objective;

import java.util.Arrays;
import java.util.List;

/**
 * Rastrigin's function F(y) = 10n + Σ (y_i² − 10 cos 2πy_i) on its usual box [−5.12, 5.12]^n,
 * mapped affinely onto [0,1]^n. Global minimum 0 at y = 0, i.e. x = ½𝟙; a regular lattice of
 * local minima around it.
 */
public final class Rastrigin extends BoxMappedObjective {

    private Rastrigin(int dimension) {
        super(dimension, -5.12, 5.12);
    }

    /** @param dimension n &gt; 0 */
    public static Rastrigin of(int dimension) {
        return new Rastrigin(dimension);
    }

    @Override
    public String name() {
        return "rastrigin";
    }

    @Override
    public double value(double[] x, int offset) {
        double s = 10.0 * dimension;
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            s += y * y - 10 * Math.cos(2 * Math.PI * y);
        }
        return s;
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            out[outOffset + i] = boxWidth * (2 * y + 20 * Math.PI * Math.sin(2 * Math.PI * y));
        }
    }

    @Override
    public void secondDerivatives(double[] x, int offset, double[] out, int outOffset) {
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            out[outOffset + i] = boxWidth * boxWidth * (2 + 40 * Math.PI * Math.PI * Math.cos(2 * Math.PI * y));
        }
    }

    @Override
    public List<double[]> globalMinimisers() {
        double[] m = new double[dimension];
        Arrays.fill(m, fromBox(0));
        return List.of(m);
    }
}
