package io.github.hopflow.examples.plot;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats of figures: PNG (raster), SVG and PDF (vector, heat maps embedded as images). */
public enum FigureFormat {
    /** Portable Network Graphics. */
    PNG,
    /** Scalable Vector Graphics. */
    SVG,
    /** Portable Document Format. */
    PDF;

    /** The file extension, without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code base} with this format's extension: {@code density} becomes {@code density.svg}. */
    public String file(String base) {
        return base + "." + extension();
    }

    /**
     * The format named {@code text} (any case).
     *
     * @throws IllegalArgumentException naming {@code option}, the value and the formats
     */
    public static FigureFormat byName(String option, String text) {
        for (FigureFormat f : values()) {
            if (f.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException(option + " must be png, svg or pdf, got '" + text + "'");
    }

    /** The format of {@code file} by its extension, or null when it has none of the three. */
    public static FigureFormat ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat f : values()) {
            if (name.endsWith("." + f.extension())) {
                return f;
            }
        }
        return null;
    }
}
