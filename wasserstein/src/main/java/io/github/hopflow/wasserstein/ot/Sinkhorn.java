package io.github.hopflow.wasserstein.ot;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.wasserstein.internal.Parallel;
import io.github.hopflow.wasserstein.kernel.DenseGibbsKernel;
import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import io.github.hopflow.wasserstein.kernel.ScaledGibbsKernel;
import io.github.hopflow.wasserstein.kernel.fast.LogDomainGibbsKernel;
import io.github.hopflow.wasserstein.kernel.fast.TruncatedGibbsKernel;
import java.util.Optional;

/**
 * Entropic optimal transport between weighted point clouds by Sinkhorn's algorithm in the log
 * domain (Cuturi 2013; Schmitzer 2019 for the stabilisation; Peyré &amp; Cuturi, "Computational
 * Optimal Transport", §4.4 for ε-scaling). It minimises
 * <pre>  ⟨P, C⟩ + ε Σ_ji P_ji log P_ji   over P ≥ 0, P𝟙 = a, Pᵀ𝟙 = b,</pre>
 * the objective of POT's {@code ot.sinkhorn}, with C(j, i) = ‖u_j − v_i‖² in isometric coordinates
 * (so C = d_G²). Since Σ P log P = KL(P ‖ a⊗b) + Σ a log a + Σ b log b on couplings, the minimiser
 * is also that of the KL-regularised problem, and the two objectives differ by ε(Σa log a + Σb log b).
 *
 * <p>Iterations alternate ℓu = log a − log K e^{ℓv} and ℓv = log b − log Kᵀ e^{ℓu} (K = exp(−C/ε));
 * the plan is P = diag(e^{ℓu}) K diag(e^{ℓv}). Column marginals are exact after each iteration and
 * the iteration stops when the L1 row-marginal error ‖P𝟙 − a‖₁ falls below the tolerance. Products
 * use the stabilised plain-domain kernel of {@link GibbsKernel#scaled} with absorption, or exact
 * log-sum-exp products ({@link Domain#LOG}, or automatically when a scaled product underflows).
 * The default kernel is the {@link TruncatedGibbsKernel} (the dense kernel when M·N is too large
 * for it): after each absorption it stores only the entries of the scaled kernel that can matter at
 * double precision while the scaled vectors stay within e^±{@value TruncatedGibbsKernel#DEFAULT_SCALING_LIMIT},
 * so that at small ε an iteration touches a fraction of the M·N entries.
 *
 * <p>ε-scaling (default on for cold starts): stages ε_s = max(ε, ε₀ q^s) with ε₀ the squared
 * diameter of the two clouds and q = ½, each warm-started from the previous stage's potentials;
 * intermediate stages stop at the stage tolerance. A warm start (potentials from an earlier result)
 * runs a single stage at ε.
 *
 * <p>Immutable and thread-safe: each solve allocates its own kernel storage and work arrays.
 */
public final class Sinkhorn {

    /** How kernel products are computed. */
    public enum Domain {
        /** Stabilised plain-domain products, switching to log-sum-exp when a product underflows. */
        AUTO,
        /** Log-sum-exp products throughout. */
        LOG
    }

    private static final double LIMIT = 150.0;
    /** Default kernels are truncated ones when their worst-case storage stays below this. */
    private static final long TRUNCATED_MEMORY_BYTES = 1L << 30;

    private final double epsilon;
    private final double tolerance;
    private final double stageTolerance;
    private final int maxIterations;
    private final boolean epsilonScaling;
    private final double scalingFactor;
    private final GibbsKernel.Factory kernelFactory;
    private final int parallelism;
    private final Domain domain;

    private Sinkhorn(Builder b) {
        this.epsilon = b.epsilon;
        this.tolerance = b.tolerance;
        this.stageTolerance = b.stageTolerance;
        this.maxIterations = b.maxIterations;
        this.epsilonScaling = b.epsilonScaling;
        this.scalingFactor = b.scalingFactor;
        this.kernelFactory = b.kernelFactory;
        this.parallelism = b.parallelism;
        this.domain = b.domain;
    }

    /** A builder; ε is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A solver with default settings at regularisation ε. */
    public static Sinkhorn of(double epsilon) {
        return builder().epsilon(epsilon).build();
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    /** The L1 marginal tolerance. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Solves from a cold start.
     *
     * @param dimension n
     * @param u row points (isometric coordinates), flat M × n, finite. Not modified.
     * @param a M positive finite masses. Not modified.
     * @param v column points, flat N × n, finite. Not modified.
     * @param b N positive finite masses, Σb = Σa up to a relative 1e−9. Not modified.
     */
    public SinkhornResult solve(int dimension, double[] u, double[] a, double[] v, double[] b) {
        return solve(dimension, u, a, v, b, null, null);
    }

    /**
     * Solves, warm-started from potentials f (length M) and g (length N) of an earlier result
     * (both null for a cold start); a warm start runs one stage at ε.
     *
     * @param f row potentials or null. Not modified.
     * @param g column potentials or null. Not modified.
     * @see #solve(int, double[], double[], double[], double[])
     */
    public SinkhornResult solve(int dimension, double[] u, double[] a, double[] v, double[] b, double[] f,
            double[] g) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        int m = points("u", u, dimension);
        int n = points("v", v, dimension);
        if (a.length != m) {
            throw new IllegalArgumentException("a must have one mass per row point (" + m + "), got " + a.length);
        }
        if (b.length != n) {
            throw new IllegalArgumentException("b must have one mass per column point (" + n + "), got " + b.length);
        }
        double sa = Masses.checkPositive("a", a);
        double sb = Masses.checkPositive("b", b);
        if (Math.abs(sa - sb) > 1e-9 * Math.max(sa, sb)) {
            throw new IllegalArgumentException("total masses differ: sum(a) = " + sa + ", sum(b) = " + sb);
        }
        if ((f == null) != (g == null)) {
            throw new IllegalArgumentException("warm start needs both f and g, or neither");
        }
        if (f != null) {
            checkPotential("f", f, m);
            checkPotential("g", g, n);
        }
        return new Run(dimension, u, a, v, b, m, n).run(f, g);
    }

    /**
     * The symmetric problem OT_ε(a, a) (the self terms of the debiased divergence), solved by the
     * averaged symmetric update f ← ½(f + S(f)), S(f)_j = −ε log Σ_i a_i exp((f_i − C(j, i))/ε),
     * in the log domain with the same ε-scaling stages (Feydy et al. 2019, §3): plain alternating
     * Sinkhorn oscillates slowly on symmetric problems, the averaged update does not. The result's
     * row and column potentials are equal.
     *
     * @param u points, flat M × n. Not modified.
     * @param a M positive finite masses. Not modified.
     */
    public SinkhornResult solveSymmetric(int dimension, double[] u, double[] a) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        int m = points("u", u, dimension);
        if (a.length != m) {
            throw new IllegalArgumentException("a must have one mass per point (" + m + "), got " + a.length);
        }
        Masses.checkPositive("a", a);
        return new Run(dimension, u, a, u, a, m, m).runSymmetric();
    }

    private static int points(String name, double[] p, int dim) {
        if (p.length == 0 || p.length % dim != 0) {
            throw new IllegalArgumentException(name + " length " + p.length + " must be a positive multiple of " + dim);
        }
        for (int k = 0; k < p.length; k++) {
            if (!Double.isFinite(p[k])) {
                throw new IllegalArgumentException(name + "[" + k + "] must be finite, got " + p[k]);
            }
        }
        return p.length / dim;
    }

    private static void checkPotential(String name, double[] p, int len) {
        if (p.length != len) {
            throw new IllegalArgumentException(name + " must have length " + len + ", got " + p.length);
        }
        for (int k = 0; k < len; k++) {
            if (!Double.isFinite(p[k])) {
                throw new IllegalArgumentException(name + "[" + k + "] must be finite, got " + p[k]);
            }
        }
    }

    /** One solve: work arrays and state. */
    private final class Run {
        final int dim;
        final double[] u;
        final double[] a;
        final double[] v;
        final double[] b;
        final int m;
        final int n;
        final double[] logA;
        final double[] logB;
        final double[] lu;
        final double[] lv;
        final double[] alpha;
        final double[] beta;
        final double[] uh;
        final double[] vh;
        final double[] s;
        final double[] t;
        final GibbsKernel.Factory factory;
        GibbsKernel kernel;
        ScaledGibbsKernel scaled;
        boolean logMode;
        int iterations;

        Run(int dim, double[] u, double[] a, double[] v, double[] b, int m, int n) {
            this.dim = dim;
            this.u = u;
            this.a = a;
            this.v = v;
            this.b = b;
            this.m = m;
            this.n = n;
            logA = new double[m];
            logB = new double[n];
            for (int j = 0; j < m; j++) {
                logA[j] = Math.log(a[j]);
            }
            for (int i = 0; i < n; i++) {
                logB[i] = Math.log(b[i]);
            }
            lu = new double[m];
            lv = new double[n];
            alpha = new double[m];
            beta = new double[n];
            uh = new double[m];
            vh = new double[n];
            s = new double[m];
            t = new double[n];
            factory = kernelFactory != null ? kernelFactory : defaultFactory(m, n);
            logMode = domain == Domain.LOG;
        }

        /**
         * The default kernels: truncated stabilised kernels (exact to double rounding, see
         * {@link TruncatedGibbsKernel}) when their worst case fits in memory, else the dense kernel
         * when it fits, else the exact log-domain kernel, which stores nothing.
         */
        private GibbsKernel.Factory defaultFactory(int rows, int cols) {
            if (24L * rows * cols <= TRUNCATED_MEMORY_BYTES) {
                return TruncatedGibbsKernel.recyclingFactory(parallelism);
            }
            if (8L * rows * cols <= TRUNCATED_MEMORY_BYTES) {
                return DenseGibbsKernel.recyclingFactory(parallelism);
            }
            return (d, x, y, tau) -> LogDomainGibbsKernel.of(d, x, y, tau, parallelism);
        }

        SinkhornResult run(double[] f0, double[] g0) {
            double[] f = f0 == null ? new double[m] : f0.clone();
            double[] g = g0 == null ? new double[n] : g0.clone();
            double eps0 = epsilon;
            if (f0 == null && epsilonScaling) {
                eps0 = Math.max(epsilon, squaredDiameter());
            }
            int stages = 0;
            double err = Double.POSITIVE_INFINITY;
            double eps = eps0;
            while (true) {
                boolean last = eps <= epsilon;
                if (last) {
                    eps = epsilon;
                }
                stages++;
                err = stage(eps, f, g, last ? tolerance : Math.max(tolerance, stageTolerance), stages == 1 && f0 == null);
                if (last || iterations >= maxIterations) {
                    break;
                }
                eps = Math.max(epsilon, eps * scalingFactor);
            }
            boolean converged = err < tolerance && eps == epsilon;
            return evaluate(eps, f, g, stages, err, converged);
        }

        SinkhornResult runSymmetric() {
            double[] f = new double[m];
            double eps = epsilonScaling ? Math.max(epsilon, squaredDiameter()) : epsilon;
            int stages = 0;
            double err = Double.POSITIVE_INFINITY;
            while (true) {
                boolean last = eps <= epsilon;
                if (last) {
                    eps = epsilon;
                }
                stages++;
                double tol = last ? tolerance : Math.max(tolerance, stageTolerance);
                kernel = factory.create(dim, u, u, eps);
                while (true) {
                    for (int j = 0; j < m; j++) {
                        lu[j] = logA[j] + f[j] / eps;
                    }
                    kernel.logMultiply(lu, s);
                    // row marginal of the plan a⊗a·exp((f⊕f − C)/ε): a_j exp(f_j/ε + s_j)
                    err = 0;
                    for (int j = 0; j < m; j++) {
                        err += Math.abs(Math.exp(lu[j] + s[j]) - a[j]);
                    }
                    if (err < tol || iterations >= maxIterations) {
                        break;
                    }
                    for (int j = 0; j < m; j++) {
                        f[j] = 0.5 * (f[j] - eps * s[j]);
                    }
                    iterations++;
                }
                kernel = null;
                if (last || iterations >= maxIterations) {
                    break;
                }
                eps = Math.max(epsilon, eps * scalingFactor);
            }
            for (int j = 0; j < m; j++) {
                lu[j] = logA[j] + f[j] / eps;
            }
            System.arraycopy(lu, 0, lv, 0, m);
            boolean converged = err < tolerance && eps == epsilon;
            return evaluate(eps, f, f.clone(), stages, err, converged);
        }

        private double squaredDiameter() {
            double s2 = 0;
            for (int k = 0; k < dim; k++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int p = k; p < u.length; p += dim) {
                    lo = Math.min(lo, u[p]);
                    hi = Math.max(hi, u[p]);
                }
                for (int p = k; p < v.length; p += dim) {
                    lo = Math.min(lo, v[p]);
                    hi = Math.max(hi, v[p]);
                }
                s2 += (hi - lo) * (hi - lo);
            }
            return s2;
        }

        /** Runs one ε stage from potentials f, g (updated in place); returns the last marginal error. */
        private double stage(double eps, double[] f, double[] g, double tol, boolean cold) {
            kernel = factory.create(dim, u, v, eps);
            for (int j = 0; j < m; j++) {
                lu[j] = logA[j] + f[j] / eps;
            }
            for (int i = 0; i < n; i++) {
                lv[i] = logB[i] + g[i] / eps;
            }
            double err = logMode ? logStage(tol) : scaledStage(tol, cold);
            for (int j = 0; j < m; j++) {
                f[j] = eps * (lu[j] - logA[j]);
            }
            for (int i = 0; i < n; i++) {
                g[i] = eps * (lv[i] - logB[i]);
            }
            kernel = null;
            scaled = null;
            return err;
        }

        private boolean absorbAndRebuild() {
            for (int j = 0; j < m; j++) {
                alpha[j] = lu[j];
                uh[j] = 1.0;
            }
            for (int i = 0; i < n; i++) {
                beta[i] = lv[i];
                vh[i] = 1.0;
            }
            Optional<ScaledGibbsKernel> k = kernel.scaled(alpha, beta);
            scaled = k.orElse(null);
            return scaled != null;
        }

        private double scaledStage(double tol, boolean cold) {
            if (cold) {
                // a cold start: a max-plus column update gives every column of the scaled kernel an entry b_i
                kernel.logMultiplyTransposeEstimate(lu, t);
                for (int i = 0; i < n; i++) {
                    lv[i] = logB[i] - t[i];
                }
            }
            if (!absorbAndRebuild()) {
                logMode = true;
                return logStage(tol);
            }
            boolean fresh = true;
            double err = Double.POSITIVE_INFINITY;
            while (true) {
                double limit = Math.min(LIMIT, scaled.scalingLimit());
                double hi = Math.exp(limit);
                double lo = Math.exp(-limit);
                scaled.multiply(vh, s);
                err = 0;
                boolean ok = true;
                for (int j = 0; j < m; j++) {
                    double sj = s[j];
                    if (!(sj > 0) || Double.isInfinite(sj)) {
                        ok = false;
                        break;
                    }
                    err += Math.abs(uh[j] * sj - a[j]);
                }
                if (ok && err < tol) {
                    break;
                }
                if (iterations >= maxIterations) {
                    break;
                }
                if (ok) {
                    boolean inRange = true;
                    for (int j = 0; j < m; j++) {
                        uh[j] = a[j] / s[j];
                        inRange &= uh[j] < hi && uh[j] > lo;
                    }
                    scaled.multiplyTranspose(uh, t);
                    for (int i = 0; i < n && ok; i++) {
                        double ti = t[i];
                        if (!(ti > 0) || Double.isInfinite(ti)) {
                            ok = false;
                        } else {
                            vh[i] = b[i] / ti;
                            inRange &= vh[i] < hi && vh[i] > lo;
                        }
                    }
                    if (ok) {
                        iterations++;
                        syncLogs();
                        fresh = false;
                        if (inRange) {
                            continue;
                        }
                    }
                }
                // a product left the safe range: absorb; twice in a row means the log domain is needed
                if (!ok && fresh) {
                    logMode = true;
                    return logStage(tol);
                }
                if (!absorbAndRebuild()) {
                    logMode = true;
                    return logStage(tol);
                }
                fresh = true;
            }
            syncLogs();
            return err;
        }

        /** lu = α + log û, lv = β + log v̂. */
        private void syncLogs() {
            for (int j = 0; j < m; j++) {
                lu[j] = alpha[j] + Math.log(uh[j]);
            }
            for (int i = 0; i < n; i++) {
                lv[i] = beta[i] + Math.log(vh[i]);
            }
        }

        private double logStage(double tol) {
            scaled = null;
            double err = Double.POSITIVE_INFINITY;
            while (true) {
                kernel.logMultiply(lv, s);
                err = 0;
                for (int j = 0; j < m; j++) {
                    err += Math.abs(Math.exp(lu[j] + s[j]) - a[j]);
                }
                if (err < tol || iterations >= maxIterations) {
                    return err;
                }
                for (int j = 0; j < m; j++) {
                    lu[j] = logA[j] - s[j];
                }
                kernel.logMultiplyTranspose(lu, t);
                for (int i = 0; i < n; i++) {
                    lv[i] = logB[i] - t[i];
                }
                iterations++;
            }
        }

        /** Plan statistics from the final log-potentials, recomputing C exactly. */
        private SinkhornResult evaluate(double eps, double[] f, double[] g, int stages, double err, boolean converged) {
            double[] rowCost = new double[m];
            double[] rowEnt = new double[m];
            double[] rowMass = new double[m];
            double[] colMass = new double[n];
            double inv = 1.0 / eps;
            Parallel.forBlocks(m, 8L * m * n, parallelism, (from, to) -> {
                for (int j = from; j < to; j++) {
                    double cs = 0;
                    double es = 0;
                    double ms = 0;
                    for (int i = 0; i < n; i++) {
                        double c = dist2(j, i);
                        double lp = lu[j] + lv[i] - c * inv;
                        if (lp < -745) {
                            continue;
                        }
                        double p = Math.exp(lp);
                        cs += p * c;
                        es += p * lp;
                        ms += p;
                    }
                    rowCost[j] = cs;
                    rowEnt[j] = es;
                    rowMass[j] = ms;
                }
            });
            Parallel.forBlocks(n, 8L * m * n, parallelism, (from, to) -> {
                for (int j = 0; j < m; j++) {
                    for (int i = from; i < to; i++) {
                        double c = dist2(j, i);
                        double lp = lu[j] + lv[i] - c * inv;
                        if (lp >= -745) {
                            colMass[i] += Math.exp(lp);
                        }
                    }
                }
            });
            double cost = 0;
            double ent = 0;
            double rowErr = 0;
            double colErr = 0;
            for (int j = 0; j < m; j++) {
                cost += rowCost[j];
                ent += rowEnt[j];
                rowErr += Math.abs(rowMass[j] - a[j]);
            }
            for (int i = 0; i < n; i++) {
                colErr += Math.abs(colMass[i] - b[i]);
            }
            if (!Double.isFinite(cost) || !Double.isFinite(ent)) {
                throw new io.github.hopflow.wasserstein.ConvergenceException(
                        "Sinkhorn produced a non-finite cost (eps = " + eps + ")", iterations, err);
            }
            return new SinkhornResult(eps, cost, cost + eps * ent, f, g, iterations, stages, err, rowErr, colErr,
                    converged, tolerance);
        }

        private double dist2(int j, int i) {
            double s2 = 0;
            int pj = j * dim;
            int pi = i * dim;
            for (int k = 0; k < dim; k++) {
                double d = u[pj + k] - v[pi + k];
                s2 += d * d;
            }
            return s2;
        }
    }

    /** Builder of {@link Sinkhorn}. */
    public static final class Builder {
        private double epsilon = Double.NaN;
        private double tolerance = 1e-9;
        private double stageTolerance = 1e-3;
        private int maxIterations = 1_000_000;
        private boolean epsilonScaling = true;
        private double scalingFactor = 0.5;
        private GibbsKernel.Factory kernelFactory;
        private int parallelism = Parallel.defaultParallelism();
        private Domain domain = Domain.AUTO;

        private Builder() {
        }

        /** ε &gt; 0 (required). */
        public Builder epsilon(double e) {
            Checks.positive("eps", e);
            this.epsilon = e;
            return this;
        }

        /** L1 marginal tolerance &gt; 0; default 1e−9. */
        public Builder tolerance(double tol) {
            Checks.positive("tolerance", tol);
            this.tolerance = tol;
            return this;
        }

        /** L1 marginal tolerance of intermediate ε-scaling stages; default 1e−3. */
        public Builder stageTolerance(double tol) {
            Checks.positive("stageTolerance", tol);
            this.stageTolerance = tol;
            return this;
        }

        /** Cap on the total number of iterations; default 10⁶. */
        public Builder maxIterations(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + max);
            }
            this.maxIterations = max;
            return this;
        }

        /** Whether cold starts use ε-scaling; default true. */
        public Builder epsilonScaling(boolean on) {
            this.epsilonScaling = on;
            return this;
        }

        /** The ratio q of successive ε-scaling stages, in (0, 1); default ½. */
        public Builder scalingFactor(double q) {
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("scalingFactor must be in (0, 1), got " + q);
            }
            this.scalingFactor = q;
            return this;
        }

        /** The kernel factory; default dense kernels sharing storage within one solve. */
        public Builder kernelFactory(GibbsKernel.Factory f) {
            if (f == null) {
                throw new IllegalArgumentException("kernelFactory must not be null");
            }
            this.kernelFactory = f;
            return this;
        }

        /** Threads for the dense kernel and the final evaluation; default all processors. */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /** Product domain; default {@link Domain#AUTO}. */
        public Builder domain(Domain d) {
            if (d == null) {
                throw new IllegalArgumentException("domain must not be null");
            }
            this.domain = d;
            return this;
        }

        /** The solver. */
        public Sinkhorn build() {
            if (Double.isNaN(epsilon)) {
                throw new IllegalArgumentException("eps must be set");
            }
            return new Sinkhorn(this);
        }
    }
}
