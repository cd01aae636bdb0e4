package io.github.hopflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hopflow.examples.cli.HopflowCommand;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps run end to end on Spark in local mode. */
class SweepCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Exit status, stdout and stderr of one sweep. */
    private static final class Outcome {
        final int code;
        final String out;
        final String err;

        Outcome(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    private static Outcome sweep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = SweepCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void aSweepGathersItsCellsAndACellIsTheCommandRunAlone(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("sweep");
        String[] args = {"--grid", "particles=1,12", "--grid", "temperature=0.5,1", "--master", "local[2]", "--quiet",
            "--plot", "final_free_energy", "--out", dir.toString(), "--", "run", "--steps", "4"};
        Outcome first = sweep(args);
        assertEquals(1, first.code, first.out + first.err);
        assertTrue(first.out.contains("4 cells of 'run' (4 run now, 2 failed)"), first.out);

        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(5, lines.size());
        List<String> header = fields(lines.get(0));
        assertEquals(List.of("cell", "particles", "temperature", "seed"), header.subList(0, 4));
        assertEquals(List.of("seconds", "status"), header.subList(header.size() - 2, header.size()));
        int energy = header.indexOf("final_free_energy");
        assertTrue(energy > 0 && header.contains("parameters.particles") && header.contains("free_energy.last"), lines.get(0));
        for (int i = 1; i <= 4; i++) {
            String line = lines.get(i);
            if (i <= 2) {
                assertTrue(line.endsWith("\"hopflow run: --particles must be >= 2 (the density values need two points),"
                        + " got 1\""), line);
            } else {
                assertTrue(line.endsWith(",ok"), line);
            }
        }

        // cell 2 (12 particles, T = 0.5) gives the numbers of the same command run alone
        SweepCell cell = SweepPlan.of(List.of("run", "--steps", "4"),
                SweepGrid.parse(List.of("particles=1,12", "temperature=0.5,1")), 1).cell(2);
        Path alone = tmp.resolve("alone");
        List<String> aloneArgs = new ArrayList<>(cell.args());
        aloneArgs.add("--out=" + alone);
        picocli.CommandLine cl = HopflowCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(aloneArgs.toArray(new String[0])));
        JsonNode a = MAPPER.readTree(alone.resolve("summary.json").toFile());
        JsonNode s = MAPPER.readTree(dir.resolve("cells/0002/summary.json").toFile());
        assertEquals(12, s.path("parameters").path("particles").asInt());
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> f = a.fields(); f.hasNext();) {
            Map.Entry<String, JsonNode> e = f.next();
            if (!e.getKey().equals("median_ms_per_step")) {
                assertEquals(e.getValue(), s.get(e.getKey()), e.getKey());
                compared++;
            }
        }
        assertTrue(compared > 10);
        assertEquals(Double.toString(s.get("final_free_energy").asDouble()), fields(lines.get(3)).get(energy));

        JsonNode record = MAPPER.readTree(dir.resolve("sweep.json").toFile());
        assertTrue(record.path("spark_version").asText().startsWith("4."), record.toString());
        assertEquals("local[2]", record.path("master").asText());
        assertEquals(4, record.path("sweep").path("cells").asInt());
        assertEquals(2, record.path("cells_failed").asInt());
        assertTrue(record.path("wall_seconds").asDouble() > 0);
        BufferedImage png = ImageIO.read(dir.resolve("sweep.png").toFile());
        assertTrue(png.getWidth() > 200 && png.getHeight() > 100);

        SparkSession spark = SparkSession.builder().master("local[1]").appName("test")
                .config("spark.ui.enabled", "false").config("spark.sql.debug.maxToStringFields", "100000").getOrCreate();
        try {
            Dataset<Row> df = spark.read().parquet(dir.resolve("results.parquet").toString());
            assertEquals(4, df.count());
            assertEquals(header, List.of(df.columns()));
            Row r = df.filter("cell = 2").first();
            assertEquals(12L, r.<Long>getAs("particles"));
            assertEquals(s.get("final_free_energy").asDouble(), r.<Double>getAs("final_free_energy"));
            assertEquals("ok", r.getAs("status"));
        } finally {
            spark.stop();
        }

        // the same sweep again is refused without --resume, another one always
        Outcome again = sweep(args);
        assertEquals(2, again.code);
        assertTrue(again.err.strip().endsWith("holds this sweep already; pass --resume to run the cells it has not"
                + " finished, or choose another directory"), again.err);
        assertFalse(again.err.strip().contains("\n"), again.err);
        Outcome other = sweep("--grid", "particles=12", "--out", dir.toString(), "--", "run", "--steps", "4");
        assertEquals(2, other.code);
        assertTrue(other.err.contains("holds another sweep ('run' over {\"particles\":[\"1\",\"12\"],"), other.err);

        // --resume runs the cells without a complete result: the failed ones and one whose record is gone
        Files.delete(dir.resolve("cells/0003/cell.json"));
        FileTime kept = Files.getLastModifiedTime(dir.resolve("cells/0002/cell.json"));
        String[] resume = new String[args.length + 1];
        resume[0] = "--resume";
        System.arraycopy(args, 0, resume, 1, args.length);
        Outcome resumed = sweep(resume);
        assertEquals(1, resumed.code, resumed.err);
        assertTrue(resumed.out.contains("(3 run now, 2 failed)"), resumed.out);
        assertEquals(kept, Files.getLastModifiedTime(dir.resolve("cells/0002/cell.json")));
        List<String> after = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(lines.get(0), after.get(0));
        assertEquals(lines.get(3), after.get(3));
        // cell 3 ran again with its own seed: the same numbers, another wall time
        int seconds = header.indexOf("seconds");
        List<String> before3 = fields(lines.get(4));
        List<String> after3 = fields(after.get(4));
        assertEquals(before3.subList(0, energy + 1), after3.subList(0, energy + 1));
        assertEquals(before3.size(), after3.size());
        assertTrue(seconds > energy);
    }

    @Test
    void aTransientFailureIsRetriedBySparkAndRecordedWhenItPersists(@TempDir Path tmp) throws IOException {
        String[] command = {"--", "run", "--objective-class", FlakyObjective.class.getName(), "--dim", "2", "--steps",
            "2", "--particles", "8"};
        FlakyObjective.FAILURES.set(1);
        Outcome retried = sweep(concat(new String[] {"--master", "local[1,2]", "--out",
            tmp.resolve("retried").toString()}, command));
        assertEquals(0, retried.code, retried.out + retried.err);
        assertTrue(retried.err.contains("sweep: cell 0, attempt 1 of 2: hopflow run:"
                + " transient failure of the objective; Spark runs it again"), retried.err);
        List<String> lines = Files.readAllLines(tmp.resolve("retried/results.csv"));
        assertTrue(lines.get(1).endsWith(",ok"), lines.get(1));
        assertEquals(0, FlakyObjective.FAILURES.get());

        FlakyObjective.FAILURES.set(1000);
        Outcome failed = sweep(concat(new String[] {"--master", "local[1,2]", "--quiet", "--out",
            tmp.resolve("failed").toString()}, command));
        assertEquals(1, failed.code, failed.out + failed.err);
        List<String> failedLines = Files.readAllLines(tmp.resolve("failed/results.csv"));
        assertTrue(failedLines.get(1).endsWith("transient failure of the objective"), failedLines.get(1));
        FlakyObjective.FAILURES.set(0);
    }

    /** The fields of one CSV line (RFC 4180 quoting). */
    private static List<String> fields(String line) {
        List<String> f = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                f.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        f.add(b.toString());
        return f;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
