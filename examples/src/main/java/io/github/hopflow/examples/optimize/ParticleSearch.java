package io.github.hopflow.examples.optimize;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.Scheme;
import io.github.hopflow.sde.TemperatureSchedule;
import io.github.hopflow.wasserstein.prox.ProximalStep;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The stochastic Hopfield network as an optimiser: N particles follow the diffusion machine
 * (HNN paper, eq. (58): the paper's example metric, m_i = 4βx_i(1 − x_i)) while the temperature is
 * annealed, and the best point seen is the answer ({@code langevin}); the {@code paper} method
 * also carries the density values ϱ of the cloud by the proximal (JKO) step of the density flow
 * (eq. (54), PROXRECUR) and reports its point of highest density as its own estimate.
 *
 * <p><b>Cost per step.</b> Each particle's gradient drives the SDE step (N gradients) and each
 * particle's value is evaluated at its new position (N values), which records the best point seen.
 * The proximal step needs ψ = f(x_{k−1}), the values of the previous positions: these are the
 * values already evaluated (and charged) one step earlier, so the proximal step costs no further
 * evaluation, only time. A step is therefore N(1 + gradient charge) units for both methods; the
 * particle paths use the same random numbers, so the two differ in wall time and in the diffusion
 * machine's density estimate, not in the points they visit.
 *
 * <p><b>Annealing.</b> T₀ is {@code temperatureFactor} times the spread (median − minimum) of f
 * over the uniform starting cloud, so the first steps cross barriers of the typical height of f
 * whatever its scale. The temperature then follows the schedule in nominal time t_k = k·h₀:
 * exponential T₀e^{−t/τ}, floored at T₀·{@code finalRatio}, with τ chosen so that the floor is
 * reached at the last step the budget allows; or logarithmic T₀/log(e + t/h₀) (the classical
 * schedule with convergence guarantees, which cools too slowly to settle within a few thousand
 * steps). The time step shrinks with the temperature, h_k = h₀√(T_k/T₀), so that the drift's
 * jitter shrinks with the noise and the cloud can settle on minima where the gradient does not
 * vanish smoothly (Ackley's cusp).
 *
 * <p><b>Defaults</b>, chosen on Himmelblau, Rastrigin and Ackley in 2-D with a budget of 20000
 * by a sweep over N ∈ {10, 20, 40}, h₀ ∈ {10⁻⁴, 3·10⁻⁴}, factor ∈ {0.2, 1} with 20 runs each:
 * N = 40 particles, h₀ = 3·10⁻⁴, factor 0.2 solved Himmelblau 20/20, Rastrigin 9/20 and Ackley
 * 17/20 at target 10⁻³, the best of the sweep (more particles buy exploration, fewer buy steps:
 * 40 particles leave 250 steps at 20000 evaluations; h₀ = 3·10⁻⁴ is stable for the stiffest
 * built-in objective, Rastrigin, whose curvature in x is about 4·10⁴ at the bottom); final ratio
 * 10⁻⁶, exponential schedule, β = 1/4 (the paper's example), ε = 0.01 for the proximal step, the
 * drift-implicit isometric scheme (points stay in the open cube).
 */
public final class ParticleSearch implements Optimizer {

    /** The SDE-only method's name, {@code langevin}. */
    public static final String LANGEVIN = "langevin";
    /** The density-flow method's name, {@code paper}: the published algorithm (eq. (54), PROXRECUR). */
    public static final String PAPER = "paper";

    /** The annealing schedules. */
    public enum Annealing {
        /** T₀e^{−t/τ}, floored at T₀·finalRatio, reaching the floor at the last planned step. */
        EXPONENTIAL,
        /** T₀/log(e + t/h₀). */
        LOGARITHMIC
    }

    /**
     * The hyper-parameters.
     *
     * @param particles N &gt; 0
     * @param initialStep h₀ &gt; 0
     * @param temperatureFactor T₀ / (median − min of f over the starting cloud), &gt; 0
     * @param finalRatio the exponential schedule's floor over T₀, in (0, 1)
     * @param annealing the schedule
     * @param beta the gain β of the paper's example metric, &gt; 0
     * @param epsilon the entropic regularisation ε of the proximal step, &gt; 0
     */
    public record Settings(int particles, double initialStep, double temperatureFactor, double finalRatio,
            Annealing annealing, double beta, double epsilon) {

        /** The defaults (see the class description). */
        public static Settings defaults() {
            return new Settings(40, 3e-4, 0.2, 1e-6, Annealing.EXPONENTIAL, 0.25, 0.01);
        }

        /** Checks every field, naming the bad one. */
        public Settings {
            if (particles <= 0) {
                throw new IllegalArgumentException("particles must be > 0, got " + particles);
            }
            Checks.positive("initialStep", initialStep);
            Checks.positive("temperatureFactor", temperatureFactor);
            if (!(finalRatio > 0 && finalRatio < 1)) {
                throw new IllegalArgumentException("finalRatio must lie in (0, 1), got " + finalRatio);
            }
            if (annealing == null) {
                throw new IllegalArgumentException("annealing must not be null");
            }
            Checks.positive("beta", beta);
            Checks.positive("epsilon", epsilon);
        }
    }

    private static final double MARGIN = 1e-3;

    /**
     * Carries the density values of the cloud through one step: the proximal (JKO) update of the
     * diffusion method.
     */
    @FunctionalInterface
    interface CloudDensity {

        /**
         * The values ϱ_k at the moved points.
         *
         * @param metric the metric of the machine
         * @param previous x_{k−1}, flat N × n. Not modified.
         * @param rho ϱ_{k−1}. Not modified.
         * @param psi f(x_{k−1}). Not modified.
         * @param moved x_k, flat N × n. Not modified.
         * @param temperature T at this step
         * @param step h of this step
         * @param epsilon ε
         */
        double[] update(HopfieldMetric metric, double[] previous, double[] rho, double[] psi, double[] moved,
                double temperature, double step, double epsilon);
    }

    private final String name;
    private final CloudDensity density;
    private final Settings settings;

    private ParticleSearch(String name, CloudDensity density, Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.name = name;
        this.density = density;
        this.settings = settings;
    }

    /** Annealed Langevin dynamics (the diffusion machine's SDE alone). */
    public static ParticleSearch langevin(Settings settings) {
        return new ParticleSearch(LANGEVIN, null, settings);
    }

    /** The density flow: the SDE plus the proximal step; its own estimate is the point of highest density. */
    public static ParticleSearch paper(Settings settings) {
        return new ParticleSearch(PAPER, ParticleSearch::proximal, settings);
    }

    /** One entropic proximal (JKO) step, log domain, on one thread (the experiment runs in parallel). */
    private static double[] proximal(HopfieldMetric metric, double[] previous, double[] rho, double[] psi,
            double[] moved, double temperature, double step, double epsilon) {
        ProximalStep prox = ProximalStep.builder().metric(metric).temperature(temperature).timeStep(step)
                .epsilon(epsilon).parallelism(1).build();
        return prox.step(previous, rho, psi, moved).values();
    }

    /** The hyper-parameters. */
    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void minimise(BudgetedObjective f, UniformRandomProvider rng) {
        int n = f.dimension();
        int count = settings.particles();
        HopfieldMetric metric = HopfieldMetric.paperExample(n, settings.beta());
        double[] x = new double[count * n];
        double[] point = new double[n];
        for (int i = 0; i < count; i++) {
            UnitCube.uniformInterior(rng, point, MARGIN);
            System.arraycopy(point, 0, x, i * n, n);
        }
        double[] psi = new double[count];
        for (int i = 0; i < count; i++) {
            psi[i] = f.value(x, i * n);
        }
        double[] sorted = psi.clone();
        Arrays.sort(sorted);
        double spread = Summary.median(sorted.clone()) - sorted[0];
        double t0 = settings.temperatureFactor() * (spread > 0 && Double.isFinite(spread) ? spread : 1.0);
        long perStep = count * (1 + f.gradientCharge());
        long plannedSteps = Math.max(1, f.remaining() / perStep);
        double h0 = settings.initialStep();
        TemperatureSchedule schedule = schedule(t0, plannedSteps * h0);
        double[] rho = new double[count];
        Arrays.fill(rho, 1.0);
        double[] previous = new double[x.length];
        for (long k = 0; ; k++) {
            double time = k * h0;
            double temperature = schedule.temperature(time);
            double h = h0 * Math.sqrt(temperature / t0);
            System.arraycopy(x, 0, previous, 0, x.length);
            DiffusionMachine machine = DiffusionMachine.of(metric, f, temperature);
            try (ParticleEngine engine = ParticleEngine.builder(machine).particles(count).step(h).random(rng)
                    .scheme(Scheme.ISOMETRIC_IMPLICIT).build()) {
                engine.advance(x, 0.0);
            }
            if (density != null) {
                rho = density.update(metric, previous, rho, psi, x, temperature, h, settings.epsilon());
            }
            for (int i = 0; i < count; i++) {
                psi[i] = f.value(x, i * n);
            }
            if (density != null) {
                int mode = 0;
                for (int i = 1; i < count; i++) {
                    if (rho[i] > rho[mode]) {
                        mode = i;
                    }
                }
                f.reportEstimate(psi[mode]);
            }
        }
    }

    private TemperatureSchedule schedule(double t0, double plannedTime) {
        double floor = t0 * settings.finalRatio();
        switch (settings.annealing()) {
            case LOGARITHMIC:
                return TemperatureSchedule.logarithmic(t0, settings.initialStep());
            case EXPONENTIAL:
            default:
                return TemperatureSchedule.exponential(t0, plannedTime / Math.log(1 / settings.finalRatio()), floor);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s%s", name, settings);
    }
}
