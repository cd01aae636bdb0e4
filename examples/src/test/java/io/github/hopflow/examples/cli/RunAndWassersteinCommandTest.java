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

class RunAndWassersteinCommandTest {

    @TempDir
    Path tmp;

    private String[] run(String... args) {
        CommandLine cl = HopflowCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void runWritesSnapshotsAndSummary() throws Exception {
        Path dir = tmp.resolve("out");
        String[] r = run("run", "--particles", "60", "--steps", "20", "--snapshot-every", "10", "--out", dir.toString(),
                "--json", "--quiet");
        assertEquals("0", r[0], r[2]);
        JsonNode s = Json.mapper().readTree(r[1]);
        assertEquals(60, s.get("parameters").get("particles").asInt());
        assertEquals(20, s.get("free_energy").size());
        assertEquals(20, s.get("iterations").size());
        assertTrue(s.get("median_ms_per_step").asDouble() > 0);
        assertTrue(Double.isFinite(s.get("final_mad").asDouble()));
        assertTrue(Files.exists(dir.resolve("summary.json")));
        for (String name : new String[] {"step-000000.csv", "step-000010.csv", "step-000020.csv"}) {
            Path f = dir.resolve("snapshots").resolve(name);
            assertTrue(Files.exists(f), name);
            assertEquals("x1,x2,rho", Files.readAllLines(f).get(0));
        }
    }

    @Test
    void kernelChoicesAgreeWithinTheKernelTolerance() throws Exception {
        double[][] mads = new double[3][];
        String[] kernels = {"auto", "dense", "exact"};
        for (int k = 0; k < kernels.length; k++) {
            Path dir = tmp.resolve("kernel-" + kernels[k]);
            String[] r = run("run", "--particles", "80", "--steps", "5", "--kernel", kernels[k], "--out", dir.toString(),
                    "--json", "--quiet");
            assertEquals("0", r[0], r[2]);
            JsonNode s = Json.mapper().readTree(r[1]);
            assertEquals(kernels[k], s.get("parameters").get("kernel").asText());
            assertEquals(1e-6, s.get("parameters").get("kernel_tolerance").asDouble());
            mads[k] = new double[] {s.get("final_mad").asDouble()};
        }
        // same seed, same SDE path: the values differ only by the kernel error (below 1e-5 in log rho)
        assertEquals(mads[2][0], mads[0][0], 1e-4);
        assertEquals(mads[2][0], mads[1][0], 1e-4);
        String[] r = run("run", "--kernel", "fft", "--steps", "2", "--out", tmp.resolve("bad").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--kernel"), r[2]);
        r = run("run", "--kernel-tolerance", "0.5", "--steps", "2", "--out", tmp.resolve("bad2").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--kernel-tolerance"), r[2]);
    }

    /**
     * The logistic metric of gain 1 has the paper's mobility of gain β = 1/4: the same run, up to the
     * rounding of the two closed forms of the isometric coordinates; per-coordinate gains are
     * recorded as a list.
     */
    @Test
    void logisticMetricOfGainFourBetaRunsAsThePapersAndGainsMayDifferPerCoordinate() throws Exception {
        String[] common = {"run", "--particles", "40", "--steps", "5", "--quiet", "--json"};
        JsonNode paper = Json.mapper().readTree(run(concat(common, "--out", tmp.resolve("paper").toString()))[1]);
        String[] r = run(concat(common, "--metric", "logistic", "--beta", "1", "--out", tmp.resolve("logistic").toString()));
        assertEquals("0", r[0], r[2]);
        JsonNode logistic = Json.mapper().readTree(r[1]);
        assertEquals("logistic", logistic.get("parameters").get("metric").asText());
        for (String key : new String[] {"final_free_energy", "final_mad"}) {
            double a = paper.get(key).asDouble();
            assertEquals(a, logistic.get(key).asDouble(), 1e-9 * Math.max(1, Math.abs(a)), key);
        }
        r = run(concat(common, "--beta", "0.25,0.5", "--out", tmp.resolve("two").toString()));
        assertEquals("0", r[0], r[2]);
        JsonNode two = Json.mapper().readTree(r[1]).get("parameters").get("beta");
        assertTrue(two.isArray() && two.get(1).asDouble() == 0.5, two.toString());
        r = run(concat(common, "--metric", "sigmoid", "--out", tmp.resolve("bad").toString()));
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--metric must be hopfield, logistic or euclidean, got 'sigmoid'"), r[2]);
        r = run(concat(common, "--beta", "0.25,0.5,1", "--out", tmp.resolve("bad").toString()));
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--beta must have 1 or 2 entries"), r[2]);
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void runRejectsBadInputWithOneLine() {
        String[] r = run("run", "--eps", "0", "--steps", "2", "--out", tmp.resolve("o").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--eps") && r[2].trim().split("\n").length == 1, r[2]);
        r = run("run", "--step", "-1", "--steps", "2", "--out", tmp.resolve("o2").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--step"), r[2]);
    }

    @Test
    void wassersteinExactAndEntropic() throws Exception {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Files.writeString(a, "x1,x2,weight\n0.2,0.3,1\n0.4,0.5,2\n0.6,0.1,1\n");
        Files.writeString(b, "x1,x2,weight\n0.7,0.8,1\n0.5,0.5,1\n");
        String[] r = run("wasserstein", "--a", a.toString(), "--b", b.toString(), "--beta", "0.25", "--exact", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = Json.mapper().readTree(r[1]);
        assertEquals(Math.sqrt(j.get("cost").asDouble()), j.get("distance").asDouble(), 1e-12);
        r = run("wasserstein", "--a", a.toString(), "--b", b.toString(), "--eps", "0.1", "--json");
        assertEquals("0", r[0], r[2]);
        j = Json.mapper().readTree(r[1]);
        for (String key : new String[] {"cost", "objective", "divergence", "iterations"}) {
            assertTrue(j.has(key), key);
        }
        assertTrue(j.get("divergence").asDouble() > 0);
        r = run("wasserstein", "--a", a.toString(), "--b", b.toString(), "--eps", "-1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--eps"), r[2]);
        // a density snapshot is the sample it holds: its rho values are not masses
        Path snapshot = tmp.resolve("snapshot.csv");
        Path plain = tmp.resolve("plain.csv");
        Files.writeString(snapshot, "x1,x2,rho\n0.2,0.3,1\n0.4,0.5,2\n0.6,0.1,1\n");
        Files.writeString(plain, "x1,x2\n0.2,0.3\n0.4,0.5\n0.6,0.1\n");
        double weighted = Json.mapper().readTree(run("wasserstein", "--a", a.toString(), "--b", b.toString(), "--exact",
                "--json")[1]).get("cost").asDouble();
        double sampled = Json.mapper().readTree(run("wasserstein", "--a", snapshot.toString(), "--b", b.toString(),
                "--exact", "--json")[1]).get("cost").asDouble();
        double unweighted = Json.mapper().readTree(run("wasserstein", "--a", plain.toString(), "--b", b.toString(),
                "--exact", "--json")[1]).get("cost").asDouble();
        assertEquals(unweighted, sampled, 0.0);
        assertTrue(Math.abs(weighted - sampled) > 1e-3, weighted + " " + sampled);
        Files.writeString(b, "x1,x2,weight\n1.7,0.8,1\n");
        r = run("wasserstein", "--a", a.toString(), "--b", b.toString(), "--exact");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("outside the domain"), r[2]);
    }
}
