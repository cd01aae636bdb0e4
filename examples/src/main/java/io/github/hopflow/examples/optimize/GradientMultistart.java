package io.github.hopflow.examples.optimize;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Multistart of a deterministic Hopfield flow: from uniform random points of the cube, descend with
 * the {@link DescentGeometry natural-gradient recursion} ({@code hopfield}) or {@link
 * DescentGeometry mirror descent} ({@code mirror}) until the point stops moving, then restart, until
 * the budget is spent.
 *
 * <p>The step size is controlled by backtracking (Armijo): a step h is accepted when
 * f(x⁺) ≤ f(x) − {@value #ARMIJO}·h·Σ m_i (∂_i f)², otherwise halved; after an accepted step it
 * is doubled. So each step costs one gradient and, mostly, one or two values.
 *
 * <p>Defaults, and why: the metric is the paper's example with β = {@value #BETA} (HNN paper,
 * Sec. V-C); the first step moves the fastest coordinate by {@value #FIRST_MOVE} of the cube (large
 * enough to cross small ripples, as Ackley's, small enough to stay near the start); a descent ends
 * when a step moves no coordinate by more than {@value #STILL} or after {@value #MAX_BACKTRACKS}
 * halvings in a row. At a smooth minimum a step of 10⁻⁶ leaves f within about 10⁻⁷ of its local
 * minimum for the built-in objectives (curvature ≤ 10⁵ in x), so descents end soon after they could
 * meet the default target and the budget goes to new starts; on Rastrigin and Ackley in 2-D this
 * tripled the success rate of a threshold of 10⁻¹⁰ at a budget of 20000. Targets far below 10⁻⁷
 * (Ackley's cusp) need a smaller threshold.
 */
public final class GradientMultistart implements Optimizer {

    /** The natural-gradient method's name, {@code hopfield}. */
    public static final String HOPFIELD = "hopfield";
    /** The mirror-descent method's name, {@code mirror}. */
    public static final String MIRROR = "mirror";
    static final double BETA = 0.25;
    static final double ARMIJO = 1e-4;
    static final double FIRST_MOVE = 0.05;
    static final double STILL = 1e-6;
    static final int MAX_BACKTRACKS = 50;
    private static final double MARGIN = 1e-6;

    private final String name;
    private final Function<HopfieldMetric, DescentGeometry> geometry;

    private GradientMultistart(String name, Function<HopfieldMetric, DescentGeometry> geometry) {
        this.name = name;
        this.geometry = geometry;
    }

    /** Multistart natural-gradient descent (the Hopfield flow's recursion (5)). */
    public static GradientMultistart hopfield() {
        return new GradientMultistart(HOPFIELD, DescentGeometry::naturalGradient);
    }

    /** Multistart mirror descent. */
    public static GradientMultistart mirror() {
        return new GradientMultistart(MIRROR, DescentGeometry::mirror);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void minimise(BudgetedObjective f, UniformRandomProvider rng) {
        int n = f.dimension();
        DescentGeometry state = geometry.apply(HopfieldMetric.paperExample(n, BETA));
        double[] x = new double[n];
        double[] y = new double[n];
        double[] g = new double[n];
        while (true) {
            UnitCube.uniformInterior(rng, x, MARGIN);
            state.start(x);
            state.point(x);
            descend(f, state, x, y, g);
        }
    }

    static void descend(BudgetedObjective f, DescentGeometry state, double[] x, double[] y, double[] g) {
        double fx = f.value(x);
        double h = Double.NaN;
        while (true) {
            f.gradient(x, g);
            double rate = state.decreaseRate(g);
            if (!(rate > 0)) {
                return;
            }
            if (Double.isNaN(h)) {
                h = FIRST_MOVE / state.speed(g);
            }
            int backtracks = 0;
            while (true) {
                if (state.trial(g, h, y)) {
                    double fy = f.value(y);
                    if (fy <= fx - ARMIJO * h * rate) {
                        state.accept();
                        double moved = 0;
                        for (int i = 0; i < x.length; i++) {
                            moved = Math.max(moved, Math.abs(y[i] - x[i]));
                        }
                        System.arraycopy(y, 0, x, 0, x.length);
                        fx = fy;
                        h *= 2;
                        if (moved < STILL) {
                            return;
                        }
                        break;
                    }
                }
                h *= 0.5;
                if (++backtracks > MAX_BACKTRACKS) {
                    return;
                }
            }
        }
    }
}
