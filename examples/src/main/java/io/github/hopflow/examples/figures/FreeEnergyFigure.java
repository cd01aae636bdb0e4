package io.github.hopflow.examples.figures;

import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.LineChart;

/**
 * The free energy F(ρ_k) = E[f] + T E[log ρ] (HNN paper, eq. (45)) along a density flow, which
 * eq. (46) says does not increase, against its minimum −T log Z(T), attained at ρ∞.
 */
public final class FreeEnergyFigure {

    private FreeEnergyFigure() {
    }

    /**
     * @param times the times t_k
     * @param freeEnergy the estimates F(ρ_k)
     * @param minimum −T log Z(T), or NaN to leave it out
     */
    public static Figure render(double[] times, double[] freeEnergy, double minimum) {
        LineChart chart = LineChart.of("Free energy along the flow (eqs. (45), (46))", "time t", "F(ρ)")
                .line("F(ρ_k) estimated on the cloud (the ε-blur of the values lowers it)", times, freeEnergy);
        if (!Double.isNaN(minimum) && times.length > 0) {
            chart.line("−T log Z(T) = F(ρ∞)", new double[] {times[0], times[times.length - 1]},
                    new double[] {minimum, minimum});
        }
        return chart.render(900, 560);
    }
}
