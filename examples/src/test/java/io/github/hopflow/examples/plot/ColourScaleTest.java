package io.github.hopflow.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColourScaleTest {

    @Test
    void logarithmicScalePutsTheGeometricMeanInTheMiddle() {
        ColourScale s = ColourScale.logarithmic(ColourMap.RAINBOW, 1e-4, 1);
        assertEquals(0.5, s.fraction(1e-2), 1e-12);
        assertEquals(0, s.fraction(1e-9), 0);
        assertEquals(1, s.fraction(10), 0);
        assertEquals(1e-2, s.valueAt(0.5), 1e-15);
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0), s.ticks());
        assertEquals("10⁻⁴", s.label(1e-4));
        assertEquals("0.01", s.label(1e-2));
    }

    @Test
    void linearTicksAreRoundNumbersInsideTheRange() {
        ColourScale s = ColourScale.linear(ColourMap.VIRIDIS, 0, 8.7);
        List<Double> ticks = s.ticks();
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0), ticks);
        assertEquals(7, s.bucket(8.7, 8));
        assertEquals(0, s.bucket(-1, 8));
    }

    @Test
    void endsOfTheMapDiffer() {
        ColourScale s = ColourScale.linear(ColourMap.RAINBOW, 0, 1);
        assertNotEquals(s.colour(0), s.colour(1));
        assertTrue(s.colour(1).getRed() > s.colour(1).getBlue(), "high end is red");
        assertTrue(s.colour(0).getBlue() > s.colour(0).getRed(), "low end is blue");
    }

    @Test
    void rejectsBadRanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColourScale.logarithmic(ColourMap.RAINBOW, 0, 1));
        assertTrue(e.getMessage().contains("min > 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColourScale.linear(ColourMap.RAINBOW, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ColourScale.linear(ColourMap.RAINBOW, 0, Double.NaN));
    }
}
