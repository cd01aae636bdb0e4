package io.github.hopflow.geometry.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.activation.ScaledTanhActivation;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import io.github.hopflow.geometry.objective.Quadratic;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeterministicFlowsTest {

    private static final HopfieldMetric EXAMPLE = HopfieldMetric.paperExample(2, 0.25);

    @Test
    void theorem1HiddenStateHopfieldOdeEqualsNaturalGradientOde() {
        Objective f = ScaledHimmelblau.of();
        double[] x0 = {0.3, 0.62};
        Trajectory hop = DeterministicFlows.run(FlowMethod.HOPFIELD, f, EXAMPLE, x0, 0.01, 200);
        Trajectory ng = DeterministicFlows.run(FlowMethod.NATURAL_GRADIENT_ODE, f, EXAMPLE, x0, 0.01, 200);
        assertEquals(201, hop.size());
        double worst = 0;
        for (int k = 0; k < hop.size(); k++) {
            assertEquals(hop.time(k), ng.time(k), 0.0);
            for (int i = 0; i < 2; i++) {
                worst = Math.max(worst, Math.abs(hop.state(k, i) - ng.state(k, i)));
            }
        }
        assertTrue(worst < 1e-8, "max difference " + worst);
        // the flow really moved and descended towards a minimiser
        assertTrue(hop.finalValue() < 1e-3 * hop.value(0), "f: " + hop.value(0) + " -> " + hop.finalValue());
        for (int k = 1; k < hop.size(); k++) {
            assertTrue(hop.value(k) <= hop.value(k - 1) + 1e-12);
        }
    }

    /** Independent check of the ODE integration: the hidden-state flow of a 1-D linear objective
     * f = a x has the closed form x_H(t) = x_H(0) − a t. */
    @Test
    void hopfieldOdeMatchesClosedFormForLinearObjective() {
        ScaledTanhActivation sigma = ScaledTanhActivation.of(0.8);
        HopfieldMetric metric = HopfieldMetric.of(sigma);
        Objective f = Objective.of(1, x -> 0.7 * x[0], (x, g) -> g[0] = 0.7);
        Trajectory t = DeterministicFlows.run(FlowMethod.HOPFIELD, f, metric, new double[] {0.6}, 0.05, 40);
        Trajectory ng = DeterministicFlows.run(FlowMethod.NATURAL_GRADIENT_ODE, f, metric, new double[] {0.6}, 0.05, 40);
        double z0 = sigma.inverse(0.6);
        for (int k = 0; k < t.size(); k++) {
            double exact = sigma.value(z0 - 0.7 * t.time(k));
            assertEquals(exact, t.state(k, 0), 1e-12);
            assertEquals(exact, ng.state(k, 0), 1e-9);
        }
    }

    @Test
    void mirrorAndNaturalGradientStepsDifferAtSecondOrder() {
        Objective f = ScaledHimmelblau.of();
        double[] x0 = {0.35, 0.55};
        int levels = 6;
        double[] hs = new double[levels];
        double[] diffs = new double[levels];
        double h = 2e-3;
        for (int j = 0; j < levels; j++) {
            Trajectory md = DeterministicFlows.run(FlowMethod.MIRROR, f, EXAMPLE, x0, h, 1);
            Trajectory ng = DeterministicFlows.run(FlowMethod.NATURAL_GRADIENT, f, EXAMPLE, x0, h, 1);
            double d = 0;
            for (int i = 0; i < 2; i++) {
                d = Math.max(d, Math.abs(md.state(1, i) - ng.state(1, i)));
            }
            hs[j] = h;
            diffs[j] = d;
            h /= 2;
        }
        double order = slope(hs, diffs);
        assertEquals(2.0, order, 0.1, "measured order " + order);
        // leading term ½σ''(x_H)(h ∂f)² in each coordinate
        double[] g = new double[2];
        f.gradient(x0, g);
        double predicted = 0;
        for (int i = 0; i < 2; i++) {
            ScaledTanhActivation s = (ScaledTanhActivation) EXAMPLE.activation(i);
            predicted = Math.max(predicted, Math.abs(0.5 * s.secondDerivative(s.inverse(x0[i])) * g[i] * g[i]));
        }
        assertEquals(predicted, diffs[levels - 1] / (hs[levels - 1] * hs[levels - 1]), 0.01 * predicted);
    }

    /** Least-squares slope of log y against log x. */
    static double slope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]) / n;
            my += Math.log(y[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (Math.log(x[i]) - mx) * (Math.log(y[i]) - my);
            sxx += (Math.log(x[i]) - mx) * (Math.log(x[i]) - mx);
        }
        return sxy / sxx;
    }

    @ParameterizedTest
    @EnumSource(FlowMethod.class)
    void everyMethodReachesTheMinimiserOfAStronglyConvexProblem(FlowMethod method) {
        Quadratic q = Quadratic.of(new double[] {0.3, 0.7}, 2.0);
        HopfieldMetric metric = HopfieldMetric.paperExample(1.0, 0.5);
        Trajectory t = DeterministicFlows.run(method, q, metric, new double[] {0.85, 0.15}, 0.1, 400);
        double[] end = t.finalState();
        assertEquals(0.3, end[0], 1e-7, method + " " + t);
        assertEquals(0.7, end[1], 1e-7, method + " " + t);
        assertEquals(0, t.finalValue(), 1e-12);
        assertTrue(t.value(0) > 0.1);
        // and on R^n with the Euclidean metric, minimiser outside the unit cube
        Quadratic r = Quadratic.of(new double[] {1.5, -2.0}, 1.0);
        Trajectory e = DeterministicFlows.run(method, r, EuclideanMetric.of(2), new double[] {0.0, 0.0}, 0.1, 400);
        assertEquals(1.5, e.finalState()[0], 1e-7, method + " " + e);
        assertEquals(-2.0, e.finalState()[1], 1e-7, method + " " + e);
    }

    @Test
    void proximalStepMinimisesTheProximalObjective() {
        Objective f = ScaledHimmelblau.of();
        double h = 2e-3;
        double[] x0 = {0.4, 0.45};
        Trajectory t = DeterministicFlows.run(FlowMethod.PROXIMAL, f, EXAMPLE, x0, h, 1);
        double[] x1 = t.state(1);
        double best = proxObjective(f, x0, x1, h);
        Random rnd = new Random(5);
        for (int trial = 0; trial < 2000; trial++) {
            double r = trial < 1000 ? 1e-2 : 1e-5;
            double[] y = {x1[0] + r * (2 * rnd.nextDouble() - 1), x1[1] + r * (2 * rnd.nextDouble() - 1)};
            assertTrue(proxObjective(f, x0, y, h) >= best - 1e-15, "a nearby point has a smaller value");
        }
        // stationarity in x by central differences of the proximal objective
        for (int i = 0; i < 2; i++) {
            double[] p = x1.clone();
            double[] m = x1.clone();
            p[i] += 1e-6;
            m[i] -= 1e-6;
            double d = (proxObjective(f, x0, p, h) - proxObjective(f, x0, m, h)) / 2e-6;
            assertEquals(0, d, 1e-7);
        }
    }

    /** ½ d_G²(x0, x) + h f(x) for the example, with d_G written out independently. */
    private static double proxObjective(Objective f, double[] x0, double[] x, double h) {
        double d2 = 0;
        for (int i = 0; i < 2; i++) {
            double d = (Math.asin(Math.sqrt(x0[i])) - Math.asin(Math.sqrt(x[i]))) / Math.sqrt(0.25);
            d2 += d * d;
        }
        return 0.5 * d2 + h * f.value(x);
    }

    @Test
    void proximalAndRecursionAreFirstOrderApproximationsOfTheOde() {
        Objective f = ScaledHimmelblau.of();
        double[] x0 = {0.3, 0.62};
        double tEnd = 0.004;
        Trajectory exact = DeterministicFlows.run(FlowMethod.NATURAL_GRADIENT_ODE, f, EXAMPLE, x0, tEnd, 1);
        for (FlowMethod m : new FlowMethod[] {FlowMethod.PROXIMAL, FlowMethod.NATURAL_GRADIENT, FlowMethod.MIRROR}) {
            double[] hs = new double[4];
            double[] errs = new double[4];
            int steps = 20;
            for (int j = 0; j < 4; j++) {
                Trajectory t = DeterministicFlows.run(m, f, EXAMPLE, x0, tEnd / steps, steps);
                hs[j] = tEnd / steps;
                errs[j] = Math.hypot(t.finalState()[0] - exact.finalState()[0], t.finalState()[1] - exact.finalState()[1]);
                steps *= 2;
            }
            double order = slope(hs, errs);
            assertEquals(1.0, order, 0.1, m + " measured order " + order);
        }
    }

    @Test
    void firingRateFlowSolvesLassoWithSoftThreshold() {
        // min ½‖x − c‖² + λ‖x‖₁ has the solution soft(c, λ)
        double[] c = {0.9, -0.05, -0.6, 0.02};
        double lambda = 0.1;
        Quadratic q = Quadratic.of(c, 1.0);
        FlowOptions opts = FlowOptions.defaults().withProximalOperator(ProximalOperator.l1(lambda)).withGamma(0.5);
        Trajectory t = DeterministicFlows.run(FlowMethod.FIRING_RATE, q, EuclideanMetric.of(4), new double[4], 0.2,
                500, opts);
        double[] expected = {0.8, 0, -0.5, 0};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], t.finalState()[i], 1e-10);
        }
        FlowOptions relu = opts.withProximalOperator(ProximalOperator.nonNegativeL1(lambda));
        Trajectory r = DeterministicFlows.run(FlowMethod.FIRING_RATE, q, EuclideanMetric.of(4), new double[4], 0.2,
                500, relu);
        double[] expectedNonNeg = {0.8, 0, 0, 0};
        for (int i = 0; i < 4; i++) {
            assertEquals(expectedNonNeg[i], r.finalState()[i], 1e-10);
        }
    }

    @Test
    void firingRateWithDefaultBoxProjectsOntoTheCube() {
        // the minimiser of the quadratic with centre outside the cube, restricted to the cube
        Quadratic q = Quadratic.of(new double[] {1.4, 0.3}, 1.0);
        Trajectory t = DeterministicFlows.run(FlowMethod.FIRING_RATE, q, EXAMPLE, new double[] {0.5, 0.5}, 0.5, 200);
        assertEquals(1.0, t.finalState()[0], 1e-12);
        assertEquals(0.3, t.finalState()[1], 1e-10);
    }

    @Test
    void evaluationCountsAreReported() {
        Trajectory t = DeterministicFlows.run(FlowMethod.NATURAL_GRADIENT, ScaledHimmelblau.of(), EXAMPLE,
                new double[] {0.4, 0.4}, 1e-4, 25);
        assertEquals(25, t.gradientEvaluations());
        assertEquals(0, t.valueEvaluations());
        Objective numeric = Objective.of(2, x -> ScaledHimmelblau.of().value(x));
        Trajectory u = DeterministicFlows.run(FlowMethod.MIRROR, numeric, EXAMPLE, new double[] {0.4, 0.4}, 1e-4, 10);
        assertEquals(10, u.gradientEvaluations());
        assertEquals(40, u.valueEvaluations());
        Trajectory o = DeterministicFlows.run(FlowMethod.HOPFIELD, ScaledHimmelblau.of(), EXAMPLE,
                new double[] {0.4, 0.4}, 1e-3, 10);
        assertTrue(o.gradientEvaluations() > 10);
    }

    @Test
    void trajectoryIsImmutable() {
        Trajectory t = DeterministicFlows.run(FlowMethod.MIRROR, ScaledHimmelblau.of(), EXAMPLE,
                new double[] {0.4, 0.4}, 1e-4, 3);
        t.states()[0] = 42;
        t.finalState()[0] = 42;
        t.times()[1] = 42;
        assertEquals(0.4, t.state(0, 0), 0.0);
        assertEquals(1e-4, t.time(1), 0.0);
        assertEquals(4, t.size());
        assertEquals(FlowMethod.MIRROR, t.method());
    }

    @Test
    void explicitRecursionLeavingTheDomainFailsWithDiagnostics() {
        FlowFailureException e = assertThrows(FlowFailureException.class,
                () -> DeterministicFlows.run(FlowMethod.NATURAL_GRADIENT, ScaledHimmelblau.of(),
                        HopfieldMetric.paperExample(2, 5.0), new double[] {0.9, 0.9}, 0.5, 5));
        assertTrue(e.getMessage().contains("left the domain"), e.getMessage());
        assertEquals(1, e.step());
    }

    @Test
    void badInputNamesParameterAndValue() {
        Objective f = ScaledHimmelblau.of();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeterministicFlows.run(FlowMethod.MIRROR, f, EXAMPLE, new double[] {0.4, 1.3}, 0.1, 3));
        assertTrue(e.getMessage().contains("x0[1]") && e.getMessage().contains("1.3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DeterministicFlows.run(FlowMethod.MIRROR, f, EXAMPLE, new double[] {0.4, 1.0}, 0.1, 3));
        assertTrue(e.getMessage().contains("x0[1]") && e.getMessage().contains("open"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DeterministicFlows.run(FlowMethod.PROXIMAL, f, EXAMPLE, new double[] {0.4, 0.3, 0.2}, 0.1, 3));
        assertTrue(e.getMessage().contains("x0") && e.getMessage().contains("3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DeterministicFlows.run(FlowMethod.PROXIMAL, f, EXAMPLE, new double[] {0.4, 0.3}, -0.1, 3));
        assertTrue(e.getMessage().contains("step") && e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DeterministicFlows.run(FlowMethod.PROXIMAL, f, EXAMPLE, new double[] {0.4, 0.3}, Double.NaN, 3));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DeterministicFlows.run(FlowMethod.PROXIMAL, f, EXAMPLE, new double[] {0.4, 0.3}, 0.1, -2));
        assertTrue(e.getMessage().contains("steps") && e.getMessage().contains("-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DeterministicFlows.run(FlowMethod.HOPFIELD,
                Objectives.byName("quadratic", 3), EXAMPLE, new double[] {0.4, 0.3}, 0.1, 2));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
        DiagonalMetric other = new DiagonalMetric() {
            @Override public int dimension() { return 2; }
            @Override public double mobility(int i, double xi) { return 1; }
            @Override public double mobilityDerivative(int i, double xi) { return 0; }
            @Override public double isometric(int i, double xi) { return xi; }
            @Override public double inverseIsometric(int i, double ui) { return ui; }
            @Override public double lowerBound(int i) { return 0; }
            @Override public double upperBound(int i) { return 1; }
        };
        e = assertThrows(IllegalArgumentException.class,
                () -> DeterministicFlows.run(FlowMethod.MIRROR, f, other, new double[] {0.4, 0.3}, 0.1, 2));
        assertTrue(e.getMessage().contains("metric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FlowMethod.byName("gradient-ascent"));
        assertTrue(e.getMessage().contains("gradient-ascent"), e.getMessage());
        assertEquals(FlowMethod.NATURAL_GRADIENT, FlowMethod.byName("natural-gradient"));
        assertEquals(FlowMethod.FIRING_RATE, FlowMethod.byName("FIRING_RATE"));
        e = assertThrows(IllegalArgumentException.class, () -> FlowOptions.defaults().withGamma(0));
        assertTrue(e.getMessage().contains("gamma") && e.getMessage().contains("0"), e.getMessage());
    }

    /**
     * The flows in the hidden state ask the metric for its activations through the interface, not
     * its class: a metric of another class that states them runs exactly as the Hopfield metric it
     * forwards to, and one that states none is refused, naming the capability.
     */
    @Test
    void hiddenStateFlowsUseTheActivationsAMetricStates() {
        HopfieldMetric h = HopfieldMetric.paperExample(2, 0.25);
        DiagonalMetric stating = forwarding(h, true);
        Objective f = ScaledHimmelblau.of();
        double[] x0 = {0.3, 0.6};
        for (FlowMethod m : new FlowMethod[] {FlowMethod.HOPFIELD, FlowMethod.MIRROR}) {
            Trajectory a = DeterministicFlows.run(m, f, h, x0, 0.01, 50);
            Trajectory b = DeterministicFlows.run(m, f, stating, x0, 0.01, 50);
            assertTrue(java.util.Arrays.equals(a.states(), b.states()), m.toString());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeterministicFlows.run(FlowMethod.MIRROR, f, forwarding(h, false), x0, 0.01, 5));
        assertTrue(e.getMessage().contains("needs the activations") && e.getMessage().contains("activationOf"),
                e.getMessage());
    }

    private static DiagonalMetric forwarding(HopfieldMetric h, boolean activations) {
        return new DiagonalMetric() {
            @Override
            public int dimension() {
                return h.dimension();
            }

            @Override
            public double mobility(int i, double xi) {
                return h.mobility(i, xi);
            }

            @Override
            public double mobilityDerivative(int i, double xi) {
                return h.mobilityDerivative(i, xi);
            }

            @Override
            public double isometric(int i, double xi) {
                return h.isometric(i, xi);
            }

            @Override
            public double inverseIsometric(int i, double ui) {
                return h.inverseIsometric(i, ui);
            }

            @Override
            public double lowerBound(int i) {
                return h.lowerBound(i);
            }

            @Override
            public double upperBound(int i) {
                return h.upperBound(i);
            }

            @Override
            public java.util.Optional<io.github.hopflow.geometry.activation.Activation> activationOf(int i) {
                return activations ? h.activationOf(i) : java.util.Optional.empty();
            }
        };
    }
}
