package io.github.hopflow.examples.compare;

import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.LineChart;
import io.github.hopflow.examples.plot.Numbers;
import java.util.Locale;

/**
 * E[f] against the step index for every method of a comparison: the excess E[f] − f* on a
 * logarithmic axis when the global minimum f* is known (values below 10⁻¹² drawn at 10⁻¹²),
 * E[f] on a linear axis otherwise.
 */
public final class CompareFigure {

    /** E[f] − f* below this is drawn at this level (round-off territory). */
    static final double FLOOR = 1e-12;

    private CompareFigure() {
    }

    /** The chart of {@code result}. */
    public static Figure render(CompareResult result) {
        CompareSettings s = result.settings();
        String title = String.format(Locale.ROOT, "E[f] along the flows: %s, n = %d, N = %d, T = %s%s, h = %s",
                s.objective(), s.dimension(), s.particles(), Numbers.compact(s.temperature()),
                s.schedule().equals("constant") ? "" : " (" + s.schedule() + " annealing)", Numbers.compact(s.step()));
        boolean excess = !Double.isNaN(result.globalMinimum());
        double fStar = excess ? result.globalMinimum() : 0;
        LineChart chart = LineChart.of(title, "step k", excess
                        ? "E[f] − f*  (mean over particles / trajectories)"
                        : "E[f]  (mean over particles / trajectories)");
        if (excess) {
            chart.logY(true).floorY(FLOOR);
        }
        for (MethodOutcome m : result.methods()) {
            double[] k = new double[m.steps().length];
            for (int i = 0; i < k.length; i++) {
                k[i] = m.steps()[i];
            }
            String label = m.name();
            if (!Double.isNaN(m.globalBasinFraction())) {
                label += String.format(Locale.ROOT, " (%.0f%% in a global basin)", 100 * m.globalBasinFraction());
            }
            double[] y = m.meanObjective().clone();
            for (int i = 0; i < y.length; i++) {
                y[i] -= fStar;
            }
            chart.line(label, k, y);
        }
        return chart.render(1000, 640);
    }
}
