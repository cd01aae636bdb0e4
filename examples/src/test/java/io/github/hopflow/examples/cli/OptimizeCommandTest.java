package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hopflow.examples.optimize.ResultsCsv;
import io.github.hopflow.examples.optimize.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OptimizeCommandTest {

    @TempDir
    Path tmp;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cl = HopflowCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void csvAndJsonAgreeOnSuccessRatesAndEvaluationCounts() throws Exception {
        Path dir = tmp.resolve("out");
        Outcome o = run("optimize", "--objective", "himmelblau,quadratic", "--dim", "2", "--runs", "4",
                "--budget", "1500", "--seed", "5", "--threads", "2", "--out", dir.toString(), "--quiet", "--json");
        assertEquals(0, o.status(), o.err());
        assertTrue(Files.size(dir.resolve("ecdf.png")) > 1000);
        List<RunResult> rows = ResultsCsv.read(dir.resolve("results.csv"));
        JsonNode summary = Json.mapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(Json.mapper().readTree(o.out()), summary);
        JsonNode groups = summary.get("results");
        int methods = summary.get("settings").get("methods").size();
        assertEquals(2 * methods * 4, rows.size());
        assertEquals(2 * methods, groups.size());
        int solvedSomewhere = 0;
        for (JsonNode g : groups) {
            List<RunResult> mine = new ArrayList<>();
            for (RunResult r : rows) {
                if (r.objective().equals(g.get("objective").asText()) && r.dimension() == g.get("dim").asInt()
                        && r.method().equals(g.get("method").asText())) {
                    mine.add(r);
                }
            }
            assertEquals(4, mine.size());
            long solved = mine.stream().filter(RunResult::solved).count();
            long total = mine.stream().mapToLong(RunResult::evaluations).sum();
            assertEquals(g.get("runs").asInt(), mine.size());
            assertEquals(solved, g.get("successes").asLong(), g.toString());
            assertEquals(solved / 4.0, g.get("success_rate").asDouble(), 1e-15);
            assertEquals(total, g.get("total_evaluations").asLong(), g.toString());
            double[] ett = mine.stream().filter(RunResult::solved).mapToDouble(RunResult::evaluationsToTarget).sorted()
                    .toArray();
            if (ett.length == 0) {
                assertTrue(g.get("median_evaluations_to_target").isNull());
            } else {
                double median = ett.length % 2 == 1 ? ett[ett.length / 2]
                        : 0.5 * (ett[ett.length / 2 - 1] + ett[ett.length / 2]);
                assertEquals(median, g.get("median_evaluations_to_target").asDouble(), 0, g.toString());
                solvedSomewhere++;
            }
            for (RunResult r : mine) {
                assertTrue(r.evaluations() <= 1500);
                assertTrue(!r.solved() || (r.error() <= 1e-3 && r.evaluationsToTarget() == r.evaluations()));
                assertTrue(r.solved() || r.error() > 1e-3);
            }
        }
        assertTrue(solvedSomewhere > 0);
        for (JsonNode p : summary.get("problems")) {
            assertTrue(p.get("gradient_accounting").asText().contains("charged"), p.toString());
        }
    }

    @Test
    void threadsDoNotChangeTheResults() throws Exception {
        String[] base = {"optimize", "--objective", "himmelblau", "--runs", "3", "--budget", "800", "--seed", "9",
            "--quiet"};
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, run(concat(base, "--threads", "1", "--out", a.toString())).status());
        assertEquals(0, run(concat(base, "--threads", "2", "--out", b.toString())).status());
        assertEquals(withoutWallTime(a.resolve("results.csv")), withoutWallTime(b.resolve("results.csv")));
    }

    private static List<String> withoutWallTime(Path csv) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            // wall_seconds is the next-to-last column
            String[] c = line.split(",", -1);
            c[c.length - 2] = "";
            out.add(String.join(",", c));
        }
        return out;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badInputExitsWithStatusTwoAndAClearMessage() {
        String out = tmp.resolve("bad").toString();
        assertBad(run("optimize", "--objective", "banana", "--out", out), "banana");
        assertBad(run("optimize", "--objective", "himmelblau", "--method", "newton", "--out", out), "newton");
        assertBad(run("optimize", "--objective", "himmelblau", "--budget", "0", "--out", out), "--budget");
        assertBad(run("optimize", "--objective", "himmelblau", "--budget", "-5", "--out", out), "-5");
        assertBad(run("optimize", "--objective", "himmelblau", "--runs", "0", "--out", out), "--runs");
        assertBad(run("optimize", "--objective", "himmelblau", "--dim", "3", "--out", out), "dimension 3");
        assertBad(run("optimize", "--objective", "himmelblau", "--target", "0", "--out", out), "--target");
        assertFalse(Files.exists(tmp.resolve("bad")), "nothing is written for bad input");
    }

    private static void assertBad(Outcome o, String expected) {
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    /**
     * The user's own objective: a formula whose minimum the user states, optimised and judged
     * against it like a built-in one; without --minimum it is refused, naming the option.
     */
    @Test
    void anExpressionWithAStatedMinimumIsOptimisedLikeABuiltInObjective() throws Exception {
        Path dir = tmp.resolve("expr");
        Outcome o = run("optimize", "--objective", "expr", "--expression", "(x1 - 0.3)^2 + 2*(x2 - 0.7)^2 + 1",
                "--dim", "2", "--minimum", "1", "--method", "hopfield,diffusion", "--runs", "3", "--budget", "3000",
                "--out", dir.toString(), "--quiet", "--json");
        assertEquals(0, o.status(), o.err());
        JsonNode summary = Json.mapper().readTree(o.out());
        for (JsonNode g : summary.get("results")) {
            assertEquals(1.0, g.get("success_rate").asDouble(), g.toString());
        }
        for (RunResult r : ResultsCsv.read(dir.resolve("results.csv"))) {
            assertTrue(r.bestValue() - 1 <= 1e-3, r.toString());
        }
        Outcome missing = run("optimize", "--objective", "expr", "--expression", "x1^2 + x2^2", "--dim", "2",
                "--out", tmp.resolve("missing").toString(), "--quiet");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("--objective expr has no known global minimum; give it with --minimum F"),
                missing.err());
        Outcome needless = run("optimize", "--objective", "himmelblau", "--minimum", "0",
                "--out", tmp.resolve("needless").toString(), "--quiet");
        assertEquals(2, needless.status());
        assertTrue(needless.err().contains("--minimum applies to objectives without a known minimum"), needless.err());
    }
}
