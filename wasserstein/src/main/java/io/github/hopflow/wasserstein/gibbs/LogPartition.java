package io.github.hopflow.wasserstein.gibbs;

/**
 * An estimate of log Z(T), Z(T) = ∫ exp(−f(x)/T) dx over the state space (HNN paper, eq. (41)),
 * with its standard error (0 for quadrature, whose error is below the requested accuracy) and
 * the method that produced it. Immutable.
 */
public final class LogPartition {

    /** How log Z was computed. */
    public enum Method {
        /** Nested adaptive Gauss–Legendre quadrature (n ≤ 3). */
        QUADRATURE,
        /** Monte Carlo with uniform samples on the box. */
        MONTE_CARLO,
        /** Supplied by the caller (e.g. a closed form). */
        KNOWN
    }

    private final double value;
    private final double standardError;
    private final Method method;
    private final long evaluations;

    private LogPartition(double value, double standardError, Method method, long evaluations) {
        this.value = value;
        this.standardError = standardError;
        this.method = method;
        this.evaluations = evaluations;
    }

    static LogPartition of(double value, double standardError, Method method, long evaluations) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("log Z is not finite: " + value + " (" + method + ")");
        }
        return new LogPartition(value, standardError, method, evaluations);
    }

    /** A known value of log Z (e.g. from a closed form). */
    public static LogPartition known(double logZ) {
        if (!Double.isFinite(logZ)) {
            throw new IllegalArgumentException("logZ must be finite, got " + logZ);
        }
        return new LogPartition(logZ, 0, Method.KNOWN, 0);
    }

    /** log Z. */
    public double value() {
        return value;
    }

    /** The standard error of log Z (Monte Carlo; 0 otherwise). */
    public double standardError() {
        return standardError;
    }

    /** The method. */
    public Method method() {
        return method;
    }

    /** Evaluations of f used. */
    public long evaluations() {
        return evaluations;
    }

    /** The minimum free energy −T log Z(T), attained by ρ∞ (HNN paper, eqs. (45), (46)). */
    public double minimumFreeEnergy(double temperature) {
        return -temperature * value;
    }

    @Override
    public String toString() {
        return "LogPartition[" + value + " ± " + standardError + ", " + method + ", " + evaluations + " evaluations]";
    }
}
