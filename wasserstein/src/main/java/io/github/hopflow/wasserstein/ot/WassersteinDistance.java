package io.github.hopflow.wasserstein.ot;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.sde.cloud.MassCloud;
import io.github.hopflow.wasserstein.cost.IsometricCloud;
import io.github.hopflow.wasserstein.cost.SquaredDistances;
import io.github.hopflow.wasserstein.internal.Parallel;

/**
 * The Wasserstein distance W_G of a diagonal metric between discrete measures ({@link MassCloud}):
 * the ground cost is d_G² = ‖φ(x) − φ(y)‖² in isometric coordinates (docs/design.md §1, "W_G between
 * weighted clouds"). A density cloud is measured as the sample it is,
 * {@link MassCloud#samplesOf}.
 *
 * <p>Exact W_G² by the transportation simplex ({@link ExactTransport}, small clouds), the entropic
 * cost by {@link Sinkhorn}, and the debiased {@link SinkhornDivergence}. Immutable and thread-safe.
 */
public final class WassersteinDistance {

    private final DiagonalMetric metric;

    private WassersteinDistance(DiagonalMetric metric) {
        this.metric = metric;
    }

    /** W_G of {@code metric}. */
    public static WassersteinDistance of(DiagonalMetric metric) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        return new WassersteinDistance(metric);
    }

    /** The metric. */
    public DiagonalMetric metric() {
        return metric;
    }

    /**
     * Exact optimal transport; {@link ExactTransportResult#cost()} is W_G² and
     * {@link ExactTransportResult#distance()} is W_G.
     *
     * @throws IllegalArgumentException for clouds of another dimension or outside the domain
     */
    public ExactTransportResult exact(MassCloud a, MassCloud b) {
        double[] ua = iso("a", a);
        double[] ub = iso("b", b);
        double[] c = new double[Math.multiplyExact(a.size(), b.size())];
        SquaredDistances.compute(metric.dimension(), ua, ub, c, Parallel.defaultParallelism());
        return ExactTransport.solve(a.size(), b.size(), c, a.masses(), b.masses());
    }

    /** Entropic optimal transport with {@code solver}'s ε. */
    public SinkhornResult entropic(MassCloud a, MassCloud b, Sinkhorn solver) {
        return solver.solve(metric.dimension(), iso("a", a), a.masses(), iso("b", b), b.masses());
    }

    /**
     * The debiased Sinkhorn divergence S_ε(a, b) with {@code solver}'s ε; the self terms use
     * {@link Sinkhorn#solveSymmetric}, and identical clouds give exactly 0.
     */
    public SinkhornDivergence divergence(MassCloud a, MassCloud b, Sinkhorn solver) {
        int n = metric.dimension();
        double[] ua = iso("a", a);
        double[] ub = iso("b", b);
        double[] wa = a.masses();
        double[] wb = b.masses();
        SinkhornResult aa = solver.solveSymmetric(n, ua, wa);
        if (java.util.Arrays.equals(ua, ub) && java.util.Arrays.equals(wa, wb)) {
            return new SinkhornDivergence(aa, aa, aa);
        }
        SinkhornResult bb = solver.solveSymmetric(n, ub, wb);
        SinkhornResult ab = solver.solve(n, ua, wa, ub, wb);
        return new SinkhornDivergence(ab, aa, bb);
    }

    private double[] iso(String name, MassCloud cloud) {
        if (cloud.dimension() != metric.dimension()) {
            throw new IllegalArgumentException("cloud " + name + " has dimension " + cloud.dimension()
                    + ", the metric has dimension " + metric.dimension());
        }
        return IsometricCloud.toIsometric(metric, name, cloud.positions());
    }
}
