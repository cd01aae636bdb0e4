package io.github.hopflow.examples.himmelblau;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.sde.Scheme;

/**
 * The parameters of the Himmelblau reproduction; {@link #paper(long, int)} gives the paper's values
 * (Sec. V-C: N = 500, T = 25, β = ¼, h = 10⁻⁴, ε = 0.1).
 *
 * @param particles N ≥ 2
 * @param temperature T &gt; 0
 * @param beta β &gt; 0 of the activation (mobility 4βx(1 − x))
 * @param step h &gt; 0
 * @param steps K ≥ 1
 * @param epsilon ε &gt; 0 of the entropic proximal step
 * @param snapshotEvery snapshot interval ≥ 1 in steps (the first and last step are always written)
 * @param frames panels of the evolution grid ≥ 1
 * @param scheme SDE scheme moving the points
 * @param seed random seed
 * @param threads worker threads ≥ 1
 */
public record HimmelblauSettings(int particles, double temperature, double beta, double step, int steps,
        double epsilon, int snapshotEvery, int frames, Scheme scheme, long seed, int threads) {

    /** The paper's particle count. */
    public static final int PAPER_PARTICLES = 500;
    /** The paper's temperature. */
    public static final double PAPER_TEMPERATURE = 25;
    /** The paper's activation gain. */
    public static final double PAPER_BETA = 0.25;
    /** The paper's time step. */
    public static final double PAPER_STEP = 1e-4;
    /** The paper's entropic regularisation. */
    public static final double PAPER_EPSILON = 0.1;
    /** Default horizon: the cloud settles on the four modes of ρ∞ by t ≈ 0.02; the second half is pooled for the mode estimate. */
    public static final double DEFAULT_TIME = 0.1;

    /** Checks every parameter, naming it and its value in the error. */
    public HimmelblauSettings {
        atLeast("--particles", particles, 2);
        atLeast("--steps", steps, 1);
        atLeast("--snapshot-every", snapshotEvery, 1);
        atLeast("--frames", frames, 1);
        atLeast("--threads", threads, 1);
        Checks.positive("--temperature", temperature);
        Checks.positive("--beta", beta);
        Checks.positive("--step", step);
        Checks.positive("--eps", epsilon);
        if (scheme == null) {
            throw new IllegalArgumentException("--scheme must be given");
        }
    }

    /** The paper's parameters with the default horizon, snapshots every 10 steps, 9 panels. */
    public static HimmelblauSettings paper(long seed, int threads) {
        return new HimmelblauSettings(PAPER_PARTICLES, PAPER_TEMPERATURE, PAPER_BETA, PAPER_STEP,
                stepsFor(DEFAULT_TIME, PAPER_STEP), PAPER_EPSILON, 10, 9, Scheme.ISOMETRIC_IMPLICIT, seed, threads);
    }

    /** round(t/h), at least 1; rejects a non-positive time. */
    public static int stepsFor(double time, double step) {
        Checks.positive("--time", time);
        Checks.positive("--step", step);
        double k = Math.rint(time / step);
        if (k > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--time " + time + " needs more than " + Integer.MAX_VALUE + " steps of " + step);
        }
        return Math.max(1, (int) k);
    }

    /** The horizon K·h. */
    public double time() {
        return steps * step;
    }

    private static void atLeast(String name, long v, long min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
        }
    }
}
