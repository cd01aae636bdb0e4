package io.github.hopflow.examples.plot;

import io.github.hopflow.examples.output.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.GifEncoder;

/** Writes figures: PNG through ImageIO, animated GIF through XChart's {@link GifEncoder}. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** Writes {@code image} to {@code file} as PNG (via a temporary sibling, then moved into place). */
    public static void writePng(BufferedImage image, Path file) {
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
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
