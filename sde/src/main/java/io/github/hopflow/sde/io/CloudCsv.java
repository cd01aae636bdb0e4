package io.github.hopflow.sde.io;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads and writes point clouds as CSV: a header {@code x1,...,xn} optionally followed by one
 * value column ({@code rho} or {@code weight}), then one row per point.
 *
 * <p>Files are written to a temporary sibling and moved into place, so an interrupted run never
 * leaves a half-written snapshot. Numbers are written with {@link Double#toString}, which round
 * trips exactly.
 */
public final class CloudCsv {

    private CloudCsv() {
    }

    /** What the optional last column of a cloud file is called. */
    public enum ValueColumn {
        /** No value column: header {@code x1,...,xn}. */
        NONE(null),
        /** Density values: header {@code x1,...,xn,rho}. */
        RHO("rho"),
        /** Transport weights: header {@code x1,...,xn,weight}. */
        WEIGHT("weight");

        private final String header;

        ValueColumn(String header) {
            this.header = header;
        }

        /** The column name, or null for {@link #NONE}. */
        public String header() {
            return header;
        }
    }

    /**
     * Writes {@code cloud} to {@code file} atomically.
     *
     * @param column which value column to write (none, {@code rho} or {@code weight})
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, WeightedPointCloud cloud, ValueColumn column) {
        int n = cloud.dimension();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(64);
            for (int k = 1; k <= n; k++) {
                if (k > 1) {
                    sb.append(',');
                }
                sb.append('x').append(k);
            }
            if (column != ValueColumn.NONE) {
                sb.append(',').append(column.header());
            }
            w.write(sb.toString());
            w.newLine();
            for (int i = 0; i < cloud.size(); i++) {
                sb.setLength(0);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        sb.append(',');
                    }
                    sb.append(cloud.coordinate(i, k));
                }
                if (column != ValueColumn.NONE) {
                    sb.append(',').append(cloud.value(i));
                }
                w.write(sb.toString());
                w.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmp + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The value column a cloud file's header names: {@link ValueColumn#RHO} (density values, as a
     * snapshot holds), {@link ValueColumn#WEIGHT} (transport weights), or {@link ValueColumn#NONE}.
     *
     * @throws IllegalArgumentException if the file cannot be read or is empty
     */
    public static ValueColumn valueColumn(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException("cloud file " + file + " is empty");
            }
            String[] names = header.replace("\uFEFF", "").trim().split("\\s*,\\s*");
            String last = names[names.length - 1];
            if (names.length > 1 && last.equalsIgnoreCase("rho")) {
                return ValueColumn.RHO;
            }
            return names.length > 1 && last.equalsIgnoreCase("weight") ? ValueColumn.WEIGHT : ValueColumn.NONE;
        } catch (IOException e) {
            throw new IllegalArgumentException("cloud file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a cloud. The header must be {@code x1,...,xn} optionally followed by {@code rho} or
     * {@code weight}; without a value column every value is 1.
     *
     * @throws IllegalArgumentException naming the file, line and column for a malformed file
     *     (missing, bad header, wrong number of fields, non-numeric, non-finite, or non-positive value)
     */
    public static WeightedPointCloud read(Path file) {
        return read(file, null, false);
    }

    /**
     * Reads a cloud of points of a metric's domain: as {@link #read(Path)}, and each point must
     * have the metric's dimension and lie in its closed domain; with {@code distinct}, no two rows
     * may hold the same point (a density is one value per point).
     *
     * @param domain the metric whose domain the points must lie in, or null for any point
     * @throws IllegalArgumentException naming the file and line of the first offending row
     */
    public static WeightedPointCloud read(Path file, DiagonalMetric domain, boolean distinct) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cloud file " + file + " does not exist or is not a file");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException("cloud file " + file + " is empty");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            String[] names = header.trim().split("\\s*,\\s*");
            boolean hasValue = names.length > 1
                    && (names[names.length - 1].equalsIgnoreCase("rho")
                            || names[names.length - 1].equalsIgnoreCase("weight"));
            int n = hasValue ? names.length - 1 : names.length;
            for (int k = 0; k < n; k++) {
                if (!names[k].toLowerCase(Locale.ROOT).equals("x" + (k + 1))) {
                    throw new IllegalArgumentException("cloud file " + file + ": header column " + (k + 1)
                            + " must be 'x" + (k + 1) + "', got '" + names[k]
                            + "' (expected header x1,...,xn[,rho|weight])");
                }
            }
            if (domain != null && n != domain.dimension()) {
                throw new IllegalArgumentException("cloud file " + file + " has dimension " + n + " (header "
                        + header.trim() + "), expected " + domain.dimension());
            }
            java.util.Map<java.util.List<Double>, Integer> seen = distinct ? new java.util.HashMap<>() : null;
            double[] pos = new double[1024 * n];
            double[] val = new double[1024];
            int count = 0;
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != names.length) {
                    throw new IllegalArgumentException("cloud file " + file + " line " + lineNo + ": expected "
                            + names.length + " fields, got " + f.length);
                }
                if (count == val.length) {
                    val = Arrays.copyOf(val, 2 * val.length);
                    pos = Arrays.copyOf(pos, 2 * pos.length);
                }
                for (int k = 0; k < n; k++) {
                    double x = parse(file, lineNo, names[k], f[k]);
                    if (domain != null && !(x >= domain.lowerBound(k) && x <= domain.upperBound(k))) {
                        throw new IllegalArgumentException("cloud file " + file + " line " + lineNo + ": " + names[k]
                                + " = " + f[k].trim() + " is outside the domain [" + domain.lowerBound(k) + ", "
                                + domain.upperBound(k) + "]");
                    }
                    pos[count * n + k] = x;
                }
                if (seen != null) {
                    java.util.List<Double> key = new java.util.ArrayList<>(n);
                    for (int k = 0; k < n; k++) {
                        key.add(pos[count * n + k]);
                    }
                    Integer earlier = seen.putIfAbsent(key, lineNo);
                    if (earlier != null) {
                        throw new IllegalArgumentException("cloud file " + file + " line " + lineNo
                                + ": the same point as line " + earlier + " (each point may appear once)");
                    }
                }
                double v = hasValue ? parse(file, lineNo, names[n], f[n]) : 1.0;
                if (!(v > 0)) {
                    throw new IllegalArgumentException("cloud file " + file + " line " + lineNo + ": "
                            + names[n] + " must be > 0, got " + f[n].trim());
                }
                val[count++] = v;
            }
            if (count == 0) {
                throw new IllegalArgumentException("cloud file " + file + " has a header but no points");
            }
            return WeightedPointCloud.of(n, Arrays.copyOf(pos, count * n), Arrays.copyOf(val, count));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double parse(Path file, int lineNo, String column, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cloud file " + file + " line " + lineNo + ": " + column
                    + " is not a number: '" + text.trim() + "'");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cloud file " + file + " line " + lineNo + ": " + column
                    + " must be finite, got " + text.trim());
        }
        return v;
    }
}
