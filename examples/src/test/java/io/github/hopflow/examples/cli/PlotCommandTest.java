package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.examples.analysis.GibbsSamples;
import io.github.hopflow.examples.plot.Images;
import io.github.hopflow.examples.snapshot.SnapshotDirectory;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {

    @TempDir
    Path run;

    Path snapshots;

    @BeforeEach
    void writeRun() throws Exception {
        snapshots = run.resolve("snapshots");
        SnapshotDirectory dir = SnapshotDirectory.at(snapshots);
        for (int k = 0; k <= 5; k++) {
            dir.write(20 * k, GibbsSamples.of(ScaledHimmelblau.of(), 25 + 100 * (5 - k), 150, 0.2, k));
        }
        Files.writeString(run.resolve("summary.json"),
                "{\"parameters\":{\"objective\":\"himmelblau\",\"temperature\":25,\"step\":1e-4}}");
    }

    @Test
    void redrawsGridAndAnimation() throws Exception {
        Cli.Result r = Cli.run("plot", "--snapshots", snapshots.toString(), "--frames", "4");
        assertEquals(0, r.exit(), r.err());
        Images.assertValidImage(run.resolve("evolution-plot.png"), 900, 900);
        Path gif = run.resolve("anim.gif");
        r = Cli.run("plot", "--snapshots", snapshots.toString(), "--out", gif.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("6 frames"), r.out());
        Images.assertValidImage(gif, 500, 500);
    }

    @Test
    void higherDimensionalCloudsThroughAChosenPair() throws Exception {
        Path dir4 = run.resolve("four/snapshots");
        SplittableRandom rnd = new SplittableRandom(5);
        for (int k = 0; k < 3; k++) {
            double[] x = new double[4 * 100];
            double[] v = new double[100];
            for (int i = 0; i < x.length; i++) {
                x[i] = 3 * rnd.nextDouble() - 1;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.exp(-x[4 * i + 2] * x[4 * i + 2]);
            }
            SnapshotDirectory.at(dir4).write(k, WeightedPointCloud.of(4, x, v));
        }
        Path png = run.resolve("four/pair.png");
        Cli.Result r = Cli.run("plot", "--snapshots", dir4.toString(), "--dims", "3,1", "--out", png.toString());
        assertEquals(0, r.exit(), r.err());
        Images.assertValidImage(png, 600, 300);
        r = Cli.run("plot", "--snapshots", dir4.toString(), "--dims", "1,5", "--out", png.toString(), "--force");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--dims"), r.err());
    }

    /** A cloud above the point-by-point limit is drawn as a histogram of its values, of another look. */
    @Test
    void largeCloudsAreDrawnAsHistograms() throws Exception {
        Path big = run.resolve("big/snapshots");
        SplittableRandom rnd = new SplittableRandom(11);
        int n = io.github.hopflow.examples.figures.EvolutionFigure.LARGE_CLOUD + 1;
        double[] x = new double[2 * n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 0.5 + 0.15 * rnd.nextGaussian() % 0.49;
            x[2 * i + 1] = 0.5 + 0.1 * rnd.nextGaussian() % 0.49;
            v[i] = Math.exp(-Math.pow(x[2 * i] - 0.5, 2) / 0.045 - Math.pow(x[2 * i + 1] - 0.5, 2) / 0.02);
        }
        SnapshotDirectory.at(big).write(0, WeightedPointCloud.of(2, x, v));
        Path auto = run.resolve("big/auto.png");
        Path points = run.resolve("big/points.png");
        Path positions = run.resolve("big/positions.png");
        assertEquals(0, Cli.run("plot", "--snapshots", big.toString(), "--out", auto.toString()).exit());
        assertEquals(0, Cli.run("plot", "--snapshots", big.toString(), "--out", points.toString(), "--draw", "points")
                .exit());
        assertEquals(0, Cli.run("plot", "--snapshots", big.toString(), "--out", positions.toString(), "--draw",
                "positions").exit());
        Images.assertValidImage(auto, 400, 400);
        assertTrue(Files.size(auto) != Files.size(points) && Files.size(auto) != Files.size(positions));
        Cli.Result bad = Cli.run("plot", "--snapshots", big.toString(), "--out", auto.toString(), "--force", "--draw",
                "dots");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--draw"), bad.err());
    }

    @Test
    void badInputExitsWithStatusTwo() throws Exception {
        Cli.Result r = Cli.run("plot", "--snapshots", run.resolve("missing").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("missing"), r.err());
        r = Cli.run("plot", "--snapshots", snapshots.toString(), "--out", run.resolve("x.jpg").toString());
        assertEquals(2, r.exit());
        r = Cli.run("plot", "--snapshots", snapshots.toString(), "--dims", "2,2");
        assertEquals(2, r.exit());
        Files.writeString(run.resolve("evolution-plot.png"), "taken");
        r = Cli.run("plot", "--snapshots", snapshots.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--force"), r.err());
    }
}
