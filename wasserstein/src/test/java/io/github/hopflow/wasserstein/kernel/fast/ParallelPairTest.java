package io.github.hopflow.wasserstein.kernel.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The two-block hand-off of {@link Parallel#share} with two tasks: every call runs each of its two blocks exactly
 * once, whoever claims block 1, also when calls follow each other faster than the helper thread
 * picks them up and when several threads call at once.
 */
class ParallelPairTest {

    @Test
    void everyBlockRunsExactlyOnceUnderRapidAndConcurrentCalls() throws InterruptedException {
        int callsPerThread = 20_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread caller = new Thread(() -> {
                try {
                    for (int c = 0; c < callsPerThread; c++) {
                        AtomicInteger[] runs = {new AtomicInteger(), new AtomicInteger()};
                        int work = c % 7; // some calls return at once, some let the helper claim block 1
                        Parallel.share(2, 2, block -> {
                            runs[block].incrementAndGet();
                            double s = 0;
                            for (int k = 0; k < work * 50; k++) {
                                s += Math.sqrt(k);
                            }
                            if (s < 0) {
                                throw new IllegalStateException("unreachable");
                            }
                        });
                        if (runs[0].get() != 1 || runs[1].get() != 1) {
                            throw new AssertionError("call " + c + ": blocks ran " + runs[0] + " and " + runs[1] + " times");
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    /**
     * Calls with no work in rapid succession: the caller usually claims block 1 itself before the
     * helper sees the call, so the helper keeps arriving late, between one call and the next.
     */
    @Test
    void lateHelperNeverRunsAStaleOrMissingBlock() {
        int[] runs = new int[2];
        for (int c = 0; c < 300_000; c++) {
            runs[0] = 0;
            runs[1] = 0;
            Parallel.share(2, 2, block -> runs[block]++);
            assertEquals(1, runs[0], "block 0 of call " + c);
            assertEquals(1, runs[1], "block 1 of call " + c);
        }
    }

    @Test
    void aFailureInEitherBlockReachesTheCaller() {
        for (int failing = 0; failing < 2; failing++) {
            int bad = failing;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.share(2, 2, block -> {
                if (block == bad) {
                    throw new IllegalStateException("block " + bad);
                }
            }));
            assertEquals("block " + bad, e.getMessage());
        }
        // the helper is still usable afterwards
        AtomicInteger count = new AtomicInteger();
        Parallel.share(2, 2, block -> count.incrementAndGet());
        assertEquals(2, count.get());
    }
}
