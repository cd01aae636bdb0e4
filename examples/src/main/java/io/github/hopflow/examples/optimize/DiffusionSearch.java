package io.github.hopflow.examples.optimize;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.Scheme;
import io.github.hopflow.sde.TemperatureSchedule;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The diffusion machine as a global optimiser that uses what only it has, the density of its
 * cloud. A search is a sequence of cycles; each cycle
 * <ol>
 *   <li>starts N particles uniformly on the cube and anneals them with the stochastic Hopfield
 *       network (HNN paper, eq. (58), the paper's example metric) from T₀ = a·(median − min of f
 *       over the starting cloud) geometrically down to T₀·r over S steps;</li>
 *   <li>every step, after the SDE step, applies <b>birth–death (Fisher–Rao) resampling</b>: with ϱ_i
 *       the cloud's density at particle i (a Gaussian kernel estimate in the isometric coordinates
 *       of the metric, Silverman's bandwidth) and the log ratio λ_i = log ϱ_i + f(x_i)/T against the
 *       Gibbs density e^{−f/T}, centred over the cloud, a particle with λ_i &gt; 0 (more crowded than
 *       the Gibbs density at T) is killed with probability 1 − e^{−λ_i κ} and replaced by a copy of a
 *       particle drawn uniformly, and one with λ_i &lt; 0 is copied, with probability 1 − e^{λ_i κ},
 *       onto a particle drawn uniformly. This is the birth–death part of the Fisher–Rao gradient flow
 *       of the free energy, ∂ρ/∂t = −ρ(log(ρ/ρ_T) − E_ρ log(ρ/ρ_T)), which moves mass between
 *       basins without crossing barriers (Lu, Lu and Nolen, SIAM J. Math. Anal. 51, 2019), while the
 *       SDE step is its Wasserstein part; κ sets the rate per step;</li>
 *   <li>finishes at T → 0 with the natural-gradient (Hopfield) flow, the descent of
 *       {@link GradientMultistart} with Armijo steps, from the best point the cycle evaluated.</li>
 * </ol>
 * then the next cycle restarts from a fresh uniform cloud, until the budget is spent. The answer is
 * the best point evaluated. The {@code langevin} method is the same annealed cloud without the
 * density (no resampling) and without the finish, so the difference between the two rows of the
 * report is what the values and the finish buy.
 *
 * <p><b>Cost.</b> A step costs N gradients and N values (f at the moved points, which the
 * resampling and the best point need); a cycle S steps plus its finish.
 *
 * <p><b>Defaults</b>, chosen by sweeps at a budget of 20000 and target 10⁻³ (10 runs each) on
 * Rastrigin, Ackley, Levy and Styblinski–Tang in 2, 5 and 10 dimensions over N ∈ {10, 20, 40},
 * S ∈ {30, 60, 150}, a ∈ {0.2, 1, 2, 5}, κ ∈ {0, 0.5, 2} and h₀ ∈ {3·10⁻⁴, 10⁻³, 3·10⁻³, 10⁻²}:
 * N = 20, S = 60, a = 5, r = 10⁻³, κ = 0.5, h₀ = 10⁻² (capped at half the engine's noise limit),
 * β = ¼. Short cycles with a hot start and large steps explore; the resampling is what makes the
 * cycles find the global basin: without it (κ = 0) the same settings solved Ackley in 10-D 0/10
 * times instead of 10/10, Ackley in 5-D 4/10 instead of 10/10 and Rastrigin in 2-D 5/10 instead of
 * 10/10. Rastrigin in 5 and 10 dimensions (10⁵ and 10¹⁰ local minima) is not solved.
 *
 * <p>Reproducible: every random number comes from the run's generator, in a fixed order.
 */
public final class DiffusionSearch implements Optimizer {

    /** The method's name, {@code diffusion}. */
    public static final String NAME = "diffusion";

    private static final double MARGIN = 1e-3;

    /**
     * The hyper-parameters.
     *
     * @param particles N ≥ 2
     * @param cycleSteps S ≥ 1
     * @param temperatureFactor a &gt; 0
     * @param finalRatio r in (0, 1)
     * @param rate κ ≥ 0 (0: no resampling)
     * @param initialStep h₀ &gt; 0
     * @param beta β &gt; 0
     */
    public record Settings(int particles, int cycleSteps, double temperatureFactor, double finalRatio, double rate,
            double initialStep, double beta) {

        /** The defaults (see the class description). */
        public static Settings defaults() {
            return new Settings(20, 60, 5.0, 1e-3, 0.5, 1e-2, 0.25);
        }

        /** Checks every field, naming the bad one. */
        public Settings {
            if (particles < 2 || cycleSteps < 1) {
                throw new IllegalArgumentException("particles must be ≥ 2 and cycleSteps ≥ 1, got " + particles
                        + " and " + cycleSteps);
            }
            if (!(temperatureFactor > 0) || !(finalRatio > 0 && finalRatio < 1) || !(rate >= 0)
                    || !(initialStep > 0) || !(beta > 0)) {
                throw new IllegalArgumentException("need temperatureFactor > 0, finalRatio in (0, 1), rate >= 0, "
                        + "initialStep > 0 and beta > 0, got " + this);
            }
        }
    }

    private final Settings settings;

    private DiffusionSearch(Settings settings) {
        this.settings = settings;
    }

    /** The search with these settings. */
    public static DiffusionSearch of(Settings settings) {
        return new DiffusionSearch(settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void minimise(BudgetedObjective f, UniformRandomProvider rng) {
        int n = f.dimension();
        int count = settings.particles();
        HopfieldMetric metric = HopfieldMetric.paperExample(n, settings.beta());
        DescentGeometry descent = DescentGeometry.naturalGradient(metric);
        double[] x = new double[count * n];
        double[] fx = new double[count];
        double[] point = new double[n];
        double[] best = new double[n];
        double[] y = new double[n];
        double[] g = new double[n];
        double[] u = new double[count * n];
        double[] logDensity = new double[count];
        while (true) {
            for (int i = 0; i < count; i++) {
                UnitCube.uniformInterior(rng, point, MARGIN);
                System.arraycopy(point, 0, x, i * n, n);
                fx[i] = f.value(x, i * n);
            }
            double[] sorted = fx.clone();
            Arrays.sort(sorted);
            double spread = sorted[count / 2] - sorted[0];
            double t0 = settings.temperatureFactor() * (spread > 0 && Double.isFinite(spread) ? spread : 1.0);
            double bestValue = sorted[0];
            int bestIndex = argmin(fx);
            System.arraycopy(x, bestIndex * n, best, 0, n);
            int steps = settings.cycleSteps();
            double h0 = settings.initialStep();
            TemperatureSchedule schedule = TemperatureSchedule.exponential(t0, steps / Math.log(1 / settings.finalRatio()),
                    t0 * settings.finalRatio());
            for (int k = 0; k < steps; k++) {
                double temperature = schedule.temperature(k);
                // the engine's noise limit caps the step (an objective of large spread has a hot start)
                double h = Math.min(h0 * Math.sqrt(temperature / t0), 0.5 * ParticleEngine.maxStep(metric, temperature));
                DiffusionMachine machine = DiffusionMachine.of(metric, f, temperature);
                try (ParticleEngine engine = ParticleEngine.builder(machine).particles(count).step(h).random(rng)
                        .scheme(Scheme.ISOMETRIC_IMPLICIT).build()) {
                    engine.advance(x, 0.0);
                }
                for (int i = 0; i < count; i++) {
                    fx[i] = f.value(x, i * n);
                    if (fx[i] < bestValue) {
                        bestValue = fx[i];
                        System.arraycopy(x, i * n, best, 0, n);
                    }
                }
                if (settings.rate() > 0) {
                    resample(metric, x, fx, u, logDensity, temperature, n, rng);
                }
            }
            // the T → 0 finish: natural-gradient descent from the cycle's best point
            descent.start(best);
            descent.point(best);
            GradientMultistart.descend(f, descent, best, y, g);
        }
    }

    private static int argmin(double[] v) {
        int m = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[m]) {
                m = i;
            }
        }
        return m;
    }

    /** One birth–death event at rate κ (see the class description). */
    private void resample(HopfieldMetric metric, double[] x, double[] fx, double[] u, double[] logDensity,
            double temperature, int n, UniformRandomProvider rng) {
        int count = fx.length;
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < n; d++) {
                u[i * n + d] = metric.isometric(d, x[i * n + d]);
            }
        }
        // Silverman's bandwidth from the per-coordinate spread
        double spread = 0;
        for (int d = 0; d < n; d++) {
            double mean = 0;
            for (int i = 0; i < count; i++) {
                mean += u[i * n + d];
            }
            mean /= count;
            double var = 0;
            for (int i = 0; i < count; i++) {
                double e = u[i * n + d] - mean;
                var += e * e;
            }
            spread += var / (count - 1);
        }
        double sigma = Math.sqrt(spread / n) * Math.pow(4.0 / ((n + 2.0) * count), 1.0 / (n + 4));
        if (!(sigma > 0)) {
            return;
        }
        double inv = 1 / (2 * sigma * sigma);
        double meanRatio = 0;
        for (int i = 0; i < count; i++) {
            double s = 0;
            for (int j = 0; j < count; j++) {
                double r2 = 0;
                for (int d = 0; d < n; d++) {
                    double e = u[i * n + d] - u[j * n + d];
                    r2 += e * e;
                }
                s += Math.exp(-r2 * inv);
            }
            logDensity[i] = Math.log(s) + fx[i] / temperature;
            meanRatio += logDensity[i];
        }
        meanRatio /= count;
        double kappa = settings.rate();
        for (int i = 0; i < count; i++) {
            double lambda = logDensity[i] - meanRatio;
            if (lambda > 0) {
                if (rng.nextDouble() < 1 - Math.exp(-lambda * kappa)) {
                    int j = rng.nextInt(count);
                    System.arraycopy(x, j * n, x, i * n, n);
                    fx[i] = fx[j];
                }
            } else if (lambda < 0 && rng.nextDouble() < 1 - Math.exp(lambda * kappa)) {
                int j = rng.nextInt(count);
                System.arraycopy(x, i * n, x, j * n, n);
                fx[j] = fx[i];
            }
        }
    }

    @Override
    public String toString() {
        return NAME + settings;
    }
}
