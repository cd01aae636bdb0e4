package io.github.hopflow.examples.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * A figure of a fixed size in pixels (points, in a vector format) that paints itself onto any
 * {@link Graphics2D}: a raster for PNG, a vector page for SVG and PDF ({@link FigureFiles}), where
 * lines, points and text stay vectors and heat maps are embedded images. Immutable.
 */
public final class Figure {

    private final int width;
    private final int height;
    private final Consumer<Graphics2D> painter;

    private Figure(int width, int height, Consumer<Graphics2D> painter) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("figure size must be at least 1 x 1, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.painter = painter;
    }

    /**
     * A figure painted by {@code painter} onto a white page of {@code width} × {@code height}.
     *
     * @param painter draws the figure with its origin at the page's top left; it must not dispose
     *     the graphics
     */
    public static Figure of(int width, int height, Consumer<Graphics2D> painter) {
        return new Figure(width, height, painter);
    }

    /** An XChart chart at its own size, painted by XChart (shapes and text, vectors in SVG and PDF). */
    public static Figure of(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        int w = chart.getWidth();
        int h = chart.getHeight();
        return new Figure(w, h, g -> chart.paint(g, w, h));
    }

    /** A figure that is an image (embedded as such in a vector page). */
    public static Figure of(BufferedImage image) {
        return new Figure(image.getWidth(), image.getHeight(), g -> g.drawImage(image, 0, 0, null));
    }

    /** The width. */
    public int width() {
        return width;
    }

    /** The height. */
    public int height() {
        return height;
    }

    /**
     * Paints the figure onto {@code g} (a white page first), with anti-aliasing on.
     *
     * @param g the target. Modified (its state is restored afterwards).
     */
    public void paint(Graphics2D g) {
        Graphics2D own = (Graphics2D) g.create();
        try {
            ChartStyle.smooth(own);
            own.setColor(Color.WHITE);
            own.fillRect(0, 0, width, height);
            painter.accept(own);
        } finally {
            own.dispose();
        }
    }

    /** The figure as an RGB image of its size. */
    public BufferedImage raster() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }
}
