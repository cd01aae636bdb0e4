package io.github.hopflow.examples.cli;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.sde.cloud.MassCloud;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.sde.io.CloudCsv;
import java.nio.file.Path;

/** Input files named by options: every message names the option and the file (and the line). */
final class CliFiles {

    private CliFiles() {
    }

    /**
     * Reads the cloud file given to {@code option}: CSV, or NumPy {@code .npy} by its extension.
     *
     * @param domain the metric whose domain the points must lie in (and whose dimension they must
     *     have), or null
     * @param distinct whether each point may appear only once
     * @throws IllegalArgumentException starting with the option, naming the file and line
     */
    static WeightedPointCloud read(String option, Path file, DiagonalMetric domain, boolean distinct) {
        try {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
                return io.github.hopflow.sde.io.CloudNpy.read(file, domain, distinct);
            }
            return CloudCsv.read(file, domain, distinct);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the file given to {@code option} as a measure to transport: a {@code weight} column
     * gives masses proportional to it; a cloud without one, or a density snapshot ({@code rho}
     * column, or {@code .npy}), is the sample it holds, every point of mass 1/N (its density
     * values are not masses; see {@link MassCloud}).
     *
     * @throws IllegalArgumentException starting with the option, naming the file and line
     */
    static MassCloud readMasses(String option, Path file) {
        WeightedPointCloud cloud = read(option, file, null, false);
        boolean npy = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
        if (!npy && read(option, () -> CloudCsv.valueColumn(file)) == CloudCsv.ValueColumn.WEIGHT) {
            return MassCloud.of(cloud.dimension(), cloud.positions(), cloud.values());
        }
        return MassCloud.samplesOf(cloud);
    }

    /**
     * Runs a reader of the file given to {@code option}, prefixing its errors with the option.
     *
     * @throws IllegalArgumentException starting with the option, for a bad or unreadable file
     */
    static <T> T read(String option, java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
