package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bad-input table: for every command, every numeric option at NaN, ±Infinity and out of its
 * type's range, the options with a documented range at 0, negative and above it, unknown and
 * missing options, and malformed input files. Each must give exit status 2, one line on stderr
 * that names the option or the file (and line), no stack trace, and no output written.
 */
@org.junit.jupiter.api.Tag("slow")
class BadInputTableTest {

    @TempDir
    static Path tmp;

    private static Path snapshots;
    private static Path cloudA;
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    /** Arguments that keep a command that wrongly accepts a value short. */
    private static final Map<String, List<String>> BASE = new LinkedHashMap<>();

    @BeforeAll
    static void files() throws IOException {
        snapshots = tmp.resolve("snaps/snapshots");
        Files.createDirectories(snapshots);
        Files.writeString(snapshots.resolve("step-000000.csv"), "x1,x2,rho\n0.2,0.3,1\n0.6,0.7,2\n");
        cloudA = tmp.resolve("a.csv");
        Files.writeString(cloudA, "x1,x2,weight\n0.2,0.3,1\n0.6,0.7,2\n");
        FILES.put("empty", "");
        FILES.put("header-only", "x1,x2,rho\n");
        FILES.put("wrong-header", "a,b,c\n0.2,0.3,1\n");
        FILES.put("non-numeric", "x1,x2,rho\n0.2,abc,1\n");
        FILES.put("nan", "x1,x2,rho\n0.2,NaN,1\n");
        FILES.put("infinite", "x1,x2,rho\n0.2,Infinity,1\n");
        FILES.put("out-of-cube", "x1,x2,rho\n0.2,1.5,1\n0.4,0.5,1\n");
        FILES.put("duplicate-rows", "x1,x2,rho\n0.2,0.3,1\n0.2,0.3,1\n");
        FILES.put("short-row", "x1,x2,rho\n0.2,0.3\n");
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Files.writeString(tmp.resolve(e.getKey() + ".csv"), e.getValue(), StandardCharsets.UTF_8);
        }
        BASE.put("geodesic", List.of("--from", "0.2,0.3", "--to", "0.7,0.6"));
        BASE.put("flow", List.of("--from", "0.2,0.3", "--steps", "5"));
        BASE.put("sample", List.of("--particles", "10", "--steps", "2", "--quiet"));
        BASE.put("run", List.of("--particles", "10", "--steps", "2", "--quiet"));
        BASE.put("wasserstein", List.of("--a", cloudA.toString(), "--b", cloudA.toString(), "--eps", "0.1"));
        BASE.put("himmelblau", List.of("--particles", "10", "--steps", "2", "--quiet"));
        BASE.put("compare", List.of("--objective", "himmelblau", "--dim", "2", "--particles", "8", "--steps", "4",
                "--quiet"));
        BASE.put("plot", List.of("--snapshots", snapshots.toString()));
        BASE.put("optimize", List.of("--objective", "himmelblau", "--dim", "2", "--method", "random", "--runs", "1",
                "--budget", "50", "--quiet"));
        BASE.put("fokker-planck", List.of("--grid", "8", "--time", "0.001"));
        BASE.put("bench", List.of("--particles", "50", "--dim", "2", "--steps", "1", "--no-sinkhorn"));
        graph = tmp.resolve("graph.txt");
        Files.writeString(graph, "3 2\n1 2 1\n2 3 1\n");
        BASE.put("maxcut", List.of("--quiet"));
        BASE.put("graph", List.of());
        Path weightsCsv = tmp.resolve("weights.csv");
        Files.writeString(weightsCsv, "0,0.5\n0.5,0\n");
        BASE.put("firing-rate", List.of("--weights", weightsCsv.toString()));
        BASE.put("memory", List.of("--units", "20", "--loads", "0.1", "--noise", "0.1", "--trials", "1", "--time", "1",
                "--quiet"));
        Path dictionary = tmp.resolve("dictionary.csv");
        Files.writeString(dictionary, "1,0,0.5\n0,1,0.5\n");
        Path signal = tmp.resolve("signal.csv");
        Files.writeString(signal, "1\n0.5\n");
        BASE.put("sparse", List.of("--dictionary", dictionary.toString(), "--signal", signal.toString(), "--lambda", "0.1"));
        DENSE.put("dense-missing", null);
        DENSE.put("dense-empty", "");
        DENSE.put("dense-ragged", "1,0,0.5\n0,1\n");
        DENSE.put("dense-non-numeric", "1,0,x\n0,1,0.5\n");
        DENSE.put("dense-non-finite", "1,0,NaN\n0,1,0.5\n");
        DENSE.put("dense-short-signal", "1\n");
        for (Map.Entry<String, String> e : DENSE.entrySet()) {
            if (e.getValue() != null) {
                Files.writeString(tmp.resolve(e.getKey() + ".csv"), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        GRAPHS.put("graph-missing", null);
        GRAPHS.put("graph-empty", "");
        GRAPHS.put("graph-first-line", "3\n1 2 1\n");
        GRAPHS.put("graph-node-range", "3 1\n1 4 1\n");
        GRAPHS.put("graph-malformed", "3 2\n1 2 1\n2 3\n");
        GRAPHS.put("graph-non-finite", "3 1\n1 2 NaN\n");
        GRAPHS.put("graph-count", "3 2\n1 2 1\n");
        for (Map.Entry<String, String> e : GRAPHS.entrySet()) {
            if (e.getValue() != null) {
                Files.writeString(tmp.resolve(e.getKey() + ".txt"), e.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /** A valid graph for the rows that test maxcut's options. */
    private static Path graph;
    private static final Map<String, String> GRAPHS = new LinkedHashMap<>();
    private static final Map<String, String> DENSE = new LinkedHashMap<>();

    /** Options with a documented range: each value here is outside it. */
    static Stream<Arguments> outOfRange() {
        List<Arguments> rows = new ArrayList<>();
        for (String c : List.of("sample", "run", "himmelblau", "compare")) {
            rows.add(row(c, "--particles", "0"));
            rows.add(row(c, "--particles", "-3"));
            rows.add(row(c, "--particles", "2147483647"));
            rows.add(row(c, "--beta", "0"));
            rows.add(row(c, "--beta", "-1"));
            rows.add(row(c, "--beta", "1e-320"));
            rows.add(row(c, "--step", "0"));
            rows.add(row(c, "--step", "-1e-4"));
            rows.add(row(c, "--step", "1"));
            rows.add(row(c, "--step", "1e300"));
            rows.add(row(c, "--threads", "0"));
            rows.add(row(c, "--threads", "-2"));
            rows.add(row(c, "--temperature", "-1"));
            rows.add(row(c, "--temperature", "1e6"));
        }
        for (String c : List.of("run", "himmelblau", "compare")) {
            rows.add(row(c, "--particles", "1"));
            rows.add(row(c, "--eps", "0"));
            rows.add(row(c, "--eps", "-0.1"));
            rows.add(row(c, "--eps", "1e-6"));
            rows.add(row(c, "--temperature", "0"));
        }
        for (String c : List.of("sample", "run", "himmelblau")) {
            rows.add(row(c, "--time", "0"));
            rows.add(row(c, "--time", "-1"));
            rows.add(row(c, "--time", "1e300"));
            rows.add(row(c, "--snapshot-every", "-1"));
        }
        for (String c : List.of("sample", "run", "compare")) {
            rows.add(row(c, "--dim", "0"));
            rows.add(row(c, "--dim", "-1"));
            rows.add(row(c, "--dim", "2147483647"));
            rows.add(row(c, "--objective", "nonsense"));
        }
        rows.add(row("sample", "--steps", "0"));
        rows.add(row("run", "--steps", "0"));
        rows.add(row("himmelblau", "--steps", "0"));
        rows.add(row("compare", "--steps", "0"));
        rows.add(row("himmelblau", "--frames", "0"));
        rows.add(row("compare", "--tau", "0"));
        rows.add(row("compare", "--gamma", "0"));
        rows.add(row("compare", "--records", "0"));
        rows.add(row("compare", "--basin-tolerance", "0"));
        rows.add(row("compare", "--firing-rate-step", "0"));
        rows.add(row("compare", "--methods", "nonsense"));
        rows.add(row("run", "--kernel-tolerance", "0"));
        rows.add(row("run", "--kernel", "nonsense"));
        rows.add(row("sample", "--scheme", "nonsense"));
        rows.add(row("sample", "--boundary", "nonsense"));
        rows.add(row("geodesic", "--points", "0"));
        rows.add(row("geodesic", "--points", "-5"));
        rows.add(row("geodesic", "--points", "2147483647"));
        rows.add(row("geodesic", "--beta", "0"));
        rows.add(row("geodesic", "--beta", "1e-320"));
        rows.add(row("geodesic", "--beta", "1e320"));
        rows.add(row("geodesic", "--from", "0.2,1.3"));
        rows.add(row("geodesic", "--from", "0.2"));
        rows.add(row("flow", "--steps", "2147483647"));
        rows.add(row("flow", "--step", "0"));
        rows.add(row("flow", "--every", "0"));
        rows.add(row("flow", "--dim", "0"));
        rows.add(row("flow", "--gamma", "0"));
        rows.add(row("flow", "--method", "nonsense"));
        rows.add(row("flow", "--from", "0.2,1.3"));
        rows.add(row("wasserstein", "--eps", "0"));
        rows.add(row("wasserstein", "--eps", "-1"));
        rows.add(row("wasserstein", "--beta", "0"));
        rows.add(row("plot", "--frames", "0"));
        rows.add(row("plot", "--dims", "0,1"));
        rows.add(row("plot", "--dims", "1,9"));
        rows.add(row("optimize", "--runs", "0"));
        rows.add(row("optimize", "--runs", "2147483647"));
        rows.add(row("optimize", "--budget", "0"));
        rows.add(row("optimize", "--target", "-1"));
        rows.add(row("optimize", "--dim", "0"));
        rows.add(row("optimize", "--method", "nonsense"));
        rows.add(row("fokker-planck", "--dim", "4"));
        rows.add(row("fokker-planck", "--dim", "0"));
        rows.add(row("fokker-planck", "--grid", "3"));
        rows.add(row("fokker-planck", "--grid", "100000"));
        rows.add(row("fokker-planck", "--time", "0"));
        rows.add(row("fokker-planck", "--time-step", "-1"));
        rows.add(row("fokker-planck", "--temperature", "0"));
        rows.add(row("fokker-planck", "--schedule", "nonsense"));
        rows.add(row("fokker-planck", "--metric", "euclidean"));
        rows.add(row("fokker-planck", "--box", "0,1"));
        rows.add(row("fokker-planck", "--objective", "nonsense"));
        rows.add(row("bench", "--particles", "1"));
        rows.add(row("bench", "--particles", "2147483647"));
        rows.add(row("bench", "--dim", "0"));
        rows.add(row("bench", "--steps", "0"));
        rows.add(row("bench", "--kernel-tolerance", "0"));
        rows.add(row("bench", "--threads", "0"));
        rows.add(row("maxcut", "--budget", "0"));
        rows.add(row("maxcut", "--budget", "143"));
        rows.add(row("maxcut", "--particles", "0"));
        rows.add(row("maxcut", "--particles", "2000000"));
        rows.add(row("maxcut", "--method", "nonsense"));
        rows.add(row("maxcut", "--restarts", "0"));
        rows.add(row("maxcut", "--threads", "0"));
        rows.add(Arguments.of("maxcut", List.of("--method", "annealing", "--restarts", "0"), "--restarts"));
        rows.add(Arguments.of("maxcut", List.of("--method", "annealing", "--sweeps", "0"), "--sweeps"));
        rows.add(row("graph", "--nodes", "1"));
        rows.add(row("graph", "--nodes", "200000"));
        rows.add(row("graph", "--density", "0"));
        rows.add(row("graph", "--density", "1.5"));
        rows.add(row("graph", "--kind", "nonsense"));
        rows.add(row("graph", "--weights", "nonsense"));
        rows.add(row("graph", "--rows", "5"));
        rows.add(Arguments.of("graph", List.of("--kind", "torus", "--rows", "2"), "--rows"));
        rows.add(Arguments.of("graph", List.of("--kind", "torus", "--nodes", "9"), "--nodes"));
        rows.add(row("firing-rate", "--transfer", "nonsense"));
        rows.add(row("firing-rate", "--step", "0"));
        rows.add(row("firing-rate", "--step", "2"));
        rows.add(row("firing-rate", "--tolerance", "0"));
        rows.add(row("firing-rate", "--max-steps", "0"));
        rows.add(row("firing-rate", "--input-weights", "B.csv"));
        rows.add(row("run", "--snapshot-format", "json"));
        rows.add(row("sample", "--snapshot-format", "json"));
        rows.add(row("himmelblau", "--snapshot-format", "json"));
        rows.add(row("himmelblau", "--colormap", "jet"));
        rows.add(row("plot", "--colormap", "jet"));
        rows.add(row("fokker-planck", "--colormap", "jet"));
        rows.add(row("memory", "--units", "1"));
        rows.add(row("memory", "--units", "6000"));
        rows.add(row("memory", "--loads", "0"));
        rows.add(row("memory", "--loads", "2"));
        rows.add(row("memory", "--noise", "0.5"));
        rows.add(row("memory", "--noise", "-0.1"));
        rows.add(row("memory", "--trials", "0"));
        rows.add(row("memory", "--temperature", "0"));
        rows.add(row("memory", "--beta", "0"));
        rows.add(row("memory", "--step", "0"));
        rows.add(row("memory", "--time", "0"));
        rows.add(row("memory", "--time", "1e300"));
        rows.add(row("sparse", "--lambda", "0"));
        rows.add(row("sparse", "--lambda", "-1"));
        rows.add(row("sparse", "--step", "0"));
        rows.add(row("sparse", "--step", "1.5"));
        rows.add(row("sparse", "--tolerance", "0"));
        rows.add(row("sparse", "--max-iterations", "0"));
        return rows.stream();
    }

    /** Every numeric option of every command at NaN, ±Infinity and out of its type's range. */
    static Stream<Arguments> nonNumbers() {
        List<Arguments> rows = new ArrayList<>();
        CommandLine root = HopflowCommand.commandLine();
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                Class<?> type = o.auxiliaryTypes()[0];
                String name = o.longestName();
                List<String> values;
                if (type == double.class || type == Double.class) {
                    values = List.of("NaN", "Infinity", "-Infinity", "abc");
                } else if (type == int.class || type == Integer.class) {
                    values = List.of("2147483648", "-2147483649", "1.5", "abc");
                } else if (type == long.class || type == Long.class) {
                    values = List.of("99999999999999999999", "abc");
                } else {
                    continue;
                }
                for (String v : values) {
                    rows.add(row(e.getKey(), name, v));
                }
            }
        }
        return rows.stream();
    }

    /** Unknown options, and the required options left out. */
    static Stream<Arguments> unknownOptions() {
        List<Arguments> rows = new ArrayList<>();
        for (String c : List.of("geodesic", "flow", "sample", "run", "wasserstein", "himmelblau", "compare", "plot",
                "optimize", "bench", "fokker-planck", "maxcut", "graph", "sparse", "memory", "firing-rate")) {
            rows.add(Arguments.of(c, List.of("--no-such-option", "1"), "--no-such-option"));
        }
        return rows.stream();
    }

    /** Command lines without a required option (no base arguments added). */
    static Stream<Arguments> missingOptions() {
        return Stream.of(
                Arguments.of(List.of("geodesic", "--to", "0.7,0.6"), "--from"),
                Arguments.of(List.of("flow", "--steps", "5"), "--from"),
                Arguments.of(List.of("wasserstein", "--a", "A.csv", "--eps", "0.1"), "--b"),
                Arguments.of(List.of("plot"), "--snapshots"),
                Arguments.of(List.of("compare", "--dim", "2"), "--objective"),
                Arguments.of(List.of("sparse", "--signal", "u.csv", "--lambda", "0.1", "--out", "x"), "--dictionary"),
                Arguments.of(List.of("maxcut"), "GRAPH"));
    }

    /** Malformed input files given to the commands that read clouds. */
    static Stream<Arguments> badFiles() {
        List<Arguments> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>(List.of("missing", "empty", "header-only", "wrong-header", "non-numeric",
                "nan", "infinite", "out-of-cube", "duplicate-rows", "short-row"));
        for (String kind : kinds) {
            rows.add(Arguments.of("run", List.of("--init", kind + ".csv"), kind + ".csv"));
            rows.add(Arguments.of("sample", List.of("--init", kind + ".csv"), kind + ".csv"));
            if (!kind.equals("out-of-cube") && !kind.equals("duplicate-rows")) {
                rows.add(Arguments.of("wasserstein", List.of("--a", kind + ".csv"), kind + ".csv"));
            }
        }
        for (String kind : List.of("dense-missing", "dense-empty", "dense-ragged", "dense-non-numeric", "dense-non-finite")) {
            rows.add(Arguments.of("firing-rate", List.of("--weights", kind + ".csv"), kind + ".csv"));
        }
        for (String kind : DENSE.keySet()) {
            rows.add(Arguments.of("sparse", List.of(kind.equals("dense-short-signal") ? "--signal" : "--dictionary",
                    kind + ".csv"), kind + ".csv"));
        }
        for (String kind : GRAPHS.keySet()) {
            rows.add(Arguments.of("maxcut", List.of("--graph-file", kind + ".txt"), kind + ".txt"));
        }
        return rows.stream();
    }

    private static Arguments row(String command, String option, String value) {
        return Arguments.of(command, List.of(option, value), option);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outOfRange")
    void outOfRangeValuesAreRefused(String command, List<String> args, String named) {
        assertRefused(command, args, named);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nonNumbers")
    void nonNumbersAreRefused(String command, List<String> args, String named) {
        assertRefused(command, args, named);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownOptions")
    void unknownOptionsAreRefused(String command, List<String> args, String named) {
        assertRefused(command, args, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingOptions")
    void missingRequiredOptionsAreRefused(List<String> args, String named) {
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        String err = r.err().strip();
        assertEquals(2, r.exit(), "exit status of " + args + "; stderr: " + err);
        assertEquals(1, err.lines().count(), "one line on stderr: " + err);
        assertTrue(err.contains(named), "'" + err + "' names " + named);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badFiles")
    void malformedFilesAreRefused(String command, List<String> args, String named) {
        List<String> resolved = new ArrayList<>(args);
        resolved.set(1, tmp.resolve(args.get(1)).toString());
        if (args.get(0).equals("--graph-file")) {
            // maxcut's graph is its positional parameter
            resolved.remove(0);
        }
        assertRefused(command, resolved, named);
    }

    private static void assertRefused(String command, List<String> args, String named) {
        Path out = tmp.resolve("out-" + command + "-" + String.join("_", args).replaceAll("[^A-Za-z0-9.-]", "_"));
        List<String> all = new ArrayList<>();
        all.add(command);
        // the base first, so that the row's own value (given later) is the one that counts
        List<String> base = new ArrayList<>(BASE.get(command));
        removeOption(base, args.get(0));
        all.addAll(base);
        all.addAll(args);
        if (command.equals("maxcut") && args.stream().noneMatch(a -> a.endsWith(".txt"))) {
            all.add(graph.toString());
        }
        if (hasOption(command, "--out")) {
            all.add("--out");
            all.add(command.equals("plot") || command.equals("bench") ? out + ".png" : out.toString());
        }
        Cli.Result r = Cli.run(all.toArray(new String[0]));
        String err = r.err().strip();
        assertEquals(2, r.exit(), "exit status of " + all + "; stderr: " + err + "; stdout: " + r.out());
        assertFalse(err.isEmpty(), "a message on stderr");
        assertEquals(1, err.lines().count(), "one line on stderr: " + err);
        assertTrue(err.contains(named), "'" + err + "' names " + named);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(out) || Files.exists(Path.of(out + ".png")), "nothing written for " + all);
    }

    private static void removeOption(List<String> base, String option) {
        int i = base.indexOf(option);
        if (i >= 0) {
            base.remove(i);
            if (i < base.size() && !base.get(i).startsWith("--")) {
                base.remove(i);
            }
        }
    }

    private static boolean hasOption(String command, String option) {
        return HopflowCommand.commandLine().getSubcommands().get(command).getCommandSpec().findOption(option) != null;
    }
}
