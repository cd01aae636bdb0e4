package io.github.hopflow.examples.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run's {@code summary.json} (next to its {@code snapshots/} folder) says about the run,
 * as far as plots need it: the time step, the objective, the temperature. Each field is looked up
 * at the top level and under {@code parameters} or {@code settings}, by its usual names
 * ({@code step}/{@code h}/{@code timeStep}, {@code objective}, {@code temperature}/{@code T}); a
 * missing or unreadable summary gives empty values.
 *
 * @param stepSize the time step h, or NaN
 * @param objective the objective's name, or empty
 * @param temperature T, or NaN
 */
public record RunInfo(double stepSize, Optional<String> objective, double temperature) {

    /** Nothing known. */
    public static RunInfo unknown() {
        return new RunInfo(Double.NaN, Optional.empty(), Double.NaN);
    }

    /** Reads {@code snapshots/../summary.json} if it is there. */
    public static RunInfo near(Path snapshots) {
        Path parent = snapshots.toAbsolutePath().getParent();
        if (parent == null) {
            return unknown();
        }
        Path summary = parent.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            return unknown();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(summary.toFile());
        } catch (IOException e) {
            return unknown();
        }
        double h = number(root, "step", "h", "timeStep", "stepSize");
        double t = number(root, "temperature", "T");
        String objective = text(root, "objective");
        return new RunInfo(h, Optional.ofNullable(objective), t);
    }

    private static double number(JsonNode root, String... names) {
        for (JsonNode scope : scopes(root)) {
            for (String name : names) {
                JsonNode n = scope.get(name);
                if (n != null && n.isNumber() && Double.isFinite(n.asDouble()) && n.asDouble() > 0) {
                    return n.asDouble();
                }
            }
        }
        return Double.NaN;
    }

    private static String text(JsonNode root, String name) {
        for (JsonNode scope : scopes(root)) {
            JsonNode n = scope.get(name);
            if (n != null && n.isTextual()) {
                return n.asText();
            }
        }
        return null;
    }

    private static JsonNode[] scopes(JsonNode root) {
        return new JsonNode[] {root, root.path("parameters"), root.path("settings")};
    }
}
