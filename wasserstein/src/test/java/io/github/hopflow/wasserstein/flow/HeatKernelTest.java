package io.github.hopflow.wasserstein.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.activation.CustomActivation;
import io.github.hopflow.geometry.activation.LogisticActivation;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import org.junit.jupiter.api.Test;

/** The heat kernels of the transition values against their defining equations and quadrature. */
class HeatKernelTest {

    @Test
    void concentrationSolvesTheMeanCosineEquation() {
        for (double tau : new double[] {1e-8, 1e-4, 0.01, 0.05, 0.2, 0.5, 1, 3, 10}) {
            double k = HeatKernel.concentration(tau);
            double mean = 1 / Math.tanh(k) - 1 / k;
            double target = Math.exp(-2 * tau);
            // below κ ≈ 1e-3 the closed form loses digits to cancellation: compare the series there
            if (k < 1e-2) {
                mean = k / 3 * (1 - k * k / 15 * (1 - 2 * k * k / 21));
            }
            assertEquals(target, mean, 1e-12 * Math.max(target, 1e-300) + 1e-15, "tau " + tau);
        }
    }

    @Test
    void scaledBesselMatchesItsSeries() {
        for (double a = 0; a <= 40; a += 0.37) {
            // e^{-a} I0(a) = e^{-a} Σ (a/2)^{2k} / (k!)², summed in the log domain
            double sum = 0;
            double term = 1;
            for (int k = 0; k < 400; k++) {
                if (k > 0) {
                    term *= (a / 2) * (a / 2) / ((double) k * k);
                }
                sum += term;
            }
            double exact = Math.exp(Math.log(sum) - a);
            assertEquals(exact, HeatKernel.scaledBessel(a), 2e-7 * exact, "a = " + a);
        }
    }

    @Test
    void sphereKernelIntegratesToOneInEitherArgument() {
        // logistic with gain 3 on (0, 1): m = 3 x (1 - x)
        HopfieldMetric metric = HopfieldMetric.uniform(1, LogisticActivation.of(3));
        HeatKernel k = HeatKernel.of(metric, 0);
        assertTrue(k.sphere());
        int cells = 200_000;
        for (double spread : new double[] {1e-3, 0.02, 0.3, 2}) {
            double sc = k.spread(spread);
            double kappa = HeatKernel.concentration(sc);
            double logNorm = k.logNormaliser(sc);
            for (double y : new double[] {1e-6, 0.02, 0.3, 0.5, 0.97}) {
                double sum = 0;
                for (int c = 0; c < cells; c++) {
                    double x = (c + 0.5) / cells;
                    sum += kernel(x, y, kappa, logNorm) / cells;
                }
                assertEquals(1, sum, 1e-6, "spread " + spread + ", y " + y);
            }
        }
    }

    /** H(x | y) of a sphere coordinate on (0, 1) with Math's functions and the series Bessel. */
    static double kernel(double x, double y, double kappa, double logNorm) {
        double z = 1 - 2 * x;
        double zy = 1 - 2 * y;
        double s = 2 * Math.sqrt(x * (1 - x));
        double sy = 2 * Math.sqrt(y * (1 - y));
        return Math.exp(logNorm + kappa * (z * zy + s * sy - 1)) * HeatKernel.scaledBessel(kappa * s * sy);
    }

    @Test
    void gaussianKernelOfTheEuclideanMetricIsTheHeatKernel() {
        HeatKernel k = HeatKernel.of(EuclideanMetric.of(2), 1);
        assertFalse(k.sphere());
        // m = 1: variance 2s
        assertEquals(0.6, k.spread(0.3), 1e-15);
        assertEquals(-0.5 * Math.log(2 * Math.PI * 0.6), k.logNormaliser(0.6), 1e-15);
    }

    @Test
    void mobilitiesWithoutAClosedFormAreRefusedNamingTheCoordinate() {
        // the algebraic sigmoid ½(1 + s/√(1 + s²)): m(x) = ½(1 + s²)^{-3/2} is not quadratic in x
        CustomActivation algebraic = CustomActivation.builder(s -> 0.5 * (1 + s / Math.sqrt(1 + s * s)),
                s -> 0.5 / Math.pow(1 + s * s, 1.5)).range(0, 1).build();
        HopfieldMetric metric = HopfieldMetric.of(LogisticActivation.of(1), algebraic);
        assertFalse(HeatKernel.supports(metric));
        assertTrue(HeatKernel.supports(HopfieldMetric.paperExample(3, 0.25)));
        assertTrue(HeatKernel.supports(EuclideanMetric.of(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeatKernel.of(metric, 1));
        assertTrue(e.getMessage().contains("coordinate 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransitionValues.of(metric, 1));
    }
}
