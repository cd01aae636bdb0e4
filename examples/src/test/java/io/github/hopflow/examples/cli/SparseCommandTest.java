package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hopflow.geometry.sparse.Fista;
import io.github.hopflow.geometry.sparse.PositiveLasso;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hopflow sparse}: the files it writes and its equilibrium against FISTA, from CSV input. */
class SparseCommandTest {

    @TempDir
    Path dir;

    @Test
    void reconstructsASparseSignalFromFiles() throws IOException {
        int m = 32;
        int n = 80;
        Random r = new Random(8);
        double[] d = new double[m * n];
        StringBuilder dText = new StringBuilder();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = r.nextGaussian() / Math.sqrt(m);
                dText.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", d[i * n + j]));
            }
            dText.append('\n');
        }
        double[] u = new double[m];
        StringBuilder uText = new StringBuilder();
        for (int i = 0; i < m; i++) {
            u[i] = d[i * n + 3] * 1.5 + d[i * n + 40] * 0.8 + d[i * n + 77];
            uText.append(String.format(Locale.ROOT, "%.17g", u[i])).append('\n');
        }
        Path dFile = dir.resolve("D.csv");
        Path uFile = dir.resolve("u.csv");
        Files.writeString(dFile, dText);
        Files.writeString(uFile, uText);
        Path out = dir.resolve("out");
        Cli.Result res = Cli.run("sparse", "--dictionary", dFile.toString(), "--signal", uFile.toString(), "--lambda",
                "0.01", "--out", out.toString(), "--json");
        assertEquals(0, res.exit(), res.err());
        JsonNode s = Json.mapper().readTree(out.resolve("summary.json").toFile());
        List<String> x = Files.readAllLines(out.resolve("x.csv"));
        assertEquals(n, x.size());
        assertTrue(Files.size(out.resolve("trajectory.png")) > 0);
        Fista.Solution reference = Fista.solve(PositiveLasso.of(d, n, u, 0.01), 1e-12, 1_000_000);
        List<Integer> expected = new java.util.ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (reference.x()[j] > 0) {
                expected.add(j + 1);
            }
        }
        List<Integer> support = Json.mapper().convertValue(s.get("support"),
                new com.fasterxml.jackson.core.type.TypeReference<List<Integer>>() { });
        // the lasso's support: the true atoms 4, 41 and 78 among it
        assertEquals(expected, support);
        assertTrue(support.containsAll(List.of(4, 41, 78)), support.toString());
        double gap = (s.get("objective").asDouble() - reference.objective()) / reference.objective();
        assertTrue(Math.abs(gap) <= 1e-6, "relative gap " + gap);
        assertTrue(s.get("residual").asDouble() <= 1e-8, "residual " + s.get("residual"));
        for (String key : List.of("iterations", "contraction_l1", "contraction_linf", "fista_objective")) {
            assertTrue(s.has(key), key);
        }
    }

    @Test
    void mismatchedSignalIsRefused() throws IOException {
        Path dFile = dir.resolve("D.csv");
        Files.writeString(dFile, "1,0\n0,1\n1,1\n");
        Path uFile = dir.resolve("u.csv");
        Files.writeString(uFile, "1\n2\n");
        Path out = dir.resolve("none");
        Cli.Result res = Cli.run("sparse", "--dictionary", dFile.toString(), "--signal", uFile.toString(), "--lambda",
                "0.1", "--out", out.toString());
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("has 2 values but --dictionary"), res.err());
        assertTrue(!Files.exists(out));
    }
}
