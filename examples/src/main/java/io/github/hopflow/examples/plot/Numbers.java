package io.github.hopflow.examples.plot;

import java.math.BigDecimal;
import java.util.Locale;

/** Short, locale-independent number labels for axes, colour bars and panel titles. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A compact label: up to four significant digits, trailing zeros removed, scientific notation
     * for very large or very small magnitudes ({@code 0.0012}, {@code 25}, {@code 3.2e-5}, {@code 1e-4}).
     */
    public static String compact(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
            return s;
        }
        String s = String.format(Locale.ROOT, "%.3e", v);
        int e = s.indexOf('e');
        String mant = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + exponent;
    }
}
