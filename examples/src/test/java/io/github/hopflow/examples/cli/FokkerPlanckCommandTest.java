package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hopflow.examples.plot.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hopflow fokker-planck}: the reference density, and the accuracy of a run's values against it. */
class FokkerPlanckCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheDensityOnTheCellCentresWithItsSummaryAndFigure() throws IOException {
        Path out = tmp.resolve("fp");
        Cli.Result r = Cli.run("fokker-planck", "--grid", "40", "--time", "0.01", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("density.csv"));
        assertEquals("x1,x2,rho", lines.get(0));
        assertEquals(1 + 40 * 40, lines.size());
        double mass = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double x1 = Double.parseDouble(f[0]);
            double rho = Double.parseDouble(f[2]);
            assertTrue(x1 > 0 && x1 < 1 && rho >= 0, line);
            mass += rho / (40.0 * 40.0);
        }
        assertEquals(1, mass, 1e-12, "the cell averages integrate to one");
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(1, s.get("mass").asDouble(), 1e-12);
        assertTrue(s.get("free_energy").asDouble() > s.get("minimum_free_energy").asDouble(),
                "F(ρ_t) lies above its minimum −T log Z");
        assertEquals(0.01, s.get("parameters").get("time").asDouble(), 1e-15);
        Images.assertValidImage(out.resolve("density.png"), 300, 300);
    }

    @Test
    void theEuclideanMetricNeedsABoxAndSolvesOnIt() throws IOException {
        Path out = tmp.resolve("ou");
        Cli.Result r = Cli.run("fokker-planck", "--dim", "1", "--metric", "euclidean", "--objective", "quadratic",
                "--box", "-3,4", "--temperature", "0.5", "--grid", "200", "--time", "0.5", "--out", out.toString(),
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertEquals(1, s.get("mass").asDouble(), 1e-12);
        assertEquals(-3, s.get("parameters").get("lower").get(0).asDouble());
    }

    @Test
    void comparesARunsValuesWithTheSolutionAndKeepsTheRunsFiles() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, Cli.run("run", "--particles", "60", "--steps", "20", "--snapshot-every", "10", "--out",
                run.toString(), "--quiet").exit());
        String summary = Files.readString(run.resolve("summary.json"));
        Cli.Result r = Cli.run("fokker-planck", "--compare", run.toString(), "--grid", "40");
        assertEquals(0, r.exit(), r.err());
        List<String> rows = Files.readAllLines(run.resolve("accuracy.csv"));
        assertEquals(List.of("step,time,mad,slope"), rows.subList(0, 1));
        assertEquals(3, rows.size(), "steps 10 and 20 (the uniform start has no contrast to measure): " + rows);
        assertTrue(rows.get(2).startsWith("20,0.002,"), rows.get(2));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double mad = Double.parseDouble(f[2]);
            double slope = Double.parseDouble(f[3]);
            assertTrue(mad > 0 && mad < 2 && slope > -1 && slope < 2, row);
        }
        Images.assertValidImage(run.resolve("accuracy.png"), 400, 300);
        assertEquals(summary, Files.readString(run.resolve("summary.json")), "the run's own files stay");
        assertTrue(Files.exists(run.resolve("snapshots/step-000020.csv")));
        List<String> manifest = Files.readAllLines(run.resolve(io.github.hopflow.examples.output.OutputDirectory.MANIFEST));
        assertTrue(manifest.contains("accuracy.csv") && manifest.contains("summary.json"), manifest.toString());
    }

    @Test
    void aCompareDirectoryWithoutParametersOrSnapshotsIsRefused() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli.Result r = Cli.run("fokker-planck", "--compare", empty.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("summary.json"), r.err());
        Files.writeString(empty.resolve("summary.json"), "{\"parameters\": {\"step\": 1e-4, \"temperature\": 25}}");
        r = Cli.run("fokker-planck", "--compare", empty.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("snapshots"), r.err());
        Files.writeString(empty.resolve("summary.json"), "{\"parameters\": {\"temperature\": 25}}");
        r = Cli.run("fokker-planck", "--compare", empty.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("step"), r.err());
        assertFalse(Files.exists(empty.resolve("accuracy.csv")));
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
