package io.github.hopflow.examples.snapshot;

import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.sde.io.CloudCsv;
import io.github.hopflow.sde.io.CloudNpy;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The file formats of snapshots and clouds: CSV (header {@code x1,...,xn,rho}) or NumPy {@code .npy}
 * (float64, N × (n + 1), the values last). Readers accept both, by the file's extension.
 */
public enum SnapshotFormat {
    /** Text, {@link CloudCsv}. */
    CSV("csv"),
    /** Binary, {@link CloudNpy}. */
    NPY("npy");

    private final String extension;

    SnapshotFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * Writes {@code cloud} to {@code file}.
     *
     * @param column the value column of a CSV file ({@code .npy} always holds the values)
     */
    public void write(Path file, WeightedPointCloud cloud, CloudCsv.ValueColumn column) {
        if (this == NPY) {
            CloudNpy.write(file, cloud);
        } else {
            CloudCsv.write(file, cloud, column);
        }
    }

    /** The format of {@code file} by its extension ({@code .npy}, else CSV). */
    public static SnapshotFormat of(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy") ? NPY : CSV;
    }

    /**
     * Parses {@code csv} or {@code npy}.
     *
     * @throws IllegalArgumentException naming the option and the value otherwise
     */
    public static SnapshotFormat parse(String option, String text) {
        for (SnapshotFormat f : values()) {
            if (f.extension.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException(option + " must be csv or npy, got '" + text + "'");
    }
}
