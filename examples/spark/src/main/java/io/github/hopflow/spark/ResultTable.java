package io.github.hopflow.spark;

import io.github.hopflow.examples.output.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of a sweep, one row per cell in index order: {@code cell}, the grid values (columns
 * named as the options, without dashes), {@code seed} when the sweep chose each cell's, then every
 * summary scalar seen in any cell (in the order first seen), then {@code seconds} and
 * {@code status}. A summary key that would take one of those names is prefixed with
 * {@code summary.}. Each column has one {@link Type}: integers, numbers, booleans or text,
 * inferred from all its values (grid values from their text). Immutable.
 */
public final class ResultTable {

    /** The type of a column. */
    public enum Type {
        /** Whole numbers ({@code long}). */
        INTEGER,
        /** Numbers ({@code double}). */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** Anything else, as text. */
        TEXT
    }

    private final List<String> columns;
    private final List<Type> types;
    private final List<Object[]> rows;

    private ResultTable(List<String> columns, List<Type> types, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.types = List.copyOf(types);
        this.rows = rows;
    }

    /**
     * The table of {@code results} (one per cell of {@code plan}, any order).
     *
     * @throws IllegalArgumentException if a cell has no result or two
     */
    public static ResultTable of(SweepPlan plan, List<CellResult> results) {
        CellResult[] byIndex = new CellResult[plan.cellCount()];
        for (CellResult r : results) {
            if (byIndex[r.index()] != null) {
                throw new IllegalArgumentException("two results for cell " + r.index());
            }
            byIndex[r.index()] = r;
        }
        List<String> head = new ArrayList<>();
        head.add("cell");
        head.addAll(plan.grid().names());
        if (plan.seedPerCell()) {
            head.add("seed");
        }
        Set<String> taken = new LinkedHashSet<>(head);
        taken.add("seconds");
        taken.add("status");
        Map<String, String> renamed = new LinkedHashMap<>();
        for (CellResult r : byIndex) {
            if (r == null) {
                continue;
            }
            for (String key : r.summary().keySet()) {
                if (!renamed.containsKey(key)) {
                    String name = taken.contains(key) ? "summary." + key : key;
                    renamed.put(key, name);
                }
            }
        }
        List<String> columns = new ArrayList<>(head);
        columns.addAll(renamed.values());
        columns.add("seconds");
        columns.add("status");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] == null) {
                throw new IllegalArgumentException("no result for cell " + i);
            }
            SweepCell cell = plan.cell(i);
            Object[] row = new Object[columns.size()];
            int c = 0;
            row[c++] = (long) i;
            for (String value : cell.parameters().values()) {
                row[c++] = parse(value);
            }
            if (plan.seedPerCell()) {
                row[c++] = cell.seed();
            }
            for (String key : renamed.keySet()) {
                row[c++] = byIndex[i].summary().get(key);
            }
            row[c++] = byIndex[i].seconds();
            row[c] = byIndex[i].status();
            rows.add(row);
        }
        List<Type> types = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            types.add(typeOf(rows, c));
        }
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                row[c] = convert(row[c], types.get(c));
            }
        }
        return new ResultTable(columns, types, rows);
    }

    private static Object parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notLong) {
            try {
                double d = Double.parseDouble(text);
                return Double.isFinite(d) ? d : text;
            } catch (NumberFormatException notNumber) {
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(text);
                }
                return text;
            }
        }
    }

    private static Type typeOf(List<Object[]> rows, int c) {
        boolean integer = true;
        boolean number = true;
        boolean bool = true;
        boolean any = false;
        for (Object[] row : rows) {
            Object v = row[c];
            if (v == null) {
                continue;
            }
            any = true;
            integer &= v instanceof Long;
            number &= v instanceof Long || v instanceof Double;
            bool &= v instanceof Boolean;
        }
        if (!any) {
            return Type.TEXT;
        }
        return integer ? Type.INTEGER : number ? Type.NUMBER : bool ? Type.BOOLEAN : Type.TEXT;
    }

    private static Object convert(Object v, Type type) {
        if (v == null) {
            return null;
        }
        switch (type) {
            case NUMBER:
                return ((Number) v).doubleValue();
            case TEXT:
                return v.toString();
            default:
                return v;
        }
    }

    /** The column names. */
    public List<String> columns() {
        return columns;
    }

    /** The column types, parallel to {@link #columns()}. */
    public List<Type> types() {
        return types;
    }

    /** The rows, by cell index; a missing value is null. Not to be modified. */
    public List<Object[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The index of column {@code name}, or -1. */
    public int column(String name) {
        return columns.indexOf(name);
    }

    /**
     * Writes the table as CSV (RFC 4180: a header line, then one line per cell; text with a comma,
     * quote or line break is quoted; a missing value is empty; numbers in Java's shortest
     * round-trip form), atomically.
     */
    public void writeCsv(Path file) {
        AtomicFiles.writeText(file, w -> {
            line(w, new ArrayList<>(columns));
            for (Object[] row : rows) {
                List<Object> cells = new ArrayList<>();
                Collections.addAll(cells, row);
                line(w, cells);
            }
        });
    }

    private static void line(BufferedWriter w, List<?> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                w.write(',');
            }
            Object v = cells.get(c);
            if (v != null) {
                w.write(quote(v.toString()));
            }
        }
        w.write('\n');
    }

    static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
