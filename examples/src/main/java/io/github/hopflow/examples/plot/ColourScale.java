package io.github.hopflow.examples.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps values in [min, max] to colours of a {@link ColourMap}, on a linear or a logarithmic
 * scale; values outside the range take the end colours. Also supplies the tick values and labels
 * of a colour bar.
 */
public final class ColourScale {

    private final ColourMap map;
    private final double min;
    private final double max;
    private final boolean logarithmic;

    private ColourScale(ColourMap map, double min, double max, boolean logarithmic) {
        this.map = map;
        this.min = min;
        this.max = max;
        this.logarithmic = logarithmic;
    }

    /**
     * A linear scale. When min = max the range is widened symmetrically so that every value
     * maps to the middle colour.
     *
     * @throws IllegalArgumentException if a bound is not finite or min &gt; max
     */
    public static ColourScale linear(ColourMap map, double min, double max) {
        requireRange(min, max);
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.5;
            return new ColourScale(map, min - pad, max + pad, false);
        }
        return new ColourScale(map, min, max, false);
    }

    /**
     * A logarithmic scale (base 10). When min = max the range is widened to one decade.
     *
     * @throws IllegalArgumentException if min ≤ 0, a bound is not finite, or min &gt; max
     */
    public static ColourScale logarithmic(ColourMap map, double min, double max) {
        requireRange(min, max);
        if (!(min > 0)) {
            throw new IllegalArgumentException("a logarithmic colour scale needs min > 0, got " + min);
        }
        if (min == max) {
            return new ColourScale(map, min / Math.sqrt(10), max * Math.sqrt(10), true);
        }
        return new ColourScale(map, min, max, true);
    }

    private static void requireRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException(
                    "colour scale range must be finite with min <= max, got [" + min + ", " + max + "]");
        }
    }

    /** The lower end of the range. */
    public double min() {
        return min;
    }

    /** The upper end of the range. */
    public double max() {
        return max;
    }

    /** Whether the scale is logarithmic. */
    public boolean isLogarithmic() {
        return logarithmic;
    }

    /** The colour map. */
    public ColourMap map() {
        return map;
    }

    /** The position of {@code value} on the scale: 0 at min, 1 at max, clamped. */
    public double fraction(double value) {
        double t;
        if (logarithmic) {
            t = value > 0 ? (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min)) : 0;
        } else {
            t = (value - min) / (max - min);
        }
        return Double.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
    }

    /** The value at position {@code t} ∈ [0, 1] of the scale. */
    public double valueAt(double t) {
        if (logarithmic) {
            return Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min)));
        }
        return min + t * (max - min);
    }

    /** The colour of {@code value}. */
    public Color colour(double value) {
        return map.colour(fraction(value));
    }

    /** The colour of {@code value} as packed RGB. */
    public int argb(double value) {
        return map.argb(fraction(value));
    }

    /** The index in 0 … buckets − 1 of the equal-width bucket (on this scale) holding {@code value}. */
    public int bucket(double value, int buckets) {
        return Math.min(buckets - 1, (int) (fraction(value) * buckets));
    }

    /**
     * Tick values inside the range for a colour bar: powers of ten (with 2 and 5 multiples when
     * the range spans few decades) on a logarithmic scale, 1-2-5 steps on a linear one.
     */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (logarithmic) {
            double lo = Math.log10(min);
            double hi = Math.log10(max);
            int first = (int) Math.ceil(lo - 1e-9);
            int last = (int) Math.floor(hi + 1e-9);
            int decades = last - first + 1;
            int stride = Math.max(1, (int) Math.ceil(decades / 8.0));
            if (decades >= 3) {
                for (int e = first; e <= last; e += stride) {
                    ticks.add(Math.pow(10, e));
                }
                return ticks;
            }
            double[] mult = {1, 2, 5};
            for (int e = (int) Math.floor(lo); e <= last; e++) {
                for (double m : mult) {
                    double v = m * Math.pow(10, e);
                    if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                        ticks.add(v);
                    }
                }
            }
            if (ticks.size() >= 3) {
                return ticks;
            }
            ticks.clear();
            // a range of less than a decade: round values, evenly spaced on the linear scale
            double step = niceStep((max - min) / 4);
            for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
                if (v > 0) {
                    ticks.add(v);
                }
            }
            return ticks;
        }
        double step = niceStep((max - min) / 5);
        double start = Math.ceil(min / step - 1e-9) * step;
        for (double v = start; v <= max + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    /** A short label for a tick value. */
    public String label(double value) {
        if (logarithmic) {
            double e = Math.log10(value);
            long re = Math.round(e);
            if (Math.abs(e - re) < 1e-9 && Math.abs(re) > 3) {
                return "10" + superscript(re);
            }
        }
        return Numbers.compact(value);
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        double nice = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
        return nice * p;
    }

    private static String superscript(long e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder();
        for (char c : Long.toString(e).toCharArray()) {
            sb.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ColourScale[" + map.name() + ", " + min + ".." + max + (logarithmic ? ", log" : "") + "]";
    }
}
