package io.github.hopflow.wasserstein.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.wasserstein.kernel.ScaledGibbsKernel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TruncatedGibbsKernelTest {

    /**
     * With scalings α, β and scaled vectors within e^±θ, every output of the truncated products is
     * the exact log-domain product to double rounding, while only a fraction of the entries is kept.
     */
    @ParameterizedTest
    @CsvSource({"2, 700, 600, 0.01", "2, 400, 500, 0.1", "10, 300, 300, 0.05", "1, 500, 500, 0.001"})
    void productsMatchTheExactLogDomainProducts(int dim, int rows, int cols, double tau) {
        Random rnd = new Random(11 + dim + rows);
        double[] u = KernelFixtures.iso(KernelFixtures.uniform(rows, dim, rnd), dim);
        double[] v = KernelFixtures.iso(KernelFixtures.uniform(cols, dim, rnd), dim);
        TruncatedGibbsKernel k = TruncatedGibbsKernel.of(dim, u, v, tau, TruncatedGibbsKernel.DEFAULT_SCALING_LIMIT, 2);
        LogDomainGibbsKernel ref = LogDomainGibbsKernel.of(dim, u, v, tau, 1);
        // scalings: one log-domain Sinkhorn half-step each, so the scaled kernel is plan-like
        double[] alpha = new double[rows];
        double[] beta = new double[cols];
        double[] t = new double[cols];
        ref.logMultiplyTranspose(alpha, t);
        for (int i = 0; i < cols; i++) {
            beta[i] = -Math.log(cols) - t[i];
        }
        double[] s = new double[rows];
        ref.logMultiply(beta, s);
        for (int j = 0; j < rows; j++) {
            alpha[j] = -Math.log(rows) - s[j];
        }
        ScaledGibbsKernel view = k.scaled(alpha, beta).orElseThrow();
        assertEquals(TruncatedGibbsKernel.DEFAULT_SCALING_LIMIT, view.scalingLimit());
        double theta = view.scalingLimit();
        double[] b = new double[cols];
        double[] logB = new double[cols];
        for (int i = 0; i < cols; i++) {
            logB[i] = theta * (2 * rnd.nextDouble() - 1);
            b[i] = Math.exp(logB[i]);
            logB[i] += beta[i];
        }
        double[] a = new double[rows];
        double[] logA = new double[rows];
        for (int j = 0; j < rows; j++) {
            logA[j] = theta * (2 * rnd.nextDouble() - 1);
            a[j] = Math.exp(logA[j]);
            logA[j] += alpha[j];
        }
        double[] out = new double[rows];
        double[] exact = new double[rows];
        view.multiply(b, out);
        ref.logMultiply(logB, exact);
        double worst = 0;
        for (int j = 0; j < rows; j++) {
            worst = Math.max(worst, Math.abs(Math.log(out[j]) - alpha[j] - exact[j]));
        }
        double[] outT = new double[cols];
        double[] exactT = new double[cols];
        view.multiplyTranspose(a, outT);
        ref.logMultiplyTranspose(logA, exactT);
        for (int i = 0; i < cols; i++) {
            worst = Math.max(worst, Math.abs(Math.log(outT[i]) - beta[i] - exactT[i]));
        }
        double kept = k.storedEntries() / (2.0 * rows * cols);
        System.out.printf("truncated kernel n=%d %dx%d tau=%g: max |log error| %.2e, kept %.1f%% of entries%n",
                dim, rows, cols, tau, worst, 100 * kept);
        assertTrue(worst < 1e-13, "max |log error| " + worst);
        if (tau <= 0.01) {
            assertTrue(kept < 0.5, "kept fraction " + kept);
        }
        // results do not depend on the thread count
        TruncatedGibbsKernel one = TruncatedGibbsKernel.of(dim, u, v, tau, TruncatedGibbsKernel.DEFAULT_SCALING_LIMIT,
                1);
        ScaledGibbsKernel view1 = one.scaled(alpha, beta).orElseThrow();
        double[] out1 = new double[rows];
        view1.multiply(b, out1);
        assertArrayEquals(out, out1, 0.0);
        double[] outT1 = new double[cols];
        view1.multiplyTranspose(a, outT1);
        assertArrayEquals(outT, outT1, 0.0);
        // a later scaling invalidates the view
        k.scaled(alpha, beta);
        assertThrows(IllegalStateException.class, () -> view.multiply(b, new double[rows]));
    }

    @Test
    void rejectsBadInput() {
        double[] u = {0.1, 0.2};
        assertThrows(IllegalArgumentException.class, () -> TruncatedGibbsKernel.of(1, u, u, 0.1, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> TruncatedGibbsKernel.of(1, u, u, 0.1, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> TruncatedGibbsKernel.of(1, u, u, 0, 10, 1));
        TruncatedGibbsKernel k = TruncatedGibbsKernel.of(1, u, u, 0.1, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> k.scaled(new double[] {0, Double.NaN}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> k.scaled(new double[2], new double[3]));
    }
}
