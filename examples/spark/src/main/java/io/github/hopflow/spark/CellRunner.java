package io.github.hopflow.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hopflow.examples.cli.HopflowCommand;
import io.github.hopflow.examples.output.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs one cell: the hopflow command's own code path ({@link HopflowCommand#commandLine()}), in
 * this JVM and thread, with {@code --out} set to the cell's folder. The command's stdout and
 * stderr go to {@value #LOG} in that folder; its {@code summary.json} becomes the cell's columns.
 *
 * <p>Exit status 0 is {@value CellResult#OK}; 2 (input the command rejects) and 130 (interrupted)
 * are recorded at once with the command's one-line message; any other failure (a numerical or
 * I/O error, an exhausted heap) is {@linkplain Outcome#retryable() retryable}, so that Spark may
 * run the cell again elsewhere before it is recorded.
 */
public final class CellRunner {

    /** The command's output, in the cell's folder. */
    public static final String LOG = "hopflow.log";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CellRunner() {
    }

    /** A cell's result and whether a failure may go away on another attempt. */
    public static final class Outcome {
        private final CellResult result;
        private final boolean retryable;

        Outcome(CellResult result, boolean retryable) {
            this.result = result;
            this.retryable = retryable;
        }

        /** The result. */
        public CellResult result() {
            return result;
        }

        /** True for a failure other than rejected input or an interruption. */
        public boolean retryable() {
            return retryable;
        }
    }

    /**
     * Runs {@code cell} with its output in {@code folder} (created; an earlier, unfinished attempt's
     * files there are replaced through the command's {@code --force}, which removes only what it
     * wrote). Does not write {@value CellResult#FILE}: see {@link #record}.
     *
     * @param hasForce whether the command has {@code --force}
     */
    public static Outcome run(SweepCell cell, Path folder, boolean hasForce) {
        long start = System.nanoTime();
        List<String> args = new ArrayList<>(cell.args());
        args.add("--out=" + folder);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(folder.resolve(CellResult.FILE));
            boolean earlier;
            try (var entries = Files.list(folder)) {
                earlier = entries.findAny().isPresent();
            }
            if (earlier && hasForce) {
                args.add("--force");
            }
            CommandLine cl = HopflowCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args.toArray(new String[0]));
        } catch (IOException e) {
            err.write("sweep: cell folder " + folder + ": " + e.getMessage() + "\n");
            code = 1;
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        writeLog(folder, args, out.toString(), err.toString(), code);
        if (code == 0) {
            try {
                LinkedHashMap<String, Object> summary = SummaryColumns.of(
                        MAPPER.readTree(folder.resolve("summary.json").toFile()));
                return new Outcome(new CellResult(cell.index(), summary, seconds, CellResult.OK), false);
            } catch (IOException e) {
                return new Outcome(new CellResult(cell.index(), new LinkedHashMap<>(), seconds,
                        "the command wrote no readable summary.json: " + e.getMessage()), true);
            }
        }
        String message = lastLine(err.toString());
        if (message.isEmpty()) {
            message = code == 130 ? "interrupted" : "exit status " + code;
        }
        return new Outcome(new CellResult(cell.index(), new LinkedHashMap<>(), seconds, message),
                code != 2 && code != 130);
    }

    /** Writes the result's {@value CellResult#FILE} into {@code folder}: the cell is done. */
    public static void record(CellResult result, Path folder) {
        result.write(folder);
    }

    private static void writeLog(Path folder, List<String> args, String out, String err, int code) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        StringBuilder b = new StringBuilder("$ hopflow");
        for (String a : args) {
            b.append(' ').append(a);
        }
        b.append('\n').append(out).append(err).append("exit status ").append(code).append('\n');
        try {
            AtomicFiles.write(folder.resolve(LOG), tmp -> Files.writeString(tmp, b, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // the log is a convenience: a cell whose folder cannot take it is still recorded
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
