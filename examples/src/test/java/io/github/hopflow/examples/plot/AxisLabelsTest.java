package io.github.hopflow.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AxisLabelsTest {

    @Test
    void decadesAreLabelledAsPowersOfTen() {
        assertEquals("10⁻¹²", LineChart.powerOfTen(-12));
        assertEquals("10⁻¹", LineChart.powerOfTen(-1.0000000001));
        assertEquals("1", LineChart.powerOfTen(0));
        assertEquals("10", LineChart.powerOfTen(1));
        assertEquals("10²", LineChart.powerOfTen(2));
    }

    @Test
    void compactNumbersHaveShortExponents() {
        assertEquals("1e-4", Numbers.compact(1e-4));
        assertEquals("3.2e-5", Numbers.compact(3.2e-5));
        assertEquals("1.5e6", Numbers.compact(1.5e6));
        assertEquals("0.004", Numbers.compact(0.004));
        assertEquals("25", Numbers.compact(25));
        assertEquals("0", Numbers.compact(0));
    }
}
