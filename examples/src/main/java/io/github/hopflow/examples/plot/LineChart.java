package io.github.hopflow.examples.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A line chart of one or more series y(x), in the common style, rendered to an image. */
public final class LineChart {

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Line> lines = new ArrayList<>();
    private boolean logY;
    private double floorY = Double.NEGATIVE_INFINITY;
    private Styler.LegendPosition legendPosition = Styler.LegendPosition.InsideNE;

    private LineChart(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /** An empty chart with a title and axis titles. */
    public static LineChart of(String title, String xTitle, String yTitle) {
        return new LineChart(title, xTitle, yTitle);
    }

    /**
     * Adds a series; non-finite points are dropped (and, on a logarithmic axis, points with
     * y ≤ 0).
     *
     * @throws IllegalArgumentException if the arrays differ in length or no point is left
     */
    public LineChart line(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length
                    + " points but y has " + y.length);
        }
        lines.add(new Line(name, x.clone(), y.clone()));
        return this;
    }

    /** Uses a logarithmic y axis. */
    public LineChart logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** Draws values below {@code floor} at the floor (e.g. round-off levels on a log axis). */
    public LineChart floorY(double floor) {
        this.floorY = floor;
        return this;
    }

    /** Where the legend goes (default inside, top right). */
    public LineChart legend(Styler.LegendPosition position) {
        this.legendPosition = position;
        return this;
    }

    /** The configured XChart chart. */
    public XYChart chart(int width, int height) {
        XYChart chart = new XYChart(width, height);
        ChartStyle.apply(chart);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisTickMarkSpacingHint(100);
        chart.getStyler().setLegendPosition(legendPosition);
        chart.getStyler().setLegendVisible(lines.size() > 1);
        chart.getStyler().setMarkerSize(5);
        double xMin = Double.POSITIVE_INFINITY;
        for (Line line : lines) {
            for (double v : line.x()) {
                xMin = Math.min(xMin, v);
            }
        }
        if (xMin >= 0) {
            // start the axis at 0 so that the ticks fall on round numbers
            chart.getStyler().setXAxisMin(0.0);
        }
        int k = 0;
        for (Line line : lines) {
            double[][] xy = finite(line, logY);
            for (int i = 0; i < xy[1].length; i++) {
                xy[1][i] = Math.max(xy[1][i], floorY);
            }
            if (xy[0].length == 0) {
                throw new IllegalArgumentException("series '" + line.name() + "' has no plottable point");
            }
            XYSeries s = chart.addSeries(line.name(), xy[0], xy[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(xy[0].length <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            s.setLineColor(ChartStyle.SERIES[k % ChartStyle.SERIES.length]);
            s.setMarkerColor(ChartStyle.SERIES[k % ChartStyle.SERIES.length]);
            k++;
        }
        return chart;
    }

    /** Renders the chart. */
    public BufferedImage render(int width, int height) {
        XYChart chart = chart(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            ChartStyle.smooth(g);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double[][] finite(Line line, boolean positive) {
        int n = 0;
        for (int k = 0; k < line.x().length; k++) {
            if (keep(line, k, positive)) {
                n++;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int c = 0;
        for (int k = 0; k < line.x().length; k++) {
            if (keep(line, k, positive)) {
                x[c] = line.x()[k];
                y[c] = line.y()[k];
                c++;
            }
        }
        return new double[][] {x, y};
    }

    private static boolean keep(Line line, int k, boolean positive) {
        double x = line.x()[k];
        double y = line.y()[k];
        return Double.isFinite(x) && Double.isFinite(y) && (!positive || y > 0);
    }

    private record Line(String name, double[] x, double[] y) {
    }
}
