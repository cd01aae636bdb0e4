package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.sde.io.CloudCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleCommandTest {

    @TempDir
    Path tmp;

    private static final class Outcome {
        int code;
        String out;
        String err;
    }

    private static Outcome run(String... args) {
        CommandLine cl = HopflowCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        Outcome o = new Outcome();
        o.code = cl.execute(args);
        o.out = out.toString();
        o.err = err.toString();
        return o;
    }

    private static List<String> snapshotNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("snapshots"))) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesSnapshotsAndSummary() throws IOException {
        Path dir = tmp.resolve("run");
        Outcome o = run("sample", "--particles", "300", "--steps", "25", "--snapshot-every", "10", "--seed", "3",
                "--threads", "2", "--out", dir.toString(), "--quiet", "--json");
        assertEquals(0, o.code, o.err);
        assertEquals(List.of("step-000000.csv", "step-000010.csv", "step-000020.csv", "step-000025.csv"),
                snapshotNames(dir));
        assertEquals("x1,x2", Files.readAllLines(dir.resolve("snapshots/step-000025.csv")).get(0));
        WeightedPointCloud last = CloudCsv.read(dir.resolve("snapshots/step-000025.csv"));
        assertEquals(300, last.size());
        for (int p = 0; p < last.size(); p++) {
            for (int i = 0; i < 2; i++) {
                assertTrue(last.coordinate(p, i) >= 0 && last.coordinate(p, i) <= 1);
            }
        }
        JsonNode summary = Json.mapper().readTree(dir.resolve("summary.json").toFile());
        for (String key : List.of("objective", "dim", "particles", "temperature", "beta", "metric", "scheme",
                "boundary", "step", "steps", "seed", "threads", "wall_seconds", "particle_steps_per_second",
                "boundary_exits")) {
            assertTrue(summary.has(key), "summary key " + key);
        }
        assertEquals(25, summary.get("steps").asLong());
        assertEquals(3, summary.get("seed").asLong());
        assertEquals("himmelblau", summary.get("objective").asText());
        JsonNode printed = Json.mapper().readTree(o.out.trim());
        assertEquals(summary.get("steps"), printed.get("steps"));

        // the same seed with one thread gives the same final cloud
        Path again = tmp.resolve("again");
        assertEquals(0, run("sample", "--particles", "300", "--steps", "25", "--seed", "3", "--threads", "1",
                "--out", again.toString(), "--quiet").code);
        assertArrayEquals(last.positions(), CloudCsv.read(again.resolve("snapshots/step-000025.csv")).positions());
    }

    @Test
    void timeOptionInitFileAndHumanSummary() throws IOException {
        Path init = tmp.resolve("init.csv");
        Files.writeString(init, "x1,x2\n0.1,0.2\n0.5,0.5\n0.9,0.3\n");
        Path dir = tmp.resolve("t");
        Outcome o = run("sample", "--init", init.toString(), "--time", "0.001", "--step", "1e-4", "--scheme",
                "isometric", "--out", dir.toString(), "--quiet");
        assertEquals(0, o.code, o.err);
        assertTrue(o.out.contains("3 particles"), o.out);
        assertEquals(List.of("step-000000.csv", "step-000010.csv"), snapshotNames(dir));
        assertArrayEquals(new double[] {0.1, 0.2, 0.5, 0.5, 0.9, 0.3},
                CloudCsv.read(dir.resolve("snapshots/step-000000.csv")).positions());
    }

    @Test
    void euclideanMetricStartsFromANormalCloud() throws IOException {
        Path dir = tmp.resolve("e");
        Outcome o = run("sample", "--objective", "quadratic", "--dim", "3", "--metric", "euclidean", "--particles",
                "50", "--steps", "5", "--temperature", "1", "--out", dir.toString(), "--quiet");
        assertEquals(0, o.code, o.err);
        assertEquals("x1,x2,x3", Files.readAllLines(dir.resolve("snapshots/step-000005.csv")).get(0));
        WeightedPointCloud first = CloudCsv.read(dir.resolve("snapshots/step-000000.csv"));
        boolean negative = false;
        for (double v : first.positions()) {
            negative |= v < 0;
        }
        assertTrue(negative, "a standard normal start has negative coordinates");
    }

    @Test
    void badInputExitsWithStatus2AndNamesTheOption() {
        String out = tmp.resolve("bad").toString();
        assertBad(run("sample", "--temperature", "-1", "--out", out, "--quiet"), "--temperature", "-1");
        assertBad(run("sample", "--step", "0", "--out", out, "--quiet"), "--step", "0");
        assertBad(run("sample", "--particles", "0", "--out", out, "--quiet"), "--particles", "0");
        assertBad(run("sample", "--objective", "nosuch", "--out", out, "--quiet"), "nosuch");
        assertBad(run("sample", "--objective", "himmelblau", "--dim", "3", "--out", out, "--quiet"), "dimension");
        assertBad(run("sample", "--steps", "5", "--time", "1", "--out", out, "--quiet"), "mutually exclusive");
        assertBad(run("sample", "--scheme", "magic", "--out", out, "--quiet"), "magic");
        assertBad(run("sample", "--steps", "abc", "--out", out, "--quiet"), "abc");
        assertBad(run("sample", "--init", tmp.resolve("missing.csv").toString(), "--out", out, "--quiet"), "missing.csv");
    }

    @Test
    void refusesAnExistingNonEmptyOutputWithoutForce() throws IOException {
        Path dir = tmp.resolve("full");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keep.txt"), "precious");
        assertBad(run("sample", "--steps", "2", "--out", dir.toString(), "--quiet"), "--force");
        assertTrue(Files.exists(dir.resolve("keep.txt")));
        Outcome o = run("sample", "--steps", "2", "--out", dir.toString(), "--quiet", "--force");
        assertEquals(0, o.code, o.err);
        assertEquals("precious", Files.readString(dir.resolve("keep.txt")), "a file hopflow did not write stays");
        assertTrue(Files.exists(dir.resolve("summary.json")));
    }

    private static void assertBad(Outcome o, String... parts) {
        assertEquals(2, o.code, "exit status; stderr: " + o.err);
        for (String part : parts) {
            assertTrue(o.err.contains(part), "stderr '" + o.err + "' should contain '" + part + "'");
        }
    }
}
