package io.github.hopflow.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DensityBinsTest {

    @Test
    void thePositionsHistogramIsADensityThatIntegratesToOne() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            // density 4xy on the unit square: x = sqrt(u), y = sqrt(v)
            x[k] = Math.sqrt(r.nextDouble());
            y[k] = Math.sqrt(r.nextDouble());
        }
        DensityBins b = DensityBins.of(x, y, null, DensityBins.Statistic.POSITIONS, 0, 1, 0, 1, 10, 10);
        double integral = 0;
        for (double v : b.values()) {
            integral += (Double.isNaN(v) ? 0 : v) * 0.01;
        }
        assertEquals(1.0, integral, 1e-12);
        // bin (i, j) estimates the mean of 4xy over it, 4·(i + ½)/10·(j + ½)/10, from a Poisson-like
        // count: standard deviation sqrt(rho / (N·area)). Five of them on each of the 100 bins: a
        // false-failure rate below 1e-4.
        for (int j = 0; j < 10; j++) {
            for (int i = 0; i < 10; i++) {
                double expected = 4 * (i + 0.5) / 10 * (j + 0.5) / 10;
                double got = b.valueAt((i + 0.5) / 10, (j + 0.5) / 10);
                double sd = Math.sqrt(expected / (n * 0.01));
                assertEquals(expected, got, 5 * sd, i + "," + j);
            }
        }
    }

    @Test
    void theValuesHistogramHoldsBinMeansAndEmptyBinsAreNaN() {
        double[] x = {0.1, 0.15, 0.9, 0.55, 2.0};
        double[] y = {0.1, 0.12, 0.9, 0.55, 0.5};
        double[] v = {1, 3, 7, 5, 100};
        DensityBins b = DensityBins.of(x, y, v, DensityBins.Statistic.VALUES, 0, 1, 0, 1, 2, 2);
        assertEquals(2.0, b.valueAt(0.2, 0.2));
        assertEquals(6.0, b.valueAt(0.95, 0.95));
        assertTrue(Double.isNaN(b.valueAt(0.9, 0.1)));
        assertTrue(Double.isNaN(b.valueAt(1.5, 0.5)));
        assertEquals(2.0, b.range()[0]);
        assertEquals(6.0, b.range()[1]);
        DensityBins d = DensityBins.of(x, y, null, DensityBins.Statistic.POSITIONS, 0, 1, 0, 1, 2, 2);
        // 2 of 5 points in a bin of area 1/4
        assertEquals(2 / (5 * 0.25), d.valueAt(0.2, 0.2), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> DensityBins.of(x, y, new double[2], DensityBins.Statistic.VALUES, 0, 1, 0, 1, 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> DensityBins.of(x, y, v, DensityBins.Statistic.VALUES, 0, 0, 0, 1, 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> DensityBins.of(x, y, v, DensityBins.Statistic.VALUES, 0, 1, 0, 1, 0, 2));
    }
}
