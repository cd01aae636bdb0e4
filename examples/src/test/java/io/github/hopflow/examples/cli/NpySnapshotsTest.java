package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.sde.io.CloudCsv;
import io.github.hopflow.sde.io.CloudNpy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --snapshot-format npy}: run and sample write .npy snapshots that plot and --init read back. */
class NpySnapshotsTest {

    @TempDir
    Path dir;

    @Test
    void npySnapshotsAreWrittenAndRead() throws Exception {
        Path csvRun = dir.resolve("csv");
        Path npyRun = dir.resolve("npy");
        String[] base = {"run", "--particles", "40", "--steps", "6", "--snapshot-every", "3", "--quiet"};
        assertEquals(0, Cli.run(concat(base, "--out", csvRun.toString())).exit());
        Cli.Result r = Cli.run(concat(base, "--snapshot-format", "npy", "--out", npyRun.toString()));
        assertEquals(0, r.exit(), r.err());
        for (String step : new String[] {"000000", "000003", "000006"}) {
            WeightedPointCloud fromCsv = CloudCsv.read(csvRun.resolve("snapshots/step-" + step + ".csv"));
            WeightedPointCloud fromNpy = CloudNpy.read(npyRun.resolve("snapshots/step-" + step + ".npy"), null, false);
            // the same run: CSV's shortest round-trip decimals and .npy's bits are the same doubles
            assertEquals(java.util.Arrays.toString(fromCsv.positions()), java.util.Arrays.toString(fromNpy.positions()));
            assertEquals(java.util.Arrays.toString(fromCsv.values()), java.util.Arrays.toString(fromNpy.values()));
        }
        Cli.Result plot = Cli.run("plot", "--snapshots", npyRun.resolve("snapshots").toString(), "--out",
                dir.resolve("plot.png").toString());
        assertEquals(0, plot.exit(), plot.err());
        assertTrue(Files.size(dir.resolve("plot.png")) > 0);
        Cli.Result init = Cli.run("sample", "--init", npyRun.resolve("snapshots/step-000006.npy").toString(),
                "--steps", "2", "--snapshot-format", "npy", "--quiet", "--out", dir.resolve("again").toString());
        assertEquals(0, init.exit(), init.err());
        assertEquals(40, CloudNpy.read(dir.resolve("again/snapshots/step-000002.npy"), null, false).size());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
