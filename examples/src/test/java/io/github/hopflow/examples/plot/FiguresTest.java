package io.github.hopflow.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.examples.analysis.GibbsSamples;
import io.github.hopflow.examples.figures.EvolutionFigure;
import io.github.hopflow.examples.figures.EvolutionPlots;
import io.github.hopflow.examples.figures.RuntimeFigure;
import io.github.hopflow.examples.himmelblau.HimmelblauFigures;
import io.github.hopflow.examples.snapshot.Snapshot;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    @TempDir
    Path dir;

    @Test
    void staticHimmelblauFiguresAreSquarePlotsWithColourBars() throws Exception {
        ScaledHimmelblau f = ScaledHimmelblau.of();
        FigureFiles.write(HimmelblauFigures.geodesicBalls(HopfieldMetric.paperExample(2, 0.25),
                new double[] {0.5, 0.5}), dir.resolve("geo.png"), FigureFormat.PNG);
        FigureFiles.write(HimmelblauFigures.objective(f), dir.resolve("f.png"), FigureFormat.PNG);
        FigureFiles.write(HimmelblauFigures.stationary((x, y) -> Math.exp(-f.value(new double[] {x, y}) / 25),
                f.globalMinimisers(), 25, ColourMap.DEFAULT), dir.resolve("rho.png"), FigureFormat.PNG);
        for (String name : List.of("geo.png", "f.png", "rho.png")) {
            BufferedImage img = Images.assertValidImage(dir.resolve(name), 500, 500);
            assertTrue(img.getWidth() <= 900 && img.getHeight() <= 800, name + " " + img.getWidth() + "x" + img.getHeight());
        }
    }

    @Test
    void heatMapFillsThePlotAreaWithTheScaleColours() {
        GridField field = GridField.unitSquare((x, y) -> x, 11);
        ColourScale scale = ColourScale.linear(ColourMap.VIRIDIS, 0, 1);
        BufferedImage img = FieldChart.unitSquare("ramp").heatMap(field, scale).render(600, 600).raster();
        // the plot centre shows the colour of x = 0.5 (within interpolation and rounding)
        int rgb = img.getRGB(img.getWidth() / 2 - 20, img.getHeight() / 2);
        java.awt.Color expected = scale.colour(0.5);
        java.awt.Color got = new java.awt.Color(rgb);
        assertTrue(Math.abs(got.getGreen() - expected.getGreen()) < 40
                && Math.abs(got.getBlue() - expected.getBlue()) < 40, "centre colour " + got + " vs " + expected);
    }

    @Test
    void evolutionGridAndAnimationFromSnapshots() throws Exception {
        ScaledHimmelblau f = ScaledHimmelblau.of();
        List<Snapshot> snaps = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            snaps.add(new Snapshot(100 * k, 0.01 * k, GibbsSamples.of(f, 25 * (4 - k), 200, 0.3, k)));
        }
        EvolutionFigure.Builder b = EvolutionFigure.of(snaps).heading("test");
        EvolutionPlots.withStationary(b, (x, y) -> Math.exp(-f.value(new double[] {x, y}) / 25), f.globalMinimisers());
        EvolutionFigure fig = b.build();
        FigureFiles.write(fig.grid(2), dir.resolve("grid.png"), FigureFormat.PNG);
        BufferedImage grid = Images.assertValidImage(dir.resolve("grid.png"), 800, 800);
        assertTrue(grid.getWidth() > grid.getHeight() * 0.9, "2 x 2 grid plus colour bar is about square");
        List<BufferedImage> frames = fig.frames();
        assertEquals(4, frames.size());
        ImageFiles.writeGif(frames, dir.resolve("anim.gif"), 100);
        assertEquals(4, gifFrames(dir.resolve("anim.gif")));
    }

    /**
     * SVG and PDF pages of a figure: a document of the figure's size whose heat map is one embedded
     * image and whose text stays text (searchable, scalable).
     */
    @Test
    void vectorFiguresEmbedTheHeatMapAndKeepTheText() throws Exception {
        Figure stationary = HimmelblauFigures.stationary((x, y) -> Math.exp(-ScaledHimmelblau.of().value(
                new double[] {x, y}) / 25), ScaledHimmelblau.of().globalMinimisers(), 25, ColourMap.DEFAULT);
        Path svg = dir.resolve("rho.svg");
        Path pdf = dir.resolve("rho.pdf");
        FigureFiles.write(stationary, svg, FigureFormat.SVG);
        FigureFiles.write(stationary, pdf, FigureFormat.PDF);
        javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        // the SVG names the W3C DTD: not fetched (tests run offline)
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document doc = xml.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(stationary.width(), (int) Double.parseDouble(doc.getDocumentElement().getAttribute("width")
                .replaceAll("[^0-9.]", "")));
        assertEquals(2, doc.getElementsByTagName("image").getLength(), "the heat map and the colour bar's gradient");
        assertTrue(doc.getElementsByTagName("text").getLength() > 5, "axis labels and title as text");
        assertTrue(doc.getElementsByTagName("path").getLength() > 10, "contours and axes as paths");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(Files.size(pdf) > 10_000);
        assertEquals(FigureFormat.SVG, FigureFormat.ofFile(svg));
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FigureFormat.byName("--format", "jpeg"));
        assertEquals("--format must be png, svg or pdf, got 'jpeg'", bad.getMessage());
    }

    @Test
    void runtimeFigure() throws Exception {
        double[] ms = new double[300];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = 10 + (i % 7);
        }
        FigureFiles.write(RuntimeFigure.render(ms, "runtime"), dir.resolve("rt.png"), FigureFormat.PNG);
        Images.assertValidImage(dir.resolve("rt.png"), 1000, 400);
    }

    static int gifFrames(Path file) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            BufferedImage first = reader.read(0);
            assertTrue(first.getWidth() > 400 && first.getHeight() > 400);
            reader.dispose();
            return n;
        }
    }
}
