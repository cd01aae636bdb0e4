package io.github.hopflow.sde.io;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weighted point clouds as NumPy {@code .npy} files (format version 1.0): one little-endian float64
 * array of shape N × (n + 1), row i holding point i's coordinates x1 … xn and then its value (a
 * density value ϱ, or a weight; 1 for an unweighted cloud). {@code numpy.load} reads them; a cloud of
 * 10⁶ points in 2-D takes 24 MB instead of the CSV's 38 MB, and reads and writes at disk speed.
 */
public final class CloudNpy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,?\\s*\\)");
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");

    private CloudNpy() {
    }

    /**
     * Writes {@code cloud} to {@code file} atomically (a temporary sibling, then a rename).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, WeightedPointCloud cloud) {
        int n = cloud.dimension();
        int columns = n + 1;
        long rows = cloud.size();
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        // magic (6) + version (2) + length (2) + header, padded with spaces and a newline to a multiple of 64
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ByteBuffer head = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
            head.put(header.getBytes(StandardCharsets.US_ASCII));
            out.write(head.array());
            ByteBuffer row = ByteBuffer.allocate(8 * columns * 1024).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < cloud.size(); i++) {
                for (int k = 0; k < n; k++) {
                    row.putDouble(cloud.coordinate(i, k));
                }
                row.putDouble(cloud.value(i));
                if (!row.hasRemaining()) {
                    out.write(row.array(), 0, row.position());
                    row.clear();
                }
            }
            out.write(row.array(), 0, row.position());
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
     * Reads a cloud written by {@link #write} or by {@code numpy.save} of a float64 array of shape
     * N × (n + 1) in C order, last column the values (each finite and &gt; 0).
     *
     * @param domain the metric whose domain the points must lie in (and whose dimension they must
     *     have), or null
     * @param distinct whether each point may appear only once
     * @throws IllegalArgumentException naming the file and the problem: not an .npy file, another
     *     dtype or order, a shape that is not 2-D with at least 2 columns, a truncated file, a
     *     non-finite coordinate, a value ≤ 0, a point outside the domain or a repeated point (with
     *     its row)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static WeightedPointCloud read(Path file, DiagonalMetric domain, boolean distinct) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cloud file " + file + " does not exist or is not a file");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(pre) < 10) {
                throw new IllegalArgumentException("cloud file " + file + " is not an .npy file (too short)");
            }
            pre.flip();
            for (byte b : MAGIC) {
                if (pre.get() != b) {
                    throw new IllegalArgumentException("cloud file " + file + " is not an .npy file (no \\x93NUMPY magic)");
                }
            }
            int major = pre.get();
            pre.get();
            int length;
            if (major == 1) {
                length = Short.toUnsignedInt(pre.getShort());
            } else if (major == 2 || major == 3) {
                ch.position(8);
                ByteBuffer l4 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(l4);
                l4.flip();
                length = l4.getInt();
            } else {
                throw new IllegalArgumentException("cloud file " + file + ": unknown .npy format version " + major);
            }
            ByteBuffer hb = ByteBuffer.allocate(length);
            ch.read(hb);
            String header = new String(hb.array(), StandardCharsets.ISO_8859_1);
            Matcher d = DESCR.matcher(header);
            if (!d.find() || !d.group(1).equals("<f8")) {
                throw new IllegalArgumentException("cloud file " + file + ": the array's dtype must be float64 ('<f8'), got "
                        + (d.find(0) ? "'" + d.group(1) + "'" : "none"));
            }
            Matcher o = ORDER.matcher(header);
            if (o.find() && o.group(1).equals("True")) {
                throw new IllegalArgumentException("cloud file " + file + ": the array must be in C order, got fortran_order True");
            }
            Matcher s = SHAPE.matcher(header);
            if (!s.find()) {
                throw new IllegalArgumentException("cloud file " + file + ": the array must be 2-D (N, n + 1), got header "
                        + header.trim());
            }
            long rows = Long.parseLong(s.group(1));
            long columns = Long.parseLong(s.group(2));
            if (columns < 2) {
                throw new IllegalArgumentException("cloud file " + file + ": the array needs n + 1 >= 2 columns, got " + columns);
            }
            if (rows < 1) {
                throw new IllegalArgumentException("cloud file " + file + " holds no points");
            }
            if (rows * columns > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("cloud file " + file + " holds " + rows + " x " + columns
                        + " values, more than an array holds");
            }
            int n = (int) columns - 1;
            int count = (int) rows;
            if (domain != null && n != domain.dimension()) {
                throw new IllegalArgumentException("cloud file " + file + " has dimension " + n + " (" + columns
                        + " columns), expected " + domain.dimension());
            }
            long expected = 8 * rows * columns;
            if (ch.size() - ch.position() < expected) {
                throw new IllegalArgumentException("cloud file " + file + " is truncated: " + (ch.size() - ch.position())
                        + " bytes of data for " + rows + " x " + columns + " float64 values");
            }
            double[] x = new double[count * n];
            double[] v = new double[count];
            ByteBuffer data = ByteBuffer.allocate(8 * (int) columns * 4096).order(ByteOrder.LITTLE_ENDIAN);
            java.util.Set<java.util.List<Double>> seen = distinct ? new java.util.HashSet<>() : null;
            int i = 0;
            while (i < count) {
                data.clear();
                int want = (int) Math.min(data.capacity(), 8L * columns * (count - i));
                data.limit(want);
                while (data.hasRemaining()) {
                    if (ch.read(data) < 0) {
                        throw new IllegalArgumentException("cloud file " + file + " is truncated at row " + i);
                    }
                }
                data.flip();
                while (data.remaining() >= 8 * columns) {
                    for (int k = 0; k < n; k++) {
                        double c = data.getDouble();
                        if (!Double.isFinite(c)) {
                            throw new IllegalArgumentException("cloud file " + file + " row " + i + ": x" + (k + 1)
                                    + " must be finite, got " + c);
                        }
                        if (domain != null && !(c >= domain.lowerBound(k) && c <= domain.upperBound(k))) {
                            throw new IllegalArgumentException("cloud file " + file + " row " + i + ": x" + (k + 1)
                                    + " = " + c + " is outside the domain [" + domain.lowerBound(k) + ", "
                                    + domain.upperBound(k) + "]");
                        }
                        x[i * n + k] = c;
                    }
                    double value = data.getDouble();
                    if (!(value > 0) || Double.isInfinite(value)) {
                        throw new IllegalArgumentException("cloud file " + file + " row " + i
                                + ": the value (last column) must be finite and > 0, got " + value);
                    }
                    v[i] = value;
                    if (seen != null) {
                        java.util.List<Double> key = new java.util.ArrayList<>(n);
                        for (int k = 0; k < n; k++) {
                            key.add(x[i * n + k]);
                        }
                        if (!seen.add(key)) {
                            throw new IllegalArgumentException("cloud file " + file + " row " + i
                                    + ": a point already given (each point may appear once)");
                        }
                    }
                    i++;
                }
            }
            return WeightedPointCloud.of(n, x, v);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
