package io.github.hopflow.wasserstein.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class PoolsTest {

    /**
     * k threads asked, at most k blocks running at once (the common pool would run one per core
     * but one, whatever k); the pool may start a spare worker while another waits in a join, so it
     * is the concurrency, not the number of distinct threads, that is bounded.
     */
    @Test
    void aPoolHasTheThreadCountAskedForAndRunsEveryBlockOnce() {
        for (int k : new int[] {2, 3, 5}) {
            assertEquals(k, Pools.of(k).getParallelism());
            assertSame(Pools.of(k), Pools.of(k));
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicIntegerArray runs = new AtomicIntegerArray(200);
            Pools.forEach(200, k, b -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                runs.incrementAndGet(b);
                long until = System.nanoTime() + 200_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                running.decrementAndGet();
            });
            assertTrue(most.get() <= k, k + " threads asked, " + most.get() + " blocks ran at once");
            for (int b = 0; b < runs.length(); b++) {
                assertEquals(1, runs.get(b), "block " + b);
            }
        }
        Set<Thread> one = ConcurrentHashMap.newKeySet();
        Pools.forEach(50, 1, b -> one.add(Thread.currentThread()));
        assertEquals(Set.of(Thread.currentThread()), one);
        assertThrows(IllegalArgumentException.class, () -> Pools.of(0));
    }
}
