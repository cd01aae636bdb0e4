package io.github.hopflow.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarchingSquaresTest {

    @Test
    void circleLevelIsOneClosedLoopOnTheCircle() {
        GridField f = GridField.unitSquare((x, y) -> Math.hypot(x - 0.5, y - 0.5), 101);
        List<Polyline> lines = MarchingSquares.contour(f, 0.3);
        assertEquals(1, lines.size());
        Polyline loop = lines.get(0);
        assertTrue(loop.isClosed(), "a circle inside the square must close");
        assertTrue(loop.size() > 100, "vertices: " + loop.size());
        for (int k = 0; k < loop.size(); k++) {
            double r = Math.hypot(loop.x()[k] - 0.5, loop.y()[k] - 0.5);
            // linear interpolation of a cone is exact along grid edges
            assertEquals(0.3, r, 1e-3, "vertex " + k);
        }
    }

    @Test
    void levelCrossingTheBorderGivesOpenLines() {
        GridField f = GridField.unitSquare((x, y) -> x + 0.2 * y, 41);
        List<Polyline> lines = MarchingSquares.contour(f, 0.5);
        assertEquals(1, lines.size());
        Polyline line = lines.get(0);
        assertFalse(line.isClosed());
        for (int k = 0; k < line.size(); k++) {
            assertEquals(0.5, line.x()[k] + 0.2 * line.y()[k], 1e-12);
        }
        // it runs from the bottom edge to the top edge
        double yMin = java.util.Arrays.stream(line.y()).min().orElseThrow();
        double yMax = java.util.Arrays.stream(line.y()).max().orElseThrow();
        assertEquals(0, yMin, 1e-12);
        assertEquals(1, yMax, 1e-12);
    }

    @Test
    void twoSeparateBumpsGiveTwoLoops() {
        GridField f = GridField.unitSquare((x, y) -> Math.exp(-((x - 0.25) * (x - 0.25) + (y - 0.5) * (y - 0.5)) / 0.01)
                + Math.exp(-((x - 0.75) * (x - 0.75) + (y - 0.5) * (y - 0.5)) / 0.01), 121);
        assertEquals(2, MarchingSquares.contour(f, 0.5).size());
        assertTrue(MarchingSquares.contour(f, 5).isEmpty(), "no line above the maximum");
    }

    @Test
    void rejectsNonFiniteLevel() {
        GridField f = GridField.unitSquare((x, y) -> x, 5);
        assertThrows(IllegalArgumentException.class, () -> MarchingSquares.contour(f, Double.NaN));
    }
}
