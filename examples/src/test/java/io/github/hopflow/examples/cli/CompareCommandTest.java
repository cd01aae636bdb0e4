package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hopflow.examples.plot.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path tmp;

    @Test
    void reportsEveryMethodWithValuesInRange() throws Exception {
        Path out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", "--objective", "himmelblau", "--dim", "2", "--particles", "40",
                "--steps", "200", "--records", "11", "--seed", "3", "--threads", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
        assertTrue(doc.get("complete").asBoolean());
        assertTrue(doc.get("settings").get("density_flow").asBoolean());
        List<String> names = new ArrayList<>();
        for (JsonNode m : doc.get("methods")) {
            names.add(m.get("name").asText());
            double fraction = m.get("global_basin_fraction").asDouble();
            assertTrue(fraction >= 0 && fraction <= 1, m.get("name") + " fraction " + fraction);
            assertTrue(m.get("wall_seconds").asDouble() >= 0);
            JsonNode curve = m.get("curve").get("mean_objective");
            assertEquals(11, curve.size());
            double first = curve.get(0).asDouble();
            double last = curve.get(curve.size() - 1).asDouble();
            assertTrue(last >= 0 && last < first, m.get("name") + ": E[f] from " + first + " to " + last);
            if (!m.get("stochastic").asBoolean()) {
                // every deterministic flow descends to a minimiser, and all of f's minimisers are global
                assertTrue(last < 1e-3, m.get("name") + " final E[f] " + last);
                assertEquals(1.0, fraction, 1e-12, m.get("name").asText());
            } else {
                // the machine samples rho_inf at T = 25: E[f] near T·n/2, well above 0
                assertTrue(last > 5 && last < 60, "diffusion machine final E[f] " + last);
                // run as the density flow: the free energy falls from its start (uniform, rho = 1); with
                // 40 points the first steps' estimates are noisy, so their mean is the start
                JsonNode fe = m.get("free_energy");
                assertEquals(200, fe.size());
                double start = 0;
                for (int k = 0; k < 20; k++) {
                    start += fe.get(k).asDouble() / 20;
                }
                assertTrue(m.get("final_free_energy").asDouble() < start, "free energy " + fe);
            }
        }
        assertEquals(List.of("diffusion-machine", "hopfield", "natural-gradient", "mirror", "proximal", "firing-rate"), names);
        // every method starts from the same samples
        double e0 = doc.get("methods").get(0).get("curve").get("mean_objective").get(0).asDouble();
        for (JsonNode m : doc.get("methods")) {
            assertEquals(e0, m.get("curve").get("mean_objective").get(0).asDouble(), 1e-9 * e0);
        }
        Images.assertValidImage(out.resolve("compare.png"), 800, 500);
    }

    @Test
    void localMinimaTrapSomeDeterministicTrajectories() throws Exception {
        Path out = tmp.resolve("rastrigin");
        Cli.Result r = Cli.run("compare", "--objective", "rastrigin", "--dim", "2", "--particles", "40",
                "--steps", "100", "--temperature", "5", "--methods", "natural-gradient,firing-rate",
                "--out", out.toString(), "--json", "--quiet");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode ng = doc.get("methods").get(1);
        assertEquals("natural-gradient", ng.get("name").asText());
        double fraction = ng.get("global_basin_fraction").asDouble();
        assertTrue(fraction < 0.5, "most of 40 uniform starts on Rastrigin end in local minima, got " + fraction);
    }

    @Test
    void badInputExitsWithStatusTwo() {
        Path out = tmp.resolve("bad");
        Cli.Result r = Cli.run("compare", "--objective", "nosuch", "--dim", "2", "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nosuch"), r.err());
        r = Cli.run("compare", "--objective", "himmelblau", "--dim", "2", "--particles", "0", "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--particles"), r.err());
        r = Cli.run("compare", "--objective", "himmelblau", "--dim", "2", "--methods", "gradient-ascent", "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("gradient-ascent"), r.err());
        assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void existingOutputDirectoryNeedsForce() throws Exception {
        Path out = tmp.resolve("taken");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "x");
        String[] args = {"compare", "--objective", "himmelblau", "--dim", "2", "--particles", "8", "--steps", "10",
            "--out", out.toString(), "--quiet"};
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--force"), r.err());
        assertTrue(Files.exists(out.resolve("keep.txt")));
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertEquals(0, Cli.run(forced).exit());
        assertTrue(Files.exists(out.resolve("compare.json")));
    }
}
