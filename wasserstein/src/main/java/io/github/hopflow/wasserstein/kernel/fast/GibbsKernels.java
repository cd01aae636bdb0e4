package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.wasserstein.kernel.GibbsKernel;

/**
 * Factories of {@link GibbsKernel}s, and the automatic choice between the implementations of this
 * package.
 *
 * <p><b>Decision rule of {@link #automatic(double, int)}</b>, for M row and N column points in
 * dimension n, temperature τ and tolerance δ (the largest |error| allowed in the log of any
 * product output):
 * <ol>
 *   <li>{@link GridGibbsKernel grid} when n ≤ 3, the grid for τ and δ over the points' bounding box
 *       has at most {@link GridGibbsKernel#MAX_CELLS} cells, and its estimated cost per product,
 *       (M + N)·Sⁿ + n·Gⁿ·L (stencil S, grid cells Gⁿ, convolution length L), is below half the
 *       dense cost M·N, or the dense kernel would not fit in {@link #DENSE_MEMORY_BYTES};</li>
 *   <li>otherwise {@link StoredGibbsKernel stored dense kernel}, with single-precision entries when
 *       δ ≥ {@value #FLOAT_TOLERANCE} (entries within 6.3e-8 relative: a float's rounding plus the
 *       exponential's 4e-9) and double-precision ones otherwise, when twice the kernel's entries
 *       would fit in {@link #DENSE_MEMORY_BYTES} (room for the two layouts of a sparse kernel);</li>
 *   <li>otherwise the exact {@link LogDomainGibbsKernel log-domain kernel} that stores nothing.</li>
 * </ol>
 * Every choice is within δ of the exact log-domain product (the grid for sources within its
 * reach; see {@link GridGibbsKernel}). The grid is never chosen when τ is so small that it would
 * need more than {@link GridGibbsKernel#MAX_CELLS} cells: then, in particular for small ε in
 * Sinkhorn at moderate N, the dense kernel is both exact and cheaper.
 */
public final class GibbsKernels {

    /** Default tolerance δ of {@link #automatic()}: the proximal step's usual stopping tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Smallest δ served by float storage. */
    public static final double FLOAT_TOLERANCE = 2e-7;
    /** The most memory a stored dense kernel may take (two layouts of its entries). */
    public static final long DENSE_MEMORY_BYTES = 1L << 30;

    /** The implementation chosen for a given problem. */
    public enum Choice {
        /** {@link GridGibbsKernel}. */
        GRID,
        /** {@link StoredGibbsKernel} with float entries. */
        DENSE_FLOAT,
        /** {@link StoredGibbsKernel} with double entries. */
        DENSE_DOUBLE,
        /** {@link LogDomainGibbsKernel}. */
        LOG_DOMAIN
    }

    private GibbsKernels() {
    }

    /** The automatic factory with {@link #DEFAULT_TOLERANCE} and every available processor. */
    public static GibbsKernel.Factory automatic() {
        return automatic(DEFAULT_TOLERANCE, Parallel.defaultThreads());
    }

    /**
     * The automatic factory (decision rule in the class comment).
     *
     * @param tolerance δ in [{@link GridGibbsKernel#MIN_TOLERANCE}, 0.1]
     * @param threads the most threads a kernel may use, ≥ 1; results do not depend on it
     * @throws IllegalArgumentException naming the parameter and its value
     */
    public static GibbsKernel.Factory automatic(double tolerance, int threads) {
        checkTolerance(tolerance);
        checkThreads(threads);
        return (dimension, u, v, tau) -> create(choose(dimension, u, v, tau, tolerance), dimension, u, v, tau,
                tolerance, threads);
    }

    /**
     * The automatic factory whose stored dense kernels share their entry arrays (for solvers that use
     * one kernel at a time, such as {@link io.github.hopflow.wasserstein.prox.ProximalStep}): creating
     * a stored kernel invalidates the previous stored kernel of this factory. Same choice and accuracy
     * as {@link #automatic(double, int)}.
     */
    public static GibbsKernel.Factory automaticRecycling(double tolerance, int threads) {
        checkTolerance(tolerance);
        checkThreads(threads);
        GibbsKernel.Factory floats = StoredGibbsKernel.recyclingFactory(StoredGibbsKernel.Storage.FLOAT, threads);
        GibbsKernel.Factory doubles = StoredGibbsKernel.recyclingFactory(StoredGibbsKernel.Storage.DOUBLE, threads);
        return (dimension, u, v, tau) -> {
            Choice c = choose(dimension, u, v, tau, tolerance);
            switch (c) {
                case DENSE_FLOAT:
                    return floats.create(dimension, u, v, tau);
                case DENSE_DOUBLE:
                    return doubles.create(dimension, u, v, tau);
                default:
                    return create(c, dimension, u, v, tau, tolerance, threads);
            }
        };
    }

    /** The exact log-domain factory (nothing stored). */
    public static GibbsKernel.Factory logDomain(int threads) {
        checkThreads(threads);
        return (dimension, u, v, tau) -> LogDomainGibbsKernel.of(dimension, u, v, tau, threads);
    }

    /** The stored dense factory with the given entry precision. */
    public static GibbsKernel.Factory dense(StoredGibbsKernel.Storage storage, int threads) {
        checkThreads(threads);
        return (dimension, u, v, tau) -> StoredGibbsKernel.of(dimension, u, v, tau, storage, threads);
    }

    /** The grid factory (n ≤ 3; fails where the grid would be too fine). */
    public static GibbsKernel.Factory grid(double tolerance, int threads) {
        checkTolerance(tolerance);
        checkThreads(threads);
        return (dimension, u, v, tau) -> GridGibbsKernel.of(dimension, u, v, tau, tolerance, threads);
    }

    /**
     * The implementation {@link #automatic(double, int)} uses for these points.
     *
     * @param u row points, flat M × n. Not modified.
     * @param v column points, flat N × n. Not modified.
     */
    public static Choice choose(int dimension, double[] u, double[] v, double tau, double tolerance) {
        checkTolerance(tolerance);
        KernelChecks.check(dimension, u, v, tau);
        long m = u.length / dimension;
        long n = v.length / dimension;
        double denseCost = (double) m * n;
        boolean floatOk = tolerance >= FLOAT_TOLERANCE;
        long denseBytes = 2 * m * n * (floatOk ? 4 : 8);
        boolean denseFits = denseBytes <= DENSE_MEMORY_BYTES;
        if (dimension <= 3) {
            GridGibbsKernel.Plan plan = GridGibbsKernel.plan(dimension, u, v, tau, tolerance);
            if (plan.cells <= GridGibbsKernel.MAX_CELLS) {
                if (plan.productCost(dimension, m, n) < denseCost / 2 || !denseFits) {
                    return Choice.GRID;
                }
            }
        }
        if (denseFits) {
            return floatOk ? Choice.DENSE_FLOAT : Choice.DENSE_DOUBLE;
        }
        return Choice.LOG_DOMAIN;
    }

    private static GibbsKernel create(Choice c, int dimension, double[] u, double[] v, double tau, double tolerance,
            int threads) {
        switch (c) {
            case GRID:
                return GridGibbsKernel.of(dimension, u, v, tau, tolerance, threads);
            case DENSE_FLOAT:
                return StoredGibbsKernel.of(dimension, u, v, tau, StoredGibbsKernel.Storage.FLOAT, threads);
            case DENSE_DOUBLE:
                return StoredGibbsKernel.of(dimension, u, v, tau, StoredGibbsKernel.Storage.DOUBLE, threads);
            default:
                return LogDomainGibbsKernel.of(dimension, u, v, tau, threads);
        }
    }

    private static void checkTolerance(double tolerance) {
        if (!(tolerance >= GridGibbsKernel.MIN_TOLERANCE && tolerance <= 0.1)) {
            throw new IllegalArgumentException("tolerance must be in [" + GridGibbsKernel.MIN_TOLERANCE
                    + ", 0.1], got " + tolerance);
        }
    }

    private static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
