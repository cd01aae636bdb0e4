package io.github.hopflow.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * A scatter marker filled with the series colour and outlined in a contrasting colour, drawn at a
 * multiple of the chart's marker size: stands out on top of a heat map or a dense cloud.
 */
public final class GlyphMarker extends Marker {

    /** The outline shapes. */
    public enum Shape2D {
        /** A diamond. */
        DIAMOND,
        /** A five-pointed star. */
        STAR,
        /** A disc. */
        DISC,
        /** A square. */
        SQUARE
    }

    private final Shape2D shape;
    private final double scale;
    private final Color outline;

    private GlyphMarker(Shape2D shape, double scale, Color outline) {
        this.shape = shape;
        this.scale = scale;
        this.outline = outline;
    }

    /**
     * @param shape the outline
     * @param scale size relative to the chart's marker size, &gt; 0
     * @param outline the outline colour, or null for none
     */
    public static GlyphMarker of(Shape2D shape, double scale, Color outline) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("marker scale must be > 0, got " + scale);
        }
        return new GlyphMarker(shape, scale, outline);
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
        double r = 0.5 * markerSize * scale;
        Shape s = shape(x, y, r);
        g.fill(s);
        if (outline != null) {
            Color fill = g.getColor();
            java.awt.Stroke stroke = g.getStroke();
            g.setColor(outline);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(s);
            g.setStroke(stroke);
            g.setColor(fill);
        }
    }

    private Shape shape(double x, double y, double r) {
        switch (shape) {
            case DISC:
                return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            case SQUARE: {
                double a = r * 0.85;
                return new java.awt.geom.Rectangle2D.Double(x - a, y - a, 2 * a, 2 * a);
            }
            case STAR: {
                Path2D.Double p = new Path2D.Double();
                for (int k = 0; k < 10; k++) {
                    double rad = k % 2 == 0 ? r * 1.25 : r * 0.5;
                    double ang = -Math.PI / 2 + k * Math.PI / 5;
                    double px = x + rad * Math.cos(ang);
                    double py = y + rad * Math.sin(ang);
                    if (k == 0) {
                        p.moveTo(px, py);
                    } else {
                        p.lineTo(px, py);
                    }
                }
                p.closePath();
                return p;
            }
            default: {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x, y - r * 1.2);
                p.lineTo(x + r, y);
                p.lineTo(x, y + r * 1.2);
                p.lineTo(x - r, y);
                p.closePath();
                return p;
            }
        }
    }
}
