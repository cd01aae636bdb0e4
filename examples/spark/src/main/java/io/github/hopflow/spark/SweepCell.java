package io.github.hopflow.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of a sweep: its index, its grid values, its seed (when the sweep chose it) and the
 * command line it runs, without {@code --out}. Immutable; sent to the Spark task that runs it.
 */
public final class SweepCell implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final LinkedHashMap<String, String> parameters;
    private final Long seed;
    private final List<String> args;

    SweepCell(int index, LinkedHashMap<String, String> parameters, Long seed, List<String> args) {
        this.index = index;
        this.parameters = parameters;
        this.seed = seed;
        this.args = List.copyOf(args);
    }

    /** The cell's index, from 0. */
    public int index() {
        return index;
    }

    /** Grid name to value, in grid order. */
    public Map<String, String> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** The seed the sweep gave the cell, or null when the grid or the fixed options set it (or there is none). */
    public Long seed() {
        return seed;
    }

    /** The command line: the command's name, then its options, without {@code --out}. */
    public List<String> args() {
        return args;
    }

    /** The cell's folder name under {@code DIR/cells/}: its index, zero-padded to the width of the last. */
    public static String folder(int index, int cellCount) {
        int width = Math.max(4, Integer.toString(Math.max(0, cellCount - 1)).length());
        return String.format(java.util.Locale.ROOT, "%0" + width + "d", index);
    }
}
