package io.github.hopflow.wasserstein.prox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.wasserstein.ConvergenceException;
import io.github.hopflow.wasserstein.kernel.DenseGibbsKernel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProximalStepTest {

    /** A cloud in the cube, moved by a small Gaussian step and clipped; psi = a 10-D quadratic. */
    private static double[][] problem(int count, int n, long seed, double move) {
        Random r = new Random(seed);
        double[] x = new double[count * n];
        double[] y = new double[count * n];
        double[] rho = new double[count];
        double[] psi = new double[count];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
            y[i] = Math.min(1, Math.max(0, x[i] + move * r.nextGaussian()));
        }
        for (int i = 0; i < count; i++) {
            psi[i] = objective(x, i, n);
            rho[i] = Math.exp(-psi[i] / 25) * 1e3;
        }
        return new double[][] {x, rho, psi, y};
    }

    /** f(x) = Σ(10x_k − 5)² at point i of a flat cloud. */
    private static double objective(double[] x, int i, int n) {
        double f = 0;
        for (int k = 0; k < n; k++) {
            double d = 10 * x[i * n + k] - 5;
            f += d * d;
        }
        return f;
    }

    /** The plain-domain iteration of the NumPy reference, transcribed. */
    private static double[] plainReference(double[][] p, int n, double eps, double temperature, double h, double beta) {
        double[] x = p[0];
        double[] rho = p[1];
        double[] psi = p[2];
        double[] y = p[3];
        int count = rho.length;
        double[][] g = new double[count][count];
        for (int j = 0; j < count; j++) {
            for (int i = 0; i < count; i++) {
                double c = 0;
                for (int k = 0; k < n; k++) {
                    double d = (Math.asin(Math.sqrt(x[j * n + k])) - Math.asin(Math.sqrt(y[i * n + k]))) / Math.sqrt(beta);
                    c += d * d;
                }
                g[j][i] = Math.exp(-c / (2 * eps));
            }
        }
        double[] z = new double[count];
        java.util.Arrays.fill(z, 1.0);
        double[] yy = new double[count];
        double power = 1 / (1 + eps / (temperature * h));
        for (int it = 0; it < 50; it++) {
            for (int j = 0; j < count; j++) {
                double s = 0;
                for (int i = 0; i < count; i++) {
                    s += g[j][i] * z[i];
                }
                yy[j] = rho[j] / s;
            }
            for (int i = 0; i < count; i++) {
                double s = 0;
                for (int j = 0; j < count; j++) {
                    s += g[j][i] * yy[j];
                }
                z[i] = Math.pow(Math.exp(-psi[i] / temperature - 1) / s, power);
            }
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double s = 0;
            for (int j = 0; j < count; j++) {
                s += g[j][i] * yy[j];
            }
            out[i] = z[i] * s;
        }
        return out;
    }

    @Test
    void tenDimensionsSmallEpsilonStaysFiniteWherePlainDomainFails() {
        int n = 10;
        double eps = 1e-4;
        double h = 1e-6;
        double[][] p = problem(120, n, 1, 0.05);
        double[] plain = plainReference(p, n, eps, 25, h, 0.25);
        boolean plainFailed = false;
        for (double v : plain) {
            plainFailed |= !Double.isFinite(v) || v == 0;
        }
        assertTrue(plainFailed, "the plain-domain iteration was expected to underflow here");
        HopfieldMetric metric = HopfieldMetric.paperExample(n, 0.25);
        ProximalResult auto = ProximalStep.builder().metric(metric).temperature(25).timeStep(h).epsilon(eps)
                .tolerance(1e-11).kernelFactory(DenseGibbsKernel.recyclingFactory(2)).build()
                .step(p[0], p[1], p[2], p[3]);
        ProximalResult log = ProximalStep.builder().metric(metric).temperature(25).timeStep(h).epsilon(eps)
                .tolerance(1e-11).domain(ProximalStep.Domain.LOG).kernelFactory(DenseGibbsKernel.recyclingFactory(2))
                .build().step(p[0], p[1], p[2], p[3]);
        ProximalResult fast = ProximalStep.builder().metric(metric).temperature(25).timeStep(h).epsilon(eps)
                .tolerance(1e-11).build().step(p[0], p[1], p[2], p[3]);
        assertTrue(fast.converged());
        double worstFast = 0;
        for (int i = 0; i < fast.size(); i++) {
            assertTrue(Double.isFinite(fast.value(i)) && fast.value(i) > 0);
            worstFast = Math.max(worstFast, Math.abs(fast.logValues()[i] - log.logValues()[i]));
        }
        System.out.printf("n=10 eps=%g: default (automatic) kernel vs exact log domain: max |log difference| %.1e%n",
                eps, worstFast);
        assertTrue(worstFast < 3 * ProximalStep.DEFAULT_KERNEL_TOLERANCE, "default kernel error " + worstFast);
        assertTrue(auto.converged() && log.converged());
        double worst = 0;
        double sumIn = 0;
        double sumOut = 0;
        for (int i = 0; i < auto.size(); i++) {
            assertTrue(Double.isFinite(auto.value(i)) && auto.value(i) > 0);
            worst = Math.max(worst, Math.abs(auto.logValues()[i] - log.logValues()[i]));
            sumIn += p[1][i];
            sumOut += auto.value(i);
        }
        System.out.printf("n=10 eps=%g: plain domain non-finite; log-domain step %d iterations, path %s, "
                + "max |log difference| auto vs log %.1e%n", eps, auto.iterations(), auto.path(), worst);
        assertTrue(worst < 1e-9);
        assertEquals(sumIn, sumOut, 1e-9 * sumIn, "the step conserves the sum of the values");
    }

    /**
     * Along a sequence of steps (points and ψ = f(x_{k−1}) moving on), starting from the previous
     * step's z with this step's ξ converges to the same fixed point (within the tolerance) as
     * starting from z = 1, in no more iterations.
     */
    @Test
    void warmStartChangesTheResultOnlyWithinTheTolerance() {
        int n = 2;
        double tol = 1e-9;
        HopfieldMetric metric = HopfieldMetric.paperExample(n, 0.25);
        ProximalStep warm = ProximalStep.builder().metric(metric).temperature(25).timeStep(1e-4).epsilon(0.05)
                .tolerance(tol).build();
        ProximalStep cold = ProximalStep.builder().metric(metric).temperature(25).timeStep(1e-4).epsilon(0.05)
                .tolerance(tol).warmStart(false).build();
        double[][] p = problem(300, n, 8, 0.01);
        int warmIterations = 0;
        int coldIterations = 0;
        for (int s = 0; s < 4; s++) {
            ProximalResult w = warm.step(p[0], p[1], p[2], p[3]).requireConverged();
            ProximalResult c = cold.step(p[0], p[1], p[2], p[3]).requireConverged();
            double worst = 0;
            for (int i = 0; i < w.size(); i++) {
                worst = Math.max(worst, Math.abs(w.logValues()[i] - c.logValues()[i]));
            }
            assertTrue(worst < 20 * tol, "step " + s + ": warm vs cold max |log difference| " + worst);
            if (s > 0) {
                warmIterations += w.iterations();
                coldIterations += c.iterations();
            }
            // next step: the values move on, the new points move a little further
            double[] nextY = p[3].clone();
            Random r = new Random(s);
            for (int k = 0; k < nextY.length; k++) {
                nextY[k] = Math.min(0.999, Math.max(0.001, nextY[k] + 0.01 * r.nextGaussian()));
            }
            double[] nextPsi = new double[w.size()];
            for (int i = 0; i < nextPsi.length; i++) {
                nextPsi[i] = objective(p[3], i, n);
            }
            p = new double[][] {p[3], w.values(), nextPsi, nextY};
        }
        System.out.printf("warm start: %d iterations over 3 steps, cold start %d%n", warmIterations, coldIterations);
        assertTrue(warmIterations <= coldIterations, warmIterations + " > " + coldIterations);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int n = 2;
        double[][] p = problem(700, n, 2, 0.02);
        HopfieldMetric metric = HopfieldMetric.paperExample(n, 0.25);
        double[] one = null;
        for (int threads : new int[] {1, 2, 4}) {
            ProximalResult r = ProximalStep.builder().metric(metric).temperature(25).timeStep(1e-4).epsilon(0.02)
                    .kernelFactory(DenseGibbsKernel.factory(threads)).build().step(p[0], p[1], p[2], p[3]);
            if (one == null) {
                one = r.values();
            } else {
                assertArrayEquals(one, r.values(), 0.0);
            }
        }
    }

    @Test
    void nonConvergenceIsFlaggedAndCanBeEnforced() {
        double[][] p = problem(50, 2, 3, 0.02);
        ProximalResult r = ProximalStep.builder().metric(HopfieldMetric.paperExample(2, 0.25)).temperature(25)
                .timeStep(1e-4).epsilon(0.001).maxIterations(2).build().step(p[0], p[1], p[2], p[3]);
        assertFalse(r.converged());
        assertEquals(2, r.iterations());
        assertTrue(Double.isFinite(r.error()) && r.error() > r.tolerance());
        for (double v : r.values()) {
            assertTrue(Double.isFinite(v) && v > 0);
        }
        ConvergenceException e = assertThrows(ConvergenceException.class, r::requireConverged);
        assertEquals(2, e.iterations());
        assertEquals(r.error(), e.lastError());
    }

    @Test
    void badInputIsRejectedWithTheParameterNamed() {
        HopfieldMetric metric = HopfieldMetric.paperExample(2, 0.25);
        assertMessage(() -> ProximalStep.builder().epsilon(0), "eps");
        assertMessage(() -> ProximalStep.builder().epsilon(-0.1), "eps");
        assertMessage(() -> ProximalStep.builder().timeStep(0), "h");
        assertMessage(() -> ProximalStep.builder().timeStep(-1e-4), "h");
        assertMessage(() -> ProximalStep.builder().temperature(Double.POSITIVE_INFINITY), "temperature");
        assertMessage(() -> ProximalStep.builder().metric(metric).timeStep(1e-4).epsilon(0.1).build(), "temperature");
        ProximalStep step = ProximalStep.builder().metric(metric).temperature(25).timeStep(1e-4).epsilon(0.1).build();
        double[] x = {0.1, 0.2, 0.3, 0.4};
        assertMessage(() -> step.step(x, new double[] {1, 0}, new double[] {0, 0}, x), "previousValues[1]");
        assertMessage(() -> step.step(x, new double[] {1, Double.NaN}, new double[] {0, 0}, x), "previousValues[1]");
        assertMessage(() -> step.step(x, new double[] {1, Double.POSITIVE_INFINITY}, new double[] {0, 0}, x),
                "previousValues[1]");
        assertMessage(() -> step.step(x, new double[] {1, 1, 1}, new double[] {0, 0, 0}, x), "previousPositions");
        assertMessage(() -> step.step(x, new double[] {1, 1}, new double[] {0}, x), "psi");
        assertMessage(() -> step.step(x, new double[] {1, 1}, new double[] {0, Double.NaN}, x), "psi[1]");
        assertMessage(() -> step.step(x, new double[] {1, 1}, new double[] {0, 0}, new double[] {0.1, 0.2}),
                "newPositions");
        assertMessage(() -> step.step(x, new double[] {1, 1}, new double[] {0, 0}, new double[] {0.1, 0.2, 1.3, 0.4}),
                "outside the domain");
        assertMessage(() -> step.step(new double[] {-0.1, 0.2, 0.3, 0.4}, new double[] {1, 1}, new double[] {0, 0}, x),
                "previousPositions");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String fragment) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' lacks '" + fragment + "'");
    }
}
