package io.github.hopflow.geometry.objective;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Styblinski–Tang function F(y) = ½ Σ (y_i⁴ − 16y_i² + 5y_i) on its usual box [−5, 5]^n, mapped
 * affinely onto [0,1]^n. Separable; in each coordinate the global minimiser is the root
 * y* ≈ −2.903534 of 4y³ − 32y + 5 = 0 (computed here to machine precision by Newton's method), so
 * the global minimum is n·F₁(y*) ≈ −39.16617·n at x = (y* + 5)/10 · 𝟙.
 */
public final class StyblinskiTang extends BoxMappedObjective {

    /** The per-coordinate minimiser y*, root of 4y³ − 32y + 5 near −2.9. */
    static final double MINIMISER_Y = solveMinimiser();
    /** The per-coordinate minimum ½(y*⁴ − 16y*² + 5y*). */
    static final double MINIMUM_PER_COORDINATE = term(MINIMISER_Y);

    private StyblinskiTang(int dimension) {
        super(dimension, -5, 5);
    }

    /** @param dimension n &gt; 0 */
    public static StyblinskiTang of(int dimension) {
        return new StyblinskiTang(dimension);
    }

    private static double term(double y) {
        double y2 = y * y;
        return 0.5 * (y2 * y2 - 16 * y2 + 5 * y);
    }

    private static double solveMinimiser() {
        double y = -2.9;
        for (int k = 0; k < 50; k++) {
            double g = 4 * y * y * y - 32 * y + 5;
            double dg = 12 * y * y - 32;
            double next = y - g / dg;
            if (next == y) {
                break;
            }
            y = next;
        }
        return y;
    }

    @Override
    public String name() {
        return "styblinski-tang";
    }

    @Override
    public double value(double[] x, int offset) {
        double s = 0;
        for (int i = 0; i < dimension; i++) {
            s += term(toBox(x[offset + i]));
        }
        return s;
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            out[outOffset + i] = boxWidth * 0.5 * (4 * y * y * y - 32 * y + 5);
        }
    }

    @Override
    public void secondDerivatives(double[] x, int offset, double[] out, int outOffset) {
        for (int i = 0; i < dimension; i++) {
            double y = toBox(x[offset + i]);
            out[outOffset + i] = boxWidth * boxWidth * 0.5 * (12 * y * y - 32);
        }
    }

    @Override
    public List<double[]> globalMinimisers() {
        double[] m = new double[dimension];
        Arrays.fill(m, fromBox(MINIMISER_Y));
        return List.of(m);
    }

    @Override
    public OptionalDouble globalMinimum() {
        return OptionalDouble.of(dimension * MINIMUM_PER_COORDINATE);
    }
}
