package io.github.hopflow.examples.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.examples.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output directory records what it writes, and --force replaces exactly that. */
class OutputDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void recordsEveryFileAndFolderBeforeItIsWritten() throws IOException {
        OutputDirectory out = OutputDirectory.prepare(tmp.resolve("run"), false);
        assertFalse(Files.exists(tmp.resolve("run")), "nothing is created before the first file");
        Path f = out.resolve("snapshots/step-000001.csv");
        assertEquals(tmp.resolve("run/snapshots/step-000001.csv"), f);
        assertTrue(Files.isDirectory(f.getParent()));
        out.resolve("summary.json");
        out.resolve("summary.json");
        List<String> lines = Files.readAllLines(tmp.resolve("run").resolve(OutputDirectory.MANIFEST));
        assertEquals(List.of("snapshots/", "snapshots/step-000001.csv", "summary.json"), lines.subList(1, lines.size()));
    }

    @Test
    void forceReplacesOnlyTheFilesOfTheManifest() throws IOException {
        Path dir = tmp.resolve("run");
        OutputDirectory first = OutputDirectory.prepare(dir, false);
        for (String name : List.of("snapshots/step-000000.csv", "snapshots/step-000005.csv", "summary.json")) {
            Files.writeString(first.resolve(name), "old");
        }
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.writeString(dir.resolve("snapshots/annotated.txt"), "mine too");
        Files.writeString(dir.resolve("summary.json.tmp"), "half-written by a killed run");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> OutputDirectory.prepare(dir, false));
        assertTrue(refused.getMessage().contains("notes.txt"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--force"), refused.getMessage());

        OutputDirectory second = OutputDirectory.prepare(dir, true);
        assertTrue(Files.exists(dir.resolve("snapshots/step-000005.csv")), "nothing is removed before the first write");
        Files.writeString(second.resolve("summary.json"), "new");
        assertFalse(Files.exists(dir.resolve("snapshots/step-000005.csv")), "the earlier run's files are replaced");
        assertFalse(Files.exists(dir.resolve("summary.json.tmp")));
        assertEquals("new", Files.readString(dir.resolve("summary.json")));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        assertEquals("mine too", Files.readString(dir.resolve("snapshots/annotated.txt")),
                "a folder hopflow made stays while it holds a user's file");
    }

    @Test
    void anEarlierRunAloneIsNamedAsSuch() throws IOException {
        Path dir = tmp.resolve("run");
        Files.writeString(OutputDirectory.prepare(dir, false).resolve("summary.json"), "{}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputDirectory.prepare(dir, false));
        assertTrue(e.getMessage().contains("output of an earlier run"), e.getMessage());
    }

    @Test
    void refusesAnEmptyPathAndAFile() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputDirectory.prepare(Path.of(""), true));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
        Path file = Files.writeString(tmp.resolve("file"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> OutputDirectory.prepare(file, true));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void aSymbolicLinkIsItsTarget() throws IOException {
        Path target = tmp.resolve("target");
        Files.writeString(OutputDirectory.prepare(target, false).resolve("snapshots/step-000009.csv"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        OutputDirectory out = OutputDirectory.prepare(link, true);
        Files.writeString(out.resolve("snapshots/step-000001.csv"), "new");
        assertFalse(Files.exists(target.resolve("snapshots/step-000009.csv")), "old snapshots do not mix with new ones");
        assertTrue(Files.exists(target.resolve("snapshots/step-000001.csv")));
    }

    @Test
    void pathsMustStayInside() {
        OutputDirectory out = OutputDirectory.prepare(tmp.resolve("run"), false);
        assertThrows(IllegalArgumentException.class, () -> out.resolve("../escape.txt"));
        assertThrows(IllegalArgumentException.class, () -> out.resolve(""));
    }

    @Test
    void aRefusedCommandLeavesTheDirectoryAsItWas() throws IOException {
        Path dir = tmp.resolve("sample");
        assertEquals(0, Cli.run("sample", "--steps", "4", "--snapshot-every", "1", "--particles", "20",
                "--out", dir.toString(), "--quiet").exit());
        List<String> before = listing(dir);
        Cli.Result bad = Cli.run("sample", "--steps", "2", "--temperature", "-1", "--out", dir.toString(),
                "--quiet", "--force");
        assertEquals(2, bad.exit(), bad.err());
        assertEquals(before, listing(dir));
    }

    @Test
    void aShorterRunWithForceLeavesNoStaleSnapshotsAndKeepsTheUsersFiles() throws IOException {
        Path dir = tmp.resolve("sample");
        assertEquals(0, Cli.run("sample", "--steps", "4", "--snapshot-every", "1", "--particles", "20",
                "--out", dir.toString(), "--quiet").exit());
        Files.writeString(dir.resolve("README.txt"), "my notes");
        Cli.Result r = Cli.run("sample", "--steps", "2", "--snapshot-every", "1", "--particles", "20",
                "--out", dir.toString(), "--quiet", "--force");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("step-000000.csv", "step-000001.csv", "step-000002.csv"),
                listing(dir.resolve("snapshots")));
        assertEquals("my notes", Files.readString(dir.resolve("README.txt")));
    }

    @Test
    void outputPathsWithSpacesAndNonAsciiLettersWork() throws IOException {
        Path dir = tmp.resolve("résultats d'été/ünïcode run");
        Cli.Result r = Cli.run("sample", "--steps", "2", "--particles", "10", "--out", dir.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("summary.json")));
        assertTrue(Files.exists(dir.resolve("snapshots/step-000002.csv")));
    }

    @Test
    void anOutputPathThatIsAFileOrUnderAFileIsRefusedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        for (Path out : List.of(file, file.resolve("below"))) {
            Cli.Result r = Cli.run("run", "--steps", "2", "--particles", "10", "--out", out.toString(), "--quiet");
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--out"), r.err());
        }
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aReadOnlyDirectoryIsRefusedWithPermissionDenied() throws IOException {
        Path ro = Files.createDirectories(tmp.resolve("read-only"));
        assertTrue(ro.toFile().setWritable(false, false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro),
                    "this user writes into read-only directories (root)");
            for (Path out : List.of(ro, ro.resolve("run"))) {
                Cli.Result r = Cli.run("himmelblau", "--steps", "2", "--particles", "10", "--out", out.toString(),
                        "--quiet");
                assertEquals(2, r.exit(), r.err());
                assertTrue(r.err().contains("permission denied"), r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
            }
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        }
    }
}
