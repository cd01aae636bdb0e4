package io.github.hopflow.examples.figures;

import io.github.hopflow.examples.plot.GridField;
import io.github.hopflow.examples.snapshot.RunInfo;
import io.github.hopflow.examples.snapshot.Snapshot;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Sets up the {@link EvolutionFigure} of a run: for a two-dimensional objective on the unit square
 * at a known temperature, contour lines of the stationary density ρ∞ ∝ exp(−f/T) (at 10 %, 20 %, …,
 * 90 % of its maximum) and the objective's known minimisers go behind the points, as in the
 * paper's Fig. 4.
 */
public final class EvolutionPlots {

    /** Display time of one animation frame. */
    public static final int FRAME_MILLIS = 150;
    /** Grid nodes per side of the background density. */
    static final int GRID = 161;

    private final EvolutionFigure figure;

    private EvolutionPlots(EvolutionFigure figure) {
        this.figure = figure;
    }

    /**
     * The figure of {@code snapshots}, showing coordinates {@code dimX}, {@code dimY} (0-based),
     * with the stationary density of {@code info}'s objective behind when it can be drawn.
     */
    public static EvolutionPlots forRun(List<Snapshot> snapshots, int dimX, int dimY, RunInfo info, String heading) {
        return forRun(snapshots, dimX, dimY, info, heading, io.github.hopflow.examples.plot.ColourMap.DEFAULT);
    }

    /** As {@link #forRun(List, int, int, RunInfo, String)}, the values coloured by {@code map}. */
    public static EvolutionPlots forRun(List<Snapshot> snapshots, int dimX, int dimY, RunInfo info, String heading,
            io.github.hopflow.examples.plot.ColourMap map) {
        return forRun(snapshots, dimX, dimY, info, heading, map, EvolutionFigure.Drawing.AUTO);
    }

    /** As {@link #forRun(List, int, int, RunInfo, String, io.github.hopflow.examples.plot.ColourMap)}, drawn as {@code drawing} says. */
    public static EvolutionPlots forRun(List<Snapshot> snapshots, int dimX, int dimY, RunInfo info, String heading,
            io.github.hopflow.examples.plot.ColourMap map, EvolutionFigure.Drawing drawing) {
        EvolutionFigure.Builder b = EvolutionFigure.of(snapshots).dims(dimX, dimY).heading(heading).colourMap(map)
                .drawing(drawing);
        int n = snapshots.get(0).cloud().dimension();
        if (n == 2 && info.objective().isPresent() && !Double.isNaN(info.temperature()) && inUnitSquare(snapshots)) {
            Objective f;
            try {
                f = Objectives.byName(info.objective().get(), 2);
            } catch (IllegalArgumentException unknown) {
                f = null;
            }
            if (f != null) {
                Objective objective = f;
                double t = info.temperature();
                withStationary(b, (x, y) -> Math.exp(-objective.value(new double[] {x, y}) / t),
                        objective.globalMinimisers());
            }
        }
        return new EvolutionPlots(b.build());
    }

    /** Adds contours of {@code density} (any positive multiple of ρ∞) and the minimisers to {@code b}. */
    public static EvolutionFigure.Builder withStationary(EvolutionFigure.Builder b, DoubleBinaryOperator density,
            List<double[]> minimisers) {
        GridField field = GridField.unitSquare(density, GRID);
        b.background(field, levels(field)).box(0, 1, 0, 1);
        if (!minimisers.isEmpty()) {
            b.references(minimisers, "minimisers of f");
        }
        return b;
    }

    /** Contour levels at 10 %, 20 %, …, 90 % of the field's maximum. */
    public static double[] levels(GridField field) {
        double max = field.max();
        double[] levels = new double[9];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = (k + 1) * 0.1 * max;
        }
        return levels;
    }

    /** The figure. */
    public EvolutionFigure figure() {
        return figure;
    }

    /** Columns of a near-square grid of {@code panels} panels. */
    public static int columns(int panels) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(panels)));
    }

    private static boolean inUnitSquare(List<Snapshot> snapshots) {
        for (Snapshot s : snapshots) {
            for (int i = 0; i < s.cloud().size(); i++) {
                for (int d = 0; d < 2; d++) {
                    double v = s.cloud().coordinate(i, d);
                    if (v < 0 || v > 1) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
