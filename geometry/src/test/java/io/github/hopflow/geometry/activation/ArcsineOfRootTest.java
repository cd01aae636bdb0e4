package io.github.hopflow.geometry.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ArcsineOfRoot} against arcsin(√x) computed at 200 bits with mpmath
 * ({@code arcsine-of-root.csv}, made by {@code docs/reference/arcsine_of_root.py}), and the
 * isometric coordinates of the closed-form activations that use it.
 */
class ArcsineOfRootTest {

    /** The largest error allowed, in ulps of the exact value (1.7 measured). */
    private static final double MAX_ULPS = 2.0;

    private static List<double[]> reference() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = ArcsineOfRootTest.class.getResourceAsStream("arcsine-of-root.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        return rows;
    }

    @Test
    void matchesTheHighPrecisionReferenceWithinTwoUlps() throws IOException {
        List<double[]> rows = reference();
        assertTrue(rows.size() >= 300, "reference rows: " + rows.size());
        double worst = 0;
        double worstX = Double.NaN;
        for (double[] row : rows) {
            double x = row[0];
            double exact = row[1];
            double got = ArcsineOfRoot.of(x);
            double ulps = exact == 0 ? (got == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(got - exact) / Math.ulp(exact);
            if (ulps > worst) {
                worst = ulps;
                worstX = x;
            }
        }
        assertTrue(worst <= MAX_ULPS, "largest error " + worst + " ulp at x = " + worstX);
    }

    @Test
    void isBetterThanTheLibraryArcsineNearOne() throws IOException {
        // arcsin(√x) by Math.asin loses 1 − x when it rounds √x; the reference shows by how much
        double x = Math.nextDown(1.0);
        double exact = 0;
        for (double[] row : reference()) {
            if (row[0] == x) {
                exact = row[1];
            }
        }
        assertTrue(exact > 0, "reference row for 1 − 2^-53");
        assertTrue(Math.abs(ArcsineOfRoot.of(x) - exact) <= Math.ulp(exact));
        assertTrue(Math.abs(Math.asin(Math.sqrt(x)) - exact) > 1e-9);
    }

    @Test
    void endpointsAndMonotonicity() {
        assertEquals(0.0, ArcsineOfRoot.of(0.0));
        assertEquals(Math.PI / 2, ArcsineOfRoot.of(1.0));
        assertEquals(Math.PI / 4, ArcsineOfRoot.of(0.5), Math.ulp(Math.PI / 4));
        assertTrue(Double.isNaN(ArcsineOfRoot.of(-1e-300)));
        assertTrue(Double.isNaN(ArcsineOfRoot.of(Math.nextUp(1.0))));
        double previous = -1;
        for (int k = 0; k <= 1_000_000; k++) {
            double v = ArcsineOfRoot.of(k / 1e6);
            assertTrue(v >= previous, "decreases at x = " + k / 1e6);
            previous = v;
        }
    }

    @Test
    void isometricCoordinatesOfTheClosedFormActivations() {
        ScaledTanhActivation tanh = ScaledTanhActivation.of(0.25);
        LogisticActivation logistic = LogisticActivation.of(1.5);
        for (int k = 0; k <= 1000; k++) {
            double x = k / 1000.0;
            double u = tanh.isometric(x);
            assertEquals(x, tanh.inverseIsometric(u), 4e-16, "tanh at x = " + x);
            double w = logistic.isometric(x);
            assertEquals(x, logistic.inverseIsometric(w), 4e-16, "logistic at x = " + x);
        }
        assertEquals(Math.PI / (2 * Math.sqrt(0.25)), tanh.isometric(1.0), 1e-15);
        assertEquals(Math.PI / Math.sqrt(1.5), logistic.isometric(1.0), 1e-15);
    }
}
