package io.github.hopflow.wasserstein;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the outside reference fixtures kept in this module's test resources
 * ({@code io/github/hopflow/wasserstein/fixtures/}). Each was made by a script under
 * {@code docs/reference/} with an outside tool; {@code docs/reference/README.md} says which, with
 * which version, and how to make the file again. Nothing outside the repository is read.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A parsed fixture file of the test resources. */
    public static JsonNode read(String name) {
        String resource = "fixtures/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource io/github/hopflow/wasserstein/" + resource);
            }
            return new ObjectMapper().readTree(in);
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
