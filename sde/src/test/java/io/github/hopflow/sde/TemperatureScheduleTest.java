package io.github.hopflow.sde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import org.junit.jupiter.api.Test;

class TemperatureScheduleTest {

    @Test
    void builtInSchedulesHaveTheirClosedForms() {
        TemperatureSchedule c = TemperatureSchedule.constant(25);
        assertEquals(25, c.temperature(0));
        assertEquals(25, c.temperature(1e6));
        assertTrue(c.isConstant());

        TemperatureSchedule log = TemperatureSchedule.logarithmic(10, 2);
        assertEquals(10, log.temperature(0), 1e-15);
        assertEquals(10 / Math.log(Math.E + 3), log.temperature(6), 1e-15);
        assertFalse(log.isConstant());

        TemperatureSchedule exp = TemperatureSchedule.exponential(10, 2, 0.5);
        assertEquals(10, exp.temperature(0), 1e-15);
        assertEquals(10 * Math.exp(-1), exp.temperature(2), 1e-14);
        assertEquals(0.5, exp.temperature(100), 0);

        TemperatureSchedule user = TemperatureSchedule.of(t -> 1 + t, "1 + t");
        assertEquals(3, user.temperature(2));
        assertEquals("1 + t", user.toString());
    }

    @Test
    void invalidSchedulesAndTimesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TemperatureSchedule.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TemperatureSchedule.constant(Double.POSITIVE_INFINITY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureSchedule.logarithmic(1, 0));
        assertTrue(e.getMessage().contains("timeScale") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TemperatureSchedule.exponential(1, 1, 2));
        assertTrue(e.getMessage().contains("floor") && e.getMessage().contains("2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TemperatureSchedule.constant(1).temperature(-0.5));
        assertTrue(e.getMessage().contains("time t") && e.getMessage().contains("-0.5"), e.getMessage());
        TemperatureSchedule nan = TemperatureSchedule.of(t -> Double.NaN, "nan");
        e = assertThrows(IllegalArgumentException.class, () -> nan.temperature(1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void machineDriftAndDiffusionFollowEquation58() {
        DiffusionMachine m = DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(),
                TemperatureSchedule.exponential(25, 1, 1));
        double[] x = {0.2, 0.9};
        double[] g = new double[2];
        ScaledHimmelblau.of().gradient(x, g);
        double temperature = 25 * Math.exp(-0.5);
        double[] drift = new double[2];
        double[] sigma = new double[2];
        m.drift(x, 0, 0.5, drift, 0);
        m.diffusion(x, 0, 0.5, sigma, 0);
        for (int i = 0; i < 2; i++) {
            double mob = 4 * 0.25 * x[i] * (1 - x[i]);
            assertEquals(-mob * g[i] + temperature * 4 * 0.25 * (1 - 2 * x[i]), drift[i], 1e-10);
            assertEquals(Math.sqrt(8 * temperature * 0.25 * x[i] * (1 - x[i])), sigma[i], 1e-12);
        }
    }
}
