package io.github.hopflow.wasserstein.internal;


/**
 * Splits a loop over {@code count} independent items into contiguous blocks run on a fork-join
 * pool of at most the given parallelism ({@link Pools}). Each item is processed by exactly one
 * sequential loop whatever the number of blocks, so results do not depend on the thread count:
 * callers must only make every item's output depend on that item's own loop (no shared
 * reductions).
 */
public final class Parallel {

    /** Below this many elementary operations a loop runs on the calling thread. */
    public static final long MIN_PARALLEL_WORK = 1L << 17;

    private Parallel() {
    }

    /** A block body: processes items [from, to). */
    @FunctionalInterface
    public interface Block {
        /** Processes items {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, count) in at most {@code parallelism} × 4 blocks.
     *
     * @param count number of items
     * @param work total number of elementary operations (to decide whether threads pay off)
     * @param parallelism maximum number of threads; 1 runs on the calling thread
     * @param body the block body
     */
    public static void forBlocks(int count, long work, int parallelism, Block body) {
        if (parallelism <= 1 || count < 2 || work < MIN_PARALLEL_WORK) {
            body.run(0, count);
            return;
        }
        int blocks = Math.min(count, parallelism * 4);
        Pools.forEach(blocks, parallelism, b -> {
            int from = (int) ((long) count * b / blocks);
            int to = (int) ((long) count * (b + 1) / blocks);
            if (from < to) {
                body.run(from, to);
            }
        });
    }

    /** The default parallelism: the number of available processors. */
    public static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }
}
