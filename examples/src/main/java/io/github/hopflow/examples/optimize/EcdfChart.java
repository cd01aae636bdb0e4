package io.github.hopflow.examples.optimize;

import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.FigureFiles;
import io.github.hopflow.examples.plot.FigureFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The COCO/BBOB-style empirical cumulative distribution of evaluations to target: for each method,
 * the fraction of its (problem, run) pairs that reached the target within e evaluations, against e
 * on a logarithmic axis, drawn as a step function.
 */
public final class EcdfChart {

    private EcdfChart() {
    }

    /**
     * The step curve of one method: x = evaluations, y = fraction solved.
     *
     * @param evaluationsToTarget the evaluations to target of the solved pairs (any order)
     * @param pairs the number of (problem, run) pairs, solved or not, &gt; 0
     * @param budget the right end of the curve
     * @return {x, y}, starting at (1, 0) and ending at (budget, solved/pairs)
     */
    static double[][] curve(long[] evaluationsToTarget, int pairs, long budget) {
        long[] e = evaluationsToTarget.clone();
        Arrays.sort(e);
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {1, 0});
        for (int i = 0; i < e.length; i++) {
            double x = Math.max(1, e[i]);
            pts.add(new double[] {x, (double) i / pairs});
            pts.add(new double[] {x, (double) (i + 1) / pairs});
        }
        pts.add(new double[] {Math.max(budget, 1), (double) e.length / pairs});
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    /** Writes the chart of {@code results} to {@code file} in {@code format}. */
    public static void write(Path file, FigureFormat format, List<RunResult> results, long budget, double target) {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<RunResult>> byMethod = new LinkedHashMap<>();
        for (RunResult r : results) {
            byMethod.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
        }
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Runs reaching f - f* <= " + target)
                .xAxisTitle("evaluations").yAxisTitle("fraction of (problem, run) pairs solved").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        byMethod.forEach((method, group) -> {
            long[] ett = group.stream().filter(RunResult::solved).mapToLong(RunResult::evaluationsToTarget).toArray();
            double[][] c = curve(ett, group.size(), budget);
            XYSeries s = chart.addSeries(method, c[0], c[1]);
            s.setMarker(SeriesMarkers.NONE);
        });
        FigureFiles.write(Figure.of(chart), file, format);
    }
}
