package io.github.hopflow.sde.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class HelpersTest {

    /** Every item runs exactly once, over many jobs in a row, whatever the threads and counts. */
    @Test
    void everyItemRunsOnce() {
        for (int threads = 1; threads <= 4; threads++) {
            try (Helpers h = new Helpers(threads, "test")) {
                for (int job = 0; job < 300; job++) {
                    int count = job % 13;
                    AtomicIntegerArray runs = new AtomicIntegerArray(count);
                    h.forEach(count, job % 2 == 0, k -> {
                        runs.incrementAndGet(k);
                        double x = k;
                        for (int i = 0; i < 2000; i++) {
                            x = Math.sqrt(x + i);
                        }
                        if (x < 0) {
                            throw new AssertionError();
                        }
                    });
                    for (int k = 0; k < count; k++) {
                        assertEquals(1, runs.get(k), "threads " + threads + ", job " + job + ", item " + k);
                    }
                }
            }
        }
    }

    /** An item's exception reaches the caller once all the other items have run. */
    @Test
    void anItemsExceptionIsRethrownAfterTheOthersRan() {
        try (Helpers h = new Helpers(2, "test")) {
            AtomicIntegerArray runs = new AtomicIntegerArray(8);
            IllegalStateException boom = new IllegalStateException("item 5");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.forEach(8, true, k -> {
                runs.incrementAndGet(k);
                if (k == 5) {
                    throw boom;
                }
            }));
            assertSame(boom, e);
            for (int k = 0; k < 8; k++) {
                assertEquals(1, runs.get(k));
            }
        }
    }

    /** After close the caller runs every item itself. */
    @Test
    void afterCloseTheCallerRunsEverything() {
        Helpers h = new Helpers(3, "test");
        h.forEach(4, true, k -> { });
        h.close();
        Thread caller = Thread.currentThread();
        AtomicIntegerArray elsewhere = new AtomicIntegerArray(1);
        h.forEach(6, true, k -> {
            if (Thread.currentThread() != caller) {
                elsewhere.incrementAndGet(0);
            }
        });
        assertEquals(0, elsewhere.get(0));
    }
}
