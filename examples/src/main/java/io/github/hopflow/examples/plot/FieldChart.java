package io.github.hopflow.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A two-dimensional figure over a rectangle, built from layers drawn in this order: a heat map of
 * a {@link GridField} or the bins of a {@link DensityBins} histogram, contour lines, a point cloud
 * coloured by value, and markers; with a title, axis titles, a legend for the labelled layers and
 * an optional colour bar on the right. The plot area is square when the rectangle is (geometry is
 * not distorted).
 *
 * <p>XChart draws axes, series and legend; the heat map is painted under a transparent chart with
 * the same layout, and the colour bar beside it.
 */
public final class FieldChart {

    private static final Color TRANSPARENT = new Color(255, 255, 255, 0);
    private static final int CLOUD_BUCKETS = 24;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private java.util.function.DoubleBinaryOperator heat;
    private ColourScale heatScale;
    private final List<ContourLayer> contours = new ArrayList<>();
    private final List<CloudLayer> clouds = new ArrayList<>();
    private final List<MarkerLayer> markers = new ArrayList<>();
    private ColourBar colourBar;
    private boolean legend = true;
    private int markerSize = 6;

    private FieldChart(String title, String xTitle, String yTitle, double xMin, double xMax, double yMin, double yMax) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** A chart over [xMin, xMax] × [yMin, yMax]. */
    public static FieldChart over(String title, String xTitle, String yTitle,
            double xMin, double xMax, double yMin, double yMax) {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("chart rectangle must be non-empty, got ["
                    + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax + "]");
        }
        return new FieldChart(title, xTitle, yTitle, xMin, xMax, yMin, yMax);
    }

    /** A chart over the unit square with axes x₁ and x₂. */
    public static FieldChart unitSquare(String title) {
        return over(title, "x₁", "x₂", 0, 1, 0, 1);
    }

    /** Fills the plot area with {@code field} coloured by {@code scale} (bilinear between nodes). */
    public FieldChart heatMap(GridField field, ColourScale scale) {
        this.heat = field::interpolate;
        this.heatScale = scale;
        return this;
    }

    /**
     * Fills the plot area with the bins of {@code bins} coloured by {@code scale}, each bin one
     * flat colour, empty bins left white: the picture of a cloud too large to draw point by point.
     */
    public FieldChart histogram(DensityBins bins, ColourScale scale) {
        this.heat = bins::valueAt;
        this.heatScale = scale;
        return this;
    }

    /**
     * Draws the contour lines of {@code field} at {@code levels} in one colour; {@code label}
     * (null for none) names them in the legend.
     */
    public FieldChart contours(GridField field, double[] levels, Color colour, float width, String label) {
        contours.add(new ContourLayer(MarchingSquares.contours(field, levels), colour, width, label));
        return this;
    }

    /**
     * Draws contour lines computed beforehand (e.g. with {@link MarchingSquares#contours}), so that
     * many panels over one field share the work.
     */
    public FieldChart contours(List<List<Polyline>> lines, Color colour, float width, String label) {
        contours.add(new ContourLayer(List.copyOf(lines), colour, width, label));
        return this;
    }

    /**
     * Draws points (x[k], y[k]) coloured by {@code values[k]} through {@code scale}; the
     * highest values are drawn last (on top).
     */
    public FieldChart cloud(double[] x, double[] y, double[] values, ColourScale scale) {
        if (x.length != y.length || x.length != values.length) {
            throw new IllegalArgumentException("cloud arrays must have equal lengths, got x " + x.length
                    + ", y " + y.length + ", values " + values.length);
        }
        clouds.add(new CloudLayer(x.clone(), y.clone(), values.clone(), scale));
        return this;
    }

    /** Draws labelled markers at the given points ({x, y} each). */
    public FieldChart markers(List<double[]> points, String label, Color colour, GlyphMarker glyph) {
        markers.add(new MarkerLayer(List.copyOf(points), label, colour, glyph));
        return this;
    }

    /** Adds a colour bar on the right. */
    public FieldChart colourBar(ColourBar bar) {
        this.colourBar = bar;
        return this;
    }

    /** Shows or hides the legend (shown by default when a layer is labelled). */
    public FieldChart legend(boolean show) {
        this.legend = show;
        return this;
    }

    /** The diameter in pixels of cloud points (markers scale from it). */
    public FieldChart markerSize(int pixels) {
        if (pixels <= 0) {
            throw new IllegalArgumentException("marker size must be > 0, got " + pixels);
        }
        this.markerSize = pixels;
        return this;
    }

    /**
     * The figure at most {@code width} × {@code height} pixels; the width (or height) is reduced so
     * that a square rectangle gets a square plot area. The heat map is an image in the figure; axes,
     * contours, points, markers and text are drawn as shapes (vectors in SVG and PDF).
     */
    public Figure render(int width, int height) {
        int barWidth = colourBar == null ? 0 : ColourBar.WIDTH;
        int cw = width - barWidth;
        int ch = height;
        if (cw < 100 || ch < 100) {
            throw new IllegalArgumentException("figure size too small: " + width + " x " + height);
        }
        XYChart first = build(cw, ch);
        PlotArea firstArea = layout(first, cw, ch);
        double aspect = (yMax - yMin) / (xMax - xMin);
        int wantHeight = (int) Math.round(firstArea.width() * aspect);
        if (wantHeight < firstArea.height()) {
            ch -= firstArea.height() - wantHeight;
        } else {
            int wantWidth = (int) Math.round(firstArea.height() / aspect);
            cw -= firstArea.width() - wantWidth;
        }
        int chartWidth = cw;
        int chartHeight = ch;
        XYChart chart = build(chartWidth, chartHeight);
        PlotArea area = layout(chart, chartWidth, chartHeight);
        BufferedImage heatImage = heat == null ? null : heatImage(area);
        return Figure.of(chartWidth + barWidth, chartHeight, g -> {
            if (heatImage != null) {
                g.drawImage(heatImage, area.left(), area.top(), null);
            }
            chart.paint(g, chartWidth, chartHeight);
            if (colourBar != null) {
                colourBar.paint(g, chartWidth - 4, area.top(), area.top() + area.height());
            }
        });
    }

    private XYChart build(int w, int h) {
        XYChart chart = new XYChart(w, h);
        ChartStyle.apply(chart);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler s = chart.getStyler();
        s.setXAxisMin(xMin);
        s.setXAxisMax(xMax);
        s.setYAxisMin(yMin);
        s.setYAxisMax(yMax);
        s.setPlotContentSize(1.0);
        s.setXAxisDecimalPattern("0.0##");
        s.setYAxisDecimalPattern("0.0##");
        s.setXAxisTickMarkSpacingHint(90);
        s.setYAxisTickMarkSpacingHint(90);
        s.setPlotMargin(0);
        s.setMarkerSize(markerSize);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(TRANSPARENT);
        s.setLegendBackgroundColor(TRANSPARENT);
        s.setChartBackgroundColor(TRANSPARENT);
        if (heat != null) {
            s.setPlotBackgroundColor(TRANSPARENT);
            s.setPlotGridLinesVisible(false);
        }
        boolean anyLabel = false;
        int id = 0;
        for (ContourLayer layer : contours) {
            boolean inLegend = layer.label() == null;
            for (List<Polyline> lines : layer.levels()) {
                for (Polyline line : lines) {
                    XYSeries series = chart.addSeries("contour-" + (id++), line.x(), line.y());
                    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    series.setMarker(SeriesMarkers.NONE);
                    series.setLineColor(layer.colour());
                    series.setLineStyle(new BasicStroke(layer.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    if (!inLegend) {
                        series.setLabel(layer.label());
                        inLegend = true;
                        anyLabel = true;
                    } else {
                        series.setShowInLegend(false);
                    }
                }
            }
        }
        for (CloudLayer layer : clouds) {
            addCloud(chart, layer, id++);
        }
        for (MarkerLayer layer : markers) {
            double[] x = new double[layer.points().size()];
            double[] y = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = layer.points().get(k)[0];
                y[k] = layer.points().get(k)[1];
            }
            XYSeries series = chart.addSeries("markers-" + (id++), x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(layer.glyph());
            series.setMarkerColor(layer.colour());
            if (layer.label() != null) {
                series.setLabel(layer.label());
                anyLabel = true;
            } else {
                series.setShowInLegend(false);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            XYSeries series = chart.addSeries("frame", new double[] {xMin, xMax}, new double[] {yMin, yMax});
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.NONE);
            series.setShowInLegend(false);
        }
        s.setLegendVisible(legend && anyLabel);
        return chart;
    }

    private static void addCloud(XYChart chart, CloudLayer layer, int id) {
        int[] counts = new int[CLOUD_BUCKETS];
        int[] bucket = new int[layer.x().length];
        for (int k = 0; k < bucket.length; k++) {
            bucket[k] = layer.scale().bucket(layer.values()[k], CLOUD_BUCKETS);
            counts[bucket[k]]++;
        }
        for (int b = 0; b < CLOUD_BUCKETS; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double[] x = new double[counts[b]];
            double[] y = new double[counts[b]];
            int c = 0;
            for (int k = 0; k < bucket.length; k++) {
                if (bucket[k] == b) {
                    x[c] = layer.x()[k];
                    y[c] = layer.y()[k];
                    c++;
                }
            }
            XYSeries series = chart.addSeries("cloud-" + id + "-" + b, x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            Marker m = GlyphMarker.of(GlyphMarker.Shape2D.DISC, 1.0, new Color(0, 0, 0, 90));
            series.setMarker(m);
            series.setMarkerColor(layer.scale().map().colour((b + 0.5) / CLOUD_BUCKETS));
            series.setShowInLegend(false);
        }
    }

    private PlotArea layout(XYChart chart, int w, int h) {
        BufferedImage scratch = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        try {
            chart.paint(g, w, h);
        } finally {
            g.dispose();
        }
        int left = (int) Math.round(chart.getScreenXFromChart(xMin));
        int right = (int) Math.round(chart.getScreenXFromChart(xMax));
        int top = (int) Math.round(chart.getScreenYFromChart(yMax));
        int bottom = (int) Math.round(chart.getScreenYFromChart(yMin));
        return new PlotArea(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }

    private BufferedImage heatImage(PlotArea area) {
        BufferedImage img = new BufferedImage(area.width(), area.height(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < area.height(); r++) {
            double y = yMax - (r + 0.5) / area.height() * (yMax - yMin);
            for (int c = 0; c < area.width(); c++) {
                double x = xMin + (c + 0.5) / area.width() * (xMax - xMin);
                double v = heat.applyAsDouble(x, y);
                img.setRGB(c, r, Double.isNaN(v) ? 0xFFFFFFFF : heatScale.argb(v));
            }
        }
        return img;
    }

    private record PlotArea(int left, int top, int width, int height) {
    }

    private record ContourLayer(List<List<Polyline>> levels, Color colour, float width, String label) {
    }

    private record CloudLayer(double[] x, double[] y, double[] values, ColourScale scale) {
    }

    private record MarkerLayer(List<double[]> points, String label, Color colour, GlyphMarker glyph) {
    }
}
