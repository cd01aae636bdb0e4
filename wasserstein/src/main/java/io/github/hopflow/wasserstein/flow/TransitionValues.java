package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.wasserstein.internal.Median;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Density values carried by the machine's own transition density: the default value update.
 *
 * <h2>Idea</h2>
 * If the points y_j of an earlier cloud (an <em>anchor</em>, a lag t back) are a sample of
 * ρ_{t₀} and p_t(x | y) is the transition density of the diffusion machine, then
 * ρ_{t₀+t}(x) = ∫ p_t(x | y) ρ_{t₀}(y) dy, and the mixture
 * <pre>  A_i = (1/(N − 1)) Σ_{j≠i} p_t(x_i | y_j)  </pre>
 * is an unbiased estimate of ρ_{t₀+t}(x_i) (docs/design.md §1: the values must follow the density
 * equation ∂ρ/∂t = ∇·(M(ρ∇f + T∇ρ))). Unlike the entropic proximal step it has no blur of its own:
 * its only error is the sampling noise of the mixture and the error of the approximate p_t.
 *
 * <h2>The transition density</h2>
 * The ground-state transform ρ = e^{−f/(2T)} φ turns the density equation into
 * ∂φ/∂t = T Δ_M φ − V φ with Δ_M φ = ∇·(M∇φ) and
 * <pre>  V = |∇f|²_M/(4T) − ½ Δ_M f,  |∇f|²_M = Σ m_c (∂_c f)²,  Δ_M f = Σ (m_c ∂²_c f + m_c′ ∂_c f).  </pre>
 * A symmetric (Strang) splitting of e^{t(TΔ_M − V)} gives, to second order in t,
 * <pre>  p_t(x | y) ≈ H(x | y) · exp(−(f(x) − f(y))/(2T) − t (V(x) + V(y))/2),  </pre>
 * with H the heat kernel of T Δ_M over the time t, a product over the coordinates of
 * {@link HeatKernel}s at spread s = ∫T dt (exact for f = 0, boundary-correct on the cube).
 *
 * <h2>The control variate</h2>
 * The same kernel gives a second sum whose expectation is known up to one global constant:
 * <pre>  B_i = (1/(N − 1)) Σ_{j≠i} p_t(y_j | x_i) / ρ_{t₀}(y_j) ≈ ∫ p_t(y | x_i) dy ≈ 1.  </pre>
 * Its fluctuations share the mixture's (the same neighbours enter both), so
 * <pre>  log ϱ_i = log A_i − b_i (log B_i − median log B),  b_i = Cov(log A, log B)/(Var log B + γ σ̄²_i)  </pre>
 * (clipped to [0, 1]; variances by the delta method over the sources, each log corrected by half
 * its variance) removes most of the noise. σ̄²_i, the kernel-weighted mean of the anchor values'
 * own error variances, tracks the error carried from one anchor to the next (γ = ½). From the
 * start cloud, whose values are exact, the plain mixture is used (b_i = 0): there B's weights
 * 1/ρ₀ are heavy wherever the start is concentrated, and a coefficient estimated from the same few
 * terms over-corrects the tails (on Ornstein–Uhlenbeck from a narrow Gaussian the slope of log ϱ on
 * log ρ_t at t = 0.05 was 0.92 with the control variate there, 0.99 without).
 *
 * <h2>Anchors</h2>
 * The first anchor is the start cloud with its given values. A new anchor is made every L steps,
 * L = θ/(λh) rounded (θ = 0.3), where λ, the median over the points of max_c |m_c ∂²_c f + ½ m_c′ ∂_c f|
 * (the diagonal of the Hessian in isometric coordinates), is the cloud's relaxation rate: long
 * enough for the kernel to overlap many neighbours, short enough for the splitting to be accurate.
 * The values at step k come from the newest anchor at least its own L steps back (or are the
 * anchor's, at an anchor step), so the lag is between L and 2L steps; the temperature over the lag
 * is its mean, ∫T dt / t. At T = 0 there is no kernel: the points move by the gradient flow and the
 * values follow Liouville's equation, log ϱ_k = log ϱ_{k−1} + h Δ_M f(x_{k−1}), and the next
 * positive-temperature step starts a new anchor.
 *
 * <h2>Sparse rows</h2>
 * Where no source lies within about six standard deviations of the kernel (its nearest term is
 * below e^{−{@value #EMPTY_KERNEL_EXPONENT}} of the peak: a few particles, a very low temperature
 * or mobility) the mixture says nothing; such a value follows its particle instead,
 * log ϱ_k = log ϱ_{k−1} + h Δ_M f(x_{k−1}), the zero-temperature limit of the density along the
 * path.
 *
 * <h2>Limits</h2>
 * Each step costs one N × N kernel sum (the study in docs/accuracy.md measures its accuracy and
 * time); the mobility of every coordinate must have a closed-form heat kernel
 * ({@link HeatKernel}: quadratic on a bounded range, or constant on the line), which
 * {@link #supports} checks. The values are normalised in expectation (the mixture of normalised
 * transition densities), not exactly.
 *
 * <p>Not thread-safe; a flow calls it from one thread. Results do not depend on the thread count.
 */
public final class TransitionValues implements ValueUpdate {

    /** The default θ of the lag L = θ/(λh). */
    public static final double DEFAULT_LAG_FACTOR = 0.3;
    /**
     * The default largest number of anchor points a sum runs over: the first M of the anchor's
     * points (a random subset, since the particles are exchangeable), which caps a step's cost at
     * N·M kernel terms.
     */
    public static final int DEFAULT_MAX_SOURCES = 1024;
    /**
     * A row whose nearest source has a kernel value below e^{−18} of the kernel's peak (about six
     * standard deviations away) carries its particle's previous value by Liouville's equation.
     */
    static final double EMPTY_KERNEL_EXPONENT = 18;
    /** Weight γ of the carried error variance in the control-variate coefficient. */
    static final double CARRIED_VARIANCE_WEIGHT = 0.5;

    private final DiagonalMetric metric;
    private final HeatKernel[] kernels;
    private final TransitionSums sums;
    private final double lagFactor;
    private final int maxSources;
    private final int n;

    private final List<Anchor> anchors = new ArrayList<>();
    private long step;
    private double heat;
    private double lastTemperature = Double.NaN;
    private int count = -1;
    private PointTerms now;
    private double[] alpha;
    private double[] beta;
    private double[] logA;
    private double[] logB;
    private double[] ratios;
    private double[] scratch;
    private double[] current;
    private double[] currentVariance;
    private boolean[] sparse;
    private int sparseRows;
    private PointTerms previous;
    private double stepLength;
    /** ∫T dt up to the previous step. */
    private double previousHeat;
    /** Whether the chain was restarted after zero-temperature steps (its start values are not exact). */
    private boolean restarted;

    private TransitionValues(DiagonalMetric metric, int threads, double lagFactor, int maxSources) {
        this.metric = metric;
        this.n = metric.dimension();
        this.kernels = new HeatKernel[n];
        for (int c = 0; c < n; c++) {
            kernels[c] = HeatKernel.of(metric, c);
        }
        this.sums = new TransitionSums(kernels, threads);
        this.lagFactor = lagFactor;
        this.maxSources = maxSources;
    }

    /**
     * The update on {@code metric}, on at most {@code threads} threads, with θ = {@value #DEFAULT_LAG_FACTOR}.
     *
     * @throws IllegalArgumentException if the metric is not {@linkplain #supports supported} or
     *     threads &lt; 1
     */
    public static TransitionValues of(DiagonalMetric metric, int threads) {
        return of(metric, threads, DEFAULT_LAG_FACTOR, DEFAULT_MAX_SOURCES);
    }

    /**
     * The update with lag factor θ and at most {@code maxSources} anchor points per sum.
     *
     * @param lagFactor θ &gt; 0 (finite)
     * @param maxSources M ≥ 2; the sums then cost N·min(N, M) kernel terms, and the values carry
     *     the sampling noise of min(N, M) points
     * @throws IllegalArgumentException for an unsupported metric, threads &lt; 1, a bad θ or M &lt; 2
     */
    public static TransitionValues of(DiagonalMetric metric, int threads, double lagFactor, int maxSources) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!(lagFactor > 0) || Double.isInfinite(lagFactor)) {
            throw new IllegalArgumentException("lag factor must be finite and > 0, got " + lagFactor);
        }
        if (maxSources < 2) {
            throw new IllegalArgumentException("max sources must be >= 2, got " + maxSources);
        }
        return new TransitionValues(metric, threads, lagFactor, maxSources);
    }

    /**
     * Whether every coordinate of {@code metric} has a closed-form heat kernel: a mobility
     * g·(x − a)(b − x) on a bounded range (the sigmoid activations) or constant on the whole line
     * (the Euclidean metric).
     */
    public static boolean supports(DiagonalMetric metric) {
        return HeatKernel.supports(metric);
    }

    @Override
    public String name() {
        return "transition";
    }

    @Override
    public void reset() {
        anchors.clear();
        step = 0;
        heat = 0;
        previousHeat = 0;
        restarted = false;
        lastTemperature = Double.NaN;
    }

    @Override
    public Report update(StepInput in, double[] values) {
        if (in.dimension() != n) {
            throw new IllegalArgumentException("the step has dimension " + in.dimension() + ", the metric " + n);
        }
        int size = in.size();
        if (size < 2) {
            throw new IllegalArgumentException("the transition values need at least 2 points, got " + size);
        }
        allocate(size);
        double h = in.timeStep();
        stepLength = h;
        double temperature = in.temperature();
        double previousTemperature = Double.isNaN(lastTemperature) ? temperature : lastTemperature;
        lastTemperature = temperature;
        step++;
        previousHeat = heat;
        heat += 0.5 * h * (Math.max(previousTemperature, 0) + Math.max(temperature, 0));
        if (!(temperature > 0)) {
            // T = 0: Liouville's equation along the gradient flow; the next positive-temperature
            // step starts a new chain from the values it leaves
            Arrays.fill(sparse, true);
            followParticles(in, current);
            anchors.clear();
            restarted = true;
            return exponentiate(in, current, values);
        }
        if (anchors.isEmpty()) {
            startChain(in, in.previousPositions(), in.previousValues(), !restarted);
        }
        now.evaluate(in.objective(), metric, in.positions());
        Anchor last = anchors.get(anchors.size() - 1);
        double[] logValues;
        if (step == last.step + last.lag) {
            Anchor next = anchorFrom(last, in.positions(), in.timeStep());
            anchors.add(next);
            logValues = next.logValues;
        } else {
            int use = 0;
            for (int a = anchors.size() - 1; a >= 0; a--) {
                if (step - anchors.get(a).step >= anchors.get(a).lag) {
                    use = a;
                    break;
                }
            }
            // older anchors are never used again: queries only move forward
            anchors.subList(0, use).clear();
            Anchor from = anchors.get(0);
            logValues = current;
            propagate(from, in.positions(), logValues, currentVariance);
        }
        if (sparseRows > 0) {
            // no source under the kernel: the values follow their particles (see the class comment)
            followParticles(in, logValues);
        }
        return exponentiate(in, logValues, values);
    }

    /** log ϱ_k = log ϱ_{k−1} + h Δ_M f(x_{k−1}) in the rows marked {@link #sparse}. */
    private void followParticles(StepInput in, double[] logValues) {
        previous.evaluate(in.objective(), metric, in.previousPositions());
        double[] before = in.previousValues();
        for (int i = 0; i < count; i++) {
            if (sparse[i]) {
                logValues[i] = Math.log(before[i]) + in.timeStep() * previous.laplacian[i];
            }
        }
    }

    /** values = exp(logValues), refusing a value outside the range of doubles. */
    private Report exponentiate(StepInput in, double[] logValues, double[] values) {
        for (int i = 0; i < count; i++) {
            double v = Math.exp(logValues[i]);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new ArithmeticException("transition value " + i + " = exp(" + logValues[i] + ") at step " + step
                        + " (t = " + in.time() + ", T = " + in.temperature() + ") is outside the range of doubles");
            }
            values[i] = v;
        }
        return Report.direct();
    }

    private void allocate(int size) {
        if (size == count) {
            return;
        }
        count = size;
        now = new PointTerms(size, n);
        alpha = new double[size];
        beta = new double[size];
        logA = new double[size];
        logB = new double[size];
        ratios = new double[TransitionSums.STRIDE * size];
        scratch = new double[size];
        current = new double[size];
        currentVariance = new double[size];
        sparse = new boolean[size];
        previous = new PointTerms(size, n);
        anchors.clear();
    }

    /**
     * A new chain whose first anchor is the cloud (x, values) at the previous step; {@code exact}
     * for the start cloud of a run (see {@link Anchor#start}).
     */
    private void startChain(StepInput in, double[] x, double[] values, boolean exact) {
        anchors.clear();
        PointTerms terms = new PointTerms(count, n);
        terms.evaluate(in.objective(), metric, x);
        double[] lv = new double[count];
        for (int i = 0; i < count; i++) {
            lv[i] = Math.log(values[i]);
            if (!Double.isFinite(lv[i])) {
                throw new IllegalArgumentException("value " + i + " of the start cloud is " + values[i]
                        + "; the transition values need finite values > 0");
            }
        }
        anchors.add(new Anchor(step - 1, x.clone(), lv, new double[count], terms, previousHeat,
                lag(terms, in.timeStep()), exact));
    }

    /** The lag L = θ/(λh) of an anchor with these point terms, at least 1. */
    private long lag(PointTerms terms, double h) {
        System.arraycopy(terms.rate, 0, scratch, 0, count);
        double rate = Median.sortInPlace(scratch, count);
        double steps = lagFactor / (rate * h);
        if (!(steps < 1e15)) {
            return 1_000_000_000_000_000L;
        }
        return Math.max(1, Math.round(steps));
    }

    private Anchor anchorFrom(Anchor from, double[] x, double h) {
        double[] lv = new double[count];
        double[] s2 = new double[count];
        propagate(from, x, lv, s2);
        PointTerms terms = new PointTerms(count, n);
        terms.copyOf(now);
        return new Anchor(step, x.clone(), lv, s2, terms, heat, lag(terms, h), false);
    }

    /**
     * The control-variate transition update from anchor {@code from} to the points x (whose terms
     * are in {@link #now}).
     */
    private void propagate(Anchor from, double[] x, double[] lv, double[] s2) {
        double spread = heat - from.heat;
        double time = (step - from.step) * stepLength;
        if (!(spread > 0) || !(time > 0)) {
            throw new IllegalStateException("no diffusion since the anchor at step " + from.step + " (spread " + spread
                    + ", lag " + time + ")");
        }
        double meanT = spread / time;
        double logNorm = sums.prepare(spread);
        PointTerms src = from.terms;
        int m = Math.min(count, maxSources);
        for (int j = 0; j < m; j++) {
            double vj = src.potential(j, meanT);
            alpha[j] = src.f[j] / (2 * meanT) - 0.5 * time * vj;
            beta[j] = -src.f[j] / (2 * meanT) - 0.5 * time * vj - from.logValues[j];
        }
        sums.compute(x, count, from.x, m, alpha, beta, from.variance, true, logA, logB, ratios);
        for (int i = 0; i < count; i++) {
            double inv = 1.0 / (i < m ? m - 1 : m);
            double vi = now.potential(i, meanT);
            double shift = logNorm - 0.5 * time * vi;
            double la = logA[i] + shift - now.f[i] / (2 * meanT);
            double lb = logB[i] + shift + now.f[i] / (2 * meanT);
            double va = Math.max(ratios[TransitionSums.STRIDE * i] - inv, 0);
            double vb = Math.max(ratios[TransitionSums.STRIDE * i + 1] - inv, 0);
            logA[i] = la + 0.5 * va;
            logB[i] = lb + 0.5 * vb;
            scratch[i] = logB[i];
        }
        double median = Median.sortInPlace(scratch, count);
        sparseRows = 0;
        for (int i = 0; i < count; i++) {
            // no source within about six standard deviations of the kernel
            sparse[i] = !(ratios[TransitionSums.STRIDE * i + 4] >= -EMPTY_KERNEL_EXPONENT);
            if (sparse[i]) {
                sparseRows++;
            }
            int pairs = i < m ? m - 1 : m;
            double inv = 1.0 / pairs;
            double logPairs = Math.log(pairs);
            double va = Math.max(ratios[TransitionSums.STRIDE * i] - inv, 0);
            double vb = Math.max(ratios[TransitionSums.STRIDE * i + 1] - inv, 0);
            double cab = ratios[TransitionSums.STRIDE * i + 2] - inv;
            double vp = CARRIED_VARIANCE_WEIGHT * ratios[TransitionSums.STRIDE * i + 3];
            // from the start cloud the plain mixture (see the class comment)
            double b = from.start ? 0 : Math.min(1, Math.max(0, cab / Math.max(vb + vp, Double.MIN_NORMAL)));
            lv[i] = logA[i] - b * (logB[i] - median) - logPairs;
            s2[i] = Math.max(va - 2 * b * cab + b * b * (vb + vp), 0);
        }
    }

    /**
     * A cloud the values are carried from: its step, points, log values and their error variances,
     * point terms, ∫T dt up to it, its lag L in steps, and whether it is a run's start cloud, whose
     * values are exact.
     */
    private record Anchor(long step, double[] x, double[] logValues, double[] variance, PointTerms terms,
            double heat, long lag, boolean start) {
    }

    /**
     * f, |∇f|²_M, Δ_M f and the relaxation rate max_c |m_c ∂²_c f + ½ m_c′ ∂_c f| at each point.
     */
    static final class PointTerms {
        final double[] f;
        final double[] gradientNorm;
        final double[] laplacian;
        final double[] rate;
        private final int n;
        private final double[] g;
        private final double[] d2;

        PointTerms(int count, int n) {
            this.n = n;
            f = new double[count];
            gradientNorm = new double[count];
            laplacian = new double[count];
            rate = new double[count];
            g = new double[n];
            d2 = new double[n];
        }

        void evaluate(Objective objective, DiagonalMetric metric, double[] x) {
            int count = f.length;
            for (int p = 0; p < count; p++) {
                int o = p * n;
                f[p] = objective.value(x, o);
                objective.gradient(x, o, g, 0);
                objective.secondDerivatives(x, o, d2, 0);
                double norm = 0;
                double lap = 0;
                double r = 0;
                for (int c = 0; c < n; c++) {
                    double xc = x[o + c];
                    double m = metric.mobility(c, xc);
                    double dm = metric.mobilityDerivative(c, xc);
                    norm += m * g[c] * g[c];
                    lap += m * d2[c] + dm * g[c];
                    r = Math.max(r, Math.abs(m * d2[c] + 0.5 * dm * g[c]));
                }
                if (!Double.isFinite(f[p]) || !Double.isFinite(norm) || !Double.isFinite(lap)) {
                    throw new ArithmeticException("f, |grad f|^2_M or the Laplacian of f is not finite at point " + p
                            + " (f = " + f[p] + ", |grad f|^2_M = " + norm + ", Laplacian = " + lap + ")");
                }
                gradientNorm[p] = norm;
                laplacian[p] = lap;
                rate[p] = r;
            }
        }

        void copyOf(PointTerms o) {
            System.arraycopy(o.f, 0, f, 0, f.length);
            System.arraycopy(o.gradientNorm, 0, gradientNorm, 0, f.length);
            System.arraycopy(o.laplacian, 0, laplacian, 0, f.length);
            System.arraycopy(o.rate, 0, rate, 0, f.length);
        }

        /** V = |∇f|²_M/(4T) − ½ Δ_M f at point p. */
        double potential(int p, double temperature) {
            return gradientNorm[p] / (4 * temperature) - 0.5 * laplacian[p];
        }
    }
}
