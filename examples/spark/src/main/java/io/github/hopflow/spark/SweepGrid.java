package io.github.hopflow.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grid of a sweep: named option values whose Cartesian product gives the cells. Each axis
 * comes from one {@code --grid NAME=V1,V2,…}; the first axis varies slowest, as in nested loops
 * written in the order the axes were given. Immutable.
 */
public final class SweepGrid implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most cells a sweep may have. */
    public static final long MAX_CELLS = 1_000_000;

    /** One axis: an option name (without dashes) and its values, in order. */
    public static final class Axis implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final List<String> values;

        Axis(String name, List<String> values) {
            this.name = name;
            this.values = List.copyOf(values);
        }

        /** The option's name, without the leading dashes. */
        public String name() {
            return name;
        }

        /** The values, in the order given. */
        public List<String> values() {
            return values;
        }
    }

    private final List<Axis> axes;

    private SweepGrid(List<Axis> axes) {
        this.axes = List.copyOf(axes);
    }

    /**
     * Parses the {@code --grid} arguments.
     *
     * @param specs each {@code NAME=V1,V2,…} (the name with or without leading dashes). Not modified.
     * @throws IllegalArgumentException naming the argument: no '=', an empty name, an empty value
     *     list or value, a value given twice, a name given twice, or more than {@value #MAX_CELLS}
     *     cells
     */
    public static SweepGrid parse(List<String> specs) {
        List<Axis> axes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        long cells = 1;
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--grid '" + spec + "': expected NAME=V1,V2,... (an option of the"
                        + " command and its values)");
            }
            String name = spec.substring(0, eq).strip();
            while (name.startsWith("-")) {
                name = name.substring(1);
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("--grid '" + spec + "': the option name is empty");
            }
            String list = spec.substring(eq + 1);
            if (list.isBlank()) {
                throw new IllegalArgumentException("--grid '" + spec + "': the value list is empty");
            }
            List<String> values = new ArrayList<>();
            for (String v : list.split(",", -1)) {
                String value = v.strip();
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("--grid '" + spec + "': an empty value in the list");
                }
                if (values.contains(value)) {
                    throw new IllegalArgumentException("--grid '" + spec + "': the value " + value + " is given twice");
                }
                values.add(value);
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("--grid " + name + " is given twice; list all its values in one --grid");
            }
            cells *= values.size();
            if (cells > MAX_CELLS) {
                throw new IllegalArgumentException("--grid: more than " + MAX_CELLS + " cells; split the sweep");
            }
            axes.add(new Axis(name, values));
        }
        return new SweepGrid(axes);
    }

    /** The axes, in the order given. */
    public List<Axis> axes() {
        return axes;
    }

    /** The axis names, in order. */
    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (Axis a : axes) {
            n.add(a.name());
        }
        return n;
    }

    /** Whether {@code name} is an axis. */
    public boolean has(String name) {
        return names().contains(name);
    }

    /** The number of cells (1 for an empty grid: the command once). */
    public int cellCount() {
        int c = 1;
        for (Axis a : axes) {
            c *= a.values().size();
        }
        return c;
    }

    /**
     * The parameter values of cell {@code index}: axis name to value, in axis order.
     *
     * @param index in [0, {@link #cellCount()})
     */
    public Map<String, String> cell(int index) {
        if (index < 0 || index >= cellCount()) {
            throw new IndexOutOfBoundsException("cell " + index + " of " + cellCount());
        }
        Map<String, String> values = new LinkedHashMap<>();
        int rest = index;
        int[] digit = new int[axes.size()];
        for (int a = axes.size() - 1; a >= 0; a--) {
            int size = axes.get(a).values().size();
            digit[a] = rest % size;
            rest /= size;
        }
        for (int a = 0; a < axes.size(); a++) {
            values.put(axes.get(a).name(), axes.get(a).values().get(digit[a]));
        }
        return Collections.unmodifiableMap(values);
    }

    /** The grid as a map (axis name to values), for {@code sweep.json}. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Axis a : axes) {
            m.put(a.name(), a.values());
        }
        return m;
    }
}
