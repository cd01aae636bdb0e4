package io.github.hopflow.wasserstein.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FastExpTest {

    @Test
    void matchesMathExpToTwoUlpsOverTheNormalRange() {
        Random rnd = new Random(7);
        double worst = 0;
        for (int t = 0; t < 2_000_000; t++) {
            double x = -708 + 1417.7 * rnd.nextDouble();
            double e = Math.exp(x);
            worst = Math.max(worst, Math.abs(FastExp.exp(x) - e) / e);
        }
        for (int t = 0; t < 200_000; t++) {
            double x = -1 + 2 * rnd.nextDouble();
            double e = Math.exp(x);
            worst = Math.max(worst, Math.abs(FastExp.exp(x) - e) / e);
        }
        assertTrue(worst < 5e-16, "worst relative error " + worst);
    }

    @Test
    void specialValuesAgreeWithMathExp() {
        assertEquals(1.0, FastExp.exp(0.0));
        assertEquals(0.0, FastExp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, FastExp.exp(-800));
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(710));
        assertTrue(Double.isNaN(FastExp.exp(Double.NaN)));
        assertEquals(Math.exp(-740), FastExp.exp(-740));
        assertEquals(Math.exp(709.5), FastExp.exp(709.5));
    }

    @Test
    void negativeExpIsAccurateOverItsRangeAndTinyBeyond() {
        int count = 1_000_001;
        double[] y = new double[count];
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            y[i] = FastExp.NEGATIVE_EXP_RANGE * i / (count - 1);
        }
        FastExp.negativeExp(y, count, out);
        double worst = 0;
        for (int i = 0; i < count; i++) {
            double e = Math.exp(-y[i]);
            worst = Math.max(worst, Math.abs(out[i] - e) / e);
        }
        System.out.printf("negativeExp on [0, %.0f]: max relative error %.2e%n", FastExp.NEGATIVE_EXP_RANGE, worst);
        assertTrue(worst < 3e-12, "worst relative error " + worst);
        assertEquals(1.0, out[0]);
        double[] far = {90.5, 120, 200, 745, 1e6, Double.POSITIVE_INFINITY};
        double[] r = new double[far.length];
        FastExp.negativeExp(far, far.length, r);
        for (double v : r) {
            assertTrue(v >= 0 && v < Math.exp(-80), "value " + v);
        }
    }
}

