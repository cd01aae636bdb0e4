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

/**
 * {@code --center} and {@code --stiffness} of the quadratic objective, and the network energies
 * ({@code --weights}, {@code --bias}, {@code --graph}) on run, sample, flow and fokker-planck.
 */
class ObjectiveOptionsTest {

    @TempDir
    Path dir;

    private static int execute(StringWriter err, String... args) {
        CommandLine cl = HopflowCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void runAndSampleRecordTheObjectiveOptions() throws Exception {
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

    /** A 2-unit Hopfield network with a strong coupling: E(x) = −3 x₁x₂ − ½x₁² + x₂. */
    private Path network() throws java.io.IOException {
        Path w = dir.resolve("w.mtx");
        java.nio.file.Files.writeString(w, "%%MatrixMarket matrix coordinate real general\n2 2 3\n1 2 4\n2 1 2\n1 1 1\n");
        Path b = dir.resolve("b.csv");
        java.nio.file.Files.writeString(b, "0\n-1\n");
        return w;
    }

    @Test
    void theHopfieldFlowDescendsToTheMinimisingVertex() throws Exception {
        Path w = network();
        StringWriter out = new StringWriter();
        CommandLine cl = HopflowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        // from the centre, the gradient −(Sx + b) = (−3x₂ − x₁, −3x₁ + 1) leads to x = (1, 1), E = −3 − ½ + 1
        int code = cl.execute("flow", "--objective", "hopfield", "--weights", w.toString(), "--bias",
                dir.resolve("b.csv").toString(), "--from", "0.5,0.5", "--step", "0.05", "--steps", "2000", "--json");
        assertEquals(0, code, out.toString());
        JsonNode fin = Json.mapper().readTree(out.toString()).get("final");
        assertEquals(1.0, fin.get(0).asDouble(), 1e-3);
        assertEquals(1.0, fin.get(1).asDouble(), 1e-3);
    }

    @Test
    void networksGiveTheirDimensionToRunSampleAndFokkerPlanck() throws Exception {
        Path w = network();
        for (String command : new String[] {"run", "sample", "fokker-planck"}) {
            Path out = dir.resolve("net-" + command);
            StringWriter err = new StringWriter();
            String[] size = command.equals("fokker-planck") ? new String[] {"--grid", "16", "--time", "0.001"}
                    : new String[] {"--particles", "20", "--steps", "3", "--quiet"};
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command, "--objective", "ising",
                    "--weights", w.toString(), "--bias", dir.resolve("b.csv").toString(), "--out", out.toString()));
            args.addAll(java.util.List.of(size));
            int code = execute(err, args.toArray(new String[0]));
            assertEquals(0, code, command + ": " + err);
            JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
            assertEquals(2, summary.findValue("dim").asInt(), command);
            assertEquals(w.toString(), summary.findValue("weights").asText(), command);
        }
    }

    @Test
    void compareRunsOnANetworkOfItsOwnSize() throws Exception {
        Path w = network();
        Path out = dir.resolve("net-compare");
        StringWriter err = new StringWriter();
        int code = execute(err, "compare", "--objective", "qubo", "--weights", w.toString(), "--particles", "20",
                "--steps", "5", "--quiet", "--out", out.toString());
        assertEquals(0, code, err.toString());
        JsonNode report = Json.mapper().readTree(out.resolve("compare.json").toFile());
        assertEquals(2, report.findValue("dimension").asInt(), report.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, execute(err2, "compare", "--objective", "himmelblau", "--quiet", "--out",
                dir.resolve("no-dim").toString()));
        assertTrue(err2.toString().contains("--dim is required with --objective himmelblau"), err2.toString());
    }

    @Test
    void networkOptionsAreChecked() throws Exception {
        Path w = network();
        String[][] cases = {
            {"--dim 3 does not match the 2 units", "run", "--objective", "hopfield", "--weights", w.toString(), "--dim", "3"},
            {"--objective hopfield needs --weights", "run", "--objective", "hopfield"},
            {"--objective maxcut needs --graph", "sample", "--objective", "maxcut"},
            {"--weights applies to --objective hopfield", "run", "--objective", "himmelblau", "--weights", w.toString()},
            {"--bias does not apply to --objective qubo", "run", "--objective", "qubo", "--weights", w.toString(),
                "--bias", dir.resolve("b.csv").toString()},
            {"--weights: matrix file", "run", "--objective", "qubo", "--weights", dir.resolve("none.mtx").toString()},
            {"--bias: vector file", "run", "--objective", "hopfield", "--weights", w.toString(), "--bias", w.toString()},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("refused");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(c).subList(1, c.length));
            args.addAll(java.util.List.of("--quiet", "--out", out.toString()));
            StringWriter err = new StringWriter();
            assertEquals(2, execute(err, args.toArray(new String[0])), String.join(" ", args));
            assertTrue(err.toString().contains(c[0]), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(!java.nio.file.Files.exists(out), "nothing written");
        }
    }

    @Test
    void aFormulaIsAnObjective() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = HopflowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("flow", "--objective", "expr", "--expression", "(x1 - 0.3)^2 + 4*(x2 - 0.6)^2",
                "--from", "0.5,0.5", "--step", "0.1", "--steps", "400", "--json");
        assertEquals(0, code, out.toString());
        JsonNode json = Json.mapper().readTree(out.toString());
        assertEquals(0.3, json.get("final").get(0).asDouble(), 1e-3);
        assertEquals(0.6, json.get("final").get(1).asDouble(), 1e-3);
        Path run = dir.resolve("expr-run");
        StringWriter err = new StringWriter();
        assertEquals(0, execute(err, "run", "--objective", "expr", "--expression", "x1^2 + x2^2 + x3^2", "--dim", "3",
                "--particles", "20", "--steps", "2", "--quiet", "--out", run.toString()), err.toString());
        JsonNode summary = Json.mapper().readTree(run.resolve("summary.json").toFile());
        assertEquals("x1^2 + x2^2 + x3^2", summary.findValue("expression").asText());
    }

    /** Compiles a user's Objective class into {@code folder}. */
    private static void compileUserClass(Path folder) throws Exception {
        Path src = folder.resolve("src/user/Bowl.java");
        java.nio.file.Files.createDirectories(src.getParent());
        java.nio.file.Files.writeString(src, "package user;\n"
                + "public final class Bowl implements io.github.hopflow.geometry.objective.Objective {\n"
                + "  private final int n;\n"
                + "  public Bowl(int n) { this.n = n; }\n"
                + "  public int dimension() { return n; }\n"
                + "  public String name() { return \"bowl\"; }\n"
                + "  public double value(double[] x, int o) { double s = 0; for (int i = 0; i < n; i++) {"
                + " double d = x[o + i] - 0.25; s += d * d; } return s; }\n"
                + "}\n");
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", folder.resolve("classes").toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertEquals(0, status, "javac");
    }

    @Test
    void aUserClassIsAnObjective() throws Exception {
        compileUserClass(dir);
        String classes = dir.resolve("classes").toString();
        StringWriter out = new StringWriter();
        CommandLine cl = HopflowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("flow", "--objective-class", "user.Bowl", "--classpath", classes, "--dim", "2",
                "--from", "0.5,0.5", "--step", "0.1", "--steps", "400", "--json");
        assertEquals(0, code, out.toString());
        JsonNode json = Json.mapper().readTree(out.toString());
        assertEquals(0.25, json.get("final").get(0).asDouble(), 1e-3);
        String[][] cases = {
            {"class not found", "sample", "--objective-class", "user.Missing", "--classpath", classes},
            {"does not implement", "sample", "--objective-class", "java.lang.String"},
            {"--classpath: ", "sample", "--objective-class", "user.Bowl", "--classpath", dir.resolve("nowhere").toString()},
            {"selects --objective class", "sample", "--objective", "rastrigin", "--objective-class", "user.Bowl",
                "--classpath", classes},
            {"at position 4", "sample", "--objective", "expr", "--expression", "x1 ) 2"},
            {"x3 is outside x1..x2", "sample", "--objective", "expr", "--expression", "x1 + x3"},
            {"--objective expr needs --expression", "sample", "--objective", "expr"},
            {"--expression applies to --objective expr only", "sample", "--expression", "x1"},
        };
        for (String[] c : cases) {
            Path o = dir.resolve("refused");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(c).subList(1, c.length));
            args.addAll(java.util.List.of("--quiet", "--out", o.toString()));
            StringWriter err = new StringWriter();
            assertEquals(2, execute(err, args.toArray(new String[0])), String.join(" ", args));
            assertTrue(err.toString().contains(c[0]), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(!java.nio.file.Files.exists(o), "nothing written");
        }
    }
}
