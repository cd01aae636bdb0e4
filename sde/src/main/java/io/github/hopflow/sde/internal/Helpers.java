package io.github.hopflow.sde.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The helper threads of one particle engine: k − 1 daemon threads that share independent items
 * (blocks) with the calling thread. The caller takes items from the front and the helpers from
 * the back, so that with a steady pace an item is taken by the same thread from call to call
 * (and its data stay in that thread's cache). After a job a helper spins for a short while
 * ({@value #SPIN_NANOS} ns by default, yielding now and then to a thread waiting for the processor) before
 * it parks, so that jobs posted back to back are handed over in about a microsecond, where
 * waking a parked thread costs tens of microseconds; the caller says whether a job is worth
 * waking parked helpers for. The caller runs every item no helper has taken; which thread runs
 * which item never changes a result.
 *
 * <p>One caller at a time. Helpers start on first use, end after {@value #IDLE_EXIT_NANOS} ns
 * without work (and start again when needed), and {@link #close()} ends them (the caller then
 * runs every item itself).
 */
public final class Helpers implements AutoCloseable {

    /** Nanoseconds a helper spins for the next job before it parks. */
    static final long SPIN_NANOS = 50_000L;
    /** A parked helper without work for this long ends. */
    static final long IDLE_EXIT_NANOS = 30_000_000_000L;
    /** Spins of a waiting thread between two {@link Thread#yield()}s. */
    private static final int YIELD_SPINS = 64;

    private final String name;
    private final long spinNanos;
    private final Worker[] workers;
    private volatile Job job;
    private volatile boolean closed;

    /**
     * @param threads the number of threads including the caller's, ≥ 1 (threads − 1 helpers)
     * @param name the helpers' thread name prefix
     */
    public Helpers(int threads, String name) {
        this(threads, name, SPIN_NANOS);
    }

    /**
     * @param threads the number of threads including the caller's, ≥ 1 (threads − 1 helpers)
     * @param name the helpers' thread name prefix
     * @param spinNanos how long a helper spins for the next job before it parks, in nanoseconds
     */
    public Helpers(int threads, String name, long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spinNanos must be >= 0, got " + spinNanos);
        }
        this.name = name;
        this.workers = new Worker[Math.max(0, threads - 1)];
        this.spinNanos = spinNanos;
    }

    /**
     * Calls {@code body.accept(k)} once for every k in [0, count), on the caller's thread and the
     * helpers, and returns when all calls have returned. The items must be independent (each
     * writing only its own outputs). A {@link RuntimeException} or {@link Error} thrown by an item
     * is rethrown (one of them) after all items have run.
     *
     * @param count the number of items
     * @param wake whether to wake parked helpers for this job
     * @param body the work of one item
     * @return whether the helpers were of use: they ran items, and the caller, once done with
     *     its own, waited for theirs less than half as long as its own took
     */
    public boolean forEach(int count, boolean wake, IntConsumer body) {
        if (workers.length == 0 || count <= 1) {
            for (int k = 0; k < count; k++) {
                body.accept(k);
            }
            return false;
        }
        Job j = new Job(count, body);
        long start = System.nanoTime();
        post(j, wake);
        int own = j.run(true);
        long mid = System.nanoTime();
        int spins = 0;
        while (j.finished.get() < count) {
            if (++spins % YIELD_SPINS == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        long waited = System.nanoTime() - mid;
        j.rethrow();
        return own < count && 2 * waited < mid - start;
    }

    private void post(Job next, boolean wake) {
        job = next;
        if (closed) {
            return;
        }
        for (int i = 0; i < workers.length; i++) {
            Worker w = workers[i];
            if (w == null || w.ended) {
                if (wake) {
                    w = new Worker(this, i, next);
                    workers[i] = w;
                    w.start();
                }
            } else if (wake && w.parked) {
                LockSupport.unpark(w);
            }
        }
    }

    /** Ends the helpers (each finishes the job at hand first). */
    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    /** The items of one call, claimed one at a time from either end. */
    private static final class Job {
        final int count;
        final IntConsumer body;
        /** The unclaimed items [front, back): front in the high 32 bits, back in the low ones. */
        final AtomicLong range;
        final AtomicInteger finished = new AtomicInteger();
        volatile Throwable failure;

        Job(int count, IntConsumer body) {
            this.count = count;
            this.body = body;
            this.range = new AtomicLong(count);
        }

        /** The next item from the front (the caller) or the back (a helper), or −1 when none is left. */
        int claim(boolean front) {
            while (true) {
                long r = range.get();
                int lo = (int) (r >>> 32);
                int hi = (int) r;
                if (lo >= hi) {
                    return -1;
                }
                long next = front ? r + (1L << 32) : r - 1;
                if (range.compareAndSet(r, next)) {
                    return front ? lo : hi - 1;
                }
            }
        }

        /** Runs items until none is left; returns how many. */
        int run(boolean front) {
            int done = 0;
            int k;
            while ((k = claim(front)) >= 0) {
                done++;
                try {
                    body.accept(k);
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    finished.incrementAndGet();
                }
            }
            return done;
        }

        void rethrow() {
            Throwable e = failure;
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e instanceof Error) {
                throw (Error) e;
            }
        }
    }

    /** A helper thread: joins every new job, spins, parks, ends when idle for long or closed. */
    private static final class Worker extends Thread {
        private final Helpers owner;
        private final Job first;
        volatile boolean parked;
        volatile boolean ended;

        Worker(Helpers owner, int index, Job first) {
            super(owner.name + "-" + (index + 1));
            setDaemon(true);
            this.owner = owner;
            this.first = first;
        }

        @Override
        public void run() {
            try {
                Job seen = first;
                seen.run(false);
                long idle = System.nanoTime();
                int spins = 0;
                while (!owner.closed) {
                    Job next = owner.job;
                    if (next != seen) {
                        seen = next;
                        next.run(false);
                        idle = System.nanoTime();
                        spins = 0;
                        continue;
                    }
                    if (++spins % YIELD_SPINS == 0) {
                        // let a thread waiting for this processor (the caller, on a busy machine) run
                        Thread.yield();
                        if (System.nanoTime() - idle > owner.spinNanos) {
                            parked = true;
                            long start = System.nanoTime();
                            if (owner.job == seen && !owner.closed) {
                                LockSupport.parkNanos(this, IDLE_EXIT_NANOS);
                            }
                            parked = false;
                            if (owner.job == seen && System.nanoTime() - start >= IDLE_EXIT_NANOS) {
                                return;
                            }
                            idle = System.nanoTime();
                        }
                    } else {
                        Thread.onSpinWait();
                    }
                }
            } finally {
                ended = true;
            }
        }
    }
}
