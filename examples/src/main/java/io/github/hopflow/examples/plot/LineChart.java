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
    private Styler.LegendPosition legendPosition = Styler.LegendPosition.OutsideS;

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

    /**
     * One line per coordinate of a trajectory: for each i of {@code coordinates}, the values
     * states[k][i] against times[k], named x_{i+1}.
     *
     * @param times the times. Not modified.
     * @param states one state per time. Not modified.
     * @param coordinates the 0-based coordinates to draw, in legend order. Not modified.
     */
    public LineChart coordinates(double[] times, double[][] states, int[] coordinates) {
        for (int i : coordinates) {
            double[] y = new double[times.length];
            for (int k = 0; k < y.length; k++) {
                y[k] = states[k][i];
            }
            line("x_" + (i + 1), times, y);
        }
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

    /**
     * The configured XChart chart. A logarithmic y axis is drawn as log₁₀ y on a linear axis that
     * spans whole decades, with a tick and a label ({@code 10⁻⁶}, {@code 1}, {@code 10²}) at every
     * decade or every few decades: XChart's own logarithmic axis labels only the decades inside the
     * data range, which leaves a range such as 17 … 40 without any label.
     */
    public XYChart chart(int width, int height) {
        XYChart chart = new XYChart(width, height);
        ChartStyle.apply(chart);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setXAxisTickMarkSpacingHint(100);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Numbers::compact);
        chart.getStyler().setLegendPosition(legendPosition);
        if (legendPosition == Styler.LegendPosition.OutsideS) {
            // one row when the names fit across (about 7 pixels a character and 45 an entry), a column otherwise
            int across = 0;
            for (Line line : lines) {
                across += 7 * line.name().length() + 45;
            }
            chart.getStyler().setLegendLayout(across <= width - 40 ? Styler.LegendLayout.Horizontal
                    : Styler.LegendLayout.Vertical);
        }
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
        List<double[][]> series = new ArrayList<>();
        for (Line line : lines) {
            double[][] xy = finite(line, logY);
            for (int i = 0; i < xy[1].length; i++) {
                xy[1][i] = Math.max(xy[1][i], floorY);
                if (logY) {
                    xy[1][i] = Math.log10(xy[1][i]);
                }
            }
            if (xy[0].length == 0) {
                throw new IllegalArgumentException("series '" + line.name() + "' has no plottable point");
            }
            series.add(xy);
        }
        if (logY) {
            decades(chart, series, height);
        }
        int k = 0;
        for (int j = 0; j < lines.size(); j++) {
            Line line = lines.get(j);
            double[][] xy = series.get(j);
            XYSeries s = chart.addSeries(line.name(), xy[0], xy[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(xy[0].length <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            s.setLineColor(ChartStyle.SERIES[k % ChartStyle.SERIES.length]);
            s.setMarkerColor(ChartStyle.SERIES[k % ChartStyle.SERIES.length]);
            k++;
        }
        breakEqualSpacing(chart, series.get(0));
        return chart;
    }

    /**
     * Spans the y axis (holding log₁₀ y) over whole decades, with ticks on whole
     * decades only, labelled as powers of ten.
     */
    private static void decades(XYChart chart, List<double[][]> series, int height) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] xy : series) {
            for (double v : xy[1]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double bottom = Math.floor(lo + 1e-9);
        double top = Math.max(Math.ceil(hi - 1e-9), bottom + 1);
        double span = top - bottom;
        chart.getStyler().setYAxisMin(bottom);
        chart.getStyler().setYAxisMax(top);
        // XChart picks a tick step near span * hint / (axis length in pixels), rounded to 1, 2 or 5
        // times a power of ten: a hint of about one decade's length (at least 24 px between labels)
        // makes the step a whole number of decades
        double plotHeight = Math.max(100, height - 140);
        chart.getStyler().setYAxisTickMarkSpacingHint((int) Math.max(24, Math.round(plotHeight / span)));
        chart.getStyler().setyAxisTickLabelsFormattingFunction(LineChart::powerOfTen);
    }

    /** The label of the tick at log₁₀ y = {@code exponent}: {@code 10⁻⁶}, {@code 1}, {@code 10}, {@code 10²}. */
    static String powerOfTen(double exponent) {
        long e = Math.round(exponent);
        if (Math.abs(exponent - e) > 1e-6) {
            return Numbers.compact(Math.pow(10, exponent));
        }
        if (e == 0) {
            return "1";
        }
        if (e == 1) {
            return "10";
        }
        return "10" + superscript(e);
    }

    private static String superscript(long e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder();
        if (e < 0) {
            b.append('⁻');
        }
        for (char c : Long.toString(Math.abs(e)).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }

    /**
     * When the x values of all series are equally spaced, XChart puts the x ticks on every few of
     * those values (0, 46, 92, … for a spacing of 46) instead of on round numbers; one invisible
     * point between the first two x values of a series turns that off.
     */
    private static void breakEqualSpacing(XYChart chart, double[][] xy) {
        if (xy[0].length < 2 || xy[0][0] == xy[0][1]) {
            return;
        }
        XYSeries s = chart.addSeries(" ", new double[] {0.5 * (xy[0][0] + xy[0][1])}, new double[] {xy[1][0]});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(0f));
        s.setShowInLegend(false);
    }

    /** The chart as a figure (lines, markers and text as shapes). */
    public Figure render(int width, int height) {
        XYChart chart = chart(width, height);
        return Figure.of(width, height, g -> chart.paint(g, width, height));
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
