package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.figures.EvolutionFigure;
import io.github.hopflow.examples.figures.EvolutionPlots;
import io.github.hopflow.examples.plot.FigureFiles;
import io.github.hopflow.examples.plot.FigureFormat;
import io.github.hopflow.examples.plot.ImageFiles;
import io.github.hopflow.examples.snapshot.RunInfo;
import io.github.hopflow.examples.snapshot.Snapshot;
import io.github.hopflow.examples.snapshot.SnapshotDirectory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code hopflow plot}: redraws the density evolution of any run from its snapshots. */
@Command(name = "plot",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Redraws the point-cloud density evolution of a run from its snapshots.",
            "Reads step-NNNNNN.csv files (header x1,...,xn[,rho]) and draws a grid of panels, points coloured by density value, or an "
                    + "animation when FILE ends in .gif.",
            "Clouds of more than two dimensions are shown through the pair of coordinates chosen by --dims. "
                    + "When the run's summary.json names a 2-D objective and a temperature, contours of "
                    + "exp(-f/T) and the known minimisers are drawn behind the points."
        })
public final class PlotCommand implements Callable<Integer> {

    @CommandLine.Mixin
    FigureOptions figures;

    @Option(names = "--snapshots", required = true, paramLabel = "DIR",
            description = "The run's snapshot folder (e.g. out/himmelblau/snapshots).")
    Path snapshots;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output image: .png, .svg or .pdf (a grid of panels) or .gif (an animation) (default: "
                    + "evolution-plot.FORMAT next to the snapshot folder).")
    Path out;

    @Option(names = "--dims", paramLabel = "i,j", defaultValue = "1,2",
            description = "The two coordinates to show, 1-based (default: ${DEFAULT-VALUE}).")
    String dims;

    @Option(names = "--frames", paramLabel = "F",
            description = "Panels in the grid (default 9) or frames of the animation (default: every snapshot, at most 40).")
    Integer frames;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Option(names = "--colormap", paramLabel = "viridis|rainbow", defaultValue = "viridis",
            description = "Colour map of the density values (default: ${DEFAULT-VALUE}; rainbow as in the paper's Fig. 4).")
    String colormap;

    @Option(names = "--draw", paramLabel = "auto|points|values|positions", defaultValue = "auto",
            description = "How a panel draws its cloud: points (each coloured by its value), values (a 2-D histogram of "
                    + "the values: their mean per bin), positions (a 2-D histogram of the points' density); auto: points "
                    + "up to " + EvolutionFigure.LARGE_CLOUD + " points, values above (default: ${DEFAULT-VALUE}).")
    EvolutionFigure.Drawing draw;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        io.github.hopflow.examples.plot.ColourMap map = io.github.hopflow.examples.plot.ColourMap.byName("--colormap", colormap);
        SnapshotDirectory dir = SnapshotDirectory.open(snapshots);
        int[] pair = parseDims(dims);
        FigureFormat format = figures.format();
        Path file = out != null ? out : snapshots.toAbsolutePath().getParent().resolve(format.file("evolution-plot"));
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gif = name.endsWith(".gif");
        if (!gif) {
            FigureFormat named = FigureFormat.ofFile(file);
            if (named == null) {
                throw new IllegalArgumentException("--out must end in .png, .svg, .pdf or .gif, got " + file);
            }
            format = named;
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--out " + file + " is a directory; name the image file to write");
        }
        if (Files.exists(file) && !force) {
            throw new IllegalArgumentException("--out " + file + " already exists; pass --force to overwrite it");
        }
        if (!Files.exists(file)) {
            io.github.hopflow.examples.output.OutputDirectory.requireCreatable("--out", file);
        }
        int count = frames != null ? frames : gif ? 40 : 9;
        if (count < 1) {
            throw new IllegalArgumentException("--frames must be >= 1, got " + count);
        }
        RunInfo info = RunInfo.near(snapshots);
        List<Snapshot> chosen = new ArrayList<>();
        for (int step : SnapshotDirectory.spread(dir.steps(), count)) {
            chosen.add(dir.read(step, info.stepSize()));
        }
        int n = chosen.get(0).cloud().dimension();
        if (pair[0] >= n || pair[1] >= n) {
            throw new IllegalArgumentException("--dims " + dims + " names a coordinate beyond the clouds' dimension " + n);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create " + parent + ": " + e.getMessage(), e);
            }
        }
        EvolutionPlots plots = EvolutionPlots.forRun(chosen, pair[0], pair[1], info, "Density evolution", map,
                draw);
        if (gif) {
            List<BufferedImage> images = plots.figure().frames();
            ImageFiles.writeGif(images, file, EvolutionPlots.FRAME_MILLIS);
        } else {
            FigureFiles.write(plots.figure().grid(EvolutionPlots.columns(chosen.size())), file, format);
        }
        spec.commandLine().getOut().println("wrote " + file + " (" + chosen.size() + (gif ? " frames" : " panels") + " from "
                + dir.path() + ")");
        return 0;
    }

    private static int[] parseDims(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--dims must be two coordinates i,j (1-based), got '" + text + "'");
        }
        int[] out = new int[2];
        for (int k = 0; k < 2; k++) {
            try {
                out[k] = Integer.parseInt(parts[k]) - 1;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--dims entry '" + parts[k] + "' is not a whole number");
            }
            if (out[k] < 0) {
                throw new IllegalArgumentException("--dims entries are 1-based and must be >= 1, got '" + text + "'");
            }
        }
        if (out[0] == out[1]) {
            throw new IllegalArgumentException("--dims must name two different coordinates, got '" + text + "'");
        }
        return out;
    }
}
