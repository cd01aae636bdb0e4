package io.github.hopflow.geometry.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compiled formulas against the same formulas written in Java, their reverse-mode gradients against
 * central differences and a hand-derived gradient, and parse errors with their positions.
 */
class ExpressionObjectiveTest {

    private static void assertSameValues(String formula, int n, ToDoubleFunction<double[]> java) {
        ExpressionObjective f = ExpressionObjective.compile(formula, n);
        Random r = new Random(formula.hashCode());
        for (int k = 0; k < 50; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.05 + 0.9 * r.nextDouble();
            }
            double expected = java.applyAsDouble(x);
            assertEquals(expected, f.value(x), 1e-13 * Math.max(1, Math.abs(expected)), formula);
            double[] g = new double[n];
            f.gradient(x, g);
            for (int i = 0; i < n; i++) {
                double h = 1e-6;
                double[] p = x.clone();
                double[] q = x.clone();
                p[i] += h;
                q[i] -= h;
                double fd = (java.applyAsDouble(p) - java.applyAsDouble(q)) / (2 * h);
                assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), formula + " d/dx" + (i + 1));
            }
        }
    }

    @Test
    void formulasEvaluateAsTheirJavaEquivalents() {
        assertSameValues("(x1^2 + x2 - 11)^2 + (x1 + x2^2 - 7)^2", 2,
                x -> Math.pow(x[0] * x[0] + x[1] - 11, 2) + Math.pow(x[0] + x[1] * x[1] - 7, 2));
        assertSameValues("20 + (10*x1-5)^2 - 10*cos(2*pi*(10*x1-5)) + (10*x2-5)^2 - 10*cos(2*pi*(10*x2-5))", 2,
                x -> 20 + Math.pow(10 * x[0] - 5, 2) - 10 * Math.cos(2 * Math.PI * (10 * x[0] - 5))
                        + Math.pow(10 * x[1] - 5, 2) - 10 * Math.cos(2 * Math.PI * (10 * x[1] - 5)));
        assertSameValues("-2^2 + x1^x2 + sqrt(x3) * exp(-x1) / log(1 + x2) - tan(x3) + abs(x1 - x2)", 3,
                x -> -4 + Math.pow(x[0], x[1]) + Math.sqrt(x[2]) * Math.exp(-x[0]) / Math.log(1 + x[1])
                        - Math.tan(x[2]) + Math.abs(x[0] - x[1]));
        assertSameValues("max(x1, x2) - min(x1 * 2, sin(x2)) + 1.5e-1 * x1^3 - x2^4 + x1^2.5", 2,
                x -> Math.max(x[0], x[1]) - Math.min(x[0] * 2, Math.sin(x[1])) + 0.15 * Math.pow(x[0], 3)
                        - Math.pow(x[1], 4) + Math.pow(x[0], 2.5));
        // precedence: unary minus below ^, ^ right-associative, * before +
        assertSameValues("-x1^2 + 2^x1^2 - x2 * 3 + 4 / x1 / x2", 2,
                x -> -(x[0] * x[0]) + Math.pow(2, x[0] * x[0]) - x[1] * 3 + 4 / x[0] / x[1]);
    }

    @Test
    void theGradientIsExactOnAQuadratic() {
        ExpressionObjective f = ExpressionObjective.compile("3*x1*x2 + x2^2 - 5*x1", 2);
        double[] g = new double[2];
        f.gradient(new double[] {0.25, 0.75}, g);
        assertEquals(3 * 0.75 - 5, g[0], 0);
        assertEquals(3 * 0.25 + 2 * 0.75, g[1], 0);
        assertTrue(f.hasAnalyticGradient());
        // a point read at an offset of a flat array, gradient written at another
        double[] flat = {9, 9, 0.25, 0.75};
        double[] out = new double[5];
        f.gradient(flat, 2, out, 3);
        assertEquals(g[0], out[3], 0);
        assertEquals(g[1], out[4], 0);
        assertEquals(f.value(new double[] {0.25, 0.75}), f.value(flat, 2), 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x1 + |unexpected '+' at position 6|the expression ends where a value is expected at position 5",
        "x1 + x3|variable x3 is outside x1..x2 (n = 2) at position 6|",
        "foo(x1)|unknown name 'foo'|",
        "(x1 + x2|expected ')' at position 9|",
        "x1 x2|unexpected 'x' at position 4|",
        "min(x1)|min takes two arguments|",
        "log(x1 - 1)|is NaN at the centre of the cube|",
        "1e999 * x1|the number 1e999 is out of range at position 1|",
        "x1 # 2|unexpected '#' at position 4|",
    })
    void badFormulasAreRefusedWithTheirPosition(String formula, String expected, String alternative) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExpressionObjective.compile(formula, 2));
        assertTrue(e.getMessage().contains(expected) || (alternative != null && e.getMessage().contains(alternative)),
                e.getMessage());
    }
}
