package io.github.hopflow.wasserstein.kernel.fast;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
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
