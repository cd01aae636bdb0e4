package io.github.hopflow.examples.optimize;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Classical simulated annealing (Kirkpatrick et al. 1983) with Metropolis acceptance, Gaussian
 * proposals reflected into the cube, and geometric cooling spread over the whole budget.
 *
 * <p>Defaults, and why: the initial temperature T₀ is the standard deviation of f over
 * {@value #PROBE} uniform points (the best of them is the start), so that uphill moves of a typical
 * size are accepted at first whatever the scale of f; the temperature then falls geometrically to
 * T₀·{@value #FINAL_RATIO} at the last evaluation of the budget, cold enough to settle to within a
 * small target of the minimum it is in. The proposal step starts at {@value #INITIAL_STEP} (a tenth
 * of the cube) and is rescaled every {@value #ADAPT_EVERY} proposals to keep the acceptance rate
 * between 0.2 and 0.4, the classical compromise between mixing and progress.
 */
public final class SimulatedAnnealing implements Optimizer {

    /** The method's name, {@code annealing}. */
    public static final String NAME = "annealing";
    static final int PROBE = 20;
    static final double FINAL_RATIO = 1e-7;
    static final double INITIAL_STEP = 0.1;
    static final int ADAPT_EVERY = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void minimise(BudgetedObjective f, UniformRandomProvider rng) {
        int n = f.dimension();
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n];
        double[] probe = new double[n];
        double fx = Double.POSITIVE_INFINITY;
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < PROBE; k++) {
            UnitCube.uniform(rng, probe);
            double v = f.value(probe);
            sum += v;
            sumSq += v * v;
            if (v < fx) {
                fx = v;
                System.arraycopy(probe, 0, x, 0, n);
            }
        }
        double mean = sum / PROBE;
        double t0 = Math.sqrt(Math.max(sumSq / PROBE - mean * mean, 0));
        if (!(t0 > 0) || !Double.isFinite(t0)) {
            t0 = 1;
        }
        long steps = Math.max(1, f.remaining());
        double cooling = Math.pow(FINAL_RATIO, 1.0 / steps);
        double temperature = t0;
        double step = INITIAL_STEP;
        int accepted = 0;
        int proposed = 0;
        double[] y = new double[n];
        while (true) {
            for (int i = 0; i < n; i++) {
                y[i] = UnitCube.reflect(x[i] + step * gauss.sample());
            }
            double fy = f.value(y);
            double delta = fy - fx;
            if (delta <= 0 || rng.nextDouble() < Math.exp(-delta / temperature)) {
                double[] swap = x;
                x = y;
                y = swap;
                fx = fy;
                accepted++;
            }
            proposed++;
            temperature *= cooling;
            if (proposed == ADAPT_EVERY) {
                double rate = (double) accepted / proposed;
                if (rate > 0.4) {
                    step = Math.min(0.5, step * 1.5);
                } else if (rate < 0.2) {
                    step = Math.max(1e-9, step / 1.5);
                }
                accepted = 0;
                proposed = 0;
            }
        }
    }
}
