package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.sde.internal.Helpers;
import io.github.hopflow.wasserstein.internal.Pools;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Runs a fixed number of independent blocks: on a fork-join pool of the given thread count
 * ({@link #forEach}, {@link Pools}), or shared between the caller and one helper thread that
 * every kernel uses ({@link #share}, the
 * cheaper hand-off for the short, repeated operations of a proximal step on two cores). The
 * partition into blocks is chosen by the caller independently of the thread count, and each block
 * writes only its own outputs, so results never depend on the threads used.
 */
final class Parallel {

    private Parallel() {
    }

    /** The default number of threads: the processors available to the JVM. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Calls {@code body.accept(b)} once for every block b in [0, blocks).
     *
     * @param blocks the number of blocks, ≥ 0
     * @param threads the most threads to use; 1 runs the blocks in order on the caller's thread
     * @param body the work of one block; blocks must not write to shared locations
     */
    static void forEach(int blocks, int threads, IntConsumer body) {
        Pools.forEach(blocks, threads, body);
    }

    /** Guards the pair helper: one call at a time; other callers run their tasks themselves. */
    private static final AtomicBoolean PAIR_BUSY = new AtomicBoolean();
    /**
     * The caller's thread and one helper thread, shared by every kernel. The helper spins for up to
     * 1 ms between calls (yielding now and then to other runnable threads) before it parks: long
     * enough to span the serial work between two kernel operations of a proximal step and a
     * moment's preemption, where a hand-off costs about a microsecond and waking a parked thread
     * tens.
     */
    private static final Helpers PAIR = new Helpers(2, "hopflow-kernel", 1_000_000L);

    /**
     * Calls {@code body.accept(t)} once for every task t in [0, count). With {@code threads} ≥ 2 the
     * caller claims tasks from the front (0, 1, …) and one helper thread from the back (count − 1,
     * count − 2, …) until they meet ({@link Helpers}), so that neither waits while the other has
     * work, and a caller that orders its tasks by the data they touch keeps each half of the data on
     * one core. The caller does all the tasks itself when the helper has not joined by the time they
     * are claimed. Each task writes only its own outputs, so results never depend on which thread
     * ran it. One call at a time uses the helper; a concurrent call runs its tasks on its own thread.
     *
     * @param threads the most threads to use; 1 runs the tasks in order on the caller's thread
     * @param count the number of tasks, ≥ 0
     * @param body the work of one task; tasks must not write to shared locations
     */
    static void share(int threads, int count, IntConsumer body) {
        if (threads <= 1 || count <= 1 || !PAIR_BUSY.compareAndSet(false, true)) {
            for (int t = 0; t < count; t++) {
                body.accept(t);
            }
            return;
        }
        try {
            PAIR.forEach(count, true, body);
        } finally {
            PAIR_BUSY.set(false);
        }
    }
}
