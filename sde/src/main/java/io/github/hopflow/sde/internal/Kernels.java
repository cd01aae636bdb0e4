package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.activation.ScaledTanhActivation;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Objective;

/**
 * Chooses the step kernel for a metric and a scheme: specialised kernels for the paper's example
 * metric (every coordinate with the mobility 4β_i x(1 − x)) and for the Euclidean metric, generic
 * kernels calling the {@link DiagonalMetric} otherwise.
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
                        + "the paper's example metric (ScaledTanhActivation in every coordinate) and the Euclidean "
                        + "metric; got metric " + metric + " (use ISOMETRIC_IMPLICIT)");
            default:
                throw new IllegalArgumentException("unknown scheme " + kind);
        }
    }

    /** β_i of every coordinate when all activations are {@link ScaledTanhActivation}, else null. */
    static double[] tanhGains(DiagonalMetric metric) {
        if (!(metric instanceof HopfieldMetric)) {
            return null;
        }
        HopfieldMetric hm = (HopfieldMetric) metric;
        double[] beta = new double[hm.dimension()];
        for (int i = 0; i < beta.length; i++) {
            Activation a = hm.activation(i);
            if (!(a instanceof ScaledTanhActivation)) {
                return null;
            }
            beta[i] = ((ScaledTanhActivation) a).beta();
        }
        return beta;
    }
}
