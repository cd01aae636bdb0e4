package io.github.hopflow.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hopflow.examples.cli.FigureOptions;
import io.github.hopflow.examples.cli.HopflowCommand;
import io.github.hopflow.examples.cli.Interruption;
import io.github.hopflow.examples.cli.Json;
import io.github.hopflow.examples.output.OutputDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code hopflow sweep}: the Cartesian product of {@code --grid} values, each cell one run of a
 * hopflow command in a Spark task, and the cells' summaries gathered into one table.
 */
@Command(
        name = "hopflow sweep",
        mixinStandardHelpOptions = true,
        description = {"Runs a hopflow command once per cell of a grid of option values, as Apache Spark tasks "
                + "(local mode by default, a cluster by --master or spark-submit), and gathers the cells' "
                + "summary.json into one table.",
            "Writes DIR/cells/NNNN/ (each cell's own output, hopflow.log and cell.json), DIR/results.csv and "
                + "DIR/results.parquet (one row per cell: cell, the grid values, seed, every scalar of the "
                + "summary with nested keys joined by '.', arrays as KEY.last, seconds, status), DIR/sweep.json "
                + "and, for a grid of two names, DIR/sweep.png (a heat map of --plot KEY; sweep.svg or sweep.pdf with --format)."},
        footer = {"", "Example: hopflow sweep --grid particles=100,500 --grid temperature=0.5,1,2 --out sweeps/t "
                + "-- run --steps 200",
            "Each cell runs with --threads 1 and --quiet; its seed is derived from --seed and its index unless "
                + "the grid or the fixed options set --seed. A cell the command rejects, or that fails on every "
                + "attempt, is recorded with the command's message in 'status'; the others go on."})
public final class SweepCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--grid", paramLabel = "NAME=V1,V2,...",
            description = "An option of the command and its values (repeatable; the cells are the product).")
    List<String> grid = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (the default; local[N,F] retries a failed cell F times), "
                    + "spark://HOST:PORT, yarn, k8s://... Under spark-submit, its --master.")
    String master;

    @Option(names = "--partitions", paramLabel = "P",
            description = "Spark partitions of the cells (default: one per cell).")
    Integer partitions;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (on a file system every executor sees).")
    Path out;

    @Option(names = "--resume", description = "Continue the sweep in DIR: run only the cells without a complete result.")
    boolean resume;

    @Option(names = "--plot", paramLabel = "KEY",
            description = "The result column of sweep.png (grids of two names; default: seconds).")
    String plot;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "The sweep's seed, from which each cell's own is derived (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Mixin
    FigureOptions figures;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Parameters(paramLabel = "COMMAND", arity = "1..*",
            description = "After '--': the command (run, himmelblau, optimize, fokker-planck, maxcut, sample, memory, "
                    + "sparse, firing-rate) and its fixed options.")
    List<String> commandLine = new ArrayList<>();

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = HopflowCommand.configure(new CommandLine(new SweepCommand()));
        cl.setStopAtPositional(true);
        return cl;
    }

    /** Entry point ({@code hopflow sweep ...} and {@code spark-submit}). */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        SweepPlan plan = SweepPlan.of(commandLine, SweepGrid.parse(grid), seed);
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
        }
        if (plot != null && plan.grid().names().size() != 2) {
            throw new IllegalArgumentException("--plot " + plot + " needs a grid of two names, got "
                    + plan.grid().names().size());
        }
        figures.format();
        if (master != null && master.isBlank()) {
            throw new IllegalArgumentException("--master must name a Spark master URL, got an empty one");
        }
        OutputDirectory dir = directory(plan);
        PrintWriter err = spec.commandLine().getErr();
        Path cells = dir.path().resolve("cells");
        List<Integer> todo = new ArrayList<>();
        List<CellResult> results = new ArrayList<>();
        for (int i = 0; i < plan.cellCount(); i++) {
            CellResult done = CellResult.read(cells.resolve(SweepCell.folder(i, plan.cellCount())));
            if (done != null && done.ok() && done.index() == i) {
                results.add(done);
            } else {
                todo.add(i);
            }
        }
        if (resume && !quiet) {
            err.println("sweep: resuming " + dir.path() + ": " + results.size() + " of " + plan.cellCount()
                    + " cells complete, " + todo.size() + " to run");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sweep", plan.asMap());
        record.put("started", Instant.now().toString());
        try (SweepJob job = SweepJob.start(master)) {
            dir.folder("cells");
            record.put("spark_version", job.version());
            record.put("master", job.master());
            record.put("attempts", job.attempts());
            Json.write(dir.resolve("sweep.json"), Json.summary(record));
            int p = partitions != null ? partitions : Math.max(1, todo.size());
            record.put("partitions", Math.min(p, Math.max(1, todo.size())));
            if (!todo.isEmpty()) {
                try (Interruption stop = Interruption.install()) {
                    try {
                        results.addAll(job.run(plan, todo, cells, p, err, quiet));
                    } catch (Exception e) { // also Spark's (checked) job failure after a shutdown
                        if (!stop.requested()) {
                            throw e;
                        }
                        err.println("sweep: interrupted; the finished cells are kept in " + cells
                                + " (run the same command with --resume to run the others)");
                        err.flush();
                        return 130;
                    }
                }
            }
            ResultTable table = ResultTable.of(plan, results);
            table.writeCsv(dir.resolve("results.csv"));
            job.writeParquet(table, dir.folder("results.parquet"));
            long failed = results.stream().filter(r -> !r.ok()).count();
            boolean figure = plan.grid().names().size() == 2;
            String figureProblem = null;
            if (figure) {
                try {
                    figures.write(SweepFigure.of(plan, table, plot == null ? "seconds" : plot), dir, "sweep");
                } catch (IllegalArgumentException e) {
                    // the results are written; the figure's key is reported below, as bad input
                    figureProblem = e.getMessage();
                    figure = false;
                }
            }
            double wall = (System.nanoTime() - start) * 1e-9;
            record.put("cells_run", todo.size());
            record.put("cells_ok", results.size() - failed);
            record.put("cells_failed", failed);
            record.put("cell_seconds", results.stream().mapToDouble(CellResult::seconds).sum());
            record.put("wall_seconds", wall);
            record.put("finished", Instant.now().toString());
            Json.write(dir.resolve("sweep.json"), Json.summary(record));
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "sweep: %d cells of '%s' (%d run now, %d failed) in %.1f s; wrote %s%n",
                    plan.cellCount(), plan.command(), todo.size(), failed, wall,
                    dir.path().resolve("results.csv") + ", results.parquet, sweep.json"
                            + (figure ? ", " + figures.format().file("sweep") : ""));
            if (failed > 0) {
                w.println("sweep: " + failed + " cell(s) failed; their messages are in the status column"
                        + " (hopflow sweep --resume runs them again)");
            }
            w.flush();
            if (figureProblem != null) {
                err.println("hopflow sweep: no " + figures.format().file("sweep") + ": " + figureProblem);
                err.flush();
                return 2;
            }
            return failed > 0 ? 1 : 0;
        }
    }

    /** The output directory: new, or the same sweep again with {@code --resume}. */
    private OutputDirectory directory(SweepPlan plan) {
        Path file = out.resolve("sweep.json");
        if (!Files.isRegularFile(file)) {
            if (Files.isDirectory(out)) {
                try (var entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("--out " + out + " is not empty and holds no sweep;"
                                + " choose another directory");
                    }
                } catch (IOException e) {
                    throw new IllegalArgumentException("--out " + out + " cannot be read: " + e.getMessage());
                }
            }
            return OutputDirectory.prepare("--out", out, false);
        }
        JsonNode theirs;
        try {
            theirs = Json.mapper().readTree(file.toFile()).path("sweep");
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + " holds a sweep.json that cannot be read ("
                    + e.getMessage() + "); choose another directory");
        }
        // compared as JSON text: the same sweep whatever the number types a reader picks
        if (!Json.line(plan.asMap()).equals(Json.line(theirs))) {
            throw new IllegalArgumentException("--out " + out + " holds another sweep (" + describe(theirs)
                    + "); choose another directory");
        }
        if (!resume) {
            throw new IllegalArgumentException("--out " + out + " holds this sweep already; pass --resume to run the"
                    + " cells it has not finished, or choose another directory");
        }
        return OutputDirectory.extend("--out", out);
    }

    private static String describe(JsonNode sweep) {
        if (!sweep.isObject()) {
            return "of an unknown layout";
        }
        return "'" + sweep.path("command").asText() + "' over " + Json.line(sweep.path("grid")) + ", "
                + sweep.path("cells").asText() + " cells";
    }
}
