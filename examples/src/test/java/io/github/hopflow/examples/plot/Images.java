package io.github.hopflow.examples.plot;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Checks that a file is a readable, non-trivial image. */
public final class Images {

    private Images() {
    }

    /**
     * Reads {@code file} with ImageIO and checks its size and that it is not one flat colour.
     *
     * @return the image
     */
    public static BufferedImage assertValidImage(Path file, int minWidth, int minHeight) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " missing");
        assertTrue(Files.size(file) > 1000, file + " is suspiciously small: " + Files.size(file) + " bytes");
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " is not a readable image");
        assertTrue(img.getWidth() >= minWidth && img.getHeight() >= minHeight,
                file + " is " + img.getWidth() + " x " + img.getHeight() + ", expected at least " + minWidth + " x " + minHeight);
        assertTrue(distinctColours(img) > 20, file + " has too few colours to be a figure");
        return img;
    }

    /** The number of distinct colours on a coarse pixel lattice. */
    public static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
