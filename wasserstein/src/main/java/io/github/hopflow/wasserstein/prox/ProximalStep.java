package io.github.hopflow.wasserstein.prox;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.ConvergenceException;
import io.github.hopflow.wasserstein.cost.IsometricCloud;
import io.github.hopflow.wasserstein.internal.Parallel;
import io.github.hopflow.wasserstein.kernel.DenseGibbsKernel;
import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import io.github.hopflow.wasserstein.kernel.ScaledGibbsKernel;
import io.github.hopflow.wasserstein.kernel.fast.GibbsKernels;
import java.util.Arrays;
import java.util.Optional;

/**
 * One entropic proximal (JKO) step of the density flow (HNN paper, eq. (54)) by the fixed point of
 * the proximal recursion (Caluya &amp; Halder, Algorithm 1; docs/design.md §1 step 2):
 * <pre>
 *   C(j, i) = d_G²(x_{k−1}^j, x_k^i)   (rows = previous points, columns = new points)
 *   Γ = exp(−C/(2ε)),  ξ = exp(−ψ/T − 1),  ψ = f(x_{k−1}),  z⁰ = 1,  y⁰ = ϱ_{k−1} ⊘ (Γ z⁰)
 *   repeat:  z ← (ξ ⊘ Γᵀy)^{1/(1+ε/(Th))};  stop if ‖log z' − log z‖_∞ &lt; tol (Thompson metric);
 *            y ← ϱ_{k−1} ⊘ (Γ z)
 *   ϱ_k = z ⊙ (Γᵀ y)
 * </pre>
 * When the same instance solved a step of the same size before ({@link Builder#warmStart}, default
 * on), z⁰ = (ξ ⊘ Γᵀy)^p with the last step's final Γᵀy: its z, with this step's ξ (along a flow
 * the points move and ξ = e^{−f(x_{k−1})/T − 1} with them, which the last z alone would miss); z⁰ = 1
 * otherwise. The y-update of the last iteration is
 * not computed: Γ is non-expansive in the Thompson metric, so it would change log y by at most the
 * last change of log z, and the stopping rule is that of the reference (both changes below tol).
 * The Γᵀy of ϱ_k is the product computed for the last z-update (its y differs from the y* of the
 * fixed point by at most tol/(1 − p), p the exponent, so log ϱ_k is within tol of the fixed point):
 * a step costs 2·(iterations) products.
 * Point i of the new cloud is point i of the previous one moved by one SDE step, so ψ^i, ϱ_{k−1}^i
 * and x_k^i refer to the same particle and both clouds have N points.
 *
 * <p><b>Kernel.</b> By default the kernel comes from {@link GibbsKernels#automaticRecycling(double, int)}
 * with tolerance δ = {@value #DEFAULT_KERNEL_TOLERANCE} ({@link Builder#kernelTolerance}): a grid
 * (Gaussian-gridding) kernel for large clouds in n ≤ 3, a stored dense kernel (float entries for
 * δ ≥ 2e-7) otherwise, each within δ of the exact product in the log of every output. The entropic
 * blur limits the accuracy of log ϱ to about 0.2 on the paper's example, so δ = 1e-6 is invisible
 * in the result; the exact kernel is {@link DenseGibbsKernel} ({@code kernelFactory(
 * DenseGibbsKernel.recyclingFactory(threads))}), which reproduces the NumPy reference step to 1e-8.
 *
 * <p>The iteration runs on logarithms. With {@link Domain#AUTO} (the default) and a kernel that
 * {@linkplain GibbsKernel#offersScaled offers a scaled view} (the exact dense kernel) the kernel products
 * use a stabilised plain-domain kernel K̃ = diag(e^α) Γ diag(e^β), built once per step with α, β
 * from max-plus estimates of the log-potentials, so the scaled vectors stay near 1 and each product
 * is one multiply-add per entry; when a scaled vector leaves [e^−150, e^150] its logarithm is
 * absorbed into α, β and K̃ rebuilt, and if a product still underflows the step continues with exact
 * log-sum-exp products. {@link Domain#LOG}, and {@link Domain#AUTO} with a kernel that offers no
 * scaled view (those of {@link GibbsKernels}, whose log-domain products already cost one
 * multiply-add per entry), use the kernel's log-domain products throughout. Either way nothing underflows: the plain-domain iteration of the
 * reference fails (NaN) with small ε in ten dimensions, this one does not.
 *
 * <p>The map is positively 1-homogeneous and conserves Σϱ; normalising the values is a separate
 * step ({@link Normalisation}). An instance owns work arrays: not thread-safe; reuse it for a
 * sequence of steps.
 */
public final class ProximalStep {

    /** How the kernel products are computed. */
    public enum Domain {
        /** Stabilised plain-domain products, falling back to log-sum-exp when needed. */
        AUTO,
        /** Log-sum-exp products throughout. */
        LOG
    }

    /**
     * Default tolerance δ of the automatic kernel: the largest error allowed in the log of any
     * kernel product output.
     */
    public static final double DEFAULT_KERNEL_TOLERANCE = GibbsKernels.DEFAULT_TOLERANCE;

    /** Scaled vectors are re-absorbed into the kernel scalings beyond e^±ABSORB_LIMIT. */
    static final double ABSORB_LIMIT = 150.0;

    private final DiagonalMetric metric;
    private final double temperature;
    private final double timeStep;
    private final double epsilon;
    private final double tolerance;
    private final int maxIterations;
    private final GibbsKernel.Factory kernelFactory;
    private final Domain domain;

    private int size = -1;
    private double[] uPrev;
    private double[] uNew;
    /** The last step's new positions, whose isometric coordinates uNew holds when lastNewKnown. */
    private double[] lastNew;
    private boolean lastNewKnown;
    private double[] logRho;
    private double[] logXi;
    private double[] ly;
    private double[] lz;
    private double[] lyNew;
    private double[] lzNew;
    private double[] alpha;
    private double[] beta;
    private double[] plain;
    private double[] product;
    private double[] lastT;
    /** log Γᵀy of the last step's last z-update, the start of the next one (warm start), valid when {@code warm}. */
    private double[] warmLogT;
    private boolean warm;
    private final boolean warmStart;

    // per-solve state
    private GibbsKernel kernel;
    private ScaledGibbsKernel scaledKernel;
    private boolean logMode;
    private boolean switched;
    private int builds;

    private ProximalStep(Builder b) {
        this.metric = b.metric;
        this.temperature = b.temperature;
        this.timeStep = b.timeStep;
        this.epsilon = b.epsilon;
        this.tolerance = b.tolerance;
        this.maxIterations = b.maxIterations;
        this.kernelFactory = b.kernelFactory != null ? b.kernelFactory
                : GibbsKernels.automaticRecycling(b.kernelTolerance, b.parallelism);
        this.domain = b.domain;
        this.warmStart = b.warmStart;
    }

    /** A builder; metric, temperature, time step and ε are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The metric whose d_G² is the transport cost. */
    public DiagonalMetric metric() {
        return metric;
    }

    /** T. */
    public double temperature() {
        return temperature;
    }

    /** h. */
    public double timeStep() {
        return timeStep;
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    /** The Thompson-metric tolerance. */
    public double tolerance() {
        return tolerance;
    }

    /** The iteration cap. */
    public int maxIterations() {
        return maxIterations;
    }

    /** The default Thompson-metric tolerance of the fixed point. */
    public static final double DEFAULT_TOLERANCE = 1e-9;
    /** The default iteration cap of the fixed point. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    /**
     * The smallest ε for which the fixed point reaches {@code tolerance} from an initial Thompson
     * distance of 1 within {@code maxIterations}: the z-map contracts by p = 1/(1 + ε/(T h)), so it
     * needs ln(1/tol)/ln(1/p) iterations, at most {@code maxIterations} when
     * ε ≥ T h (exp(ln(1/tol)/maxIterations) − 1).
     */
    public static double minimumEpsilon(double temperature, double step, double tolerance, int maxIterations) {
        return temperature * step * Math.expm1(Math.log(1 / tolerance) / maxIterations);
    }

    /** The exponent 1/(1 + ε/(Th)) of the z-update, also the contraction factor of the map. */
    public double exponent() {
        return 1.0 / (1.0 + epsilon / (temperature * timeStep));
    }

    /**
     * One step for a cloud whose points moved to {@code newPositions}, with ψ = f at the previous
     * points.
     *
     * @param previous the cloud at step k−1 (points and values ϱ_{k−1}). Not modified.
     * @param newPositions the moved points x_k, flat N × n. Not modified.
     * @param objective f
     */
    public ProximalResult step(WeightedPointCloud previous, double[] newPositions, Objective objective) {
        int n = metric.dimension();
        if (previous.dimension() != n) {
            throw new IllegalArgumentException("previous cloud has dimension " + previous.dimension()
                    + ", the metric has dimension " + n);
        }
        if (objective.dimension() != n) {
            throw new IllegalArgumentException("objective has dimension " + objective.dimension()
                    + ", the metric has dimension " + n);
        }
        double[] x = previous.positions();
        double[] psi = new double[previous.size()];
        for (int i = 0; i < psi.length; i++) {
            psi[i] = objective.value(x, i * n);
        }
        return step(x, previous.values(), psi, newPositions);
    }

    /**
     * One step.
     *
     * @param previousPositions x_{k−1}, flat row-major N × n, in the metric's domain. Not modified.
     * @param previousValues ϱ_{k−1}, N finite positive values. Not modified.
     * @param psi ψ = f(x_{k−1}), N finite values. Not modified.
     * @param newPositions x_k, flat N × n, in the metric's domain. Not modified.
     * @return the values at the new points, flagged converged or not (never non-finite)
     * @throws IllegalArgumentException for mismatched sizes, points outside the domain, or
     *     non-positive or non-finite values
     * @throws ConvergenceException if the values leave the range of doubles
     */
    public ProximalResult step(double[] previousPositions, double[] previousValues, double[] psi,
            double[] newPositions) {
        int n = metric.dimension();
        int count = previousValues.length;
        if (count == 0) {
            throw new IllegalArgumentException("previousValues must not be empty");
        }
        if (previousPositions.length != (long) count * n) {
            throw new IllegalArgumentException("previousPositions must have length N·n = " + ((long) count * n)
                    + " for N = " + count + " values, got " + previousPositions.length);
        }
        if (newPositions.length != previousPositions.length) {
            throw new IllegalArgumentException("newPositions must have length " + previousPositions.length
                    + " (same points as previousPositions), got " + newPositions.length);
        }
        if (psi.length != count) {
            throw new IllegalArgumentException("psi must have length " + count + ", got " + psi.length);
        }
        allocate(count, n);
        if (lastNewKnown && Arrays.equals(previousPositions, lastNew)) {
            // the previous points are the last step's new points: reuse their isometric coordinates
            double[] t = uPrev;
            uPrev = uNew;
            uNew = t;
        } else {
            IsometricCloud.toIsometric(metric, "previousPositions", previousPositions, uPrev);
        }
        lastNewKnown = false;
        IsometricCloud.toIsometric(metric, "newPositions", newPositions, uNew);
        System.arraycopy(newPositions, 0, lastNew, 0, newPositions.length);
        lastNewKnown = true;
        for (int j = 0; j < count; j++) {
            double r = Checks.positive("previousValues", j, previousValues[j]);
            logRho[j] = Math.log(r);
            if (!Double.isFinite(psi[j])) {
                throw new IllegalArgumentException("psi[" + j + "] must be finite, got " + psi[j]);
            }
            logXi[j] = -psi[j] / temperature - 1.0;
        }
        boolean ok = false;
        try {
            ProximalResult r = solve(count, n);
            ok = true;
            return r;
        } finally {
            warm = ok && warmStart;
            kernel = null;
            scaledKernel = null;
        }
    }

    private void allocate(int count, int n) {
        if (count == size && uPrev.length == count * n) {
            return;
        }
        size = count;
        uPrev = new double[count * n];
        uNew = new double[count * n];
        lastNew = new double[count * n];
        lastNewKnown = false;
        logRho = new double[count];
        logXi = new double[count];
        ly = new double[count];
        lz = new double[count];
        lyNew = new double[count];
        lzNew = new double[count];
        alpha = new double[count];
        beta = new double[count];
        plain = new double[count];
        product = new double[count];
        lastT = new double[count];
        warmLogT = new double[count];
        warm = false;
    }

    private ProximalResult solve(int count, int n) {
        kernel = kernelFactory.create(n, uPrev, uNew, 2 * epsilon);
        if (kernel.rows() != count || kernel.columns() != count) {
            throw new IllegalStateException("kernel factory returned a " + kernel.rows() + " x " + kernel.columns()
                    + " kernel for " + count + " points");
        }
        double p = exponent();
        builds = 0;
        switched = false;
        logMode = domain == Domain.LOG || !kernel.offersScaled();
        boolean logFromStart = logMode;
        scaledKernel = null;
        if (!logMode) {
            // max-plus estimates of log y (with the starting z) and log z (after one update)
            startZ();
            kernel.logMultiplyEstimate(lz, alpha);
            for (int j = 0; j < count; j++) {
                alpha[j] = logRho[j] - alpha[j];
            }
            kernel.logMultiplyTransposeEstimate(alpha, beta);
            for (int i = 0; i < count; i++) {
                beta[i] = p * (logXi[i] - beta[i]);
            }
            rescale();
        }
        // z0 = 1 or the last step's z with this step's ξ, y0 = rho ⊘ (Γ z0)
        startZ();
        logGammaTimes(lz, null, ly);
        for (int j = 0; j < count; j++) {
            ly[j] = logRho[j] - ly[j];
        }
        int it = 0;
        double err = Double.POSITIVE_INFINITY;
        boolean converged = false;
        while (it < maxIterations) {
            it++;
            logGammaTransposeTimes(ly, lz, lzNew);
            System.arraycopy(lzNew, 0, lastT, 0, count);
            double e = 0;
            boolean nan = false;
            for (int i = 0; i < count; i++) {
                lzNew[i] = p * (logXi[i] - lzNew[i]);
                double d = Math.abs(lzNew[i] - lz[i]);
                if (d > e) {
                    e = d;
                } else if (Double.isNaN(d)) {
                    nan = true;
                }
            }
            double[] t = lz;
            lz = lzNew;
            lzNew = t;
            err = nan ? Double.NaN : e;
            if (nan) {
                throw new ConvergenceException("proximal step produced a non-finite potential (T = " + temperature
                        + ", h = " + timeStep + ", eps = " + epsilon + ")", it, err);
            }
            if (err < tolerance) {
                // the y-update would change log y by at most err (Γ is non-expansive in the Thompson
                // metric), and ϱ_k needs only z and Γᵀy: stop before its product
                converged = true;
                break;
            }
            logGammaTimes(lz, ly, lyNew);
            for (int j = 0; j < count; j++) {
                lyNew[j] = logRho[j] - lyNew[j];
            }
            t = ly;
            ly = lyNew;
            lyNew = t;
        }
        // rho_k = z ⊙ Γᵀ y, with the product Γᵀy of the last iteration's z-update (its y differs from
        // the last y by less than the tolerance in the Thompson metric), which saves one product
        double[] logOut = new double[count];
        if (it == 0) {
            logGammaTransposeTimes(ly, lz, lastT);
        }
        System.arraycopy(lastT, 0, warmLogT, 0, count);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            logOut[i] = lastT[i] + lz[i];
            out[i] = Math.exp(logOut[i]);
            if (!(out[i] > 0) || Double.isInfinite(out[i])) {
                throw new ConvergenceException("proximal step value " + i + " = exp(" + logOut[i]
                        + ") is outside the range of doubles", it, err);
            }
        }
        ProximalResult.Path path = logFromStart ? ProximalResult.Path.LOG
                : switched ? ProximalResult.Path.SCALED_THEN_LOG : ProximalResult.Path.SCALED;
        return new ProximalResult(out, logOut, it, err, converged, tolerance, path, builds);
    }

    private void startZ() {
        if (warm) {
            // the last step's z, (ξ ⊘ Γᵀy)^p, with this step's ξ
            double p = exponent();
            for (int i = 0; i < lz.length; i++) {
                lz[i] = p * (logXi[i] - warmLogT[i]);
            }
        } else {
            java.util.Arrays.fill(lz, 0.0);
        }
    }

    private void rescale() {
        Optional<ScaledGibbsKernel> s = kernel.scaled(alpha, beta);
        builds++;
        if (s.isPresent()) {
            scaledKernel = s.get();
        } else {
            logMode = true;
        }
    }

    private void switchToLog() {
        logMode = true;
        switched = true;
        scaledKernel = null;
    }

    /**
     * out = log(Γ exp(logZ)). In scaled mode: Γz = e^{−α}(K̃ ẑ) with ẑ = z e^{−β}.
     *
     * @param logZ log z. Not modified.
     * @param logY the current log y, used for re-scaling, or null to keep α. Not modified.
     * @param out output. Modified.
     */
    private void logGammaTimes(double[] logZ, double[] logY, double[] out) {
        int count = logZ.length;
        for (int attempt = 0; !logMode; attempt++) {
            boolean inRange = true;
            for (int i = 0; i < count; i++) {
                double d = logZ[i] - beta[i];
                if (Math.abs(d) > Math.min(ABSORB_LIMIT, scaledKernel.scalingLimit())) {
                    inRange = false;
                    break;
                }
                plain[i] = Math.exp(d);
            }
            if (inRange) {
                scaledKernel.multiply(plain, product);
                boolean ok = true;
                for (int j = 0; j < count; j++) {
                    double s = product[j];
                    if (!(s > 0) || Double.isInfinite(s)) {
                        ok = false;
                        break;
                    }
                    out[j] = Math.log(s) - alpha[j];
                }
                if (ok) {
                    return;
                }
            }
            if (attempt > 0) {
                switchToLog();
                break;
            }
            // absorb: α ← log y (when known), β ← log z, and rebuild
            System.arraycopy(logZ, 0, beta, 0, count);
            if (logY != null) {
                System.arraycopy(logY, 0, alpha, 0, count);
            }
            rescale();
        }
        kernel.logMultiply(logZ, out);
    }

    /** out = log(Γᵀ exp(logY)); {@code logZ} is the current log z, used for re-scaling. */
    private void logGammaTransposeTimes(double[] logY, double[] logZ, double[] out) {
        int count = logY.length;
        for (int attempt = 0; !logMode; attempt++) {
            boolean inRange = true;
            for (int j = 0; j < count; j++) {
                double d = logY[j] - alpha[j];
                if (Math.abs(d) > Math.min(ABSORB_LIMIT, scaledKernel.scalingLimit())) {
                    inRange = false;
                    break;
                }
                plain[j] = Math.exp(d);
            }
            if (inRange) {
                scaledKernel.multiplyTranspose(plain, product);
                boolean ok = true;
                for (int i = 0; i < count; i++) {
                    double s = product[i];
                    if (!(s > 0) || Double.isInfinite(s)) {
                        ok = false;
                        break;
                    }
                    out[i] = Math.log(s) - beta[i];
                }
                if (ok) {
                    return;
                }
            }
            if (attempt > 0) {
                switchToLog();
                break;
            }
            System.arraycopy(logY, 0, alpha, 0, count);
            System.arraycopy(logZ, 0, beta, 0, count);
            rescale();
        }
        kernel.logMultiplyTranspose(logY, out);
    }

    /** Builder of {@link ProximalStep}. */
    public static final class Builder {
        private DiagonalMetric metric;
        private double temperature = Double.NaN;
        private double timeStep = Double.NaN;
        private double epsilon = Double.NaN;
        private double tolerance = DEFAULT_TOLERANCE;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private GibbsKernel.Factory kernelFactory;
        private double kernelTolerance = DEFAULT_KERNEL_TOLERANCE;
        private int parallelism = Parallel.defaultParallelism();
        private Domain domain = Domain.AUTO;
        private boolean warmStart = true;

        private Builder() {
        }

        /** The metric (required). */
        public Builder metric(DiagonalMetric m) {
            if (m == null) {
                throw new IllegalArgumentException("metric must not be null");
            }
            this.metric = m;
            return this;
        }

        /** Temperature T &gt; 0 (required). */
        public Builder temperature(double t) {
            this.temperature = Checks.positive("temperature", t);
            return this;
        }

        /** Time step h &gt; 0 (required). */
        public Builder timeStep(double h) {
            this.timeStep = Checks.positive("h", h);
            return this;
        }

        /** Entropic regularisation ε &gt; 0 (required); the kernel is exp(−C/(2ε)). */
        public Builder epsilon(double e) {
            this.epsilon = Checks.positive("eps", e);
            return this;
        }

        /** Thompson-metric tolerance &gt; 0; default 1e−9. */
        public Builder tolerance(double tol) {
            this.tolerance = Checks.positive("tolerance", tol);
            return this;
        }

        /** Iteration cap ≥ 1; default 1000. */
        public Builder maxIterations(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + max);
            }
            this.maxIterations = max;
            return this;
        }

        /**
         * Kernel factory; default {@link GibbsKernels#automaticRecycling(double, int)} with the
         * {@link #kernelTolerance} and {@link #parallelism}. For the exact kernel pass
         * {@link DenseGibbsKernel#recyclingFactory(int)}.
         */
        public Builder kernelFactory(GibbsKernel.Factory f) {
            if (f == null) {
                throw new IllegalArgumentException("kernelFactory must not be null");
            }
            this.kernelFactory = f;
            return this;
        }

        /**
         * Tolerance δ of the default (automatic) kernel, in [1e-12, 0.1]; default
         * {@value ProximalStep#DEFAULT_KERNEL_TOLERANCE}. Ignored when a kernel factory is set.
         */
        public Builder kernelTolerance(double delta) {
            if (!(delta >= 1e-12 && delta <= 0.1)) {
                throw new IllegalArgumentException("kernelTolerance must be in [1e-12, 0.1], got " + delta);
            }
            this.kernelTolerance = delta;
            return this;
        }

        /** Threads for the default kernel; default: all processors. */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /**
         * Whether a step starts the iteration from the previous step's z, with this step's ξ (same N;
         * the fixed point is unique, so this changes the result only within the tolerance, and saves
         * iterations along a flow); default true. Off: every step starts from z = 1.
         */
        public Builder warmStart(boolean on) {
            this.warmStart = on;
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

        /** The step. */
        public ProximalStep build() {
            if (metric == null) {
                throw new IllegalArgumentException("metric must be set");
            }
            if (Double.isNaN(temperature)) {
                throw new IllegalArgumentException("temperature must be set");
            }
            if (Double.isNaN(timeStep)) {
                throw new IllegalArgumentException("h (time step) must be set");
            }
            if (Double.isNaN(epsilon)) {
                throw new IllegalArgumentException("eps must be set");
            }
            return new ProximalStep(this);
        }
    }
}
