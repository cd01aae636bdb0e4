package io.github.hopflow.spark;

import io.github.hopflow.examples.plot.ColourMap;
import io.github.hopflow.examples.plot.Figure;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * The heat map of one result column over a two-name grid: the first grid name across, the second
 * up, one cell per pair of values (in the order given, evenly spaced whatever the values), the
 * colour from viridis between the column's smallest and largest value, the value printed in each
 * cell. A cell that failed, or has no value in the column, is left blank.
 */
public final class SweepFigure {

    private static final int COLOURS = 16;

    private SweepFigure() {
    }

    /**
     * The figure.
     *
     * @param plan a plan with exactly two grid names
     * @param table the sweep's results
     * @param key a numeric column of {@code table}
     * @throws IllegalArgumentException if the grid does not have two names, or {@code key} is not a
     *     numeric column (naming the numeric columns there are)
     */
    public static Figure of(SweepPlan plan, ResultTable table, String key) {
        List<SweepGrid.Axis> axes = plan.grid().axes();
        if (axes.size() != 2) {
            throw new IllegalArgumentException("--plot needs a grid of two names, got " + axes.size());
        }
        int column = table.column(key);
        if (column < 0 || !(table.types().get(column) == ResultTable.Type.INTEGER
                || table.types().get(column) == ResultTable.Type.NUMBER)) {
            List<String> numeric = new ArrayList<>();
            for (int c = 0; c < table.columns().size(); c++) {
                ResultTable.Type t = table.types().get(c);
                if (t == ResultTable.Type.INTEGER || t == ResultTable.Type.NUMBER) {
                    numeric.add(table.columns().get(c));
                }
            }
            throw new IllegalArgumentException("--plot " + key + ": " + (column < 0 ? "no such column" : "not numeric")
                    + " in the results; the numeric columns are " + String.join(", ", numeric));
        }
        SweepGrid.Axis across = axes.get(0);
        SweepGrid.Axis up = axes.get(1);
        List<Number[]> heat = new ArrayList<>();
        double largest = 0;
        int cell = 0;
        for (int i = 0; i < across.values().size(); i++) {
            for (int j = 0; j < up.values().size(); j++, cell++) {
                Object v = table.rows().get(cell)[column];
                if (v instanceof Number && Double.isFinite(((Number) v).doubleValue())) {
                    // four significant digits: what the cells and the legend print
                    double rounded = new java.math.BigDecimal(((Number) v).doubleValue())
                            .round(new java.math.MathContext(4)).doubleValue();
                    heat.add(new Number[] {i, j, rounded});
                    largest = Math.max(largest, Math.abs(rounded));
                }
            }
        }
        if (heat.isEmpty()) {
            throw new IllegalArgumentException("--plot " + key + ": no cell has a value in that column");
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(160 + 110 * across.values().size())
                .height(140 + 70 * up.values().size()).title(key + " (hopflow sweep " + plan.command() + ")")
                .xAxisTitle(across.name()).yAxisTitle(up.name()).build();
        Color[] colours = new Color[COLOURS];
        for (int k = 0; k < COLOURS; k++) {
            colours[k] = ColourMap.VIRIDIS.colour(k / (COLOURS - 1.0));
        }
        chart.getStyler().setRangeColors(colours).setShowValue(true).setValueFontColor(Color.WHITE)
                .setHeatMapValueDecimalPattern(largest != 0 && (largest < 1e-2 || largest >= 1e5) ? "0.###E0" : "0.####")
                .setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12))
                .setPlotContentSize(1.0).setChartBackgroundColor(Color.WHITE).setLegendVisible(true);
        chart.addSeries(key, across.values(), up.values(), heat);
        return Figure.of(chart);
    }
}
