package io.github.hopflow.examples.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A scatter of y against x with the line y = x + c through the medians (c = median(y − x)): for
 * density values drawn against a reference density in log scale, points on the line mean values
 * proportional to the reference, and a cloud flatter than the line means compressed contrast.
 */
public final class ScatterChart {

    private ScatterChart() {
    }

    /**
     * Renders the scatter.
     *
     * @param x the reference, finite. Not modified.
     * @param y the values, finite, same length. Not modified.
     */
    public static Figure render(String title, String xTitle, String yTitle, double[] x, double[] y,
            int width, int height) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need two arrays of one length >= 2, got " + x.length + " and " + y.length);
        }
        double[] d = new double[x.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i] - x[i];
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        java.util.Arrays.sort(d);
        double c = d[d.length / 2];
        XYChart chart = new XYChart(width, height);
        ChartStyle.apply(chart);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(4);
        XYSeries points = chart.addSeries("values", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        XYSeries line = chart.addSeries("y = x + c", new double[] {lo, hi}, new double[] {lo + c, hi + c});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        return Figure.of(width, height, g -> chart.paint(g, width, height));
    }
}
