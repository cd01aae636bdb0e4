package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.output.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON output of the commands: pretty-printed files written atomically, compact lines on stdout. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    /**
     * The version of the layout of the summaries ({@code summary.json}, {@code compare.json}), raised
     * on every incompatible change (a key renamed, removed or given another meaning).
     */
    public static final int FORMAT = 2;

    private Json() {
    }

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A summary document: {@code version} (the hopflow build) and {@code format} ({@link #FORMAT})
     * first, then the entries of {@code body} in their order. Keys are snake_case throughout.
     *
     * @param body the command's summary. Not modified.
     */
    public static Map<String, Object> summary(Map<String, ?> body) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", VersionProvider.describe());
        doc.put("format", FORMAT);
        doc.putAll(body);
        return doc;
    }

    /** Writes {@code value} as indented JSON to {@code file} via a temporary sibling. */
    public static void write(Path file, Object value) {
        AtomicFiles.write(file, tmp -> MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), value));
    }

    /** {@code value} as indented JSON text. */
    public static String pretty(Object value) {
        try {
            return MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** {@code value} as one line of JSON. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
