package io.github.hopflow.examples.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The common look of every hopflow figure: fonts, colours, legend placement. */
public final class ChartStyle {

    /** Font of chart titles. */
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    /** Font of axis titles. */
    public static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    /** Font of tick labels and legends. */
    public static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Font of large headings above panel grids. */
    public static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 20);

    /** Distinct line colours for series (colour-blind friendly, Okabe–Ito). */
    public static final Color[] SERIES = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };

    private ChartStyle() {
    }

    /** Applies fonts, white backgrounds, light grid lines and the legend inside the plot, top right. */
    public static void apply(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setChartTitleFont(TITLE);
        s.setAxisTitleFont(AXIS_TITLE);
        s.setAxisTickLabelsFont(TICKS);
        s.setLegendFont(TICKS);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.DARK_GRAY);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        s.setChartTitleBoxVisible(false);
        // below the plot, in one row: a legend never covers a curve
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.GRAY);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        s.setSeriesColors(SERIES);
        s.setAntiAlias(true);
        s.setChartPadding(12);
        s.setToolTipsEnabled(false);
        s.setLocale(java.util.Locale.ROOT);
    }

    /** Turns on anti-aliasing of shapes and text for direct Java2D drawing. */
    public static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }
}
