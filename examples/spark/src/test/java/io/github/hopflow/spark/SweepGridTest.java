package io.github.hopflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    @Test
    void cellsAreTheProductWithTheFirstAxisSlowest() {
        SweepGrid g = SweepGrid.parse(List.of("particles=100,500", "--temperature=0.5, 1 ,2"));
        assertEquals(List.of("particles", "temperature"), g.names());
        assertEquals(6, g.cellCount());
        assertEquals(Map.of("particles", "100", "temperature", "0.5"), g.cell(0));
        assertEquals(Map.of("particles", "100", "temperature", "2"), g.cell(2));
        assertEquals(Map.of("particles", "500", "temperature", "0.5"), g.cell(3));
        assertEquals(Map.of("particles", "500", "temperature", "2"), g.cell(5));
        Set<Map<String, String>> all = new HashSet<>();
        for (int i = 0; i < g.cellCount(); i++) {
            all.add(g.cell(i));
        }
        assertEquals(6, all.size());
        assertEquals(List.of("particles", "temperature"), List.copyOf(g.cell(4).keySet()));
    }

    @Test
    void anEmptyGridIsOneCell() {
        SweepGrid g = SweepGrid.parse(List.of());
        assertEquals(1, g.cellCount());
        assertTrue(g.cell(0).isEmpty());
    }

    @Test
    void badSpecificationsNameTheArgument() {
        assertMessage("expected NAME=V1,V2", "particles");
        assertMessage("option name is empty", "=1,2");
        assertMessage("value list is empty", "particles=");
        assertMessage("an empty value", "particles=1,,2");
        assertMessage("given twice", "particles=1,1");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SweepGrid.parse(List.of("seed=1", "seed=2")));
        assertTrue(twice.getMessage().contains("--grid seed is given twice"), twice.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> SweepGrid.parse(List.of("a=" + range(1001), "b=" + range(1001))));
        assertTrue(big.getMessage().contains("more than"), big.getMessage());
    }

    private static String range(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(i);
        }
        return b.toString();
    }

    private static void assertMessage(String expected, String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of(spec)));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().startsWith("--grid"), e.getMessage());
    }
}
