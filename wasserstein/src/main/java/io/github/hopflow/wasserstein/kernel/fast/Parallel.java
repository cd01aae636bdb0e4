package io.github.hopflow.wasserstein.kernel.fast;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs a fixed number of independent blocks, on the common fork-join pool when more than one
 * thread is allowed. The partition into blocks is chosen by the caller independently of the thread
 * count, and each block writes only its own outputs, so results never depend on the threads used.
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
        if (threads <= 1 || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        ForkJoinPool.commonPool().invoke(new Range(0, blocks, body));
    }

    /** Guards the pair helper: one pair of blocks at a time; other callers run both blocks themselves. */
    private static final AtomicBoolean PAIR_BUSY = new AtomicBoolean();
    private static volatile PairHelper helper;

    /**
     * Calls {@code body.accept(0)} and {@code body.accept(1)}: block 0 on the caller's thread and,
     * when {@code threads} ≥ 2, block 1 on a helper thread that waits for work by spinning for a
     * short while before it parks (a hand-off costs about a microsecond, where waking a parked
     * pool thread costs tens); the caller runs block 1 itself when the helper has not claimed it
     * by the time block 0 is done. Each block writes only its own outputs, so results never depend
     * on which thread ran it.
     *
     * @param threads the most threads to use; 1 runs block 0 then block 1 on the caller's thread
     * @param body the work of one block; blocks must not write to shared locations
     */
    static void pair(int threads, IntConsumer body) {
        if (threads <= 1 || !PAIR_BUSY.compareAndSet(false, true)) {
            body.accept(0);
            body.accept(1);
            return;
        }
        try {
            PairHelper h = helper;
            if (h == null) {
                h = new PairHelper();
                h.start();
                helper = h;
            }
            PairJob job = new PairJob(body);
            h.post(job);
            Throwable failure = null;
            try {
                body.accept(0);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (job.claimed.compareAndSet(false, true)) {
                try {
                    body.accept(1);
                } catch (RuntimeException | Error e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            } else {
                while (!job.done) {
                    Thread.onSpinWait();
                }
                if (failure == null) {
                    failure = job.failure;
                }
            }
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
        } finally {
            PAIR_BUSY.set(false);
        }
    }

    /**
     * Block 1 of one {@link #pair} call. Whoever wins {@link #claimed} runs it; a job is never
     * reused, so a helper that arrives late finds it claimed and leaves it alone.
     */
    private static final class PairJob {
        final IntConsumer body;
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile boolean done;
        volatile Throwable failure;

        PairJob(IntConsumer body) {
            this.body = body;
        }
    }

    /** The daemon thread that runs block 1 of {@link #pair}. */
    private static final class PairHelper extends Thread {
        /** Nanoseconds the helper spins for new work before it parks. */
        private static final long SPIN_NANOS = 500_000L;
        private volatile PairJob job;
        private volatile boolean parked;

        PairHelper() {
            super("hopflow-kernel-pair");
            setDaemon(true);
        }

        void post(PairJob next) {
            job = next;
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            PairJob seen = null;
            while (true) {
                long start = System.nanoTime();
                int spins = 0;
                PairJob next;
                while ((next = job) == seen) {
                    Thread.onSpinWait();
                    if ((++spins & 255) == 0 && System.nanoTime() - start > SPIN_NANOS) {
                        parked = true;
                        if (job == seen) {
                            LockSupport.park(this);
                        }
                        parked = false;
                        start = System.nanoTime();
                    }
                }
                seen = next;
                if (next.claimed.compareAndSet(false, true)) {
                    try {
                        next.body.accept(1);
                    } catch (RuntimeException | Error e) {
                        next.failure = e;
                    }
                    next.done = true;
                }
            }
        }
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
