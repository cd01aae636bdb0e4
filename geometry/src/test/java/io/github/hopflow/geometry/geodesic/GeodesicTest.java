package io.github.hopflow.geometry.geodesic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.activation.CustomActivation;
import io.github.hopflow.geometry.activation.LogisticActivation;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

class GeodesicTest {

    private static final double[] BETA = {0.25, 0.7};
    private static final HopfieldMetric EXAMPLE = HopfieldMetric.paperExample(BETA);

    /** (13b): ∫₀¹ √(Σ γ̇_i²/m_i(γ_i)) dt along the curve, γ̇ by central differences of pointAt. */
    private static double lengthByQuadrature(Geodesic g, HopfieldMetric metric) {
        IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15, 2, 64);
        return q.integrate(1_000_000, t -> {
            // exact velocity of the closed form (29): γ_i = sin²(θ_i(t)), θ linear in t
            double s = 0;
            double[] x = g.from();
            double[] y = g.to();
            for (int i = 0; i < 2; i++) {
                double a = Math.asin(Math.sqrt(x[i]));
                double b = Math.asin(Math.sqrt(y[i]));
                double theta = (1 - t) * a + t * b;
                double gamma = Math.sin(theta) * Math.sin(theta);
                double gammaDot = 2 * Math.sin(theta) * Math.cos(theta) * (b - a);
                s += gammaDot * gammaDot / metric.mobility(i, gamma);
            }
            return Math.sqrt(s);
        }, 1e-12, 1 - 1e-12) + 0; // the integrand is smooth; the ends are excluded only to avoid 0/0 at faces
    }

    @Test
    void distanceEqualsQuadratureOf13bAndNotThePrintedEq30() {
        double[][][] pairs = {
            {{0.5, 0.5}, {0.9, 0.2}}, {{0.1, 0.8}, {0.3, 0.35}}, {{0.02, 0.97}, {0.6, 0.05}},
        };
        for (double[][] p : pairs) {
            Geodesic g = Geodesic.of(EXAMPLE, p[0], p[1]);
            double quad = lengthByQuadrature(g, EXAMPLE);
            assertEquals(quad, g.length(), 1e-10);
            // eq. (29) is the curve itself
            double[] mid = g.pointAt(0.3);
            for (int i = 0; i < 2; i++) {
                double expected = Math.pow(Math.sin(0.7 * Math.asin(Math.sqrt(p[0][i]))
                        + 0.3 * Math.asin(Math.sqrt(p[1][i]))), 2);
                assertEquals(expected, mid[i], 1e-14);
            }
            // printed (30): ⊘β instead of ⊘√β
            double printed = Math.hypot(
                    (Math.asin(Math.sqrt(p[0][0])) - Math.asin(Math.sqrt(p[1][0]))) / BETA[0],
                    (Math.asin(Math.sqrt(p[0][1])) - Math.asin(Math.sqrt(p[1][1]))) / BETA[1]);
            assertTrue(Math.abs(printed - quad) > 1e-2, "printed eq. (30) " + printed + " vs " + quad);
            assertEquals(g.length(), Geodesic.distance(EXAMPLE, p[1], p[0]), 1e-15);
        }
    }

    /**
     * Shooting for the geodesic ODE (12), γ̈ = (m'(γ)/(2m(γ))) γ̇², with a Commons Math integrator:
     * the initial velocity is found by Brent's method so that γ(1) = y, then the interior compared.
     */
    private static void shootingAgrees(Activation a, double x, double y) {
        HopfieldMetric metric = HopfieldMetric.of(a);
        Geodesic g = Geodesic.of(metric, new double[] {x}, new double[] {y});
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public void computeDerivatives(double t, double[] s, double[] d) {
                d[0] = s[1];
                d[1] = a.mobilityDerivative(s[0]) / (2 * a.mobility(s[0])) * s[1] * s[1];
            }
        };
        double[] state = new double[2];
        java.util.function.DoubleBinaryOperator endAt = (v, tEnd) -> {
            DormandPrince853Integrator ig = new DormandPrince853Integrator(1e-20, 1, 1e-13, 1e-13);
            state[0] = x;
            state[1] = v;
            ig.integrate(ode, 0, state, tEnd, state);
            return state[0];
        };
        // bracket of γ̇(0) from the mean-value theorem, using the mobility only:
        // y − x = ∫ γ̇ and γ̇²/m(γ) is constant, so γ̇(0) = (y − x)·√(m(x)/m(ξ)) for some ξ in [x, y]
        double mMin = Double.POSITIVE_INFINITY;
        double mMax = 0;
        for (int k = 0; k <= 1000; k++) {
            double m = a.mobility(x + (y - x) * k / 1000.0);
            mMin = Math.min(mMin, m);
            mMax = Math.max(mMax, m);
        }
        double lo = (y - x) * Math.sqrt(a.mobility(x) / mMax) * 0.99;
        double hi = (y - x) * Math.sqrt(a.mobility(x) / mMin) * 1.01;
        BrentSolver brent = new BrentSolver(1e-15, 1e-15);
        double v = brent.solve(200, vv -> endAt.applyAsDouble(vv, 1.0) - y, Math.min(lo, hi), Math.max(lo, hi));
        for (double t : new double[] {0.1, 0.25, 0.5, 0.75, 0.9, 1.0}) {
            assertEquals(g.pointAt(t)[0], endAt.applyAsDouble(v, t), 1e-8, a + " at t = " + t);
        }
    }

    @Test
    void isometricGeodesicSolvesTheGeodesicOde() {
        shootingAgrees(EXAMPLE.activation(0), 0.2, 0.85);
        shootingAgrees(EXAMPLE.activation(1), 0.6, 0.1);
        shootingAgrees(LogisticActivation.of(1.7), 0.15, 0.7);
        shootingAgrees(LogisticActivation.of(6), 0.9, 0.3);
    }

    @Test
    void customActivationGeodesicMatchesLogisticClosedForm() {
        double gain = 2.5;
        CustomActivation custom = CustomActivation.builder(
                s -> 1 / (1 + Math.exp(-gain * s)),
                s -> {
                    // accurate in both tails: g e^{−g|s|}/(1 + e^{−g|s|})²
                    double e = Math.exp(-gain * Math.abs(s));
                    return gain * e / ((1 + e) * (1 + e));
                }).name("logistic-by-quadrature").build();
        LogisticActivation logistic = LogisticActivation.of(gain);
        HopfieldMetric mc = HopfieldMetric.of(custom, custom);
        HopfieldMetric ml = HopfieldMetric.of(logistic, logistic);
        double[] x = {0.2, 0.9};
        double[] y = {0.65, 0.3};
        assertEquals(Geodesic.distance(ml, x, y), Geodesic.distance(mc, x, y), 1e-10);
        double[] pc = Geodesic.of(mc, x, y).pointAt(0.4);
        double[] pl = Geodesic.of(ml, x, y).pointAt(0.4);
        assertEquals(pl[0], pc[0], 1e-10);
        assertEquals(pl[1], pc[1], 1e-10);
        // φ differs from the closed form by the constant φ_logistic(½) only, including at the ends
        double c = logistic.isometric(0.5);
        assertEquals(logistic.isometric(0.0) - c, custom.isometric(0.0), 1e-9);
        assertEquals(logistic.isometric(1.0) - c, custom.isometric(1.0), 1e-9);
        assertEquals(logistic.inverse(0.3), custom.inverse(0.3), 1e-12);
        assertEquals(logistic.secondDerivative(0.4), custom.secondDerivative(0.4), 1e-7);
        shootingAgrees(custom, 0.3, 0.8);
    }

    @Test
    void pointsRunFromStartToEnd() {
        Geodesic g = Geodesic.of(EXAMPLE, new double[] {0.1, 0.2}, new double[] {0.7, 0.9});
        double[] pts = g.points(5);
        assertEquals(10, pts.length);
        assertEquals(0.1, pts[0], 0.0);
        assertEquals(0.9, pts[9], 0.0);
        // equal spacing in geodesic distance
        for (int j = 1; j < 5; j++) {
            double d = Geodesic.distance(EXAMPLE, new double[] {pts[2 * j - 2], pts[2 * j - 1]},
                    new double[] {pts[2 * j], pts[2 * j + 1]});
            assertEquals(g.length() / 4, d, 1e-12);
        }
    }

    @Test
    void ballMembershipAndBoundary() {
        double[] c = {0.5, 0.5};
        HopfieldMetric m = HopfieldMetric.paperExample(2, 0.25);
        GeodesicBall ball = GeodesicBall.of(m, c, 0.8);
        double[] boundary = ball.boundary(64);
        int onCircle = 0;
        for (int j = 0; j < 64; j++) {
            double[] p = {boundary[2 * j], boundary[2 * j + 1]};
            double d = Geodesic.distance(m, c, p);
            assertTrue(d <= 0.8 + 1e-12);
            if (Math.abs(d - 0.8) < 1e-12) {
                onCircle++;
            }
            assertTrue(ball.contains(p));
        }
        assertEquals(64, onCircle);
        assertTrue(ball.contains(c));
        assertFalse(ball.contains(new double[] {0.95, 0.95}));
        // a ball larger than the domain: boundary points on the faces of the cube
        double[] big = GeodesicBall.of(m, c, 2.5).boundary(8);
        assertEquals(1.0, big[0], 1e-15);
    }

    @Test
    void badInputNamesParameterAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Geodesic.of(EXAMPLE, new double[] {0.5, 1.2}, new double[] {0.5, 0.5}));
        assertTrue(e.getMessage().contains("from[1]") && e.getMessage().contains("1.2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Geodesic.of(EXAMPLE, new double[] {0.5, 0.2}, new double[] {0.5}));
        assertTrue(e.getMessage().contains("to") && e.getMessage().contains("1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Geodesic.of(EXAMPLE, new double[] {0.5, Double.NaN}, new double[] {0.5, 0.5}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GeodesicBall.of(EXAMPLE, new double[] {0.5, 0.5}, -1));
        assertTrue(e.getMessage().contains("radius") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HopfieldMetric.paperExample(0.3, 0.0));
        assertTrue(e.getMessage().contains("beta[1]") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LogisticActivation.of(Double.NaN));
        assertTrue(e.getMessage().contains("gain") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Geodesic.of(EXAMPLE, new double[] {0.5, 0.2}, new double[] {0.5, 0.3}).points(1));
        assertTrue(e.getMessage().contains("points") && e.getMessage().contains("1"), e.getMessage());
    }
}
