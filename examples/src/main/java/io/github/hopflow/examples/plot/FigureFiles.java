package io.github.hopflow.examples.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.github.hopflow.examples.output.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Figure} as PNG (through {@link ImageFiles}) or as an SVG or PDF page of the
 * figure's size (VectorGraphics2D, the vector backend XChart uses): text, lines and markers as
 * vectors, images (heat maps, histograms) embedded. Every file is written under a temporary name
 * and moved into place.
 */
public final class FigureFiles {

    private FigureFiles() {
    }

    /** Writes {@code figure} to {@code file} in {@code format}. */
    public static void write(Figure figure, Path file, FigureFormat format) {
        if (format == FigureFormat.PNG) {
            ImageFiles.writePng(figure.raster(), file);
            return;
        }
        VectorGraphics2D g = new VectorGraphics2D();
        figure.paint(g);
        Document document = Processors.get(format.extension())
                .getDocument(g.getCommands(), new PageSize(0, 0, figure.width(), figure.height()));
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                document.writeTo(out);
            }
        });
    }
}
