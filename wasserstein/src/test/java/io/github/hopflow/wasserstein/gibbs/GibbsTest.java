package io.github.hopflow.wasserstein.gibbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Quadratic;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.wasserstein.prox.Normalisation;
import java.util.Arrays;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("slow")
class GibbsTest {

    /** log Z of (κ/2)|x − c|² on the unit cube at temperature T, by the error function. */
    static double quadraticLogZ(double[] c, double kappa, double temperature) {
        double s = Math.sqrt(temperature / kappa);
        double logZ = 0;
        for (double ck : c) {
            double a = (0 - ck) / (s * Math.sqrt(2));
            double b = (1 - ck) / (s * Math.sqrt(2));
            logZ += Math.log(s * Math.sqrt(Math.PI / 2) * Erf.erf(a, b));
        }
        return logZ;
    }

    @Test
    void quadratureMatchesTheClosedFormInOneTwoAndThreeDimensions() {
        for (int n = 1; n <= 3; n++) {
            double[] c = new double[n];
            for (int k = 0; k < n; k++) {
                c[k] = 0.3 + 0.15 * k;
            }
            double[] lo = new double[n];
            double[] hi = new double[n];
            Arrays.fill(hi, 1.0);
            for (double t : new double[] {1.0, 0.01}) {
                Quadratic f = Quadratic.of(c, 1.0);
                LogPartition q = PartitionFunction.quadrature(f, t, lo, hi, 1e-10);
                double exact = quadraticLogZ(c, 1.0, t);
                System.out.printf("log Z quadrature n=%d T=%g: %.12f, closed form %.12f, %d evaluations%n",
                        n, t, q.value(), exact, q.evaluations());
                assertEquals(exact, q.value(), 1e-7);
            }
        }
    }

    @Test
    void logZStaysFiniteWhenZUnderflows() {
        // f ≥ 1e4 everywhere: Z = exp(−1e4/T)·(...) underflows, log Z does not
        Quadratic f = Quadratic.of(new double[] {3.0, 3.0}, 1.0);
        LogPartition q = PartitionFunction.quadrature(f, 1e-3, new double[] {0, 0}, new double[] {1, 1}, 1e-10);
        assertTrue(Double.isFinite(q.value()) && q.value() < -1000, q.toString());
    }

    @Test
    void monteCarloAgreesWithTheClosedFormWithinItsStandardError() {
        int n = 5;
        double[] c = new double[n];
        Arrays.fill(c, 0.5);
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, 1.0);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(7L);
        LogPartition mc = PartitionFunction.monteCarlo(Quadratic.of(c, 1.0), 0.1, lo, hi, 200_000, rng);
        double exact = quadraticLogZ(c, 1.0, 0.1);
        System.out.printf("log Z Monte Carlo n=5: %.5f ± %.5f, closed form %.5f%n", mc.value(), mc.standardError(),
                exact);
        assertTrue(mc.standardError() > 0 && mc.standardError() < 0.01);
        assertEquals(exact, mc.value(), 4 * mc.standardError());
    }

    @Test
    void computeChoosesQuadratureUpToThreeDimensions() {
        HopfieldMetric m2 = HopfieldMetric.paperExample(2, 0.25);
        LogPartition q = PartitionFunction.compute(ScaledHimmelblau.of(), 25, m2, 0, null);
        assertEquals(LogPartition.Method.QUADRATURE, q.method());
        LogPartition mc = PartitionFunction.monteCarlo(ScaledHimmelblau.of(), 25, new double[] {0, 0},
                new double[] {1, 1}, 400_000, RandomSource.L64_X128_MIX.create(3L));
        System.out.printf("Himmelblau T=25: log Z quadrature %.8f, Monte Carlo %.5f ± %.5f%n", q.value(), mc.value(),
                mc.standardError());
        assertEquals(q.value(), mc.value(), 4 * mc.standardError());
    }

    /** Samples of ρ∞ for Himmelblau at T = 25 by rejection from the uniform density (f ≥ 0). */
    static double[] stationarySample(int count, UniformRandomProvider rng) {
        ScaledHimmelblau f = ScaledHimmelblau.of();
        double[] x = new double[2 * count];
        int k = 0;
        double[] p = new double[2];
        while (k < count) {
            p[0] = rng.nextDouble();
            p[1] = rng.nextDouble();
            if (rng.nextDouble() < Math.exp(-f.value(p) / 25)) {
                x[2 * k] = p[0];
                x[2 * k + 1] = p[1];
                k++;
            }
        }
        return x;
    }

    @Test
    void normalisationsRecoverTheGibbsDensityAndTheFreeEnergyItsMinimum() {
        ScaledHimmelblau f = ScaledHimmelblau.of();
        HopfieldMetric metric = HopfieldMetric.paperExample(2, 0.25);
        GibbsDensity gibbs = GibbsDensity.of(f, 25, PartitionFunction.compute(f, 25, metric, 0, null));
        int count = 2000;
        double[] x = stationarySample(count, RandomSource.L64_X128_MIX.create(5L));
        double trueLogScale = -Math.log(37.0);
        double[] logValues = new double[count];
        for (int i = 0; i < count; i++) {
            logValues[i] = gibbs.logDensity(x, 2 * i) - trueLogScale;
        }
        double harmonic = Normalisation.harmonicUniform(metric).logScale(2, x, logValues);
        double kde = Normalisation.kernelDensityRatio(metric).logScale(2, x, logValues);
        double exact = Normalisation.gibbs(gibbs).logScale(2, x, logValues);
        System.out.printf("normalisation log-scale errors on a stationary sample of %d: harmonic-uniform %.4f, "
                + "kde %.4f, gibbs %.1e%n", count, harmonic - trueLogScale, kde - trueLogScale, exact - trueLogScale);
        assertEquals(trueLogScale, exact, 1e-12);
        assertEquals(trueLogScale, kde, 0.1);
        assertEquals(trueLogScale, harmonic, 0.5);
        double[] rho = Normalisation.gibbs(gibbs).apply(2, x, logValues);
        FreeEnergy fe = FreeEnergy.estimate(f, 25, x, rho);
        System.out.printf("free energy of the stationary sample %.4f ± %.4f, -T log Z = %.4f%n", fe.value(),
                fe.standardError(), gibbs.freeEnergy());
        assertEquals(gibbs.freeEnergy(), fe.value(), 1e-9);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PartitionFunction.quadrature(ScaledHimmelblau.of(), 0,
                new double[] {0, 0}, new double[] {1, 1}, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> PartitionFunction.quadrature(Quadratic.centred(4), 1,
                new double[4], new double[] {1, 1, 1, 1}, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> PartitionFunction.compute(Quadratic.centred(1), 1,
                io.github.hopflow.geometry.metric.EuclideanMetric.of(1), 10, null));
        assertThrows(IllegalArgumentException.class, () -> FreeEnergy.estimate(Quadratic.centred(1), 1,
                new double[] {0.1, 0.2}, new double[] {1, -1}));
    }
}
