package io.github.hopflow.wasserstein;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates and reads the shared fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The shared/ directory: system property hopflow.shared, else a sibling shared/ found upwards. */
    public static Path shared() {
        String prop = System.getProperty("hopflow.shared");
        if (prop != null && Files.isDirectory(Paths.get(prop).resolve("fixtures"))) {
            return Paths.get(prop);
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("fixtures"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the shared/ directory (set -Dhopflow.shared)");
    }

    /** A parsed fixture file. */
    public static JsonNode read(String name) {
        try {
            return new ObjectMapper().readTree(shared().resolve("fixtures").resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of numbers. */
    public static double[] vector(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    /** A JSON array of rows, flattened row-major. */
    public static double[] flat(JsonNode node) {
        int rows = node.size();
        int cols = node.get(0).size();
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = node.get(r).get(c).asDouble();
            }
        }
        return out;
    }
}
