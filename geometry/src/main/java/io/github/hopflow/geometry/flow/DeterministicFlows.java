package io.github.hopflow.geometry.flow;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.CountingObjective;
import io.github.hopflow.geometry.objective.Objective;
import java.util.Arrays;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/**
 * The one entry point to the deterministic flows: {@link #run(FlowMethod, Objective, DiagonalMetric,
 * double[], double, int)} runs a {@link FlowMethod} for K steps of size h from x₀ and returns the
 * {@link Trajectory} x(t_k), t_k = k·h, k = 0..K, with the objective values and the numbers of
 * evaluations of f and ∇f the scheme made.
 *
 * <p>The metric supplies G (HNN paper, eq. (4)): the {@link HopfieldMetric} of activations σ_i or
 * the {@link EuclideanMetric} (σ = identity, every method then reduces to Euclidean gradient
 * descent or flow). {@link FlowMethod#HOPFIELD} and {@link FlowMethod#MIRROR} need σ itself, so
 * they accept only these two kinds of metric; the other methods accept any {@link DiagonalMetric}.
 */
public final class DeterministicFlows {

    private DeterministicFlows() {
    }

    /**
     * Runs {@code method} with {@link FlowOptions#defaults()}.
     *
     * @see #run(FlowMethod, Objective, DiagonalMetric, double[], double, int, FlowOptions)
     */
    public static Trajectory run(FlowMethod method, Objective objective, DiagonalMetric metric, double[] x0,
            double h, int steps) {
        return run(method, objective, metric, x0, h, steps, FlowOptions.defaults());
    }

    /**
     * Runs {@code method} for {@code steps} steps of size {@code h} from {@code x0}.
     *
     * @param method the scheme
     * @param objective f, of the metric's dimension
     * @param metric G
     * @param x0 initial state, in the metric's domain (its interior for {@link FlowMethod#HOPFIELD}
     *     and {@link FlowMethod#MIRROR}, which need σ⁻¹(x₀)); any finite point for
     *     {@link FlowMethod#FIRING_RATE}. Not modified.
     * @param h step size (sampling interval of the ODE methods) &gt; 0
     * @param steps K ≥ 0
     * @param options further settings
     * @return the trajectory of K + 1 states
     * @throws IllegalArgumentException for bad input, naming the parameter and the value
     * @throws FlowFailureException when the scheme fails (with diagnostics)
     */
    public static Trajectory run(FlowMethod method, Objective objective, DiagonalMetric metric, double[] x0,
            double h, int steps, FlowOptions options) {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        if (x0 == null) {
            throw new IllegalArgumentException("x0 must not be null");
        }
        int n = metric.dimension();
        if (objective.dimension() != n) {
            throw new IllegalArgumentException("objective dimension " + objective.dimension()
                    + " does not match the metric dimension " + n);
        }
        Checks.positive("step h", h);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        }
        if (method == FlowMethod.FIRING_RATE) {
            if (x0.length != n) {
                throw new IllegalArgumentException("x0 must have dimension " + n + ", got " + x0.length);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x0[i])) {
                    throw new IllegalArgumentException("x0[" + i + "] must be finite, got " + x0[i]);
                }
            }
        } else {
            metric.requireInDomain("x0", x0);
        }
        if (method == FlowMethod.HOPFIELD || method == FlowMethod.MIRROR) {
            activations(method, metric); // a metric without activations is refused first
            for (int i = 0; i < n; i++) {
                if (!(x0[i] > metric.lowerBound(i) && x0[i] < metric.upperBound(i))) {
                    throw new IllegalArgumentException("x0[" + i + "] = " + x0[i] + " must lie in the open interval ("
                            + metric.lowerBound(i) + ", " + metric.upperBound(i) + ") for method " + method);
                }
            }
        }
        CountingObjective f = CountingObjective.of(objective);
        Recorder rec = new Recorder(method, objective, n, h, steps);
        rec.record(0, x0);
        switch (method) {
            case HOPFIELD:
                hopfieldOde(f, metric, x0, rec, options);
                break;
            case NATURAL_GRADIENT_ODE:
                naturalGradientOde(f, metric, x0, rec, options);
                break;
            case NATURAL_GRADIENT:
                naturalGradientRecursion(f, metric, x0, h, rec);
                break;
            case MIRROR:
                mirrorDescent(f, metric, x0, h, rec);
                break;
            case PROXIMAL:
                ProximalNaturalGradient.run(f, metric, x0, h, rec, options);
                break;
            case FIRING_RATE:
                firingRate(f, metric, x0, h, rec, options);
                break;
            default:
                throw new IllegalStateException("unhandled method " + method);
        }
        return rec.finish(f.valueEvaluations(), f.gradientEvaluations());
    }

    /**
     * The activations σ_i the metric states ({@link DiagonalMetric#activationOf}), one per
     * coordinate, looked up once per run.
     *
     * @throws IllegalArgumentException naming the method and the metric if it states none
     */
    private static Activation[] activations(FlowMethod method, DiagonalMetric metric) {
        Activation[] sigma = new Activation[metric.dimension()];
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = metric.activationOf(i).orElseThrow(() -> new IllegalArgumentException("method " + method
                    + " needs the activations σ: metric " + metric + " states none (DiagonalMetric.activationOf)"));
        }
        return sigma;
    }

    static void checkGradient(FlowMethod method, int step, double[] x, double[] g) {
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) {
                throw new FlowFailureException(method, step, "gradient component " + i + " is " + g[i] + " at x = "
                        + Arrays.toString(x));
            }
        }
    }

    private static void hopfieldOde(CountingObjective f, DiagonalMetric metric, double[] x0, Recorder rec,
            FlowOptions options) {
        int n = x0.length;
        Activation[] sigma = activations(FlowMethod.HOPFIELD, metric);
        double[] z0 = new double[n];
        for (int i = 0; i < n; i++) {
            z0[i] = sigma[i].inverse(x0[i]);
        }
        double[] x = new double[n];
        double[] out = new double[n];
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public void computeDerivatives(double t, double[] z, double[] zDot) {
                for (int i = 0; i < n; i++) {
                    x[i] = sigma[i].value(z[i]);
                }
                f.gradient(x, 0, zDot, 0);
                checkGradient(FlowMethod.HOPFIELD, rec.nextIndex(), x, zDot);
                for (int i = 0; i < n; i++) {
                    zDot[i] = -zDot[i];
                }
            }
        };
        integrate(ode, z0, rec, options, z -> {
            for (int i = 0; i < n; i++) {
                out[i] = sigma[i].value(z[i]);
            }
            return out;
        });
    }

    private static void naturalGradientOde(CountingObjective f, DiagonalMetric metric, double[] x0, Recorder rec,
            FlowOptions options) {
        int n = x0.length;
        double[] clamped = new double[n];
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public void computeDerivatives(double t, double[] x, double[] xDot) {
                // Trial stages may step marginally past a face of the domain (where m = 0 makes
                // the face invariant); evaluate the field at the nearest point of the domain.
                for (int i = 0; i < n; i++) {
                    clamped[i] = Math.min(metric.upperBound(i), Math.max(metric.lowerBound(i), x[i]));
                }
                f.gradient(clamped, 0, xDot, 0);
                checkGradient(FlowMethod.NATURAL_GRADIENT_ODE, rec.nextIndex(), clamped, xDot);
                for (int i = 0; i < n; i++) {
                    xDot[i] = -metric.mobility(i, clamped[i]) * xDot[i];
                }
            }
        };
        integrate(ode, x0.clone(), rec, options, y -> {
            for (int i = 0; i < n; i++) {
                clamped[i] = Math.min(metric.upperBound(i), Math.max(metric.lowerBound(i), y[i]));
            }
            return clamped;
        });
    }

    /** Maps the integrator's state to the recorded state x. */
    private interface StateMap {
        double[] toState(double[] y);
    }

    private static void integrate(FirstOrderDifferentialEquations ode, double[] y0, Recorder rec, FlowOptions options,
            StateMap map) {
        double tEnd = rec.endTime();
        if (tEnd == 0) {
            return;
        }
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(0.0, tEnd,
                options.absoluteTolerance(), options.relativeTolerance());
        integrator.setMaxEvaluations(50_000_000);
        integrator.addStepHandler(new StepHandler() {
            @Override
            public void init(double t0, double[] y, double t) {
                // the initial state is recorded before integration starts
            }

            @Override
            public void handleStep(StepInterpolator interpolator, boolean isLast) {
                double tCurrent = interpolator.getCurrentTime();
                while (rec.hasNext() && (isLast || rec.nextTime() <= tCurrent)) {
                    interpolator.setInterpolatedTime(Math.min(rec.nextTime(), tCurrent));
                    rec.record(rec.nextIndex(), map.toState(interpolator.getInterpolatedState()));
                }
            }
        });
        double[] y = y0.clone();
        try {
            integrator.integrate(ode, 0.0, y, tEnd, y);
        } catch (MathIllegalStateException | IllegalArgumentException e) {
            throw new FlowFailureException(rec.method, rec.nextIndex(),
                    "ODE integrator failed near t = " + rec.nextTime() + " (last recorded state "
                            + Arrays.toString(rec.lastState()) + "): " + e.getMessage());
        }
    }

    private static void naturalGradientRecursion(CountingObjective f, DiagonalMetric metric, double[] x0, double h,
            Recorder rec) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        for (int k = 1; k <= rec.steps; k++) {
            f.gradient(x, 0, g, 0);
            checkGradient(FlowMethod.NATURAL_GRADIENT, k, x, g);
            for (int i = 0; i < n; i++) {
                double next = x[i] - h * metric.mobility(i, x[i]) * g[i];
                if (!(next >= metric.lowerBound(i) && next <= metric.upperBound(i))) {
                    throw new FlowFailureException(FlowMethod.NATURAL_GRADIENT, k, "the step left the domain: x[" + i
                            + "] = " + next + " outside [" + metric.lowerBound(i) + ", " + metric.upperBound(i)
                            + "] from x = " + Arrays.toString(x) + "; the explicit recursion (5) needs a smaller "
                            + "step than h = " + h);
                }
                g[i] = next;
            }
            System.arraycopy(g, 0, x, 0, n);
            rec.record(k, x);
        }
    }

    private static void mirrorDescent(CountingObjective f, DiagonalMetric metric, double[] x0, double h,
            Recorder rec) {
        int n = x0.length;
        Activation[] sigma = activations(FlowMethod.MIRROR, metric);
        double[] z = new double[n];
        double[] x = x0.clone();
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = sigma[i].inverse(x0[i]);
        }
        for (int k = 1; k <= rec.steps; k++) {
            f.gradient(x, 0, g, 0);
            checkGradient(FlowMethod.MIRROR, k, x, g);
            for (int i = 0; i < n; i++) {
                z[i] -= h * g[i];
                x[i] = sigma[i].value(z[i]);
            }
            rec.record(k, x);
        }
    }

    private static void firingRate(CountingObjective f, DiagonalMetric metric, double[] x0, double h, Recorder rec,
            FlowOptions options) {
        int n = x0.length;
        ProximalOperator prox = options.proximalOperator();
        if (prox == null) {
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                lo[i] = metric.lowerBound(i);
                hi[i] = metric.upperBound(i);
            }
            prox = ProximalOperator.box(lo, hi);
        }
        double gamma = options.gamma();
        double[] x = x0.clone();
        double[] v = new double[n];
        for (int k = 1; k <= rec.steps; k++) {
            f.gradient(x, 0, v, 0);
            checkGradient(FlowMethod.FIRING_RATE, k, x, v);
            for (int i = 0; i < n; i++) {
                v[i] = x[i] - gamma * v[i];
            }
            prox.apply(v, gamma, v);
            for (int i = 0; i < n; i++) {
                x[i] += h * (v[i] - x[i]);
            }
            rec.record(k, x);
        }
    }

    /** Collects the sampled states and values; checks that they are finite. */
    static final class Recorder {
        final FlowMethod method;
        final Objective objective;
        final int n;
        final double h;
        final int steps;
        final double[] times;
        final double[] states;
        final double[] values;
        private int next;

        Recorder(FlowMethod method, Objective objective, int n, double h, int steps) {
            this.method = method;
            this.objective = objective;
            this.n = n;
            this.h = h;
            this.steps = steps;
            this.times = new double[steps + 1];
            this.states = new double[(steps + 1) * n];
            this.values = new double[steps + 1];
            for (int k = 0; k <= steps; k++) {
                times[k] = k * h;
            }
        }

        double endTime() {
            return times[steps];
        }

        boolean hasNext() {
            return next <= steps;
        }

        int nextIndex() {
            return next;
        }

        double nextTime() {
            return times[Math.min(next, steps)];
        }

        double[] lastState() {
            int k = Math.max(0, next - 1);
            return Arrays.copyOfRange(states, k * n, (k + 1) * n);
        }

        void record(int k, double[] x) {
            if (k != next) {
                throw new IllegalStateException("recorded state " + k + " out of order, expected " + next);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[i])) {
                    throw new FlowFailureException(method, k, "state component " + i + " is " + x[i] + " (state "
                            + Arrays.toString(x) + ")");
                }
            }
            System.arraycopy(x, 0, states, k * n, n);
            double fx = objective.value(states, k * n);
            if (!Double.isFinite(fx)) {
                throw new FlowFailureException(method, k, "objective value " + fx + " at x = " + Arrays.toString(x));
            }
            values[k] = fx;
            next++;
        }

        Trajectory finish(long valueEvaluations, long gradientEvaluations) {
            if (next != steps + 1) {
                throw new FlowFailureException(method, next, "only " + next + " of " + (steps + 1)
                        + " states were produced");
            }
            return Trajectory.wrap(method, n, times, states, values, valueEvaluations, gradientEvaluations);
        }
    }
}
