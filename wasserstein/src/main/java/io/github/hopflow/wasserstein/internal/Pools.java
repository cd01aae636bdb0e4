package io.github.hopflow.wasserstein.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Fork-join pools of exactly the thread count a caller asks for, so that {@code threads = k} means
 * at most k threads at work whatever the machine (the common pool has one thread per core but
 * one, and ignores k). One pool per thread count, created on first use and shared by every kernel;
 * its threads are daemons and idle ones are retired by the pool. Blocks are fixed by the caller,
 * so results never depend on which pool or thread ran them.
 */
public final class Pools {

    private static final ConcurrentMap<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private Pools() {
    }

    /**
     * The pool of {@code threads} worker threads.
     *
     * @param threads ≥ 1
     */
    public static ForkJoinPool of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return POOLS.computeIfAbsent(threads, ForkJoinPool::new);
    }

    /**
     * Calls {@code body.accept(b)} once for every block b in [0, blocks), on at most
     * {@code threads} threads (on the caller's alone when {@code threads} is 1 or there is one
     * block).
     *
     * @param body the work of one block; blocks must not write to shared locations
     */
    public static void forEach(int blocks, int threads, IntConsumer body) {
        if (threads <= 1 || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        of(threads).invoke(new Range(0, blocks, body));
    }

    private static final class Range extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final int from;
        private final int to;
        private final transient IntConsumer body;

        Range(int from, int to, IntConsumer body) {
            this.from = from;
            this.to = to;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                body.accept(from);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(from, mid, body), new Range(mid, to, body));
        }
    }
}
