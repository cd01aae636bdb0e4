package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hopflow firing-rate}: a ReLU network with a known equilibrium, from CSV and Matrix Market files. */
class FiringRateCommandTest {

    @TempDir
    Path dir;

    @Test
    void reachesTheKnownEquilibriumAndReportsContraction() throws Exception {
        // W = [[0, -0.5], [-0.5, 0]], B = I (2 x 2 in Matrix Market), u = (1, 2):
        // x = ReLU(Wx + u) has x2 = 2 - x1/2 > 0, x1 = max(0, 1 - x2/2); x1 = 0, x2 = 2
        Path w = dir.resolve("W.csv");
        Files.writeString(w, "0,-0.5\n-0.5,0\n");
        Path b = dir.resolve("B.mtx");
        Files.writeString(b, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n2 2 1\n");
        Path u = dir.resolve("u.csv");
        Files.writeString(u, "1\n2\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("firing-rate", "--weights", w.toString(), "--input-weights", b.toString(), "--input",
                u.toString(), "--transfer", "relu", "--out", out.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        List<String> x = Files.readAllLines(out.resolve("x.csv"));
        assertEquals(0.0, Double.parseDouble(x.get(0)), 1e-8);
        assertEquals(2.0, Double.parseDouble(x.get(1)), 1e-8);
        JsonNode s = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(s.get("converged").asBoolean());
        // μ∞(−I + dW) for d ∈ [0, 1]: −1 + 0.5 at d = 1
        assertEquals(-0.5, s.get("contraction").get("linf").asDouble(), 1e-12);
        assertTrue(s.get("contracting").asBoolean());
        assertTrue(Files.size(out.resolve("trajectory.png")) > 0);
    }

    @Test
    void inconsistentFilesAreRefused() throws Exception {
        Path w = dir.resolve("W.csv");
        Files.writeString(w, "0,1,2\n1,0,2\n");
        Path out = dir.resolve("none");
        Cli.Result r = Cli.run("firing-rate", "--weights", w.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("must be square, got 2 x 3"), r.err());
        Files.writeString(w, "0,1\n1,0\n");
        Path u = dir.resolve("u.csv");
        Files.writeString(u, "1\n2\n3\n");
        r = Cli.run("firing-rate", "--weights", w.toString(), "--input", u.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--input: vector file"), r.err());
        assertTrue(!Files.exists(out));
    }
}
