package io.github.hopflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepFigureTest {

    private static ResultTable table(SweepPlan plan, boolean withEnergy) {
        List<CellResult> results = new ArrayList<>();
        for (int i = 0; i < plan.cellCount(); i++) {
            LinkedHashMap<String, Object> summary = new LinkedHashMap<>();
            if (withEnergy) {
                summary.put("energy", (double) i * i);
            }
            summary.put("objective", "himmelblau");
            results.add(new CellResult(i, summary, 1 + i, CellResult.OK));
        }
        return ResultTable.of(plan, results);
    }

    @Test
    void aHeatMapColoursEachPairOfGridValues() {
        SweepPlan plan = SweepPlan.of(List.of("run"), SweepGrid.parse(List.of("particles=10,20,40", "eps=0.1,0.05")), 1);
        BufferedImage low = SweepFigure.of(plan, table(plan, true), "energy").raster();
        assertTrue(low.getWidth() > 300 && low.getHeight() > 200);
        // the figure depends on the values drawn
        BufferedImage seconds = SweepFigure.of(plan, table(plan, true), "seconds").raster();
        boolean differs = false;
        for (int y = 0; y < low.getHeight() && !differs; y += 3) {
            for (int x = 0; x < low.getWidth() && !differs; x += 3) {
                differs = low.getRGB(x, y) != seconds.getRGB(x, y);
            }
        }
        assertTrue(differs);
        assertNotEquals(null, low);
    }

    @Test
    void aKeyThatIsNotANumericColumnIsNamedWithTheColumnsThereAre() {
        SweepPlan plan = SweepPlan.of(List.of("run"), SweepGrid.parse(List.of("particles=10,20", "eps=0.1,0.05")), 1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SweepFigure.of(plan, table(plan, true), "energi"));
        assertEquals("--plot energi: no such column in the results; the numeric columns are cell, particles, eps, seed,"
                + " energy, seconds", missing.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> SweepFigure.of(plan, table(plan, true), "objective"));
        assertTrue(text.getMessage().startsWith("--plot objective: not numeric"), text.getMessage());
        SweepPlan one = SweepPlan.of(List.of("run"), SweepGrid.parse(List.of("particles=10,20")), 1);
        assertThrows(IllegalArgumentException.class, () -> SweepFigure.of(one, table(one, true), "energy"));
    }
}
