package io.github.hopflow.sde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * As T → 0 the diffusion machine becomes the deterministic natural-gradient flow
 * ẋ = −G(x)⁻¹∇f(x) = −m(x) ⊙ ∇f(x) (HNN paper, eq. (3)), integrated here independently by Commons
 * Math's Dormand–Prince 8(5,3) to 10⁻¹². Paper example (Himmelblau, β = ¼), start (0.3, 0.7),
 * t = 0.004 (the flow moves ≈ 0.1 and bends towards a minimiser), h = 10⁻⁶.
 *
 * <p>At T = 0 every scheme is a first-order method for that ODE: measured errors are ≈ 4·10⁻⁶ (Euler
 * in x, implicit and splitting in y), asserted ≤ 10⁻⁴. For T = 10⁻², 10⁻⁴, 10⁻⁶ the root-mean-square
 * distance of 200 particles to the ODE solution shrinks like √T (measured ≈ 1.7·10⁻³, 1.7·10⁻⁴,
 * 1.8·10⁻⁵ for every scheme): asserted to decrease by at least 5× per factor 100 in T, and below 10⁻⁴ at T = 10⁻⁶.
 */
class ZeroTemperatureLimitTest {

    private static final double BETA = 0.25;
    private static final double END = 0.004;
    private static final double H = 1e-6;
    private static final double[] START = {0.3, 0.7};

    private static double[] naturalGradientFlow() {
        DiagonalMetric metric = HopfieldMetric.paperExample(2, BETA);
        Objective f = ScaledHimmelblau.of();
        double[] g = new double[2];
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public void computeDerivatives(double t, double[] x, double[] dx) {
                f.gradient(x, 0, g, 0);
                for (int i = 0; i < 2; i++) {
                    dx[i] = -metric.mobility(i, x[i]) * g[i];
                }
            }
        };
        double[] y = START.clone();
        new DormandPrince853Integrator(1e-12, 1e-3, 1e-13, 1e-12).integrate(ode, 0, START.clone(), END, y);
        return y;
    }

    private static double rmsDistance(Scheme scheme, double temperature, int particles, double[] target) {
        DiffusionMachine m = DiffusionMachine.of(HopfieldMetric.paperExample(2, BETA), ScaledHimmelblau.of(), temperature);
        double[] x = new double[2 * particles];
        for (int p = 0; p < particles; p++) {
            x[2 * p] = START[0];
            x[2 * p + 1] = START[1];
        }
        try (ParticleEngine e = ParticleEngine.builder(m).particles(particles).step(H).scheme(scheme)
                .random(RandomSource.L64_X128_MIX.create(17L)).build()) {
            int steps = (int) Math.round(END / H);
            for (int k = 0; k < steps; k++) {
                e.advance(x, k * H);
            }
        }
        double s = 0;
        for (int p = 0; p < particles; p++) {
            double dx = x[2 * p] - target[0];
            double dy = x[2 * p + 1] - target[1];
            s += dx * dx + dy * dy;
        }
        return Math.sqrt(s / particles);
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void particlesFollowTheNaturalGradientFlowAsTemperatureVanishes(Scheme scheme) {
        double[] target = naturalGradientFlow();
        double moved = Math.hypot(target[0] - START[0], target[1] - START[1]);
        assertTrue(moved > 0.05, "the flow must move the point, moved " + moved);
        double atZero = rmsDistance(scheme, 0, 1, target);
        assertTrue(atZero < 1e-4, scheme + " at T = 0: distance " + atZero);
        double[] temperatures = {1e-2, 1e-4, 1e-6};
        double[] d = new double[temperatures.length];
        for (int j = 0; j < temperatures.length; j++) {
            d[j] = rmsDistance(scheme, temperatures[j], 200, target);
        }
        String figures = scheme + ": T=0 " + atZero + ", T=1e-2 " + d[0] + ", T=1e-4 " + d[1] + ", T=1e-6 " + d[2];
        System.out.println(figures);
        assertTrue(d[1] < d[0] / 5 && d[2] < d[1] / 5, figures);
        assertTrue(d[2] < 1e-4, figures);
    }
}
