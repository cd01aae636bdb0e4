package io.github.hopflow.examples.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
     * @param panels at least one image
     * @param columns panels per row, ≥ 1
     * @param heading text above the grid, or null
     * @param side an image drawn right of the grid, vertically centred, or null
     */
    public static BufferedImage compose(List<BufferedImage> panels, int columns, String heading, BufferedImage side) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a panel grid needs at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int pw = panels.get(0).getWidth();
        int ph = panels.get(0).getHeight();
        int headingHeight = heading == null ? 0 : 40;
        int gridWidth = cols * pw + (cols - 1) * GAP;
        int gridHeight = rows * ph + (rows - 1) * GAP;
        int sideWidth = side == null ? 0 : side.getWidth() + GAP;
        int height = headingHeight + Math.max(gridHeight, side == null ? 0 : side.getHeight()) + 2 * GAP;
        BufferedImage out = new BufferedImage(gridWidth + sideWidth + 2 * GAP, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            ChartStyle.smooth(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            if (heading != null) {
                g.setFont(ChartStyle.HEADING);
                g.setColor(Color.BLACK);
                FontMetrics fm = g.getFontMetrics();
                int w = fm.stringWidth(heading);
                g.drawString(heading, (out.getWidth() - w) / 2, GAP + (headingHeight + fm.getAscent()) / 2 - 4);
            }
            for (int k = 0; k < panels.size(); k++) {
                int r = k / cols;
                int c = k % cols;
                g.drawImage(panels.get(k), GAP + c * (pw + GAP), GAP + headingHeight + r * (ph + GAP), null);
            }
            if (side != null) {
                int y = GAP + headingHeight + Math.max(0, (gridHeight - side.getHeight()) / 2);
                g.drawImage(side, GAP + gridWidth + GAP, y, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
