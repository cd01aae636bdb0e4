package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.output.OutputDirectory;
import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.FigureFiles;
import io.github.hopflow.examples.plot.FigureFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The file format of a command's figures, {@code --format png|svg|pdf}; mixed into every command
 * that draws one with {@code @Mixin}. Animated GIFs stay GIFs.
 */
public final class FigureOptions {

    @Option(names = "--format", paramLabel = "png|svg|pdf", defaultValue = "png",
            description = "File format of the figures: png, or svg and pdf (vectors: text, lines and points as "
                    + "shapes, heat maps embedded as images) (default: ${DEFAULT-VALUE}).")
    String format;

    /**
     * The format.
     *
     * @throws IllegalArgumentException naming {@code --format} and the value
     */
    public FigureFormat format() {
        return FigureFormat.byName("--format", format);
    }

    /** Writes {@code figure} as {@code DIR/BASE.EXT} in the format; returns the file. */
    public Path write(Figure figure, OutputDirectory dir, String base) {
        FigureFormat f = format();
        Path file = dir.resolve(f.file(base));
        FigureFiles.write(figure, file, f);
        return file;
    }
}
