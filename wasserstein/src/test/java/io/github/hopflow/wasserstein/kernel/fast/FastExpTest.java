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
    void negativeExpIsAccurateOverItsRangeAndCloseBeyond() {
        double worst = worstRelativeError(false, FastExp.NEGATIVE_EXP_RANGE);
        System.out.printf("negativeExp on [0, %.0f]: max relative error %.2e%n", FastExp.NEGATIVE_EXP_RANGE, worst);
        assertTrue(worst < 4e-9, "worst relative error " + worst);
        int count = 100_001;
        double[] y = new double[count];
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            y[i] = FastExp.NEGATIVE_EXP_RANGE + (FastExp.NEGATIVE_EXP_LIMIT - FastExp.NEGATIVE_EXP_RANGE) * i / (count - 1);
        }
        FastExp.negativeExp(y, count, out);
        for (int i = 0; i < count; i++) {
            assertTrue(out[i] > 0 && Math.abs(out[i] - Math.exp(-y[i])) < Math.exp(-80), "e^-" + y[i] + ": " + out[i]);
        }
    }

    @Test
    void accurateNegativeExpIsAccurateOverItsRange() {
        double worst = worstRelativeError(true, FastExp.NEGATIVE_EXP_ACCURATE_LIMIT);
        System.out.printf("negativeExpAccurate on [0, %.0f]: max relative error %.2e%n",
                FastExp.NEGATIVE_EXP_ACCURATE_LIMIT, worst);
        assertTrue(worst < 1e-12, "worst relative error " + worst);
    }

    /** The largest relative error against Math.exp on a grid of 10^6 + 1 points of [0, range], and e^0 = 1. */
    private static double worstRelativeError(boolean accurate, double range) {
        int count = 1_000_001;
        double[] y = new double[count];
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            y[i] = range * i / (count - 1);
        }
        if (accurate) {
            FastExp.negativeExpAccurate(y, count, out);
        } else {
            FastExp.negativeExp(y, count, out);
        }
        assertEquals(1.0, out[0]);
        double worst = 0;
        for (int i = 0; i < count; i++) {
            double e = Math.exp(-y[i]);
            worst = Math.max(worst, Math.abs(out[i] - e) / e);
        }
        return worst;
    }
}
