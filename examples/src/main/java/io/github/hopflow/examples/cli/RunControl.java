package io.github.hopflow.examples.cli;

import picocli.CommandLine.Option;

/**
 * The options every long-running command shares: the seed that fixes its results, the number of
 * worker threads (which never changes them), whether an existing output directory may be replaced,
 * and whether the progress bar is shown. Mixed into a command with {@code @Mixin}.
 */
public final class RunControl {

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "k", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--force", description = "Replace the contents of an existing non-empty output directory.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /** The seed. */
    public long seed() {
        return seed;
    }

    /**
     * The number of worker threads: {@code --threads}, or the available processors.
     *
     * @throws IllegalArgumentException if {@code --threads} is below 1
     */
    public int threads() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        return threads;
    }

    /** Whether a non-empty output directory may be replaced. */
    public boolean force() {
        return force;
    }

    /** Whether to hide the progress bar. */
    public boolean quiet() {
        return quiet;
    }
}
