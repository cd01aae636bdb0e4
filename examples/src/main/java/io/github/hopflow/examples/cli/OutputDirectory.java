package io.github.hopflow.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creates output directories, refusing to overwrite an existing non-empty one without --force. */
public final class OutputDirectory {

    private OutputDirectory() {
    }

    /**
     * Makes {@code dir} ready to receive output: created if absent; if it exists and is not empty,
     * its contents are removed when {@code force} is set, and otherwise an error is raised.
     *
     * @throws IllegalArgumentException if {@code dir} is a file, or is non-empty without force
     */
    public static Path prepare(Path dir, boolean force) {
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
                }
                boolean empty;
                try (Stream<Path> s = Files.list(dir)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty) {
                    if (!force) {
                        throw new IllegalArgumentException("--out " + dir
                                + " already exists and is not empty; choose another directory or pass --force to replace it");
                    }
                    clear(dir);
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
