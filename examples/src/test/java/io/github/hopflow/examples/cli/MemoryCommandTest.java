package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hopflow memory}: perfect recall far below capacity, failure far above it (the classic
 * capacity is a load of 0.138), and stored patterns from a file.
 */
class MemoryCommandTest {

    @TempDir
    Path dir;

    private static JsonNode csvRows(Path csv) throws java.io.IOException {
        List<String> lines = Files.readAllLines(csv);
        var array = Json.mapper().createArrayNode();
        String[] header = lines.get(0).split(",");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            var row = Json.mapper().createObjectNode();
            for (int k = 0; k < header.length; k++) {
                row.put(header[k], f[k]);
            }
            array.add(row);
        }
        return array;
    }

    @Test
    void recallIsPerfectBelowCapacityAndFailsFarAboveIt() throws Exception {
        Path out = dir.resolve("m");
        Cli.Result r = Cli.run("memory", "--units", "100", "--loads", "0.03,0.4", "--noise", "0.1", "--trials", "5",
                "--quiet", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = csvRows(out.resolve("recall.csv"));
        assertEquals(4, rows.size());
        for (JsonNode row : rows) {
            double overlap = row.get("mean_overlap").asDouble();
            if (row.get("load").asDouble() < 0.1) {
                assertEquals(1.0, overlap, 0, row.toString());
            } else {
                assertTrue(overlap < 0.9, row.toString());
            }
        }
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(0.4, summary.get("breakdown_load").get("hopfield").get("0.1").asDouble(), 0);
        assertTrue(Files.size(out.resolve("recall.png")) > 0);
    }

    @Test
    void storedPatternsComeFromAFile() throws Exception {
        Path p = dir.resolve("p.csv");
        // two orthogonal patterns of 8 units, as 0/1
        Files.writeString(p, "1,1,1,1,0,0,0,0\n1,0,1,0,1,0,1,0\n");
        Path out = dir.resolve("f");
        Cli.Result r = Cli.run("memory", "--patterns", p.toString(), "--noise", "0.125", "--trials", "3", "--quiet",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = csvRows(out.resolve("recall.csv"));
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).get("patterns").asInt());
        assertEquals(1.0, rows.get(0).get("mean_overlap").asDouble(), 0, rows.toString());

        Files.writeString(p, "1,1,-1\n1,2,-1\n");
        Cli.Result bad = Cli.run("memory", "--patterns", p.toString(), "--quiet", "--out", dir.resolve("g").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("row 2 entry 2 is 2.0"), bad.err());
    }
}
