package io.github.hopflow.examples.bench;

import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.FigureFiles;
import io.github.hopflow.examples.plot.FigureFormat;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The scaling plot: milliseconds per step against N, log-log. */
public final class ScalingPlot {

    /** Particle counts of the scaling run (n = 2). */
    public static final List<Integer> SIZES = List.of(250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000);

    private ScalingPlot() {
    }

    /** Measured steps for a scaling point of N particles: fewer for large N. */
    public static int steps(int particles) {
        return (int) Math.max(4, Math.min(100, 2_000_000L / particles));
    }

    /**
     * Writes the PNG.
     *
     * @param sizes N values. Not modified.
     * @param step milliseconds per full step. Not modified.
     * @param prox milliseconds per proximal step. Not modified.
     * @param title chart title
     * @param file output PNG path, written as it is named (through a temporary file)
     */
    public static void write(double[] sizes, double[] step, double[] prox, String title, Path file, FigureFormat format) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
                .xAxisTitle("particles N").yAxisTitle("milliseconds per step (median)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS)
                .setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.addSeries("SDE + proximal step", sizes, step).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("proximal step", sizes, prox).setMarker(SeriesMarkers.SQUARE);
        double[] ref = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            ref[i] = step[0] * (sizes[i] / sizes[0]) * (sizes[i] / sizes[0]);
        }
        chart.addSeries("N² from the first point", sizes, ref).setMarker(SeriesMarkers.NONE);
        FigureFiles.write(Figure.of(chart), file, format);
    }
}
