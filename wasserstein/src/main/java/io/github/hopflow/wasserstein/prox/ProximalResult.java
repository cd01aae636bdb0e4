package io.github.hopflow.wasserstein.prox;

import io.github.hopflow.wasserstein.ConvergenceException;

/**
 * The outcome of one {@link ProximalStep}: the un-normalised values ϱ_k at the new points (their
 * sum equals that of ϱ_{k−1}), the iteration count, the last Thompson-metric change
 * max(‖log z' − log z‖_∞, ‖log y' − log y‖_∞) and whether it fell below the tolerance.
 *
 * <p>Immutable; the arrays are copied on the way out.
 */
public final class ProximalResult {

    /** How the kernel products were computed. */
    public enum Path {
        /** Plain-domain products with a stabilised (scaled) kernel throughout. */
        SCALED,
        /** Log-domain products throughout: by request, or because the kernel offers no scaled view. */
        LOG,
        /** Began with the scaled kernel and switched to the log domain when a product underflowed. */
        SCALED_THEN_LOG
    }

    private final double[] values;
    private final double[] logValues;
    private final int iterations;
    private final double error;
    private final boolean converged;
    private final double tolerance;
    private final Path path;
    private final int kernelBuilds;

    ProximalResult(double[] values, double[] logValues, int iterations, double error, boolean converged,
            double tolerance, Path path, int kernelBuilds) {
        this.values = values;
        this.logValues = logValues;
        this.iterations = iterations;
        this.error = error;
        this.converged = converged;
        this.tolerance = tolerance;
        this.path = path;
        this.kernelBuilds = kernelBuilds;
    }

    /** A copy of the un-normalised values ϱ_k, one per new point; finite and positive. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of log ϱ_k. */
    public double[] logValues() {
        return logValues.clone();
    }

    /** The value at new point i. */
    public double value(int i) {
        return values[i];
    }

    /** The number of points. */
    public int size() {
        return values.length;
    }

    /** Fixed-point iterations done (each one z-update and one y-update). */
    public int iterations() {
        return iterations;
    }

    /** The Thompson-metric change of the last iteration. */
    public double error() {
        return error;
    }

    /** Whether {@link #error()} fell below the tolerance. */
    public boolean converged() {
        return converged;
    }

    /** The tolerance the step ran with. */
    public double tolerance() {
        return tolerance;
    }

    /** How the kernel products were computed. */
    public Path path() {
        return path;
    }

    /** How many times the scaled kernel was built (1 normally; more after re-scaling). */
    public int kernelBuilds() {
        return kernelBuilds;
    }

    /**
     * This result if it converged.
     *
     * @throws ConvergenceException carrying the iterations and the last error otherwise
     */
    public ProximalResult requireConverged() {
        if (!converged) {
            throw new ConvergenceException("proximal step did not reach the Thompson-metric tolerance " + tolerance,
                    iterations, error);
        }
        return this;
    }

    @Override
    public String toString() {
        return "ProximalResult[N=" + values.length + ", iterations=" + iterations + ", error=" + error
                + ", converged=" + converged + ", path=" + path + "]";
    }
}
