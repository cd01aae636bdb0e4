package io.github.hopflow.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A vertical colour bar: the gradient of a {@link ColourScale} (low at the bottom), tick marks
 * with labels on its right and a title above.
 */
public final class ColourBar {

    /** The width in pixels a colour bar panel needs, labels included. */
    public static final int WIDTH = 112;

    private final ColourScale scale;
    private final String title;

    private ColourBar(ColourScale scale, String title) {
        this.scale = scale;
        this.title = title;
    }

    /** A bar for {@code scale} headed by {@code title} (may be empty). */
    public static ColourBar of(ColourScale scale, String title) {
        if (scale == null) {
            throw new IllegalArgumentException("colour bar scale must not be null");
        }
        return new ColourBar(scale, title == null ? "" : title);
    }

    /** The scale. */
    public ColourScale scale() {
        return scale;
    }

    /**
     * Paints the bar so that its gradient spans pixel rows {@code top} … {@code bottom} (the plot
     * area of the neighbouring chart), in the column starting at {@code left}.
     */
    public void paint(Graphics2D g, int left, int top, int bottom) {
        ChartStyle.smooth(g);
        int barX = left + 10;
        int barW = 18;
        int h = Math.max(1, bottom - top);
        BufferedImage gradient = new BufferedImage(barW, h, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < h; r++) {
            int rgb = scale.map().argb(1.0 - (r + 0.5) / h);
            for (int c = 0; c < barW; c++) {
                gradient.setRGB(c, r, rgb);
            }
        }
        g.drawImage(gradient, barX, top, null);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(barX, top, barW, h);
        g.setFont(ChartStyle.TICKS);
        FontMetrics fm = g.getFontMetrics();
        for (double v : scale.ticks()) {
            double t = scale.fraction(v);
            int y = (int) Math.round(bottom - t * h);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(barX + barW, y, barX + barW + 4, y);
            g.setColor(Color.BLACK);
            g.drawString(scale.label(v), barX + barW + 7, y + fm.getAscent() / 2 - 1);
        }
        if (!title.isEmpty()) {
            g.setFont(ChartStyle.AXIS_TITLE);
            FontMetrics tm = g.getFontMetrics();
            g.setColor(Color.BLACK);
            g.drawString(title, barX, top - tm.getDescent() - 6);
        }
    }
}
