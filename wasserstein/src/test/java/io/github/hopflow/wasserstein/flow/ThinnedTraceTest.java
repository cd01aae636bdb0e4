package io.github.hopflow.wasserstein.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A thinned trace keeps every step, then an even sample of them, in bounded memory. */
class ThinnedTraceTest {

    @Test
    void keepsEveryStepUpToItsCapacity() {
        ThinnedTrace<Long> t = ThinnedTrace.create(8);
        for (long k = 1; k <= 8; k++) {
            t.add(k, k * 10);
        }
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, t.steps());
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L), t.entries());
        assertEquals(1, t.stride());
    }

    @Test
    void thenKeepsTheMultiplesOfAPowerOfTwoAndAlwaysTheLast() {
        ThinnedTrace<Long> t = ThinnedTrace.create(8);
        long n = 1_000_000;
        for (long k = 1; k <= n; k++) {
            t.add(k, k);
        }
        long[] steps = t.steps();
        assertTrue(steps.length <= 8 && steps.length >= 4, "between half and all of the capacity: " + steps.length);
        for (int i = 0; i < steps.length; i++) {
            assertEquals(0, steps[i] % t.stride());
            assertEquals(steps[i], (long) t.entries().get(i));
            if (i > 0) {
                assertEquals(t.stride(), steps[i] - steps[i - 1], "evenly spaced");
            }
        }
        assertEquals(n, t.added());
        assertEquals(n, (long) t.last());
        assertTrue(steps[steps.length - 1] > n - t.stride(), "the sample reaches the end of the run");
    }

    @Test
    void refusesStepsOutOfOrderAndAnOddCapacity() {
        ThinnedTrace<String> t = ThinnedTrace.create();
        t.add(3, "a");
        assertThrows(IllegalArgumentException.class, () -> t.add(3, "b"));
        assertThrows(IllegalArgumentException.class, () -> t.add(-1, "b"));
        assertThrows(IllegalArgumentException.class, () -> ThinnedTrace.create(7));
        assertThrows(IllegalArgumentException.class, () -> ThinnedTrace.create(0));
    }
}
