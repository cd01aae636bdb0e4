package io.github.hopflow.spark;

import io.github.hopflow.examples.cli.HopflowCommand;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * What a sweep runs: one hopflow command, its fixed options, the grid, and the seed of each cell,
 * checked against the command's own options before anything runs. Immutable.
 *
 * <p>Cell {@code i} runs {@code COMMAND FIXED… --NAME=VALUE… [--seed=S] --threads=1 --quiet
 * --out=DIR/cells/i}: the grid's values as options of the command (a flag option takes
 * {@code true} or {@code false}), one worker thread (the cells are the parallelism), no progress
 * bar. Its seed, when the command has {@code --seed} and neither the grid nor the fixed options
 * set it, is {@link #cellSeed(long, int)} of the sweep's seed and the cell's index: distinct for
 * every cell, the same on every run of the sweep.
 */
public final class SweepPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The commands a sweep can run: each writes {@code summary.json} into its {@code --out}. */
    public static final List<String> COMMANDS = List.of("run", "himmelblau", "optimize", "fokker-planck", "maxcut",
            "sample", "memory", "sparse", "firing-rate");

    /** Options that the sweep sets for every cell and that neither the grid nor the fixed options may give. */
    static final List<String> RESERVED = List.of("out", "threads", "force", "help", "version");

    private final String command;
    private final List<String> fixed;
    private final SweepGrid grid;
    private final long seed;
    private final boolean seedPerCell;
    private final boolean addThreads;
    private final boolean addQuiet;
    private final boolean hasForce;
    private final Set<String> flags;

    private SweepPlan(String command, List<String> fixed, SweepGrid grid, long seed, boolean seedPerCell,
            boolean addThreads, boolean addQuiet, boolean hasForce, Set<String> flags) {
        this.command = command;
        this.fixed = List.copyOf(fixed);
        this.grid = grid;
        this.seed = seed;
        this.seedPerCell = seedPerCell;
        this.addThreads = addThreads;
        this.addQuiet = addQuiet;
        this.hasForce = hasForce;
        this.flags = flags;
    }

    /**
     * A plan, checked against the command's options.
     *
     * @param commandLine the command's name, then its fixed options. Not modified.
     * @param grid the grid
     * @param seed the sweep's seed, from which each cell's own is derived
     * @throws IllegalArgumentException one line naming what is wrong: no command, a command the
     *     sweep cannot run, a grid name that is not an option of the command (with the closest
     *     names), a name that is also among the fixed options, a reserved option, or fixed options
     *     the command does not accept (its own message)
     */
    public static SweepPlan of(List<String> commandLine, SweepGrid grid, long seed) {
        if (commandLine.isEmpty()) {
            throw new IllegalArgumentException("no command after '--'; one of " + String.join(", ", COMMANDS));
        }
        String command = commandLine.get(0);
        List<String> fixed = commandLine.subList(1, commandLine.size());
        CommandLine sub = HopflowCommand.commandLine().getSubcommands().get(command);
        if (sub == null || !COMMANDS.contains(command)) {
            throw new IllegalArgumentException((sub == null ? "unknown command '" : "cannot sweep '")
                    + command + "'; one of " + String.join(", ", COMMANDS));
        }
        CommandSpec spec = sub.getCommandSpec();
        for (String token : fixed) {
            for (String reserved : RESERVED) {
                if (token.equals("--" + reserved) || token.startsWith("--" + reserved + "=")) {
                    throw new IllegalArgumentException(command + " --" + reserved + " is set by the sweep for"
                            + " each cell; leave it out of the fixed options");
                }
            }
        }
        for (String name : grid.names()) {
            if (RESERVED.contains(name) || name.equals("quiet")) {
                throw new IllegalArgumentException("--grid " + name + ": the sweep sets --" + name
                        + " for each cell; it cannot be a grid name");
            }
            if (option(spec, name) == null) {
                throw new IllegalArgumentException("--grid " + name + ": '" + command + "' has no option --" + name
                        + suggestions(spec, name));
            }
            for (String token : fixed) {
                if (token.equals("--" + name) || token.startsWith("--" + name + "=")) {
                    throw new IllegalArgumentException("--grid " + name + " is also among the fixed options of "
                            + command + "; give it in one place");
                }
            }
        }
        List<String> probe = new ArrayList<>(commandLine);
        probe.add("--out=" + System.getProperty("java.io.tmpdir"));
        try {
            HopflowCommand.commandLine().parseArgs(probe.toArray(new String[0]));
        } catch (CommandLine.MissingParameterException missing) {
            // a required option the grid may supply: each cell reports it if it does not
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("the fixed options of " + command + ": "
                    + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        }
        boolean fixedSeed = fixed.stream().anyMatch(t -> t.equals("--seed") || t.startsWith("--seed="));
        boolean seedPerCell = option(spec, "seed") != null && !grid.has("seed") && !fixedSeed;
        boolean fixedQuiet = fixed.contains("--quiet");
        Set<String> flags = new TreeSet<>();
        for (String name : grid.names()) {
            if (option(spec, name).arity().max() == 0) {
                flags.add(name);
            }
        }
        return new SweepPlan(command, fixed, grid, seed, seedPerCell, option(spec, "threads") != null,
                option(spec, "quiet") != null && !fixedQuiet, option(spec, "force") != null, flags);
    }

    private static OptionSpec option(CommandSpec spec, String name) {
        for (OptionSpec o : spec.options()) {
            for (String n : o.names()) {
                if (n.equals("--" + name)) {
                    return o;
                }
            }
        }
        return null;
    }

    private static String suggestions(CommandSpec spec, String name) {
        Set<String> close = new TreeSet<>();
        String lower = name.toLowerCase(Locale.ROOT);
        for (OptionSpec o : spec.options()) {
            for (String n : o.names()) {
                String bare = n.replaceFirst("^-+", "");
                if (n.startsWith("--") && !RESERVED.contains(bare)
                        && (bare.contains(lower) || lower.contains(bare) || editDistance(bare, lower) <= 2)) {
                    close.add(bare);
                }
            }
        }
        return close.isEmpty() ? "; see 'hopflow " + spec.name() + " --help'"
                : " (did you mean " + String.join(" or ", close) + "?)";
    }

    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int up = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = up;
            }
        }
        return row[b.length()];
    }

    /**
     * The seed of cell {@code index} of a sweep with seed {@code sweepSeed}: the SplitMix64
     * finaliser of {@code sweepSeed + (index + 1)·φ} (φ = 0x9E3779B97F4A7C15, the golden-ratio
     * increment), made non-negative. Neighbouring cells get unrelated seeds.
     */
    public static long cellSeed(long sweepSeed, int index) {
        long z = sweepSeed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /** The command's name. */
    public String command() {
        return command;
    }

    /** The fixed options, as given. */
    public List<String> fixed() {
        return fixed;
    }

    /** The grid. */
    public SweepGrid grid() {
        return grid;
    }

    /** The sweep's seed. */
    public long seed() {
        return seed;
    }

    /** Whether each cell gets its own seed from the sweep's (a {@code seed} column in the results). */
    public boolean seedPerCell() {
        return seedPerCell;
    }

    /** Whether the command can replace its own earlier files in a cell's directory ({@code --force}). */
    public boolean hasForce() {
        return hasForce;
    }

    /** The number of cells. */
    public int cellCount() {
        return grid.cellCount();
    }

    /** Cell {@code index}: its parameters, seed and command line (without {@code --out}). */
    public SweepCell cell(int index) {
        Map<String, String> parameters = grid.cell(index);
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(fixed);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            boolean flag = flags.contains(e.getKey());
            if (flag && e.getValue().equalsIgnoreCase("true")) {
                args.add("--" + e.getKey());
            } else if (!(flag && e.getValue().equalsIgnoreCase("false"))) {
                args.add("--" + e.getKey() + "=" + e.getValue());
            }
        }
        Long cellSeed = null;
        if (seedPerCell) {
            cellSeed = cellSeed(seed, index);
            args.add("--seed=" + cellSeed);
        }
        if (addThreads) {
            args.add("--threads=1");
        }
        if (addQuiet) {
            args.add("--quiet");
        }
        return new SweepCell(index, new LinkedHashMap<>(parameters), cellSeed, args);
    }

    /** The plan as a map, for {@code sweep.json} (and to recognise the same sweep on {@code --resume}). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("fixed", fixed);
        m.put("grid", grid.asMap());
        m.put("seed", seed);
        m.put("cells", cellCount());
        return m;
    }
}
