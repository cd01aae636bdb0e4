package io.github.hopflow.geometry.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Readers of the files networks come in: weight matrices in Matrix Market exchange format
 * (NIST, "The Matrix Market Exchange Formats: Initial Design", 1996), graphs in the G-set text
 * format (a line {@code n m}, then m lines {@code i j w}, nodes 1-based), and vectors with one
 * value per line. Every error names the file and, for a malformed line, its number.
 */
public final class NetworkFiles {

    private NetworkFiles() {
    }

    /**
     * The symmetric part (W + Wᵀ)/2 of the square real matrix W in a Matrix Market file:
     * {@code coordinate} (real, integer or pattern, whose entries are 1) or {@code array} storage,
     * {@code general} or {@code symmetric} (only the lower triangle stored, as the format says).
     * Repeated coordinate entries are added. Blank lines and {@code %} comments are skipped.
     *
     * @throws IllegalArgumentException for a missing file, a bad header, a matrix that is not
     *     square, complex or skew-symmetric, an index out of range, a non-finite or non-numeric
     *     entry, or a wrong number of entries (naming the file and line)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static SymmetricSparseMatrix readMatrix(Path file) {
        Entries e = readMarket(file, true);
        return SymmetricSparseMatrix.symmetricPart(e.rows, e.row, e.column, e.value);
    }

    /**
     * The real matrix in a Matrix Market file, as it is (not symmetrised; a {@code symmetric} file's
     * upper triangle is filled in), rectangular allowed, dense. Repeated entries are added.
     *
     * @throws IllegalArgumentException as {@link #readMatrix}, except that the matrix may be
     *     rectangular (a symmetric one must be square), or if it has more than 2³¹ − 9 entries
     * @throws UncheckedIOException if the file cannot be read
     */
    public static DenseMatrix readMarketDense(Path file) {
        Entries e = readMarket(file, false);
        long size = (long) e.rows * e.columns;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix file " + file + ": a dense " + e.rows + " x " + e.columns
                    + " matrix has more entries than an array holds");
        }
        double[] v = new double[(int) size];
        for (int k = 0; k < e.row.length; k++) {
            v[e.row[k] * e.columns + e.column[k]] += e.value[k];
        }
        return new DenseMatrix(e.rows, e.columns, v);
    }

    /**
     * A dense matrix from a Matrix Market file (first line {@code %%MatrixMarket}, read by
     * {@link #readMarketDense}) or a CSV file ({@link #readDense}).
     */
    public static DenseMatrix readAnyDense(Path file) {
        String first;
        try (Lines in = Lines.open("matrix file", file)) {
            first = in.next(false);
        }
        return first != null && first.trim().toLowerCase(Locale.ROOT).startsWith("%%matrixmarket")
                ? readMarketDense(file) : readDense(file);
    }

    /** The entries of a Matrix Market file (0-based; a symmetric file's mirrored entries included). */
    private record Entries(int rows, int columns, int[] row, int[] column, double[] value) {
    }

    private static Entries readMarket(Path file, boolean square) {
        try (Lines in = Lines.open("matrix file", file)) {
            String header = in.next(false);
            if (header == null) {
                throw in.error("is empty");
            }
            String[] h = header.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (h.length != 5 || !h[0].equals("%%matrixmarket") || !h[1].equals("matrix")) {
                throw in.error("the first line must be '%%MatrixMarket matrix FORMAT FIELD SYMMETRY', got '"
                        + header.trim() + "'");
            }
            boolean coordinate = h[2].equals("coordinate");
            if (!coordinate && !h[2].equals("array")) {
                throw in.error("format must be coordinate or array, got " + h[2]);
            }
            boolean pattern = h[3].equals("pattern");
            if (!pattern && !h[3].equals("real") && !h[3].equals("integer") && !h[3].equals("double")) {
                throw in.error("field must be real, integer or pattern, got " + h[3]);
            }
            if (pattern && !coordinate) {
                throw in.error("a pattern matrix must be in coordinate format");
            }
            boolean symmetric = h[4].equals("symmetric");
            if (!symmetric && !h[4].equals("general")) {
                throw in.error("symmetry must be general or symmetric, got " + h[4]
                        + (h[4].equals("skew-symmetric") ? " (a skew-symmetric matrix has no energy: its symmetric part is 0)" : ""));
            }
            String sizeLine = in.next(true);
            if (sizeLine == null) {
                throw in.error("has no size line");
            }
            String[] s = sizeLine.trim().split("\\s+");
            if (s.length != (coordinate ? 3 : 2)) {
                throw in.error("the size line must be '" + (coordinate ? "ROWS COLUMNS ENTRIES" : "ROWS COLUMNS")
                        + "', got '" + sizeLine.trim() + "'");
            }
            long rows = in.count(s[0], "rows");
            long cols = in.count(s[1], "columns");
            if (rows != cols && (square || symmetric)) {
                throw in.error("the matrix must be square, got " + rows + " x " + cols);
            }
            if (rows < 1 || rows > Integer.MAX_VALUE - 8 || cols < 1 || cols > Integer.MAX_VALUE - 8) {
                throw in.error("the size must be between 1 and " + (Integer.MAX_VALUE - 8) + ", got " + rows + " x " + cols);
            }
            int n = (int) rows;
            int nc = (int) cols;
            long expected = coordinate ? in.count(s[2], "entries")
                    : symmetric ? rows * (rows + 1) / 2 : rows * cols;
            if (expected > Integer.MAX_VALUE / 2 - 8) {
                throw in.error("has " + expected + " entries, more than this reader holds");
            }
            int cap = (int) Math.min(expected, 1 << 20);
            int[] ri = new int[cap];
            int[] ci = new int[cap];
            double[] vi = new double[cap];
            int k = 0;
            long read = 0;
            String line;
            while ((line = in.next(true)) != null) {
                if (read == expected) {
                    throw in.error("has more than the " + expected + " entries its size line announces");
                }
                String[] f = line.trim().split("\\s+");
                int i;
                int j;
                double v;
                if (coordinate) {
                    if (f.length != (pattern ? 2 : 3)) {
                        throw in.error("expected '" + (pattern ? "ROW COLUMN" : "ROW COLUMN VALUE") + "', got '"
                                + line.trim() + "'");
                    }
                    i = in.index(f[0], "row", n);
                    j = in.index(f[1], "column", nc);
                    v = pattern ? 1.0 : in.value(f[2]);
                    if (symmetric && j > i) {
                        throw in.error("a symmetric matrix stores its lower triangle only, got entry (" + (i + 1)
                                + ", " + (j + 1) + ") above the diagonal");
                    }
                } else {
                    if (f.length != 1) {
                        throw in.error("expected one value per line in array format, got '" + line.trim() + "'");
                    }
                    v = in.value(f[0]);
                    if (symmetric) {
                        // column-major lower triangle: column j holds rows j..n-1
                        long r = read;
                        int col = 0;
                        while (r >= n - col) {
                            r -= n - col;
                            col++;
                        }
                        i = (int) (col + r);
                        j = col;
                    } else {
                        i = (int) (read % n);
                        j = (int) (read / n);
                    }
                }
                read++;
                if (v == 0) {
                    continue;
                }
                int need = symmetric && i != j ? 2 : 1;
                if (k + need > ri.length) {
                    int grow = (int) Math.min(Math.max(2L * ri.length, k + need), Integer.MAX_VALUE - 8);
                    ri = Arrays.copyOf(ri, grow);
                    ci = Arrays.copyOf(ci, grow);
                    vi = Arrays.copyOf(vi, grow);
                }
                ri[k] = i;
                ci[k] = j;
                vi[k++] = v;
                if (need == 2) {
                    ri[k] = j;
                    ci[k] = i;
                    vi[k++] = v;
                }
            }
            if (read < expected) {
                throw in.error("has " + read + " entries, its size line announces " + expected);
            }
            return new Entries(n, nc, Arrays.copyOf(ri, k), Arrays.copyOf(ci, k), Arrays.copyOf(vi, k));
        }
    }

    /**
     * A graph in G-set text format: the first line {@code n m}, then exactly m lines {@code i j w}
     * with 1-based nodes i, j ≤ n and a finite weight w (blank lines and lines starting with
     * {@code #} or {@code %} are skipped).
     *
     * @throws IllegalArgumentException for a missing file, a malformed line (with its number), a
     *     node out of range, a non-finite weight, or a wrong number of edges
     * @throws UncheckedIOException if the file cannot be read
     */
    public static WeightedGraph readGraph(Path file) {
        try (Lines in = Lines.open("graph file", file)) {
            String first = in.next(true);
            if (first == null) {
                throw in.error("is empty");
            }
            String[] s = first.trim().split("\\s+");
            if (s.length != 2) {
                throw in.error("the first line must be 'NODES EDGES', got '" + first.trim() + "'");
            }
            long nodes = in.count(s[0], "nodes");
            long edges = in.count(s[1], "edges");
            if (nodes < 1 || nodes > Integer.MAX_VALUE - 8) {
                throw in.error("the number of nodes must be between 1 and " + (Integer.MAX_VALUE - 8) + ", got " + nodes);
            }
            if (edges > Integer.MAX_VALUE / 2 - 8) {
                throw in.error("has " + edges + " edges, more than this reader holds");
            }
            int n = (int) nodes;
            int m = (int) edges;
            int cap = Math.min(m, 1 << 20);
            int[] from = new int[cap];
            int[] to = new int[cap];
            double[] w = new double[cap];
            int k = 0;
            String line;
            while ((line = in.next(true)) != null) {
                if (k == m) {
                    throw in.error("has more than the " + m + " edges its first line announces");
                }
                String[] f = line.trim().split("\\s+");
                if (f.length != 3) {
                    throw in.error("expected 'NODE NODE WEIGHT', got '" + line.trim() + "'");
                }
                if (k == from.length) {
                    int grow = (int) Math.min(2L * from.length + 1, m);
                    from = Arrays.copyOf(from, grow);
                    to = Arrays.copyOf(to, grow);
                    w = Arrays.copyOf(w, grow);
                }
                from[k] = in.index(f[0], "node", n);
                to[k] = in.index(f[1], "node", n);
                w[k++] = in.value(f[2]);
            }
            if (k < m) {
                throw in.error("has " + k + " edges, its first line announces " + m);
            }
            return WeightedGraph.of(n, from, to, w);
        }
    }

    /**
     * A vector, one finite value per line (blank lines skipped).
     *
     * @param size the number of values it must hold, or −1 for any number ≥ 1
     * @throws IllegalArgumentException for a missing or empty file, a non-numeric or non-finite
     *     value (with its line), or a wrong count
     * @throws UncheckedIOException if the file cannot be read
     */
    public static double[] readVector(Path file, int size) {
        try (Lines in = Lines.open("vector file", file)) {
            double[] v = new double[size > 0 ? size : 16];
            int k = 0;
            String line;
            while ((line = in.next(false)) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (size > 0 && k == size) {
                    throw in.error("has more than the " + size + " values expected");
                }
                String[] f = line.trim().split("[\\s,]+");
                if (f.length != 1) {
                    throw in.error("expected one value per line, got '" + line.trim() + "'");
                }
                if (k == v.length) {
                    v = Arrays.copyOf(v, 2 * v.length);
                }
                v[k++] = in.value(f[0]);
            }
            if (k == 0) {
                throw in.error("holds no values");
            }
            if (size > 0 && k < size) {
                throw in.error("has " + k + " values, expected " + size);
            }
            return Arrays.copyOf(v, k);
        }
    }

    /**
     * A dense matrix, one row per line, values separated by commas or white space, no header
     * (blank lines skipped).
     *
     * @return the rows (m), the columns (n) and the values, flat row-major
     * @throws IllegalArgumentException for a missing or empty file, rows of different lengths, or
     *     a non-numeric or non-finite value (naming the line)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static DenseMatrix readDense(Path file) {
        try (Lines in = Lines.open("matrix file", file)) {
            double[] v = new double[1024];
            int k = 0;
            int rows = 0;
            int columns = -1;
            String line;
            while ((line = in.next(false)) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s*,\\s*|\\s+");
                if (columns < 0) {
                    columns = f.length;
                } else if (f.length != columns) {
                    throw in.error("has " + f.length + " values, the first row " + columns);
                }
                if ((long) k + columns > Integer.MAX_VALUE - 8) {
                    throw in.error("the matrix holds more values than this reader holds");
                }
                if (k + columns > v.length) {
                    v = Arrays.copyOf(v, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * v.length, k + columns)));
                }
                for (String t : f) {
                    v[k++] = in.value(t);
                }
                rows++;
            }
            if (rows == 0) {
                throw in.error("holds no rows");
            }
            return new DenseMatrix(rows, columns, Arrays.copyOf(v, k));
        }
    }

    /**
     * A dense matrix read from a file.
     *
     * @param rows m
     * @param columns n
     * @param values m·n values, row-major
     */
    public record DenseMatrix(int rows, int columns, double[] values) {
    }

    /** Lines of a file with their numbers, and errors that name both. */
    private static final class Lines implements AutoCloseable {
        private final String kind;
        private final Path file;
        private final BufferedReader reader;
        private int number;

        private Lines(String kind, Path file, BufferedReader reader) {
            this.kind = kind;
            this.file = file;
            this.reader = reader;
        }

        static Lines open(String kind, Path file) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(kind + " " + file + " does not exist or is not a file");
            }
            try {
                return new Lines(kind, file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        /** The next line; with {@code skip}, blank and comment lines are passed over. Null at the end. */
        String next(boolean skip) {
            try {
                String line;
                do {
                    line = reader.readLine();
                    if (line == null) {
                        return null;
                    }
                    number++;
                    if (number == 1 && line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                } while (skip && (line.isBlank() || line.startsWith("%") || line.startsWith("#")));
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(kind + " " + file + (number > 0 ? " line " + number : "") + ": " + message);
        }

        long count(String text, String what) {
            try {
                long v = Long.parseLong(text);
                if (v < 0) {
                    throw error(what + " must be ≥ 0, got " + text);
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(what + " is not a whole number: '" + text + "'");
            }
        }

        int index(String text, String what, int n) {
            long v;
            try {
                v = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw error(what + " is not a whole number: '" + text + "'");
            }
            if (v < 1 || v > n) {
                throw error(what + " " + text + " is outside 1.." + n);
            }
            return (int) (v - 1);
        }

        double value(String text) {
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error("value is not a number: '" + text + "'");
            }
            if (!Double.isFinite(v)) {
                throw error("value must be finite, got " + text);
            }
            return v;
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
