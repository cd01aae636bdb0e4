package io.github.hopflow.examples.cli;

import picocli.CommandLine;

/** Parses a comma-separated list of finite numbers such as {@code 0.2,0.7}. */
public final class VectorConverter implements CommandLine.ITypeConverter<double[]> {

    @Override
    public double[] convert(String value) {
        return parse("vector", value);
    }

    /**
     * Parses {@code value}; the error names {@code parameter} and the offending text.
     *
     * @throws IllegalArgumentException for an empty list or a non-finite or malformed entry
     */
    public static double[] parse(String parameter, String value) {
        String[] parts = value.trim().split("\\s*,\\s*");
        if (value.isBlank() || parts.length == 0) {
            throw new IllegalArgumentException(parameter + " must be a comma-separated list of numbers, got '" + value + "'");
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        parameter + " entry " + (i + 1) + " is not a number: '" + parts[i] + "' in '" + value + "'");
            }
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException(
                        parameter + " entry " + (i + 1) + " must be finite, got '" + parts[i] + "'");
            }
        }
        return out;
    }
}
