package io.github.hopflow.examples.plot;

import io.github.hopflow.examples.output.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.GifEncoder;

/** Writes figures: PNG through ImageIO, animated GIF through XChart's {@link GifEncoder}. */
public final class ImageFiles {

    static {
        // in memory, not through a cache file: ImageIO's cache files register a shutdown hook on
        // first use, which fails once Ctrl-C has begun the shutdown, and a stopped run still
        // writes its figures
        ImageIO.setUseCache(false);
    }

    private ImageFiles() {
    }

    /** Writes {@code image} to {@code file} as PNG (via a temporary sibling, then moved into place). */
    public static void writePng(BufferedImage image, Path file) {
        // the stream is opened here, not by ImageIO from a File: ImageIO prints a stack trace and
        // reports only "Can't create an ImageOutputStream!" when it cannot open the file itself
        AtomicFiles.write(file, tmp -> {
            try (java.io.OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                if (!ImageIO.write(image, "png", os)) {
                    throw new IOException("no PNG writer available");
                }
            }
        });
    }

    /**
     * Writes an animated GIF that loops forever.
     *
     * @param frames at least one image, all of one size
     * @param delayMillis time each frame is shown, &gt; 0
     */
    public static void writeGif(List<BufferedImage> frames, Path file, int delayMillis) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        if (delayMillis <= 0) {
            throw new IllegalArgumentException("frame delay must be > 0 ms, got " + delayMillis);
        }
        // XChart's encoder appends ".gif" to a name without it, so the temporary name ends in .gif
        AtomicFiles.write(file, file.resolveSibling(file.getFileName() + ".partial.gif"),
                tmp -> GifEncoder.saveGif(tmp.toString(), frames, 0, delayMillis));
    }
}
