package io.github.hopflow.examples.figures;

import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.LineChart;
import io.github.hopflow.examples.plot.PanelGrid;
import java.util.List;

/**
 * The computation time of a density-flow run (HNN paper, Fig. 5): cumulative seconds against the
 * step index k, and milliseconds per step.
 */
public final class RuntimeFigure {

    private RuntimeFigure() {
    }

    /**
     * @param stepMillis wall-clock milliseconds of steps k = 1 … K (at least one)
     * @param heading text above both panels
     */
    public static Figure render(double[] stepMillis, String heading) {
        if (stepMillis.length == 0) {
            throw new IllegalArgumentException("a runtime figure needs at least one step");
        }
        double[] k = new double[stepMillis.length];
        double[] cumulative = new double[stepMillis.length];
        double sum = 0;
        for (int i = 0; i < k.length; i++) {
            k[i] = i + 1;
            sum += stepMillis[i];
            cumulative[i] = sum / 1000;
        }
        Figure left = LineChart.of("Cumulative computation time", "step k", "seconds")
                .line("cumulative time", k, cumulative)
                .render(640, 460);
        Figure right = LineChart.of("Computation time per step", "step k", "milliseconds")
                .line("per step", k, stepMillis)
                .render(640, 460);
        return PanelGrid.compose(List.of(left, right), 2, heading, null);
    }
}
