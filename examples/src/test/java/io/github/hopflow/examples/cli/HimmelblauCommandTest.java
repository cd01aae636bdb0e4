package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hopflow.examples.plot.Images;
import io.github.hopflow.examples.snapshot.SnapshotDirectory;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.sde.io.CloudCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction on a reduced budget (fewer particles, a shorter horizon): one run shared by
 * the checks of this class.
 */
@org.junit.jupiter.api.Tag("slow")
class HimmelblauCommandTest {

    static final int PARTICLES = 400;
    static final int STEPS = 800;

    @TempDir
    static Path tmp;

    static Path out;
    static Cli.Result result;

    @BeforeAll
    static void runReducedBudget() {
        out = tmp.resolve("himmelblau");
        result = Cli.run("himmelblau", "--out", out.toString(), "--particles", Integer.toString(PARTICLES),
                "--steps", Integer.toString(STEPS), "--snapshot-every", "10", "--frames", "4", "--seed", "7",
                "--threads", "2", "--quiet");
    }

    @Test
    void findsAllFourModesNearTheMinimisers() throws Exception {
        assertEquals(0, result.exit(), result.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("completed").asBoolean());
        assertEquals(STEPS, summary.get("steps_done").asInt());
        JsonNode minimisers = summary.get("minimisers");
        assertEquals(4, minimisers.size());
        List<double[]> truth = ScaledHimmelblau.of().globalMinimisers();
        for (int k = 0; k < 4; k++) {
            JsonNode m = minimisers.get(k);
            assertEquals(truth.get(k)[0], m.get("minimiser").get(0).asDouble(), 1e-12);
            double d = m.get("distance").asDouble();
            assertTrue(d < 0.03, "minimiser " + k + " nearest mode at distance " + d + ": " + m);
        }
        assertTrue(summary.get("all_modes_found").asBoolean());
        double mad = summary.get("spread").get("mad").asDouble();
        assertTrue(mad > 0 && mad < 1.0, "spread of log rho + f/T " + mad);
        JsonNode trace = summary.get("free_energy").get("trace");
        assertEquals(STEPS, trace.size());
        double first = trace.get(0).get("value").asDouble();
        double last = trace.get(STEPS - 1).get("value").asDouble();
        double minimum = summary.get("free_energy").get("minimum").asDouble();
        assertTrue(last < first, "free energy decreases: " + first + " -> " + last);
        assertTrue(Math.abs(last - minimum) < 0.2 * Math.abs(minimum) + 5, "F " + last + " vs minimum " + minimum);
        assertTrue(result.out().contains("within 0.03: yes"), result.out());
    }

    @Test
    void writesEveryFigure() throws Exception {
        assertEquals(0, result.exit(), result.err());
        for (String name : List.of("geodesic-balls.png", "objective.png", "stationary.png", "runtime.png",
                "free-energy.png")) {
            Images.assertValidImage(out.resolve(name), 600, 400);
        }
        Images.assertValidImage(out.resolve("evolution.png"), 900, 900);
        Images.assertValidImage(out.resolve("evolution.gif"), 500, 500);
    }

    @Test
    void writesSnapshotsAsTheRunCommandDoes() throws Exception {
        assertEquals(0, result.exit(), result.err());
        SnapshotDirectory dir = SnapshotDirectory.open(out.resolve("snapshots"));
        List<Integer> steps = dir.steps();
        assertEquals(STEPS / 10 + 1, steps.size());
        for (int k = 0; k < steps.size(); k++) {
            assertEquals(10 * k, steps.get(k));
        }
        assertEquals("x1,x2,rho", Files.readAllLines(out.resolve("snapshots/step-000800.csv")).get(0));
        WeightedPointCloud last = CloudCsv.read(out.resolve("snapshots/step-000800.csv"));
        assertEquals(PARTICLES, last.size());
        for (int i = 0; i < last.size(); i++) {
            assertTrue(last.coordinate(i, 0) > 0 && last.coordinate(i, 0) < 1);
        }
    }

    @Test
    void plotRedrawsTheSavedRun() throws Exception {
        assertEquals(0, result.exit(), result.err());
        Path png = tmp.resolve("redrawn.png");
        Cli.Result r = Cli.run("plot", "--snapshots", out.resolve("snapshots").toString(), "--out", png.toString(),
                "--frames", "3");
        assertEquals(0, r.exit(), r.err());
        Images.assertValidImage(png, 900, 300);
    }

    @Test
    void refusesToReuseTheOutputDirectoryWithoutForce() {
        Cli.Result again = Cli.run("himmelblau", "--out", out.toString(), "--steps", "2", "--quiet");
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("--force"), again.err());
        assertTrue(Files.exists(out.resolve("summary.json")), "the earlier run is untouched");
    }

    @Test
    void badInputExitsWithStatusTwo() {
        Path bad = tmp.resolve("bad");
        for (String[] args : List.of(
                new String[] {"--particles", "1"},
                new String[] {"--eps", "0"},
                new String[] {"--step", "-1e-4"},
                new String[] {"--time", "0"},
                new String[] {"--scheme", "heun"},
                new String[] {"--time", "0.1", "--steps", "10"})) {
            String[] full = new String[args.length + 4];
            full[0] = "himmelblau";
            System.arraycopy(args, 0, full, 1, args.length);
            full[args.length + 1] = "--out";
            full[args.length + 2] = bad.toString();
            full[args.length + 3] = "--quiet";
            Cli.Result r = Cli.run(full);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("at io.github"), "no stack trace: " + r.err());
        }
        assertFalse(Files.exists(bad.resolve("summary.json")));
    }
}
