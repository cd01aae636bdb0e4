package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIGINT and SIGTERM stop every long command within seconds: it writes what is complete, marks its
 * summary cancelled and exits with 130 or 143. Each case runs the command line in a JVM of its
 * own (the test's class path), lets it work, sends the signal with {@code kill}, and reads what it
 * left.
 */
@org.junit.jupiter.api.Tag("slow")
class SignalTest {

    private static final long STOP_SECONDS = 20;

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        List<Arguments> rows = new ArrayList<>();
        for (String signal : List.of("INT", "TERM")) {
            rows.add(Arguments.of(signal, List.of("run", "--particles", "100", "--steps", "1000000", "--quiet"),
                    "summary.json"));
            rows.add(Arguments.of(signal, List.of("sample", "--particles", "100", "--steps", "100000000",
                    "--snapshot-every", "10000", "--quiet"), "summary.json"));
            rows.add(Arguments.of(signal, List.of("himmelblau", "--particles", "100", "--steps", "1000000",
                    "--snapshot-every", "100000", "--quiet"), "summary.json"));
            rows.add(Arguments.of(signal, List.of("compare", "--objective", "himmelblau", "--dim", "2",
                    "--particles", "100", "--steps", "1000000", "--quiet"), "compare.json"));
            rows.add(Arguments.of(signal, List.of("optimize", "--objective", "rastrigin", "--dim", "5", "--runs",
                    "100000", "--budget", "1000000", "--quiet"), "summary.json"));
            rows.add(Arguments.of(signal, List.of("bench", "--particles", "500", "--dim", "2", "--steps", "10000000",
                    "--no-sinkhorn"), null));
            rows.add(Arguments.of(signal, List.of("fokker-planck", "--grid", "100", "--time", "1000"),
                    "summary.json"));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "SIG{0} {1}")
    @MethodSource("cases")
    void aSignalStopsTheCommandAndKeepsWhatIsComplete(String signal, List<String> args, String summary)
            throws IOException, InterruptedException {
        Path out = tmp.resolve("out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HopflowCommand.class.getName());
        command.addAll(args);
        if (summary != null) {
            command.add("--out");
            command.add(out.toString());
        }
        File log = tmp.resolve("stderr.txt").toFile();
        File stdout = tmp.resolve("stdout.txt").toFile();
        Process p = new ProcessBuilder(command).redirectError(log).redirectOutput(stdout).start();
        try {
            boolean writesEarly = List.of("run", "sample", "himmelblau").contains(args.get(0));
            waitUntilWorking(p, out.resolve(io.github.hopflow.examples.output.OutputDirectory.MANIFEST), writesEarly);
            assertTrue(p.isAlive(), "still working when signalled; stderr: " + Files.readString(log.toPath()));
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
            assertEquals(0, kill.waitFor());
            long sent = System.nanoTime();
            assertTrue(p.waitFor(STOP_SECONDS, TimeUnit.SECONDS), "stopped within " + STOP_SECONDS + " s");
            double seconds = (System.nanoTime() - sent) / 1e9;
            String err = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            assertEquals(signal.equals("INT") ? 130 : 143, p.exitValue(), "exit status; stderr: " + err);
            assertTrue(!err.contains("\tat "), "no stack trace: " + err);
            if (summary != null) {
                JsonNode doc = new ObjectMapper().readTree(out.resolve(summary).toFile());
                assertTrue(doc.get("cancelled").asBoolean(), summary + " is marked cancelled: " + doc);
                try (Stream<Path> files = Files.walk(out)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                            .forEach(f -> { throw new AssertionError("a temporary file was left: " + f); });
                }
            } else {
                assertTrue(Files.readString(stdout.toPath()).contains("step"), "the measured configuration is printed");
            }
            System.out.printf(java.util.Locale.ROOT, "SIG%s %s: stopped %.2f s after the signal%n", signal,
                    args.get(0), seconds);
        } finally {
            p.destroyForcibly();
        }
    }

    /** Waits until the command has begun its work: its manifest exists, or a few seconds have passed. */
    private static void waitUntilWorking(Process p, Path manifest, boolean writes)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (writes && Files.exists(manifest) && Files.readAllLines(manifest).size() > 2) {
                Thread.sleep(500);
                return;
            }
            if (!writes) {
                Thread.sleep(4000);
                return;
            }
            Thread.sleep(100);
        }
    }
}
