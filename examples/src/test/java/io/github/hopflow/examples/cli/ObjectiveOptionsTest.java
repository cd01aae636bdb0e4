package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --center} and {@code --stiffness} of the quadratic objective on run, sample and flow. */
class QuadraticParametersTest {

    @TempDir
    Path dir;

    private static int execute(StringWriter err, String... args) {
        CommandLine cl = HopflowCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void runAndSampleRecordTheQuadraticParameters() throws Exception {
        for (String command : new String[] {"run", "sample"}) {
            Path out = dir.resolve(command);
            StringWriter err = new StringWriter();
            int code = execute(err, command, "--objective", "quadratic", "--dim", "2", "--center", "0.3,0.6",
                    "--stiffness", "40", "--temperature", "1", "--particles", "50", "--steps", "3", "--quiet",
                    "--out", out.toString());
            assertEquals(0, code, err.toString());
            JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
            JsonNode params = summary.has("parameters") ? summary.get("parameters") : summary;
            JsonNode center = params.findValue("center");
            assertArrayEquals(new double[] {0.3, 0.6}, new double[] {center.get(0).asDouble(), center.get(1).asDouble()}, 0.0,
                    command);
            assertEquals(40.0, params.findValue("stiffness").asDouble(), 0.0, command);
        }
    }

    @Test
    void flowDescendsToTheGivenCentre() {
        StringWriter out = new StringWriter();
        CommandLine cl = HopflowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("flow", "--objective", "quadratic", "--dim", "2", "--center", "0.3,0.6",
                "--stiffness", "5", "--from", "0.5,0.5", "--step", "0.1", "--steps", "400", "--json");
        assertEquals(0, code);
        String json = out.toString();
        assertTrue(json.contains("\"final\""), json);
        JsonNode fin;
        try {
            fin = Json.mapper().readTree(json).get("final");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(0.3, fin.get(0).asDouble(), 1e-3);
        assertEquals(0.6, fin.get(1).asDouble(), 1e-3);
    }

    @Test
    void parametersForAnotherObjectiveAreBadInput() {
        StringWriter err = new StringWriter();
        int code = execute(err, "sample", "--objective", "himmelblau", "--center", "0.3,0.6", "--quiet",
                "--out", dir.resolve("bad").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--center applies to --objective quadratic only"), err.toString());

        StringWriter err2 = new StringWriter();
        int code2 = execute(err2, "run", "--objective", "quadratic", "--dim", "2", "--center", "0.3,x", "--quiet",
                "--out", dir.resolve("bad2").toString());
        assertEquals(2, code2);
        assertTrue(err2.toString().contains("--center"), err2.toString());
    }
}
