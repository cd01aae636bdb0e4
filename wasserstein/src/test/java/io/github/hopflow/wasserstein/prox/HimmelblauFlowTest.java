package io.github.hopflow.wasserstein.prox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.wasserstein.TestSde;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HimmelblauFlowTest {

    static double mad(double[] x, double[] logRho, ScaledHimmelblau f, double temperature) {
        double[] r = new double[logRho.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = logRho[i] + f.value(x, 2 * i) / temperature;
        }
        double med = median(r);
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.abs(r[i] - med);
        }
        return median(r);
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0.43", "0.02, 0.26", "0.005, 0.21", "0.001, 0.43"})
    void valuesTakeTheShapeOfTheGibbsDensity(double eps, double bound) {
        double temperature = 25;
        double h = 1e-4;
        int count = 500;
        HopfieldMetric metric = HopfieldMetric.paperExample(2, 0.25);
        ScaledHimmelblau f = ScaledHimmelblau.of();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        double[] x = new double[2 * count];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        double[] rho = new double[count];
        Arrays.fill(rho, 1.0);
        double[] psi = new double[count];
        double[] next = new double[x.length];
        TestSde sde = new TestSde(metric, f, temperature, h, rng);
        ProximalStep step = ProximalStep.builder().metric(metric).temperature(temperature).timeStep(h)
                .epsilon(eps).tolerance(1e-6).build();
        Normalisation norm = Normalisation.harmonicUniform(metric);
        double[] logRho = new double[count];
        int iterations = 0;
        long start = System.nanoTime();
        int steps = 1000;
        for (int k = 0; k < steps; k++) {
            sde.step(x, next);
            for (int i = 0; i < count; i++) {
                psi[i] = f.value(x, 2 * i);
            }
            ProximalResult r = step.step(x, rho, psi, next).requireConverged();
            iterations += r.iterations();
            logRho = r.logValues();
            rho = norm.apply(2, next, logRho);
            double[] t = x;
            x = next;
            next = t;
        }
        double ms = (System.nanoTime() - start) / 1e6 / steps;
        for (int i = 0; i < count; i++) {
            logRho[i] = Math.log(rho[i]);
            assertTrue(Double.isFinite(logRho[i]));
        }
        double mad = mad(x, logRho, f, temperature);
        System.out.printf("Himmelblau flow eps=%g: MAD(log rho + f/T) at t=0.1 = %.4f (bound %.2f), "
                + "mean iterations %.1f, %.2f ms/step (SDE + prox + normalisation)%n",
                eps, mad, bound, iterations / (double) steps, ms);
        assertTrue(mad <= bound, "MAD " + mad + " > " + bound);
    }
}
