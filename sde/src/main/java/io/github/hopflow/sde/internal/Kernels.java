package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.objective.Objective;

/**
 * Chooses the step kernel for a metric and a scheme: specialised kernels where every coordinate
 * has the quadratic mobility 4β_i x(1 − x) on [0, 1] (as the metric states it,
 * {@link DiagonalMetric#quadraticMobilityGain(int)}: the paper's example, logistic networks) and
 * for the Euclidean metric, generic kernels calling the {@link DiagonalMetric} otherwise.
 */
public final class Kernels {

    /** The schemes, mirrored here so that this package does not depend on the API package. */
    public enum Kind {
        /** Explicit Euler–Maruyama with reflection. */
        EULER_REFLECT,
        /** Explicit Euler–Maruyama with projection (clipping). */
        EULER_PROJECT,
        /** Drift-implicit isometric scheme. */
        ISOMETRIC_IMPLICIT,
        /** Strang splitting with the exact barrier flow. */
        ISOMETRIC_SPLITTING
    }

    private Kernels() {
    }

    /**
     * The kernel for {@code kind}.
     *
     * @throws IllegalArgumentException if the splitting scheme is asked for a metric other than
     *     the example's or the Euclidean one
     */
    public static StepKernel create(DiagonalMetric metric, Objective objective, double h, Kind kind) {
        double[] beta = tanhGains(metric);
        boolean flat = metric instanceof EuclideanMetric;
        switch (kind) {
            case EULER_REFLECT:
            case EULER_PROJECT:
                boolean reflect = kind == Kind.EULER_REFLECT;
                if (beta != null) {
                    return new EulerTanhKernel(objective, h, beta, reflect);
                }
                return flat ? new EulerFlatKernel(objective, h) : new EulerGenericKernel(metric, objective, h, reflect);
            case ISOMETRIC_IMPLICIT:
                if (beta != null) {
                    return new ImplicitTanhKernel(objective, h, beta);
                }
                return flat ? new EulerFlatKernel(objective, h) : new ImplicitGenericKernel(metric, objective, h);
            case ISOMETRIC_SPLITTING:
                if (beta != null) {
                    return new SplittingTanhKernel(objective, h, beta);
                }
                if (flat) {
                    return new EulerFlatKernel(objective, h);
                }
                throw new IllegalArgumentException("scheme ISOMETRIC_SPLITTING needs the exact barrier flow, known for "
                        + "metrics whose every coordinate has a quadratic mobility g·x(1 - x) on [0, 1] (the scaled "
                        + "tanh and logistic activations) and the Euclidean metric; got metric " + metric
                        + " (use ISOMETRIC_IMPLICIT)");
            default:
                throw new IllegalArgumentException("unknown scheme " + kind);
        }
    }

    /**
     * β_i of every coordinate when each has the mobility 4β_i·x(1 − x) on [0, 1] (a quadratic
     * mobility of gain 4β_i on the unit range: the paper's scaled tanh, the logistic function, any
     * activation that states that form), else null.
     */
    static double[] tanhGains(DiagonalMetric metric) {
        double[] beta = new double[metric.dimension()];
        for (int i = 0; i < beta.length; i++) {
            double g = metric.quadraticMobilityGain(i);
            if (!(g > 0) || Double.isInfinite(g) || metric.lowerBound(i) != 0 || metric.upperBound(i) != 1) {
                return null;
            }
            beta[i] = g / 4;
        }
        return beta;
    }
}
