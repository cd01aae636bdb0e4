package io.github.hopflow.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for numeric options with a documented range: a value outside it is refused while the
 * command line is parsed, in one line that names the option ("Invalid value for option '--beta':
 * ..."), before any work.
 */
final class Converters {

    /** The documented range of an activation gain β. */
    static final double MIN_GAIN = 1e-100;
    static final double MAX_GAIN = 1e100;

    private Converters() {
    }

    static double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
    }

    /** A finite number &gt; 0. */
    static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v = number(text);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new TypeConversionException("must be a finite number > 0, got " + text);
            }
            return v;
        }
    }

    /** An activation gain β in [{@value #MIN_GAIN}, {@value #MAX_GAIN}]. */
    static final class Gain implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v = number(text);
            if (!(v >= MIN_GAIN && v <= MAX_GAIN)) {
                throw new TypeConversionException("the gain must be a number in [" + MIN_GAIN + ", " + MAX_GAIN
                        + "], got " + text);
            }
            return v;
        }
    }
}
