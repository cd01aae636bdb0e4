package io.github.hopflow.geometry.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.activation.CustomActivation;
import io.github.hopflow.geometry.activation.LogisticActivation;
import io.github.hopflow.geometry.activation.ScaledTanhActivation;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import java.util.Random;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MirrorMapTest {

    /** 0: the paper's example, 1: logistic, 2: a user-supplied Gaussian-CDF activation, 3: the example by quadrature. */
    private static MirrorMap map(int kind) {
        switch (kind) {
            case 0:
                return MirrorMap.of(ScaledTanhActivation.of(0.7));
            case 1:
                return MirrorMap.of(LogisticActivation.of(2.5));
            case 2:
                return MirrorMap.of(gaussianCdf());
            default:
                return MirrorMap.byQuadrature(HopfieldMetric.of(ScaledTanhActivation.of(0.7)));
        }
    }

    private static Activation activation(int kind) {
        switch (kind) {
            case 0:
            case 3:
                return ScaledTanhActivation.of(0.7);
            case 1:
                return LogisticActivation.of(2.5);
            default:
                return gaussianCdf();
        }
    }

    private static CustomActivation gaussianCdf() {
        return CustomActivation.builder(s -> 0.5 * Erf.erfc(-s / Math.sqrt(2)),
                s -> Math.exp(-0.5 * s * s) / Math.sqrt(2 * Math.PI)).name("gaussian-cdf").build();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void gradientsAreSigmaAndItsInverseAndHessianIsTheMetric(int kind) {
        MirrorMap m = map(kind);
        Activation a = activation(kind);
        Random rnd = new Random(kind);
        double[] out = new double[1];
        for (int trial = 0; trial < 8; trial++) {
            double z = -2 + 4 * rnd.nextDouble();
            double h = 1e-5;
            double fd = (m.psi(new double[] {z + h}) - m.psi(new double[] {z - h})) / (2 * h);
            m.gradientPsi(new double[] {z}, out);
            assertEquals(a.value(z), out[0], 0.0);
            assertEquals(a.value(z), fd, 1e-8, "∇ψ = σ at z = " + z);
            double x = 0.05 + 0.9 * rnd.nextDouble();
            double fdc = (m.psiConjugate(new double[] {x + h}) - m.psiConjugate(new double[] {x - h})) / (2 * h);
            assertEquals(a.inverse(x), fdc, 1e-7, "∇ψ* = σ⁻¹ at x = " + x);
            double h2 = 1e-3;
            double second = (m.psiConjugate(new double[] {x + h2}) - 2 * m.psiConjugate(new double[] {x})
                    + m.psiConjugate(new double[] {x - h2})) / (h2 * h2);
            m.hessianPsiConjugateDiagonal(new double[] {x}, out);
            assertEquals(1 / a.mobility(x), out[0], 1e-12 / a.mobility(x));
            assertEquals(out[0], second, 1e-4 * out[0], "∇²ψ* = G at x = " + x);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void bregmanDualityAndDefinitions(int kind) {
        MirrorMap m = map(kind);
        Activation a = activation(kind);
        Random rnd = new Random(10 + kind);
        for (int trial = 0; trial < 8; trial++) {
            double z = -2 + 4 * rnd.nextDouble();
            double zt = -2 + 4 * rnd.nextDouble();
            double dPsi = m.bregmanPsi(new double[] {z}, new double[] {zt});
            // (18b): D_ψ(z, z̃) = D_ψ*(∇ψ(z̃), ∇ψ(z))
            double dConj = m.bregmanPsiConjugate(new double[] {a.value(zt)}, new double[] {a.value(z)});
            assertEquals(dPsi, dConj, 1e-10 * Math.max(1, dPsi), "(18b)");
            assertTrue(dPsi >= 0);
            // definition (14)
            double def = m.psi(new double[] {z}) - m.psi(new double[] {zt}) - (z - zt) * a.value(zt);
            assertEquals(def, dPsi, 1e-10);
            double xi = 0.05 + 0.9 * rnd.nextDouble();
            double eta = 0.05 + 0.9 * rnd.nextDouble();
            double defConj = m.psiConjugate(new double[] {xi}) - m.psiConjugate(new double[] {eta})
                    - (xi - eta) * a.inverse(eta);
            assertEquals(defConj, m.bregmanPsiConjugate(new double[] {xi}, new double[] {eta}), 1e-10);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void psiAndPsiConjugateAreLegendreConjugates(int kind) {
        MirrorMap m = map(kind);
        BrentOptimizer opt = new BrentOptimizer(1e-14, 1e-14);
        for (double x : new double[] {0.1, 0.35, 0.5, 0.8, 0.93}) {
            // ψ*(x) = sup_z x z − ψ(z), by numerical maximisation
            double sup = opt.optimize(new MaxEval(10_000), GoalType.MAXIMIZE,
                    new SearchInterval(-20, 20, 0),
                    new UnivariateObjectiveFunction(z -> x * z - m.psi(new double[] {z}))).getValue();
            assertEquals(sup, m.psiConjugate(new double[] {x}), 1e-10, "conjugacy at x = " + x);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void paperExampleClosedFormsMatchEquations35And37(int kind) {
        double beta = 0.7;
        MirrorMap m = map(kind);
        double xi = 0.3;
        double eta = 0.75;
        double eq35 = (xi * Math.log(xi / eta) + (1 - xi) * Math.log((1 - xi) / (1 - eta))) / (4 * beta);
        assertEquals(eq35, m.bregmanPsiConjugate(new double[] {xi}, new double[] {eta}), 1e-15);
        // (37) with the 1/(4β) factor and the hidden variable shifted by ½
        double z = 0.9;
        double zt = -0.2;
        double w = 4 * beta * (z - 0.5);
        double wt = 4 * beta * (zt - 0.5);
        double eq37 = (Math.log((1 + Math.exp(w)) / (1 + Math.exp(wt))) - (w - wt) * Math.exp(wt) / (1 + Math.exp(wt)))
                / (4 * beta);
        assertEquals(eq37, m.bregmanPsi(new double[] {z}, new double[] {zt}), 1e-15);
        // closed form agrees with the quadrature route
        MirrorMap q = map(3);
        assertEquals(q.bregmanPsi(new double[] {z}, new double[] {zt}), m.bregmanPsi(new double[] {z}, new double[] {zt}),
                1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void badInputNamesParameterAndValue(int kind) {
        MirrorMap m = map(kind);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.psiConjugate(new double[] {1.5}));
        assertTrue(e.getMessage().contains("x[0]") && e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.psi(new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("z") && e.getMessage().contains("2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.psi(new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
