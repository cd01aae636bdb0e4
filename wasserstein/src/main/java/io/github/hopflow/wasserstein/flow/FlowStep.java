package io.github.hopflow.wasserstein.flow;

/**
 * Diagnostics of one time step of the {@link DensityFlow}: the proximal step's fixed-point
 * iterations, last Thompson-metric change and convergence, the free-energy estimate
 * F ≈ (1/N)Σ[f(xⁱ) + T log ϱⁱ] of the normalised cloud with its Monte Carlo standard error, and the
 * wall-clock time of the SDE step, of the proximal step (with normalisation) and of both. Immutable.
 */
public final class FlowStep {

    private final long step;
    private final double time;
    private final int iterations;
    private final double error;
    private final boolean converged;
    private final double freeEnergy;
    private final double freeEnergyError;
    private final double sdeMillis;
    private final double proxMillis;

    FlowStep(long step, double time, int iterations, double error, boolean converged, double freeEnergy,
            double freeEnergyError, double sdeMillis, double proxMillis) {
        this.step = step;
        this.time = time;
        this.iterations = iterations;
        this.error = error;
        this.converged = converged;
        this.freeEnergy = freeEnergy;
        this.freeEnergyError = freeEnergyError;
        this.sdeMillis = sdeMillis;
        this.proxMillis = proxMillis;
    }

    /** The step number k ≥ 1 (the cloud after it is the k-th). */
    public long step() {
        return step;
    }

    /** The time t = t₀ + k h after the step. */
    public double time() {
        return time;
    }

    /** Fixed-point iterations of the proximal step. */
    public int iterations() {
        return iterations;
    }

    /** The last Thompson-metric change of the proximal step. */
    public double error() {
        return error;
    }

    /** Whether the proximal step converged. */
    public boolean converged() {
        return converged;
    }

    /** The free-energy estimate after the step. */
    public double freeEnergy() {
        return freeEnergy;
    }

    /** The Monte Carlo standard error of {@link #freeEnergy()}. */
    public double freeEnergyError() {
        return freeEnergyError;
    }

    /** Milliseconds of the SDE step. */
    public double sdeMillis() {
        return sdeMillis;
    }

    /** Milliseconds of the proximal step and normalisation. */
    public double proxMillis() {
        return proxMillis;
    }

    /** Milliseconds of the whole step. */
    public double millis() {
        return sdeMillis + proxMillis;
    }

    @Override
    public String toString() {
        return "FlowStep[k=" + step + ", t=" + time + ", iterations=" + iterations + ", error=" + error
                + ", F=" + freeEnergy + " ± " + freeEnergyError + ", ms=" + millis() + "]";
    }
}
