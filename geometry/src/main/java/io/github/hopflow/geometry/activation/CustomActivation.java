package io.github.hopflow.geometry.activation;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * A user-supplied strictly increasing activation σ with a bounded range (lower, upper), given by σ
 * and σ', and optionally σ'' (default: central difference of σ') and σ⁻¹ (default: Brent's method
 * on a bracket found by doubling).
 *
 * <p>The isometric coordinate is computed by quadrature in the hidden variable, where it has no
 * endpoint singularity: φ(σ(s)) = ∫_{s₀}^{s} √σ'(t) dt with s₀ = σ⁻¹((lower + upper)/2), so φ is 0
 * at the midpoint of the range. At the ends of the range the integral runs to ±∞ and is summed over
 * doubling intervals; it is finite when √σ' is integrable (sigmoids with exponential tails) and
 * ±∞ otherwise. φ⁻¹ solves φ(σ(s)) = u for s by Brent's method.
 *
 * <p>Quadrature and root finding make this class much slower than the closed forms of
 * {@link LogisticActivation} and {@link ScaledTanhActivation}; failures to converge are reported as
 * {@link ArithmeticException}s with the arguments involved.
 */
public final class CustomActivation implements Activation {

    private static final double QUADRATURE_RELATIVE = 1e-13;
    private static final double QUADRATURE_ABSOLUTE = 1e-15;
    private static final int MAX_EVALUATIONS = 10_000_000;

    private final String name;
    private final DoubleUnaryOperator sigma;
    private final DoubleUnaryOperator derivative;
    private final DoubleUnaryOperator secondDerivative;
    private final DoubleUnaryOperator inverse;
    private final double lower;
    private final double upper;
    private final double hiddenMidpoint;
    private final double isometricLower;
    private final double isometricUpper;

    private CustomActivation(Builder b) {
        this.name = b.name;
        this.sigma = b.sigma;
        this.derivative = b.derivative;
        this.secondDerivative = b.secondDerivative;
        this.inverse = b.inverse;
        this.lower = b.lower;
        this.upper = b.upper;
        this.hiddenMidpoint = inverse(0.5 * (lower + upper));
        this.isometricLower = -tailIntegral(-1);
        this.isometricUpper = tailIntegral(+1);
    }

    /**
     * Starts building an activation from σ and σ'.
     *
     * @param sigma σ, strictly increasing, with range (lower, upper)
     * @param derivative σ' &gt; 0
     */
    public static Builder builder(DoubleUnaryOperator sigma, DoubleUnaryOperator derivative) {
        if (sigma == null) {
            throw new IllegalArgumentException("sigma must not be null");
        }
        if (derivative == null) {
            throw new IllegalArgumentException("derivative must not be null");
        }
        return new Builder(sigma, derivative);
    }

    /** Builder of {@link CustomActivation}. */
    public static final class Builder {
        private final DoubleUnaryOperator sigma;
        private final DoubleUnaryOperator derivative;
        private DoubleUnaryOperator secondDerivative;
        private DoubleUnaryOperator inverse;
        private double lower = 0;
        private double upper = 1;
        private String name = "custom";

        private Builder(DoubleUnaryOperator sigma, DoubleUnaryOperator derivative) {
            this.sigma = sigma;
            this.derivative = derivative;
        }

        /** σ'' (default: central difference of σ'). */
        public Builder secondDerivative(DoubleUnaryOperator op) {
            this.secondDerivative = op;
            return this;
        }

        /** σ⁻¹ (default: Brent's method). */
        public Builder inverse(DoubleUnaryOperator op) {
            this.inverse = op;
            return this;
        }

        /** The open range (lower, upper) of σ, finite, lower &lt; upper (default (0, 1)). */
        public Builder range(double lower, double upper) {
            if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
                throw new IllegalArgumentException("range must be finite with lower < upper, got (" + lower + ", "
                        + upper + ")");
            }
            this.lower = lower;
            this.upper = upper;
            return this;
        }

        /** A name for reports. */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must be a non-blank string, got '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /**
         * Builds the activation; evaluates σ at the midpoint of its range and the isometric
         * coordinates of the range's ends.
         *
         * @throws IllegalArgumentException if σ' is not positive at the midpoint or σ⁻¹ is inconsistent
         */
        public CustomActivation build() {
            CustomActivation a = new CustomActivation(this);
            double s0 = a.hiddenMidpoint;
            double d0 = derivative.applyAsDouble(s0);
            if (!(d0 > 0) || Double.isInfinite(d0)) {
                throw new IllegalArgumentException("derivative must be a finite number > 0, got " + d0 + " at s = " + s0);
            }
            double back = sigma.applyAsDouble(s0);
            double mid = 0.5 * (lower + upper);
            if (!(Math.abs(back - mid) <= 1e-9 * (upper - lower))) {
                throw new IllegalArgumentException("inverse is inconsistent with sigma: sigma(inverse(" + mid + ")) = "
                        + back);
            }
            return a;
        }
    }

    @Override
    public double value(double s) {
        return sigma.applyAsDouble(s);
    }

    @Override
    public double derivative(double s) {
        return derivative.applyAsDouble(s);
    }

    @Override
    public double secondDerivative(double s) {
        if (secondDerivative != null) {
            return secondDerivative.applyAsDouble(s);
        }
        double h = 1e-4 * Math.max(1, Math.abs(s));
        return (derivative.applyAsDouble(s + h) - derivative.applyAsDouble(s - h)) / (2 * h);
    }

    @Override
    public double inverse(double x) {
        Activations.requireOpenRange("x", x, lower, upper);
        if (inverse != null) {
            return inverse.applyAsDouble(x);
        }
        return solveIncreasing(t -> sigma.applyAsDouble(t) - x, 0.0, "sigma(s) = " + x);
    }

    @Override
    public double lowerBound() {
        return lower;
    }

    @Override
    public double upperBound() {
        return upper;
    }

    /** m(x) = σ'(σ⁻¹(x)) inside the range, 0 at its ends (σ' → 0 in the tails of a sigmoid). */
    @Override
    public double mobility(double x) {
        if (x == lower || x == upper) {
            return 0;
        }
        return derivative.applyAsDouble(inverse(x));
    }

    /** σ''/σ' at σ⁻¹(x) inside the range; a one-sided difference quotient of m at its ends. */
    @Override
    public double mobilityDerivative(double x) {
        if (x == lower || x == upper) {
            double d = 1e-9 * (upper - lower);
            return x == lower ? mobility(lower + d) / d : -mobility(upper - d) / d;
        }
        double s = inverse(x);
        return secondDerivative(s) / derivative.applyAsDouble(s);
    }

    /** φ(x) = ∫_{s₀}^{σ⁻¹(x)} √σ'(t) dt (0 at the midpoint of the range). */
    @Override
    public double isometric(double x) {
        if (x == lower) {
            return isometricLower;
        }
        if (x == upper) {
            return isometricUpper;
        }
        return hiddenIsometric(inverse(x));
    }

    /** x = σ(s) where φ(σ(s)) = u, for u in [φ(lower), φ(upper)]. */
    @Override
    public double inverseIsometric(double u) {
        if (!(u >= isometricLower && u <= isometricUpper)) {
            throw new IllegalArgumentException("u must lie in [" + isometricLower + ", " + isometricUpper + "], got " + u);
        }
        if (u == isometricLower) {
            return lower;
        }
        if (u == isometricUpper) {
            return upper;
        }
        double s = solveIncreasing(t -> hiddenIsometric(t) - u, hiddenMidpoint, "phi(sigma(s)) = " + u);
        return sigma.applyAsDouble(s);
    }

    private double hiddenIsometric(double s) {
        if (s == hiddenMidpoint) {
            return 0;
        }
        UnivariateFunction integrand = t -> Math.sqrt(derivative.applyAsDouble(t));
        double a = Math.min(s, hiddenMidpoint);
        double b = Math.max(s, hiddenMidpoint);
        double v = integrate(integrand, a, b, s);
        return s > hiddenMidpoint ? v : -v;
    }

    /**
     * ∫ from s₀ to ±∞ of √σ', as a sum over the intervals s₀ ± [2^k − 1, 2^{k+1} − 1], k = 0, 1, …,
     * until a piece adds less than 1e-16 of the total; +∞ when the pieces still matter after 2^60
     * (√σ' not integrable: the end of the range is infinitely far away).
     */
    private double tailIntegral(int sign) {
        UnivariateFunction integrand = t -> Math.sqrt(derivative.applyAsDouble(t));
        double total = 0;
        for (int k = 0; k < 62; k++) {
            double a = hiddenMidpoint + sign * (Math.pow(2, k) - 1);
            double b = hiddenMidpoint + sign * (Math.pow(2, k + 1) - 1);
            double piece = integrate(integrand, Math.min(a, b), Math.max(a, b), b);
            total += piece;
            if (piece <= 1e-16 * total) {
                return total;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double integrate(UnivariateFunction f, double a, double b, double where) {
        IterativeLegendreGaussIntegrator q =
                new IterativeLegendreGaussIntegrator(16, QUADRATURE_RELATIVE, QUADRATURE_ABSOLUTE, 2, 40);
        try {
            double v = q.integrate(MAX_EVALUATIONS, f, a, b);
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("isometric quadrature gave " + v + " up to s = " + where);
            }
            return v;
        } catch (MathIllegalStateException e) {
            throw new ArithmeticException("isometric quadrature did not converge up to s = " + where + ": "
                    + e.getMessage());
        }
    }

    /** Root of an increasing function g, bracketed by doubling around start. */
    private static double solveIncreasing(UnivariateFunction g, double start, String what) {
        double step = 1;
        double a = start - step;
        double b = start + step;
        int expansions = 0;
        while (g.value(a) > 0 || g.value(b) < 0) {
            step *= 2;
            if (g.value(a) > 0) {
                a = start - step;
            }
            if (g.value(b) < 0) {
                b = start + step;
            }
            if (++expansions > 1100 || Double.isInfinite(step)) {
                throw new ArithmeticException("no bracket found for " + what + " (last [" + a + ", " + b + "])");
            }
        }
        BrentSolver solver = new BrentSolver(1e-15, 4 * Math.ulp(1.0), 1e-300);
        try {
            return solver.solve(500, g, a, b);
        } catch (MathIllegalStateException e) {
            throw new ArithmeticException("root finding failed for " + what + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "CustomActivation[" + name + ", range=(" + lower + ", " + upper + ")]";
    }
}
