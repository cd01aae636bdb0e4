package io.github.hopflow.wasserstein.kernel.fast;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * Spins of a waiting thread between two {@link Thread#yield()}s, which hand the processor to any
     * other runnable thread (on two cores, the particle engine's helper, say).
     */
    private static final int YIELD_SPINS = 64;

    /** Guards the pair helper: one pair of blocks at a time; other callers run both blocks themselves. */
    private static final AtomicBoolean PAIR_BUSY = new AtomicBoolean();
    private static volatile PairHelper helper;

    /**
     * Calls {@code body.accept(0)} and {@code body.accept(1)}, as {@link #share} with two tasks: on
     * two threads, block 0 usually on the caller's and block 1 on the helper's.
     *
     * @param threads the most threads to use; 1 runs block 0 then block 1 on the caller's thread
     * @param body the work of one block; blocks must not write to shared locations
     */
    static void pair(int threads, IntConsumer body) {
        share(threads, 2, body);
    }

    /**
     * Calls {@code body.accept(t)} once for every task t in [0, count). With {@code threads} ≥ 2 the
     * caller claims tasks from the front (0, 1, …) and one helper thread from the back (count − 1,
     * count − 2, …) until they meet, so that neither waits while the other has work, and a caller
     * that orders its tasks by the data they touch keeps each half of the data on one core (the
     * helper waits for work by spinning, yielding now and then to other runnable threads, for up to
     * 1 ms before it parks: a hand-off costs about a microsecond, where waking a parked thread costs
     * tens, and a much shorter spin made the helper park whenever the operating system paused it
     * for a moment). The caller does all the tasks
     * itself when the helper has not joined by the time they are claimed. Each task writes only its
     * own outputs, so results never depend on which thread ran it. One call at a time uses the
     * helper; a concurrent call runs its tasks on its own thread.
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
            PairHelper h = helper;
            if (h == null) {
                h = new PairHelper();
                h.start();
                helper = h;
            }
            PairJob job = new PairJob(body, count);
            h.post(job);
            Throwable failure = job.work(true);
            if (job.claimed.compareAndSet(false, true)) {
                // the helper never joined: every task has been done here
            } else {
                for (int spins = 1; !job.done; spins++) {
                    if (spins % YIELD_SPINS == 0) {
                        Thread.yield();
                    } else {
                        Thread.onSpinWait();
                    }
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

    /** One call of {@link #share}: its tasks, the range not yet claimed, and the helper's part. */
    private static final class PairJob {
        final IntConsumer body;
        /** The unclaimed tasks [front, back), packed as front · 2^32 + back. */
        final AtomicLong range;
        /** Set by the helper when it joins, or by the caller to close the job to a helper that has not. */
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile boolean done;
        volatile Throwable failure;

        PairJob(IntConsumer body, int count) {
            this.body = body;
            this.range = new AtomicLong(count);
        }

        /** The next task from the front (or the back), or −1 when none is left. */
        private int claim(boolean front) {
            while (true) {
                long r = range.get();
                int lo = (int) (r >>> 32);
                int hi = (int) r;
                if (lo >= hi) {
                    return -1;
                }
                long next = front ? ((long) (lo + 1) << 32) | hi : ((long) lo << 32) | (hi - 1);
                if (range.compareAndSet(r, next)) {
                    return front ? lo : hi - 1;
                }
            }
        }

        /** Claims and runs tasks from one end until none is left; returns the first failure, or null. */
        Throwable work(boolean front) {
            Throwable first = null;
            for (int t; (t = claim(front)) >= 0; ) {
                try {
                    body.accept(t);
                } catch (RuntimeException | Error e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            return first;
        }
    }

    private static final class PairHelper extends Thread {
        /**
         * Nanoseconds the helper spins for new work before it parks: long enough to span the serial
         * work between two kernel operations of a proximal step, and a moment's preemption.
         */
        private static final long SPIN_NANOS = 1_000_000L;
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
                    if (++spins % YIELD_SPINS == 0) {
                        Thread.yield();
                    } else {
                        Thread.onSpinWait();
                    }
                    if ((spins & 255) == 0 && System.nanoTime() - start > SPIN_NANOS) {
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
                    next.failure = next.work(false);
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
