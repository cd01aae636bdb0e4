package io.github.hopflow.examples.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/**
 * Tiles equally sized panel images into one figure: rows of {@code columns} panels, an optional
 * heading above, and an optional side panel (e.g. a shared colour bar) on the right spanning the
 * panel rows.
 */
public final class PanelGrid {

    private static final int GAP = 8;

    private PanelGrid() {
    }

    /**
     * Composes {@code panels} (all of the size of the first) into a grid.
     *
     * @param panels at least one figure
     * @param columns panels per row, ≥ 1
     * @param heading text above the grid, or null
     * @param side a figure drawn right of the grid, vertically centred, or null
     */
    public static Figure compose(List<Figure> panels, int columns, String heading, Figure side) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a panel grid needs at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int pw = panels.get(0).width();
        int ph = panels.get(0).height();
        int headingHeight = heading == null ? 0 : 40;
        int gridWidth = cols * pw + (cols - 1) * GAP;
        int gridHeight = rows * ph + (rows - 1) * GAP;
        int sideWidth = side == null ? 0 : side.width() + GAP;
        int width = gridWidth + sideWidth + 2 * GAP;
        int height = headingHeight + Math.max(gridHeight, side == null ? 0 : side.height()) + 2 * GAP;
        List<Figure> all = List.copyOf(panels);
        return Figure.of(width, height, g -> {
            if (heading != null) {
                g.setFont(ChartStyle.HEADING);
                g.setColor(Color.BLACK);
                FontMetrics fm = g.getFontMetrics();
                int w = fm.stringWidth(heading);
                g.drawString(heading, (width - w) / 2, GAP + (headingHeight + fm.getAscent()) / 2 - 4);
            }
            for (int k = 0; k < all.size(); k++) {
                int r = k / cols;
                int c = k % cols;
                paintAt(g, all.get(k), GAP + c * (pw + GAP), GAP + headingHeight + r * (ph + GAP));
            }
            if (side != null) {
                paintAt(g, side, GAP + gridWidth + GAP, GAP + headingHeight + Math.max(0, (gridHeight - side.height()) / 2));
            }
        });
    }

    private static void paintAt(Graphics2D g, Figure figure, int x, int y) {
        Graphics2D sub = (Graphics2D) g.create();
        try {
            sub.translate(x, y);
            figure.paint(sub);
        } finally {
            sub.dispose();
        }
    }
}
