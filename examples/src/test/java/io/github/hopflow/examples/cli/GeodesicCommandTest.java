package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GeodesicCommandTest {

    static final class Result {
        final int code;
        final String out;
        final String err;

        Result(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    static Result run(String... args) {
        CommandLine cl = HopflowCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasDistanceAndPath() throws Exception {
        Result r = run("geodesic", "--beta", "0.25", "--from", "0.5,0.5", "--to", "0.9,0.2", "--points", "5", "--json");
        assertEquals(0, r.code, r.err);
        JsonNode root = new ObjectMapper().readTree(r.out);
        double expected = Math.hypot((Math.asin(Math.sqrt(0.5)) - Math.asin(Math.sqrt(0.9))) / 0.5,
                (Math.asin(Math.sqrt(0.5)) - Math.asin(Math.sqrt(0.2))) / 0.5);
        assertEquals(expected, root.get("distance").asDouble(), 1e-14);
        JsonNode path = root.get("path");
        assertEquals(5, path.size());
        assertEquals(0.5, path.get(0).get(0).asDouble(), 0.0);
        assertEquals(0.2, path.get(4).get(1).asDouble(), 1e-15);
        double mid = Math.pow(Math.sin(0.5 * Math.asin(Math.sqrt(0.5)) + 0.5 * Math.asin(Math.sqrt(0.9))), 2);
        assertEquals(mid, path.get(2).get(0).asDouble(), 1e-14);
    }

    @Test
    void textOutputAndHelp() {
        Result r = run("geodesic", "--from", "0.3", "--to", "0.6");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("distance "), r.out);
        Result h = run("geodesic", "--help");
        assertEquals(0, h.code);
        assertTrue(h.out.contains("--points") && h.out.contains("Default: 11") && h.out.contains("Default: 0.25"),
                h.out);
    }

    @Test
    void badInputExitsWithStatus2AndNamesParameterAndValue() {
        Result r = run("geodesic", "--from", "0.5,1.5", "--to", "0.5,0.5");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--from[1]") && r.err.contains("1.5"), r.err);
        assertFalse(r.err.contains("at io.github"), r.err);
        r = run("geodesic", "--beta", "-1", "--from", "0.5", "--to", "0.2");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--beta") && r.err.contains("-1"), r.err);
        r = run("geodesic", "--beta", "NaN", "--from", "0.5", "--to", "0.2");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--beta") && r.err.contains("NaN"), r.err);
        r = run("geodesic", "--from", "0.5,0.1", "--to", "0.2");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--to"), r.err);
        r = run("geodesic", "--from", "0.5,abc", "--to", "0.2,0.1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--from") && r.err.contains("abc"), r.err);
        r = run("geodesic", "--from", "0.5", "--to", "0.2", "--points", "1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--points") && r.err.contains("1"), r.err);
    }
}
