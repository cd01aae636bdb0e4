package io.github.hopflow.geometry.flow;

import io.github.hopflow.geometry.internal.Checks;
import java.util.Arrays;

/** The implementations of the {@link ProximalOperator} catalogue. */
final class ProximalOperators {

    private ProximalOperators() {
    }

    static void requireGamma(double gamma) {
        Checks.positive("gamma", gamma);
    }

    static void requireSameLength(double[] v, double[] out) {
        if (out.length != v.length) {
            throw new IllegalArgumentException("out must have length " + v.length + ", got " + out.length);
        }
    }

    /** g = 0. */
    static final class Identity implements ProximalOperator {
        static final Identity INSTANCE = new Identity();

        @Override
        public void apply(double[] v, double gamma, double[] out) {
            requireSameLength(v, out);
            System.arraycopy(v, 0, out, 0, v.length);
        }

        @Override
        public double penalty(double[] x) {
            return 0;
        }

        @Override
        public String name() {
            return "identity";
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Indicator of a box: clipping. */
    static final class Box implements ProximalOperator {
        private final double[] lower;
        private final double[] upper;
        private final boolean uniform;

        private Box(double[] lower, double[] upper, boolean uniform) {
            this.lower = lower;
            this.upper = upper;
            this.uniform = uniform;
        }

        static Box of(double[] lower, double[] upper, boolean uniform) {
            if (lower.length != upper.length || lower.length == 0) {
                throw new IllegalArgumentException("box bounds must be non-empty and of equal length, got lower "
                        + Arrays.toString(lower) + " and upper " + Arrays.toString(upper));
            }
            for (int i = 0; i < lower.length; i++) {
                if (Double.isNaN(lower[i]) || Double.isNaN(upper[i]) || lower[i] > upper[i]
                        || lower[i] == Double.POSITIVE_INFINITY || upper[i] == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("box bounds must satisfy lower[" + i + "] ≤ upper[" + i
                            + "], got [" + lower[i] + ", " + upper[i] + "]");
                }
            }
            return new Box(lower.clone(), upper.clone(), uniform);
        }

        private int index(int i, int n) {
            if (uniform) {
                return 0;
            }
            if (n != lower.length) {
                throw new IllegalArgumentException("argument must have dimension " + lower.length + ", got " + n);
            }
            return i;
        }

        @Override
        public void apply(double[] v, double gamma, double[] out) {
            requireSameLength(v, out);
            for (int i = 0; i < v.length; i++) {
                int j = index(i, v.length);
                out[i] = Math.min(upper[j], Math.max(lower[j], v[i]));
            }
        }

        @Override
        public double penalty(double[] x) {
            for (int i = 0; i < x.length; i++) {
                int j = index(i, x.length);
                if (!(x[i] >= lower[j] && x[i] <= upper[j])) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            return 0;
        }

        @Override
        public String name() {
            return uniform ? "box[" + lower[0] + ", " + upper[0] + "]"
                    : "box[" + Arrays.toString(lower) + ", " + Arrays.toString(upper) + "]";
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** λ‖x‖₁, optionally restricted to x ≥ 0. */
    static final class L1 implements ProximalOperator {
        private final double lambda;
        private final boolean nonNegative;

        L1(double lambda, boolean nonNegative) {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be a finite number ≥ 0, got " + lambda);
            }
            this.lambda = lambda;
            this.nonNegative = nonNegative;
        }

        @Override
        public void apply(double[] v, double gamma, double[] out) {
            requireGamma(gamma);
            requireSameLength(v, out);
            double t = gamma * lambda;
            for (int i = 0; i < v.length; i++) {
                double vi = v[i];
                if (nonNegative) {
                    out[i] = Math.max(vi - t, 0);
                } else {
                    out[i] = Math.signum(vi) * Math.max(Math.abs(vi) - t, 0);
                }
            }
        }

        @Override
        public double penalty(double[] x) {
            double s = 0;
            for (double xi : x) {
                if (nonNegative && xi < 0) {
                    return Double.POSITIVE_INFINITY;
                }
                s += Math.abs(xi);
            }
            return lambda * s;
        }

        @Override
        public String name() {
            return (nonNegative ? "nonnegative-l1" : "l1") + "(lambda=" + lambda + ")";
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** softmax(v/γ), computed with the maximum subtracted so that it never overflows. */
    static final class Softmax implements ProximalOperator {
        static final Softmax INSTANCE = new Softmax();

        @Override
        public void apply(double[] v, double gamma, double[] out) {
            requireGamma(gamma);
            requireSameLength(v, out);
            double max = Double.NEGATIVE_INFINITY;
            for (double vi : v) {
                max = Math.max(max, vi);
            }
            if (!Double.isFinite(max)) {
                throw new IllegalArgumentException("softmax argument must be finite, got max entry " + max);
            }
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                out[i] = Math.exp((v[i] - max) / gamma);
                sum += out[i];
            }
            for (int i = 0; i < v.length; i++) {
                out[i] /= sum;
            }
        }

        /** Σ x_i log x_i on the simplex (0 log 0 = 0), +∞ off it (tolerance 1e-12 on the sum). */
        @Override
        public double penalty(double[] x) {
            double sum = 0;
            double s = 0;
            for (double xi : x) {
                if (!(xi >= 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += xi;
                if (xi > 0) {
                    s += xi * Math.log(xi);
                }
            }
            return Math.abs(sum - 1) <= 1e-12 ? s : Double.POSITIVE_INFINITY;
        }

        @Override
        public String name() {
            return "softmax";
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
