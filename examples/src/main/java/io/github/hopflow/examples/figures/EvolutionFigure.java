package io.github.hopflow.examples.figures;

import io.github.hopflow.examples.plot.ColourBar;
import io.github.hopflow.examples.plot.ColourMap;
import io.github.hopflow.examples.plot.ColourScale;
import io.github.hopflow.examples.plot.DensityBins;
import io.github.hopflow.examples.plot.FieldChart;
import io.github.hopflow.examples.plot.Figure;
import io.github.hopflow.examples.plot.GlyphMarker;
import io.github.hopflow.examples.plot.GridField;
import io.github.hopflow.examples.plot.MarchingSquares;
import io.github.hopflow.examples.plot.Numbers;
import io.github.hopflow.examples.plot.PanelGrid;
import io.github.hopflow.examples.plot.Polyline;
import io.github.hopflow.examples.snapshot.Snapshot;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The evolution of a weighted point cloud (HNN paper, Fig. 4): one panel per snapshot, each point
 * coloured by its density value on one logarithmic colour scale shared by all panels, optionally
 * over contour lines of a background density (the stationary ρ∞) and with reference points
 * marked. Rendered as a grid of panels or as animation frames. A cloud of more than
 * {@value #LARGE_CLOUD} points is drawn as a 2-D histogram of its values (or, on request, of its
 * positions) in bins of a few pixels, on the same colour scale ({@link Drawing}).
 *
 * <p>Clouds of more than two dimensions are shown through a chosen pair of coordinates.
 */
public final class EvolutionFigure {

    private static final int PANEL_WIDTH = 430;
    private static final int PANEL_HEIGHT = 430;
    private static final int FRAME_SIZE = 560;
    private static final Color CONTOUR = new Color(90, 90, 90);

    private final List<Snapshot> snapshots;
    private final int dimX;
    private final int dimY;
    private final String heading;
    private final List<List<Polyline>> background;
    private final List<double[]> references;
    private final String referenceLabel;
    private final double[] box;
    private final ColourScale scale;
    private final Drawing drawing;

    /** How a panel draws its cloud. */
    public enum Drawing {
        /** {@link #POINTS} up to {@value #LARGE_CLOUD} points, {@link #VALUES} above. */
        AUTO,
        /** Every point, coloured by its value. */
        POINTS,
        /** A 2-D histogram of the positions: the density the points sample. */
        POSITIONS,
        /** A 2-D histogram of the values: the mean ϱ of the points in each bin. */
        VALUES
    }

    /** The largest cloud {@link Drawing#AUTO} draws point by point. */
    public static final int LARGE_CLOUD = 100_000;

    private EvolutionFigure(Builder b) {
        this.snapshots = List.copyOf(b.snapshots);
        this.dimX = b.dimX;
        this.dimY = b.dimY;
        this.heading = b.heading;
        this.background = b.background == null ? null : MarchingSquares.contours(b.background, b.backgroundLevels);
        this.references = b.references;
        this.referenceLabel = b.referenceLabel;
        this.box = b.box != null ? b.box : boundingBox(snapshots, dimX, dimY);
        this.scale = sharedScale(snapshots, b.colourMap);
        this.drawing = b.drawing;
    }

    /** Starts a figure of {@code snapshots} (at least one, in the order to show). */
    public static Builder of(List<Snapshot> snapshots) {
        return new Builder(snapshots);
    }

    /** The colour scale shared by the panels. */
    public ColourScale scale() {
        return scale;
    }

    /** All snapshots as a grid with {@code columns} panels per row and a shared colour bar. */
    public Figure grid(int columns) {
        List<Figure> panels = new ArrayList<>(snapshots.size());
        for (Snapshot s : snapshots) {
            panels.add(panel(s, timeLabel(s), false).render(PANEL_WIDTH, PANEL_HEIGHT));
        }
        Figure bar = colourBar(panels.get(0).height());
        return PanelGrid.compose(panels, columns, heading, bar);
    }

    /**
     * One animation frame per snapshot, each with its own colour bar, all of one size. Frames are
     * rendered in parallel; the list is in snapshot order.
     */
    public List<BufferedImage> frames() {
        return java.util.stream.IntStream.range(0, snapshots.size()).parallel()
                .mapToObj(k -> {
                    Snapshot s = snapshots.get(k);
                    String title = (heading == null ? "" : heading + ", ") + timeLabel(s);
                    return panel(s, title, true)
                            .colourBar(ColourBar.of(scale, barLabel()))
                            .render(FRAME_SIZE + ColourBar.WIDTH, FRAME_SIZE).raster();
                })
                .toList();
    }

    private FieldChart panel(Snapshot s, String title, boolean legend) {
        String xName = "x" + subscript(dimX + 1);
        String yName = "x" + subscript(dimY + 1);
        FieldChart chart = FieldChart.over(title, xName, yName, box[0], box[1], box[2], box[3]);
        WeightedPointCloud c = s.cloud();
        double[] x = new double[c.size()];
        double[] y = new double[c.size()];
        double[] v = new double[c.size()];
        for (int i = 0; i < c.size(); i++) {
            x[i] = c.coordinate(i, dimX);
            y[i] = c.coordinate(i, dimY);
            v[i] = c.value(i);
        }
        Drawing d = drawingOf(c.size());
        if (d != Drawing.POINTS) {
            // bins of about 3 pixels, with about 20 points each on average where the cloud is spread out
            int side = (int) Math.max(16, Math.min(PANEL_WIDTH / 3.0, Math.sqrt(c.size() / 20.0)));
            chart.histogram(DensityBins.of(x, y, v, d == Drawing.VALUES ? DensityBins.Statistic.VALUES
                    : DensityBins.Statistic.POSITIONS, box[0], box[1], box[2], box[3], side, side), scale);
        }
        if (background != null) {
            chart.contours(background, CONTOUR, 1.0f, legend ? "contours of ρ∞" : null);
        }
        if (d == Drawing.POINTS) {
            int[] order = ascending(v);
            chart.cloud(permute(x, order), permute(y, order), permute(v, order), scale);
        }
        if (references != null && !references.isEmpty()) {
            chart.markers(references, legend ? referenceLabel : null, Color.WHITE,
                    GlyphMarker.of(GlyphMarker.Shape2D.STAR, 2.2, Color.BLACK));
        }
        return chart.markerSize(legend ? 7 : 6).legend(legend);
    }

    private Drawing drawingOf(int size) {
        return drawing != Drawing.AUTO ? drawing : size > LARGE_CLOUD ? Drawing.VALUES : Drawing.POINTS;
    }

    /** The colour bar's label: what the colours of the panels show. */
    private String barLabel() {
        int largest = 0;
        for (Snapshot s : snapshots) {
            largest = Math.max(largest, s.cloud().size());
        }
        switch (drawingOf(largest)) {
            case POSITIONS:
                return "point density";
            case VALUES:
                return "ϱ, bin mean";
            default:
                return "ϱ (density)";
        }
    }

    private Figure colourBar(int height) {
        int top = Math.max(40, height / 8);
        ColourBar bar = ColourBar.of(scale, barLabel());
        return Figure.of(ColourBar.WIDTH, height, g -> bar.paint(g, 0, top, height - top));
    }

    private static String timeLabel(Snapshot s) {
        return s.hasTime() ? "t = " + Numbers.compact(s.time()) : "step " + s.step();
    }

    private static ColourScale sharedScale(List<Snapshot> snapshots, ColourMap map) {
        int total = 0;
        for (Snapshot s : snapshots) {
            total += s.cloud().size();
        }
        double[] all = new double[total];
        int k = 0;
        for (Snapshot s : snapshots) {
            for (int i = 0; i < s.cloud().size(); i++) {
                all[k++] = s.cloud().value(i);
            }
        }
        Arrays.sort(all);
        double hi = all[all.length - 1];
        // the lowest 2 % (points far out in the tails early on) are clamped to the bottom colour
        double lo = all[(int) Math.floor(0.02 * (all.length - 1))];
        return ColourScale.logarithmic(map, lo, Math.max(lo, hi));
    }

    private static double[] boundingBox(List<Snapshot> snapshots, int dx, int dy) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Snapshot s : snapshots) {
            WeightedPointCloud c = s.cloud();
            for (int i = 0; i < c.size(); i++) {
                x0 = Math.min(x0, c.coordinate(i, dx));
                x1 = Math.max(x1, c.coordinate(i, dx));
                y0 = Math.min(y0, c.coordinate(i, dy));
                y1 = Math.max(y1, c.coordinate(i, dy));
            }
        }
        if (x0 >= 0 && x1 <= 1 && y0 >= 0 && y1 <= 1) {
            return new double[] {0, 1, 0, 1};
        }
        double px = Math.max(1e-9, 0.05 * (x1 - x0));
        double py = Math.max(1e-9, 0.05 * (y1 - y0));
        return new double[] {x0 - px, x1 + px, y0 - py, y1 + py};
    }

    private static int[] ascending(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static double[] permute(double[] a, int[] order) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private static String subscript(int k) {
        String digits = "₀₁₂₃₄₅₆₇₈₉";
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(k).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    /** Options of an {@link EvolutionFigure}. */
    public static final class Builder {
        private ColourMap colourMap = ColourMap.DEFAULT;
        private final List<Snapshot> snapshots;
        private int dimX = 0;
        private int dimY = 1;
        private String heading;
        private GridField background;
        private double[] backgroundLevels;
        private List<double[]> references;
        private String referenceLabel;
        private double[] box;
        private Drawing drawing = Drawing.AUTO;

        private Builder(List<Snapshot> snapshots) {
            if (snapshots == null || snapshots.isEmpty()) {
                throw new IllegalArgumentException("an evolution figure needs at least one snapshot");
            }
            this.snapshots = snapshots;
        }

        /**
         * The pair of coordinates shown (0-based).
         *
         * @throws IllegalArgumentException if an index is outside the clouds' dimension or both are equal
         */
        public Builder dims(int x, int y) {
            int n = snapshots.get(0).cloud().dimension();
            if (x < 0 || y < 0 || x >= n || y >= n || x == y) {
                throw new IllegalArgumentException("--dims must name two different coordinates in 1.." + n
                        + ", got " + (x + 1) + "," + (y + 1));
            }
            this.dimX = x;
            this.dimY = y;
            return this;
        }

        /** The colour map of the values (default {@link ColourMap#DEFAULT}). */
        public Builder colourMap(ColourMap map) {
            this.colourMap = map == null ? ColourMap.DEFAULT : map;
            return this;
        }

        /** How the panels draw their clouds (default {@link Drawing#AUTO}). */
        public Builder drawing(Drawing mode) {
            this.drawing = mode == null ? Drawing.AUTO : mode;
            return this;
        }

        /** A heading above the grid (and the start of every frame title). */
        public Builder heading(String text) {
            this.heading = text;
            return this;
        }

        /** Contour lines of {@code field} at {@code levels} behind every panel. */
        public Builder background(GridField field, double[] levels) {
            this.background = field;
            this.backgroundLevels = levels.clone();
            return this;
        }

        /** Reference points (e.g. the minimisers of f) marked on every panel. */
        public Builder references(List<double[]> points, String label) {
            this.references = List.copyOf(points);
            this.referenceLabel = label;
            return this;
        }

        /** The plotted rectangle {xMin, xMax, yMin, yMax}; by default the unit square or the data's bounds. */
        public Builder box(double xMin, double xMax, double yMin, double yMax) {
            this.box = new double[] {xMin, xMax, yMin, yMax};
            return this;
        }

        /** The figure. */
        public EvolutionFigure build() {
            if (dimX >= snapshots.get(0).cloud().dimension() || dimY >= snapshots.get(0).cloud().dimension()) {
                throw new IllegalArgumentException("clouds of dimension " + snapshots.get(0).cloud().dimension()
                        + " need --dims naming two coordinates");
            }
            return new EvolutionFigure(this);
        }
    }
}
