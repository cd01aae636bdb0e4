package io.github.hopflow.geometry.mirror;

import io.github.hopflow.geometry.activation.Activation;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * The mirror map of one coordinate: ψ with ψ' = σ and its Legendre conjugate ψ* with ψ*' = σ⁻¹
 * and ψ*'' = 1/σ'(σ⁻¹) = g (HNN paper, eqs. (17)–(21)). Closed forms for the activations of
 * quadratic mobility (the logistic and the paper's example), quadrature for any other activation.
 */
abstract class ScalarMirrorMap {

    final Activation activation;

    ScalarMirrorMap(Activation activation) {
        this.activation = activation;
    }

    /**
     * The closed form when the activation states a quadratic mobility g·x(1 − x) on (0, 1): then σ
     * is the logistic function logistic(g(s − c)) with c = σ⁻¹(½) (the paper's example: g = 4β,
     * c = ½; the logistic activation: c = 0); quadrature otherwise.
     */
    static ScalarMirrorMap of(Activation a) {
        double g = a.quadraticMobilityGain();
        if (g > 0 && Double.isFinite(g) && a.lowerBound() == 0 && a.upperBound() == 1) {
            return new Softplus(a, g, a.inverse(0.5));
        }
        return new Quadrature(a);
    }

    abstract double psi(double z);

    abstract double psiConjugate(double x);

    /** D_ψ(z, z̃) = ψ(z) − ψ(z̃) − (z − z̃)σ(z̃). */
    abstract double bregmanPsi(double z, double zt);

    /** D_ψ*(ξ, η) = ψ*(ξ) − ψ*(η) − (ξ − η)σ⁻¹(η). */
    abstract double bregmanPsiConjugate(double xi, double eta);

    /** log(1 + e^w) without overflow or loss of precision. */
    static double softplus(double w) {
        return w > 0 ? w + Math.log1p(Math.exp(-w)) : Math.log1p(Math.exp(w));
    }

    /** x log x with 0 log 0 = 0. */
    static double xlogx(double x) {
        return x == 0 ? 0 : x * Math.log(x);
    }

    /**
     * σ(z) = logistic(k(z − c)): ψ(z) = softplus(k(z − c))/k,
     * ψ*(x) = (x log x + (1 − x) log(1 − x))/k + c·x.
     */
    static final class Softplus extends ScalarMirrorMap {
        private final double k;
        private final double shift;

        Softplus(Activation a, double k, double shift) {
            super(a);
            this.k = k;
            this.shift = shift;
        }

        @Override
        double psi(double z) {
            return softplus(k * (z - shift)) / k;
        }

        @Override
        double psiConjugate(double x) {
            return (xlogx(x) + xlogx(1 - x)) / k + shift * x;
        }

        @Override
        double bregmanPsi(double z, double zt) {
            double w = k * (z - shift);
            double wt = k * (zt - shift);
            double sigmaT = 1 / (1 + Math.exp(-wt));
            return (softplus(w) - softplus(wt) - (w - wt) * sigmaT) / k;
        }

        @Override
        double bregmanPsiConjugate(double xi, double eta) {
            double a = xi == 0 ? 0 : xi * Math.log(xi / eta);
            double b = xi == 1 ? 0 : (1 - xi) * Math.log((1 - xi) / (1 - eta));
            return (a + b) / k;
        }
    }

    /**
     * Any activation: ψ(z) = ∫₀^z σ(t) dt (so ψ(0) = 0), ψ*(x) = xσ⁻¹(x) − ψ(σ⁻¹(x)),
     * D_ψ(z, z̃) = ∫_{z̃}^{z} (σ(t) − σ(z̃)) dt, D_ψ*(ξ, η) = D_ψ(σ⁻¹(η), σ⁻¹(ξ)) (eq. (18b)).
     */
    static final class Quadrature extends ScalarMirrorMap {
        Quadrature(Activation a) {
            super(a);
        }

        private static double integrate(UnivariateFunction f, double a, double b) {
            if (a == b) {
                return 0;
            }
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15, 2, 40);
            try {
                double v = q.integrate(10_000_000, f, lo, hi);
                if (!Double.isFinite(v)) {
                    throw new ArithmeticException("mirror-map quadrature on [" + lo + ", " + hi + "] gave " + v);
                }
                return a < b ? v : -v;
            } catch (MathIllegalStateException e) {
                throw new ArithmeticException("mirror-map quadrature on [" + lo + ", " + hi + "] did not converge: "
                        + e.getMessage());
            }
        }

        @Override
        double psi(double z) {
            return integrate(activation::value, 0, z);
        }

        @Override
        double psiConjugate(double x) {
            double s = activation.inverse(x);
            return x * s - psi(s);
        }

        @Override
        double bregmanPsi(double z, double zt) {
            double st = activation.value(zt);
            return integrate(t -> activation.value(t) - st, zt, z);
        }

        @Override
        double bregmanPsiConjugate(double xi, double eta) {
            return bregmanPsi(activation.inverse(eta), activation.inverse(xi));
        }
    }
}
