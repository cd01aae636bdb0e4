package io.github.hopflow.wasserstein;

/**
 * A numerical solver did not reach its tolerance, or produced a value that is not a finite
 * number. Carries the diagnostics needed to act on it: the iteration count and the last error
 * (in the solver's own stopping metric).
 */
public class ConvergenceException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final int iterations;
    private final double lastError;

    /**
     * @param message what failed and with which parameters
     * @param iterations iterations done
     * @param lastError the stopping metric after the last iteration
     */
    public ConvergenceException(String message, int iterations, double lastError) {
        super(message + " (iterations " + iterations + ", last error " + lastError + ")");
        this.iterations = iterations;
        this.lastError = lastError;
    }

    /** Iterations done before giving up. */
    public int iterations() {
        return iterations;
    }

    /** The stopping metric after the last iteration. */
    public double lastError() {
        return lastError;
    }
}
