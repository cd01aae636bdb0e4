package io.github.hopflow.examples.snapshot;

import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.sde.io.CloudCsv;
import io.github.hopflow.sde.io.CloudNpy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of snapshot files {@code step-NNNNNN.csv} (six or more digits, header
 * {@code x1,...,xn,rho}) or {@code step-NNNNNN.npy} ({@link SnapshotFormat#NPY}): lists them in step
 * order, reads either, and writes new ones in its format.
 */
public final class SnapshotDirectory {

    private static final Pattern NAME = Pattern.compile("step-(\\d{6,})\\.(csv|npy)");

    private final Path dir;
    private final OutputDirectory owner;
    private final String folder;
    private final SnapshotFormat format;

    private SnapshotDirectory(Path dir, OutputDirectory owner, String folder, SnapshotFormat format) {
        this.dir = dir;
        this.owner = owner;
        this.folder = folder;
        this.format = format;
    }

    /** A snapshot folder that may not exist yet (for writing CSV snapshots). */
    public static SnapshotDirectory at(Path dir) {
        return new SnapshotDirectory(dir, null, null, SnapshotFormat.CSV);
    }

    /**
     * The snapshot folder {@code folder} of a command's output directory, written in CSV: every
     * snapshot written is recorded in that directory's manifest.
     */
    public static SnapshotDirectory in(OutputDirectory out, String folder) {
        return in(out, folder, SnapshotFormat.CSV);
    }

    /** As {@link #in(OutputDirectory, String)}, writing snapshots in {@code format}. */
    public static SnapshotDirectory in(OutputDirectory out, String folder, SnapshotFormat format) {
        return new SnapshotDirectory(out.path().resolve(folder), out, folder, format);
    }

    /**
     * An existing snapshot folder with at least one snapshot (for reading).
     *
     * @throws IllegalArgumentException if the folder is missing or holds no snapshot file
     */
    public static SnapshotDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--snapshots " + dir + " is not a directory");
        }
        SnapshotDirectory d = new SnapshotDirectory(dir, null, null, SnapshotFormat.CSV);
        if (d.steps().isEmpty()) {
            throw new IllegalArgumentException("--snapshots " + dir
                    + " holds no snapshot files (expected step-NNNNNN.csv or step-NNNNNN.npy)");
        }
        return d;
    }

    /** The folder. */
    public Path path() {
        return dir;
    }

    /** The CSV file name of the snapshot of {@code step}. */
    public static String fileName(int step) {
        return fileName(step, SnapshotFormat.CSV);
    }

    /** The file name of the snapshot of {@code step} in {@code format}. */
    public static String fileName(int step, SnapshotFormat format) {
        return String.format(Locale.ROOT, "step-%06d.%s", step, format.extension());
    }

    /** The recorded steps, ascending. */
    public List<Integer> steps() {
        List<Integer> steps = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return steps;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    int step = Integer.parseInt(m.group(1));
                    if (!steps.contains(step)) {
                        steps.add(step);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        steps.sort(null);
        return steps;
    }

    /**
     * Reads the snapshot of {@code step}.
     *
     * @param stepSize the time step h used to compute t = k·h, or NaN if unknown
     */
    public Snapshot read(int step, double stepSize) {
        Path npy = dir.resolve(fileName(step, SnapshotFormat.NPY));
        Path csv = dir.resolve(fileName(step));
        WeightedPointCloud cloud = Files.isRegularFile(csv) || !Files.isRegularFile(npy) ? CloudCsv.read(csv)
                : CloudNpy.read(npy, null, false);
        return new Snapshot(step, step * stepSize, cloud);
    }

    /** Writes {@code cloud} as the snapshot of {@code step} (creating the folder if needed). */
    public void write(int step, WeightedPointCloud cloud) {
        if (owner != null) {
            format.write(owner.resolve(folder + "/" + fileName(step, format)), cloud, CloudCsv.ValueColumn.RHO);
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        format.write(dir.resolve(fileName(step, format)), cloud, CloudCsv.ValueColumn.RHO);
    }

    /**
     * Picks {@code count} steps spread evenly over {@code steps} (always the first and the last);
     * all of them when there are no more than {@code count}.
     */
    public static List<Integer> spread(List<Integer> steps, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--frames must be >= 1, got " + count);
        }
        if (steps.size() <= count) {
            return List.copyOf(steps);
        }
        List<Integer> out = new ArrayList<>(count);
        if (count == 1) {
            out.add(steps.get(steps.size() - 1));
            return out;
        }
        int last = -1;
        for (int k = 0; k < count; k++) {
            int idx = (int) Math.round((double) k * (steps.size() - 1) / (count - 1));
            if (idx != last) {
                out.add(steps.get(idx));
                last = idx;
            }
        }
        return out;
    }
}
