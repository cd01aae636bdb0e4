package io.github.hopflow.examples.himmelblau;

import io.github.hopflow.examples.figures.EvolutionPlots;
import io.github.hopflow.examples.plot.ColourBar;
import io.github.hopflow.examples.plot.ColourMap;
import io.github.hopflow.examples.plot.ColourScale;
import io.github.hopflow.examples.plot.FieldChart;
import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.GlyphMarker;
import io.github.hopflow.examples.plot.GridField;
import io.github.hopflow.examples.plot.Numbers;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import java.awt.Color;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * The static figures of the paper's Himmelblau example (HNN paper, Sec. V-C): the geodesic balls
 * of d_G around (½, ½) (Fig. 2), the scaled Himmelblau function (59) and its stationary density
 * ρ∞ = exp(−f/T)/Z(T) (Fig. 3), each with the four global minimisers marked.
 */
public final class HimmelblauFigures {

    /** Grid nodes per side for sampled fields. */
    static final int GRID = 161;
    private static final int SIZE = 720;

    private HimmelblauFigures() {
    }

    /**
     * Geodesic balls {x : d_G(x, c) ≤ r} of a two-dimensional metric: a heat map of d_G(·, c) with
     * the spheres d_G = r drawn as contour lines (Fig. 2).
     */
    public static Figure geodesicBalls(DiagonalMetric metric, double[] centre) {
        if (metric.dimension() != 2) {
            throw new IllegalArgumentException("geodesic balls are drawn in 2 dimensions, got a metric of dimension "
                    + metric.dimension());
        }
        double u0 = metric.isometric(0, centre[0]);
        double u1 = metric.isometric(1, centre[1]);
        DoubleBinaryOperator distance = (x, y) -> Math.hypot(metric.isometric(0, x) - u0, metric.isometric(1, y) - u1);
        GridField field = GridField.unitSquare(distance, GRID);
        double max = field.max();
        double step = max > 2.5 ? 0.5 : 0.2;
        int count = (int) Math.floor(max / step);
        double[] levels = new double[count];
        for (int k = 0; k < count; k++) {
            levels[k] = (k + 1) * step;
        }
        ColourScale scale = ColourScale.linear(ColourMap.VIRIDIS, 0, max);
        return FieldChart.unitSquare("Geodesic balls d_G(x, c) ≤ r, r = " + Numbers.compact(step) + ", "
                        + Numbers.compact(2 * step) + ", …")
                .heatMap(field, scale)
                .contours(field, levels, Color.WHITE, 1.6f, null)
                .markers(List.of(centre.clone()), "centre c = (" + Numbers.compact(centre[0]) + ", "
                        + Numbers.compact(centre[1]) + ")", Color.RED,
                        GlyphMarker.of(GlyphMarker.Shape2D.DISC, 1.6, Color.WHITE))
                .colourBar(ColourBar.of(scale, "d_G"))
                .render(SIZE + ColourBar.WIDTH, SIZE);
    }

    /** The objective over the unit square with its global minimisers marked (Fig. 3a). */
    public static Figure objective(Objective f) {
        GridField field = GridField.unitSquare((x, y) -> f.value(new double[] {x, y}), GRID);
        double max = field.max();
        double[] levels = niceLevels(max);
        ColourScale scale = ColourScale.linear(ColourMap.VIRIDIS, Math.min(0, field.min()), max);
        return FieldChart.unitSquare("Scaled Himmelblau function f (59) and its level sets")
                .heatMap(field, scale)
                .contours(field, levels, new Color(255, 255, 255, 200), 1.0f, null)
                .markers(f.globalMinimisers(), "the four global minimisers (f = 0)", Color.RED,
                        GlyphMarker.of(GlyphMarker.Shape2D.STAR, 2.2, Color.WHITE))
                .colourBar(ColourBar.of(scale, "f"))
                .render(SIZE + ColourBar.WIDTH, SIZE);
    }

    /**
     * The stationary density ρ∞ over the unit square, with contour lines and the minimisers of f
     * at its modes (Fig. 3b).
     *
     * @param density x ↦ ρ∞(x), normalised
     * @param temperature T, for the title
     */
    public static Figure stationary(DoubleBinaryOperator density, List<double[]> minimisers, double temperature,
            ColourMap map) {
        GridField field = GridField.unitSquare(density, GRID);
        double max = field.max();
        ColourScale scale = ColourScale.linear(map, 0, max);
        return FieldChart.unitSquare("Stationary density ρ∞ = exp(−f/T)/Z(T), T = " + Numbers.compact(temperature))
                .heatMap(field, scale)
                .contours(field, EvolutionPlots.levels(field), new Color(0, 0, 0, 150), 1.0f, "contours of ρ∞")
                .markers(minimisers, "minimisers of f", Color.WHITE,
                        GlyphMarker.of(GlyphMarker.Shape2D.STAR, 2.2, Color.BLACK))
                .colourBar(ColourBar.of(scale, "ρ∞"))
                .render(SIZE + ColourBar.WIDTH, SIZE);
    }

    /**
     * The density values against the Fokker–Planck solution at the last snapshot: log ϱ against
     * log ρ_t over the particles for the run's values and for the published algorithm's on the
     * same paths (on the line y = x + c when the contrast is right), and ρ_t with the cloud.
     *
     * @param cloud the run's last snapshot
     * @param paperValues the published values at its points. Not modified.
     * @param rho ρ_t at the snapshot's time
     */
    public static Figure accuracy(io.github.hopflow.examples.snapshot.Snapshot cloud, double[] paperValues,
            io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckSolution rho, HimmelblauAccuracy accuracy, ColourMap map) {
        var c = cloud.cloud();
        double[] x = c.positions();
        double[] logRho = new double[c.size()];
        rho.logDensities(x, logRho);
        double[] own = new double[c.size()];
        double[] paper = new double[c.size()];
        List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < own.length; i++) {
            own[i] = Math.log(c.value(i));
            paper[i] = Math.log(paperValues[i]);
            points.add(new double[] {x[2 * i], x[2 * i + 1]});
        }
        int last = accuracy.steps().size() - 1;
        int w = SIZE;
        Figure a = io.github.hopflow.examples.plot.ScatterChart.render(String.format(java.util.Locale.ROOT,
                "%s values: MAD %.3f, slope %.2f", accuracy.values(), accuracy.mad().get(last),
                accuracy.slope().get(last)), "log ρ_t (Fokker–Planck)", "log ϱ", logRho, own, w, w);
        Figure b = io.github.hopflow.examples.plot.ScatterChart.render(String.format(java.util.Locale.ROOT,
                "paper values: MAD %.3f, slope %.2f", accuracy.paperMad().get(last), accuracy.paperSlope().get(last)),
                "log ρ_t (Fokker–Planck)", "log ϱ", logRho, paper, w, w);
        GridField field = GridField.unitSquare((u, v) -> rho.density(new double[] {u, v}), GRID);
        ColourScale scale = ColourScale.linear(map, 0, field.max());
        Figure d = FieldChart.unitSquare("ρ_t by the Fokker–Planck solver, t = " + Numbers.compact(rho.time()))
                .heatMap(field, scale)
                .markers(points, "particles", Color.WHITE, GlyphMarker.of(GlyphMarker.Shape2D.DISC, 0.5, Color.BLACK))
                .markerSize(4)
                .render(w, w);
        return io.github.hopflow.examples.plot.PanelGrid.compose(List.of(a, b, d), 3,
                "Density values against ρ_t at t = " + Numbers.compact(cloud.time()) + " (N = " + c.size() + ")", null);
    }

    private static double[] niceLevels(double max) {
        double[] candidates = {2, 5, 10, 25, 50, 100, 200, 300, 400, 600, 800, 1000, 1500, 2000};
        return java.util.Arrays.stream(candidates).filter(v -> v < max).toArray();
    }
}
