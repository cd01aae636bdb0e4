package io.github.hopflow.examples.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output directory of one command: the only place it writes, and a record of what it wrote.
 *
 * <p>Every file and folder the command creates is named through {@link #resolve(String)}, which
 * appends its relative path to the manifest {@value #MANIFEST} <em>before</em> the file is written,
 * so that even a run killed half-way leaves a manifest that covers all it wrote. A later command
 * given the same directory:
 * <ul>
 *   <li>refuses it without {@code --force} when it is not empty, naming what it holds;</li>
 *   <li>with {@code --force}, removes exactly the files and folders of the manifest (and the
 *       temporary files of their interrupted writes), and leaves every other file, a user's
 *       notes beside the outputs or a whole project given by mistake, where it was.</li>
 * </ul>
 * The removal happens when the command writes its first file, after its options were checked and
 * its work began, so that a command refused for bad input leaves the directory as it was. A
 * directory given through a symbolic link is the link's target.
 */
public final class OutputDirectory {

    /** The manifest's file name, in the output directory. */
    public static final String MANIFEST = ".hopflow-manifest";

    private static final String HEADER = "# written by hopflow: the paths below (relative, '/' ends a folder) are"
            + " replaced by a later run with --force; nothing else in this directory is touched";
    private static final int NAMED = 3;

    private final Path dir;
    private final String option;
    private final List<String> previous;
    private final Set<String> recorded = new LinkedHashSet<>();
    private final boolean extending;
    private boolean started;

    private OutputDirectory(Path dir, String option, List<String> previous) {
        this(dir, option, previous, false);
    }

    private OutputDirectory(Path dir, String option, List<String> previous, boolean extending) {
        this.dir = dir;
        this.option = option;
        this.previous = previous;
        this.extending = extending;
        if (extending) {
            recorded.addAll(previous);
        }
    }

    /**
     * An existing output directory that a command adds files to (an analysis of a run written
     * into the run's directory): nothing is removed, the files it writes are added to the
     * manifest, and a file of the same name that hopflow wrote before is replaced.
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory or cannot be written
     */
    public static OutputDirectory extend(String option, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException(option + " " + dir + ": permission denied");
        }
        try {
            Path target = dir.toRealPath();
            return new OutputDirectory(target, option, readManifest(target), true);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * An output directory for a command's {@code --out}: checks it now, changes nothing yet.
     *
     * @param dir the directory; need not exist
     * @param force whether the files of an earlier run there may be replaced
     * @throws IllegalArgumentException if {@code dir} is empty, is a file, cannot be read, or is
     *     not empty and {@code force} is not set (naming what it holds)
     */
    public static OutputDirectory prepare(Path dir, boolean force) {
        return prepare("--out", dir, force);
    }

    /**
     * As {@link #prepare(Path, boolean)}, for the option named {@code option}.
     */
    public static OutputDirectory prepare(String option, Path dir, boolean force) {
        if (dir == null || dir.toString().isBlank()) {
            throw new IllegalArgumentException(option + " must name a directory, got an empty path");
        }
        Path resolved = dir;
        try {
            if (Files.isSymbolicLink(dir)) {
                resolved = dir.toRealPath();
            }
            Path target = resolved;
            if (!Files.exists(target)) {
                requireCreatable(option, dir);
                return new OutputDirectory(target, option, List.of());
            }
            if (!Files.isDirectory(target)) {
                throw new IllegalArgumentException(option + " " + dir + " exists and is not a directory");
            }
            if (!Files.isWritable(target)) {
                throw new IllegalArgumentException(option + " " + dir + ": permission denied");
            }
            List<String> manifest = readManifest(target);
            List<String> foreign = foreign(target, manifest);
            if (foreign.isEmpty() && manifest.isEmpty()) {
                try (Stream<Path> s = Files.list(target)) {
                    s.sorted().forEach(p -> foreign.add(target.relativize(p) + "/"));
                }
            }
            boolean empty;
            try (Stream<Path> s = Files.list(target)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !force) {
                if (foreign.isEmpty()) {
                    throw new IllegalArgumentException(option + " " + dir + " holds the output of an earlier run;"
                            + " choose another directory, or pass --force to replace the files hopflow wrote there");
                }
                throw new IllegalArgumentException(option + " " + dir + " is not empty and holds files hopflow did not"
                        + " write (" + names(foreign) + "); choose another directory, or pass --force to write"
                        + " beside them (they are kept)");
            }
            return new OutputDirectory(target, option, manifest);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(option + " " + dir + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + dir + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Checks that {@code path}, which does not exist, can be created: its nearest existing ancestor
     * is a directory this process may write into.
     *
     * @throws IllegalArgumentException naming the option, the path and the ancestor that blocks it
     */
    public static void requireCreatable(String option, Path path) {
        Path ancestor = path.toAbsolutePath().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor != null && (!Files.isDirectory(ancestor) || !Files.isWritable(ancestor))) {
            throw new IllegalArgumentException(option + " " + path + " cannot be created: "
                    + (Files.isDirectory(ancestor) ? "permission denied in " : "not a directory: ") + ancestor);
        }
    }

    /** The directory (it may not exist before the first file is written). */
    public Path path() {
        return dir;
    }

    /**
     * The path of the file {@code relative} in this directory, recorded in the manifest before it
     * is returned; its parent folders are created (and recorded). The first call removes the
     * files of the earlier run that the manifest names.
     *
     * @param relative a relative path with '/' separators, not escaping the directory
     * @throws UncheckedIOException if the directory or the manifest cannot be written
     */
    public synchronized Path resolve(String relative) {
        Path file = checked(relative);
        start();
        int slash = relative.lastIndexOf('/');
        if (slash > 0) {
            folder(relative.substring(0, slash));
        }
        record(relative);
        return file;
    }

    /**
     * The folder {@code relative} in this directory, created and recorded in the manifest.
     *
     * @throws UncheckedIOException if it cannot be created
     */
    public synchronized Path folder(String relative) {
        Path d = checked(relative);
        start();
        int slash = relative.lastIndexOf('/');
        if (slash > 0) {
            folder(relative.substring(0, slash));
        }
        try {
            boolean existed = Files.isDirectory(d);
            Files.createDirectories(d);
            if (!existed) {
                record(relative + "/");
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(d, e);
        }
        return d;
    }

    /**
     * Creates the directory and replaces the earlier run's files now (otherwise done by the first
     * {@link #resolve}); for commands whose first write comes late.
     */
    public synchronized OutputDirectory create() {
        start();
        return this;
    }

    private Path checked(String relative) {
        Path p = dir.resolve(relative).normalize();
        if (relative.isEmpty() || !p.startsWith(dir.normalize()) || p.equals(dir.normalize())) {
            throw new IllegalArgumentException("not a path inside " + dir + ": '" + relative + "'");
        }
        return p;
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        if (extending) {
            return;
        }
        try {
            Files.createDirectories(dir);
            removePrevious();
            Path manifest = dir.resolve(MANIFEST);
            Files.writeString(manifest, HEADER + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AtomicFiles.failure(dir, e);
        }
    }

    private void record(String entry) {
        if (!recorded.add(entry)) {
            return;
        }
        try {
            Files.writeString(dir.resolve(MANIFEST), entry + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND, StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw AtomicFiles.failure(dir.resolve(MANIFEST), e);
        }
    }

    /** Removes the files of the manifest and the temporary files of their writes, then its empty folders. */
    private void removePrevious() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String entry : previous) {
            if (entry.endsWith("/")) {
                folders.add(dir.resolve(entry.substring(0, entry.length() - 1)));
                continue;
            }
            Path file = dir.resolve(entry);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
            }
            for (Path partial : partials(file)) {
                Files.deleteIfExists(partial);
            }
        }
        folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path folder : folders) {
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.list(folder)) {
                    if (s.findAny().isPresent()) {
                        continue;
                    }
                }
                Files.delete(folder);
            }
        }
    }

    /** The temporary names under which {@code file} may have been half-written. */
    private static List<Path> partials(Path file) {
        String name = file.getFileName().toString();
        return List.of(file.resolveSibling(name + ".tmp"), file.resolveSibling(name + ".partial.gif"));
    }

    /** The entries of the manifest in {@code dir}, or none; a last line cut short by a kill is ignored. */
    private static List<String> readManifest(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        List<String> entries = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            String line = text.substring(start, end);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String trimmed = line.endsWith("/") ? line.substring(0, line.length() - 1) : line;
            Path p = dir.resolve(trimmed).normalize();
            if (!trimmed.isEmpty() && p.startsWith(dir.normalize()) && !p.equals(dir.normalize())) {
                entries.add(line);
            }
        }
        return entries;
    }

    /** The paths in {@code dir} (files, and folders that hold none of ours) that no manifest entry covers. */
    private static List<String> foreign(Path dir, List<String> manifest) throws IOException {
        Set<Path> ours = new LinkedHashSet<>();
        ours.add(dir.resolve(MANIFEST));
        for (String entry : manifest) {
            Path p = dir.resolve(entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry);
            ours.add(p);
            ours.addAll(partials(p));
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> !p.equals(dir) && !ours.contains(p) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .forEach(p -> out.add(dir.relativize(p).toString()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    private static String names(List<String> foreign) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(NAMED, foreign.size()); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(foreign.get(i));
        }
        if (foreign.size() > NAMED) {
            b.append(" and ").append(foreign.size() - NAMED).append(" more");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return option + " " + dir;
    }
}
