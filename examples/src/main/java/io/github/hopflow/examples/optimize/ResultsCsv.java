package io.github.hopflow.examples.optimize;

import io.github.hopflow.examples.output.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.csv}: one row per objective × dimension × method × run, header {@value #HEADER};
 * {@code best_x}, the run's result (the point of its smallest value), holds the coordinates separated
 * by spaces.
 * {@code evaluations_to_target} is empty when the target was never reached; the value and gradient
 * counts of {@link RunResult} are not part of the file.
 */
public final class ResultsCsv {

    /** The header line. */
    public static final String HEADER =
            "objective,dim,method,run,best_value,error,evaluations,evaluations_to_target,wall_seconds,best_x";

    private ResultsCsv() {
    }

    /** Writes {@code results} to {@code file}. */
    public static void write(Path file, List<RunResult> results) {
        AtomicFiles.writeText(file, w -> {
            w.write(HEADER);
            w.newLine();
            for (RunResult r : results) {
                w.write(r.objective() + "," + r.dimension() + "," + r.method() + "," + r.run() + ","
                        + r.bestValue() + "," + r.error() + "," + r.evaluations() + ","
                        + (r.solved() ? Long.toString(r.evaluationsToTarget()) : "") + ","
                        + String.format(java.util.Locale.ROOT, "%.4f", r.wallSeconds()) + "," + point(r.bestPoint()));
                w.newLine();
            }
        });
    }

    /** The coordinates separated by spaces (one CSV field). */
    static String point(double[] x) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            b.append(i == 0 ? "" : " ").append(x[i]);
        }
        return b.toString();
    }

    private static double[] parsePoint(String text) {
        if (text.isBlank()) {
            return new double[0];
        }
        String[] f = text.trim().split("\\s+");
        double[] x = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            x[i] = Double.parseDouble(f[i]);
        }
        return x;
    }

    /**
     * Reads a file written by {@link #write}. The value and gradient counts, which the file does
     * not hold, are read as −1, the estimate error as NaN.
     *
     * @throws IllegalArgumentException for a malformed file, naming the line
     */
    public static List<RunResult> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(file + ": the first line must be the header " + HEADER);
        }
        List<RunResult> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", -1);
            if (c.length != 10) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 10 fields, got " + c.length);
            }
            try {
                out.add(new RunResult(c[0], Integer.parseInt(c[1]), c[2], Integer.parseInt(c[3]),
                        Double.parseDouble(c[4]), Double.parseDouble(c[5]), Long.parseLong(c[6]),
                        c[7].isEmpty() ? -1 : Long.parseLong(c[7]), -1, -1, Double.parseDouble(c[8]), Double.NaN,
                        parsePoint(c[9])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
