package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settings at the edges of their documented ranges (two particles, one particle, temperatures and
 * gains far from the defaults, ε and h at their limits): each command either succeeds or refuses
 * with exit status 2 before writing anything, and nothing it prints or writes holds NaN or Infinity.
 */
class ExtremeSettingsTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of(List.of("run", "--particles", "2", "--steps", "3")),
                Arguments.of(List.of("run", "--particles", "30", "--steps", "3", "--temperature", "1e-3")),
                Arguments.of(List.of("run", "--particles", "30", "--steps", "3", "--temperature", "1e4", "--step",
                        "3e-5")),
                Arguments.of(List.of("run", "--particles", "30", "--steps", "3", "--eps", "6e-5")),
                Arguments.of(List.of("run", "--particles", "30", "--steps", "3", "--beta", "1e-100")),
                Arguments.of(List.of("run", "--particles", "30", "--steps", "3", "--beta", "1e100")),
                Arguments.of(List.of("run", "--particles", "30", "--steps", "3", "--metric", "euclidean",
                        "--objective", "quadratic", "--temperature", "1e-3")),
                Arguments.of(List.of("sample", "--particles", "1", "--steps", "3")),
                Arguments.of(List.of("sample", "--particles", "30", "--steps", "3", "--temperature", "0")),
                Arguments.of(List.of("sample", "--particles", "30", "--steps", "3", "--temperature", "1e5",
                        "--step", "1e-9", "--scheme", "splitting")),
                Arguments.of(List.of("sample", "--particles", "30", "--steps", "3", "--beta", "1e100")),
                Arguments.of(List.of("himmelblau", "--particles", "2", "--steps", "2")),
                Arguments.of(List.of("compare", "--objective", "himmelblau", "--dim", "2", "--particles", "2",
                        "--steps", "3")),
                Arguments.of(List.of("compare", "--objective", "rastrigin", "--dim", "3", "--particles", "4",
                        "--steps", "3", "--temperature", "1e-4")),
                Arguments.of(List.of("flow", "--from", "0.2,0.3", "--steps", "0")),
                Arguments.of(List.of("flow", "--from", "1e-300,0.999999", "--steps", "5")),
                Arguments.of(List.of("geodesic", "--from", "0.2,0.3", "--to", "0.7,0.6", "--beta", "1e-100")),
                Arguments.of(List.of("geodesic", "--from", "0,0", "--to", "1,1", "--beta", "1e100")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void succeedsOrRefusesAndNeverWritesNaNOrInfinity(List<String> args) throws IOException {
        Path out = tmp.resolve("out");
        List<String> all = new ArrayList<>(args);
        boolean writes = HopflowCommand.commandLine().getSubcommands().get(args.get(0)).getCommandSpec()
                .findOption("--out") != null;
        if (writes) {
            all.add("--out");
            all.add(out.toString());
            all.add("--quiet");
        }
        all.add("--json");
        Cli.Result r = Cli.run(all.toArray(new String[0]));
        assertTrue(r.exit() == 0 || r.exit() == 2, "exit status " + r.exit() + " of " + all + "; stderr: " + r.err());
        if (r.exit() == 2) {
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out), "a refused command writes nothing");
            return;
        }
        assertClean("stdout", r.out());
        if (writes) {
            try (Stream<Path> files = Files.walk(out)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".csv") || name.endsWith(".json")) {
                        assertClean(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private static void assertClean(String where, String text) {
        assertFalse(text.contains("NaN"), where + " holds NaN: " + abbreviate(text));
        assertFalse(text.contains("Infinity"), where + " holds Infinity: " + abbreviate(text));
    }

    private static String abbreviate(String s) {
        int i = Math.max(s.indexOf("NaN"), s.indexOf("Infinity"));
        return s.substring(Math.max(0, i - 200), Math.min(s.length(), i + 100));
    }
}
