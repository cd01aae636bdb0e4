package io.github.hopflow.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Medians and the process's peak resident memory. */
public final class Measurements {

    private Measurements() {
    }

    /** The median of the first {@code count} entries. Not modified. */
    public static double median(double[] values, int count) {
        if (count <= 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(values, count);
        Arrays.sort(s);
        return count % 2 == 1 ? s[count / 2] : 0.5 * (s[count / 2 - 1] + s[count / 2]);
    }

    /**
     * The peak resident set size of this process in MiB (VmHWM of /proc/self/status: the whole
     * JVM, heap and native memory), or −1 where the platform does not report it.
     */
    public static double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
