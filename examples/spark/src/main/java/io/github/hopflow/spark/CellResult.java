package io.github.hopflow.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hopflow.examples.output.AtomicFiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one cell gave: the scalars of its {@code summary.json} (see {@link SummaryColumns}), its
 * wall time and its status ({@value #OK}, or the command's one-line message). Immutable; written
 * to the cell's folder as {@value #FILE} when the cell is done, so that {@code --resume} knows it.
 */
public final class CellResult implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The status of a cell whose command succeeded. */
    public static final String OK = "ok";
    /** The record of a finished cell, in its folder. */
    public static final String FILE = "cell.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int index;
    private final LinkedHashMap<String, Object> summary;
    private final double seconds;
    private final String status;

    CellResult(int index, LinkedHashMap<String, Object> summary, double seconds, String status) {
        this.index = index;
        this.summary = summary;
        this.seconds = seconds;
        this.status = status;
    }

    /** The cell's index. */
    public int index() {
        return index;
    }

    /** The summary's scalars (empty when the command failed). */
    public Map<String, Object> summary() {
        return Collections.unmodifiableMap(summary);
    }

    /** The cell's wall time in seconds (the command's run, from parsing to its last file). */
    public double seconds() {
        return seconds;
    }

    /** {@value #OK}, or the command's one-line message. */
    public String status() {
        return status;
    }

    /** Whether the command succeeded. */
    public boolean ok() {
        return OK.equals(status);
    }

    /** Writes {@value #FILE} into {@code folder}, atomically. */
    void write(Path folder) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("index", index);
        doc.put("status", status);
        doc.put("seconds", seconds);
        doc.put("summary", summary);
        AtomicFiles.write(folder.resolve(FILE), tmp -> MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), doc));
    }

    /**
     * The record in {@code folder}, or null when there is none (the cell never finished) or it
     * cannot be read (a cut-short write: the cell runs again).
     */
    static CellResult read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode doc = MAPPER.readTree(file.toFile());
            if (doc == null || !doc.has("index") || !doc.has("status") || !doc.has("seconds")) {
                return null;
            }
            return new CellResult(doc.get("index").asInt(), SummaryColumns.of(doc.get("summary")),
                    doc.get("seconds").asDouble(), doc.get("status").asText());
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }
}
