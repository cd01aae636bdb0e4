package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hopflow.geometry.network.NetworkFiles;
import io.github.hopflow.geometry.network.WeightedGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hopflow graph} and {@code hopflow maxcut}: files, JSON, the baseline, and bad graph files. */
class MaxCutCommandTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedGraphIsCutAndThePartitionWritten() throws Exception {
        Path g = dir.resolve("g.txt");
        Cli.Result made = Cli.run("graph", "--kind", "torus", "--rows", "4", "--columns", "5", "--seed", "3", "--out",
                g.toString());
        assertEquals(0, made.exit(), made.err());
        WeightedGraph graph = NetworkFiles.readGraph(g);
        assertEquals(20, graph.nodes());
        assertEquals(40, graph.edges());
        assertEquals(2, Cli.run("graph", "--kind", "torus", "--out", g.toString()).exit(), "an existing file is kept");

        Path out = dir.resolve("cut");
        Cli.Result r = Cli.run("maxcut", g.toString(), "--budget", "20000", "--json", "--quiet", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        for (String key : List.of("cut", "partition", "evaluations", "seconds")) {
            assertTrue(json.has(key), key + " in " + r.out());
        }
        assertEquals(20, json.get("partition").size());
        int[] side = new int[20];
        List<String> lines = Files.readAllLines(out.resolve("partition.csv"));
        assertEquals(20, lines.size());
        for (int i = 0; i < 20; i++) {
            side[i] = Integer.parseInt(lines.get(i));
            assertEquals(side[i], json.get("partition").get(i).asInt());
        }
        assertEquals(graph.cut(side), json.get("cut").asDouble(), 0);
        assertTrue(json.get("evaluations").asLong() <= 20000);
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(json.get("cut").asDouble(), summary.get("cut").asDouble(), 0);

        // the baseline on the same graph: a 20-node torus is solved exactly by both
        Cli.Result sa = Cli.run("maxcut", g.toString(), "--method", "annealing", "--restarts", "2", "--sweeps", "300",
                "--json", "--quiet");
        assertEquals(0, sa.exit(), sa.err());
        assertEquals(json.get("cut").asDouble(), Json.mapper().readTree(sa.out()).get("cut").asDouble(), 0);
    }

    @Test
    void theSameSeedGivesTheSameCutWhateverTheThreads() throws Exception {
        Path g = dir.resolve("r.txt");
        assertEquals(0, Cli.run("graph", "--nodes", "60", "--density", "0.1", "--out", g.toString()).exit());
        JsonNode one = Json.mapper().readTree(Cli.run("maxcut", g.toString(), "--budget", "4000", "--threads", "1",
                "--json", "--quiet").out());
        JsonNode two = Json.mapper().readTree(Cli.run("maxcut", g.toString(), "--budget", "4000", "--threads", "2",
                "--json", "--quiet").out());
        assertEquals(one.get("partition"), two.get("partition"));
    }
}
