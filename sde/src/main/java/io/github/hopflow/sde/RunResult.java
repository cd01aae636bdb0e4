package io.github.hopflow.sde;

/**
 * What a {@link ParticleEngine#run run} did.
 *
 * @param last the final state (the last step taken)
 * @param cancelled whether the cancellation token stopped the run early
 * @param boundaryExits coordinate-steps of explicit Euler–Maruyama that left the closed domain
 *     during this run (0 for the isometric schemes and the Euclidean metric)
 * @param elapsedNanos wall-clock time of the run
 * @param particles N
 */
public record RunResult(Snapshot last, boolean cancelled, long boundaryExits, long elapsedNanos, int particles) {

    /** Number of steps taken. */
    public long steps() {
        return last.step();
    }

    /** Particle-steps per second of wall-clock time (0 when nothing was timed). */
    public double particleStepsPerSecond() {
        return elapsedNanos <= 0 ? 0 : (double) particles * steps() * 1e9 / elapsedNanos;
    }

    /** Boundary exits per particle-step (0 when no step was taken). */
    public double boundaryExitRate() {
        return steps() == 0 ? 0 : (double) boundaryExits / ((double) particles * steps());
    }
}
