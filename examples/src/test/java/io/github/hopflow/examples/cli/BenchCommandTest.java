package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bench command's output format and bad input (no timing assertions). */
class BenchCommandTest {

    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        CommandLine cl = HopflowCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void customConfigurationPrintsOneJsonLineWithTheRequiredKeys() throws Exception {
        String[] r = run("bench", "--particles", "300", "--dim", "3", "--steps", "3", "--threads", "2", "--json");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].trim().split("\n");
        assertEquals(1, lines.length, r[1]);
        JsonNode row = Json.mapper().readTree(lines[0]);
        assertEquals(300, row.get("particles").asInt());
        assertEquals(3, row.get("dim").asInt());
        for (String key : new String[] {"ms_per_step", "ms_per_prox_step", "updates_per_second"}) {
            assertTrue(row.get(key).isNumber() && row.get(key).asDouble() > 0, key + " in " + lines[0]);
        }
        assertTrue(row.get("ms_per_step").asDouble() >= row.get("ms_per_prox_step").asDouble(), lines[0]);
        assertEquals("dense_float", row.get("kernel").asText());
    }

    @Test
    void tableRowsAreSelectedByTheFilters() {
        String[] r = run("bench", "--particles", "2000", "--dim", "10", "--steps", "1", "--threads", "1");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].trim().split("\n");
        assertEquals(2, lines.length, r[1]);
        assertTrue(lines[1].startsWith("step") && lines[1].contains("2000") && lines[1].contains("<= 30 ms"), r[1]);
    }

    @Test
    void scalingWritesThePlot() throws Exception {
        Path png = tmp.resolve("scaling.png");
        String[] r = run("bench", "--scaling", "--steps", "1", "--out", png.toString(), "--sizes", "200,400");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.size(png) > 1000, r[1]);
    }

    @Test
    void badInputNamesTheOption() {
        String[] r = run("bench", "--particles", "1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--particles must be >= 2, got 1"), r[2]);
        r = run("bench", "--threads", "0", "--particles", "500");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--threads must be >= 1, got 0"), r[2]);
        r = run("bench", "--kernel-tolerance", "1", "--particles", "500");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--kernel-tolerance"), r[2]);
    }
}
