package io.github.hopflow.examples.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary sibling name ({@code NAME.tmp}, or the name a writer needs) and
 * renames it into place in one atomic step, so that a reader, or a run killed half-way, sees either
 * the previous complete file or the new complete file, never a part.
 */
public final class AtomicFiles {

    /** The body of a write: fills the temporary file it is given. */
    @FunctionalInterface
    public interface Body {
        /** Writes the whole content to {@code tmp}. */
        void writeTo(Path tmp) throws IOException;
    }

    /** The body of a text write. */
    @FunctionalInterface
    public interface TextBody {
        /** Writes the whole content to {@code w}. */
        void writeTo(BufferedWriter w) throws IOException;
    }

    private AtomicFiles() {
    }

    /** The temporary name used for {@code file}. */
    public static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /**
     * Writes {@code file} by {@code body} into {@link #temporary(Path)}, then renames it into place.
     *
     * @throws UncheckedIOException naming the file and the cause (with "permission denied" where
     *     the file system refused access); the temporary file is removed
     */
    public static void write(Path file, Body body) {
        write(file, temporary(file), body);
    }

    /**
     * As {@link #write(Path, Body)}, with the temporary name given: for writers that insist on a
     * name of their own (an image encoder that appends its extension).
     */
    public static void write(Path file, Path tmp, Body body) {
        try {
            body.writeTo(tmp);
            if (!Files.isRegularFile(tmp)) {
                throw new IOException("the writer produced no file");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw failure(file, e);
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeText(Path file, TextBody body) {
        write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.writeTo(w);
            }
        });
    }

    /** The exception to report for a failed write of {@code file}, in words a user can act on. */
    public static UncheckedIOException failure(Path file, IOException e) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "no such file or directory: " + e.getMessage();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new UncheckedIOException("cannot write " + file + ": " + why, e);
    }
}
