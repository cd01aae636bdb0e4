package io.github.hopflow.wasserstein.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.Scheme;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.gibbs.LogPartition;
import io.github.hopflow.wasserstein.gibbs.PartitionFunction;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The paper's example (Sec. V-C): scaled Himmelblau (59), T = 25, β = 1/4, h = 1e−4, N = 500 uniform
 * points, ϱ₀ = 1, run to t = 0.1. The shape of the values is judged without normalisation by
 * MAD = median|rⁱ − median r| with rⁱ = log ϱⁱ + f(xⁱ)/T (0 for a perfect Gibbs shape).
 *
 * <p>The NumPy reference reaches MAD ≈ 0.43, 0.26, 0.21 at ε = 0.1, 0.02, 0.005 in one run. One run's
 * MAD scatters from seed to seed: measured over three seeds here, 0.395–0.443 (ε = 0.1),
 * 0.224–0.258 (0.02) and 0.194–0.241 (0.005), i.e. a standard deviation of about 0.02. So the test
 * averages three seeds and requires the average to be no worse than the reference value plus 0.02
 * (one single-run standard deviation, the noise the reference's own single value carries). At
 * ε = 0.001, where the plain-domain reference fails, one run must stay finite and below the
 * ε = 0.1 reference value (measured 0.26–0.28).
 */
@org.junit.jupiter.api.Tag("slow")
class PaperExampleFlowTest {

    static final double T = 25;
    static final double H = 1e-4;

    static double mad(double[] x, double[] logRho, ScaledHimmelblau f, double temperature) {
        double[] r = new double[logRho.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = logRho[i] + f.value(x, 2 * i) / temperature;
        }
        double med = median(r);
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.abs(r[i] - med);
        }
        return median(r);
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }

    static FlowResult run(double eps, long seed) {
        int count = 500;
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
        double[] x = new double[2 * count];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        double[] rho = new double[count];
        Arrays.fill(rho, 1.0);
        DiffusionMachine machine = DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), T);
        try (ParticleEngine engine = ParticleEngine.builder(machine).particles(count).step(H)
                .scheme(Scheme.ISOMETRIC_SPLITTING).random(rng).build()) {
            DensityFlow flow = DensityFlow.builder(engine).paperValues().epsilon(eps).tolerance(1e-6).build();
            return flow.run(WeightedPointCloud.of(2, x, rho), FlowOptions.time(0.1, H));
        }
    }

    static double mad(FlowResult r) {
        double[] logRho = r.cloud().values();
        for (int i = 0; i < logRho.length; i++) {
            logRho[i] = Math.log(logRho[i]);
            assertTrue(Double.isFinite(logRho[i]));
        }
        return mad(r.cloud().positions(), logRho, ScaledHimmelblau.of(), T);
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0.43, 3", "0.02, 0.26, 3", "0.005, 0.21, 3", "0.001, 0.43, 1"})
    void valuesTakeTheShapeOfTheGibbsDensity(double eps, double reference, int seeds) {
        double sum = 0;
        StringBuilder each = new StringBuilder();
        for (int s = 1; s <= seeds; s++) {
            FlowResult r = run(eps, s);
            double m = mad(r);
            sum += m;
            double iterations = r.steps().stream().mapToInt(FlowStep::iterations).average().orElse(0);
            each.append(String.format(" %.4f (%.1f iterations, %.2f ms/step)", m, iterations, r.medianMillisPerStep()));
            if ((eps == 0.1 || eps == 0.005) && s == 1) {
                freeEnergyDecreasesTowardsItsMinimum(r);
            }
        }
        double mean = sum / seeds;
        double bound = seeds > 1 ? reference + 0.02 : reference;
        System.out.printf("paper example eps=%g: MAD(log rho + f/T) at t=0.1 per seed:%s; mean %.4f (bound %.2f)%n",
                eps, each, mean, bound);
        assertTrue(mean <= bound, "MAD " + mean + " > " + bound);
    }

    /**
     * The normalised free-energy estimate decreases, up to its Monte Carlo noise, towards
     * −T log Z(T) (eqs. (45), (46)). Near stationarity the points sample ρ∞ while the values carry
     * the entropically blurred density ρ_ε, so the estimate is (1/N)Σ[f + T log ρ_ε] →
     * F(ρ∞) − T·KL(ρ∞ ‖ ρ_ε): biased low by the blur, not by noise. Measured: F̂ ≈ 44.9 ± 0.9 against
     * −T log Z = 54.90 at ε = 0.1 (KL ≈ 0.4, matching the spread MAD ≈ 0.43), closer at smaller ε.
     * So the test asks for a monotone decrease (over tenths of the run, up to three standard errors)
     * and a final value within a fifth of the initial gap of −T log Z.
     */
    private static void freeEnergyDecreasesTowardsItsMinimum(FlowResult result) {
        LogPartition logZ = PartitionFunction.quadrature(ScaledHimmelblau.of(), T, new double[] {0, 0},
                new double[] {1, 1}, 1e-10);
        double fMin = logZ.minimumFreeEnergy(T);
        List<FlowStep> st = result.steps();
        int windows = 10;
        int w = st.size() / windows;
        double previous = Double.POSITIVE_INFINITY;
        StringBuilder trace = new StringBuilder();
        for (int k = 0; k < windows; k++) {
            double mean = 0;
            double se = 0;
            for (int i = k * w; i < (k + 1) * w; i++) {
                mean += st.get(i).freeEnergy();
                se = Math.max(se, st.get(i).freeEnergyError());
            }
            mean /= w;
            trace.append(String.format(" %.2f", mean));
            assertTrue(mean <= previous + 3 * se, "free energy rose from " + previous + " to " + mean + " (se " + se + ")");
            previous = mean;
        }
        FlowStep last = st.get(st.size() - 1);
        System.out.printf("free energy, means over tenths of the run:%s; final %.3f ± %.3f; -T log Z = %.4f "
                + "(after the first step %.2f)%n", trace, last.freeEnergy(), last.freeEnergyError(), fMin,
                st.get(0).freeEnergy());
        assertTrue(Math.abs(last.freeEnergy() - fMin) < 0.2 * (st.get(0).freeEnergy() - fMin),
                "free energy did not approach -T log Z");
    }
}
