package io.github.hopflow.examples.compare;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import java.util.List;

/**
 * Decides whether a point lies in the basin of a global minimiser, operationally: descend from it
 * by projected gradient descent on the domain box with Armijo backtracking (at most
 * {@value #DESCENT_ITERATIONS} iterations; it stops earlier when a step shorter than
 * {@value #MIN_STEP} no longer decreases f) and check whether the end point lies within a
 * tolerance of one of the objective's known global minimisers. The descent is monotone in f and
 * needs no step size, so it works for every objective whatever its scale; a descent that stalls
 * near a saddle counts as outside.
 */
public final class GlobalBasin {

    /** Largest number of descent iterations. */
    static final int DESCENT_ITERATIONS = 2000;
    /** Smallest trial step of the backtracking line search. */
    static final double MIN_STEP = 1e-14;

    private final Objective objective;
    private final DiagonalMetric metric;
    private final List<double[]> minimisers;
    private final double tolerance;

    private GlobalBasin(Objective objective, DiagonalMetric metric, double tolerance) {
        this.objective = objective;
        this.metric = metric;
        this.minimisers = objective.globalMinimisers();
        this.tolerance = tolerance;
    }

    /** A classifier for {@code objective}'s known global minimisers on {@code metric}'s domain. */
    public static GlobalBasin of(Objective objective, DiagonalMetric metric, double tolerance) {
        Checks.positive("--basin-tolerance", tolerance);
        return new GlobalBasin(objective, metric, tolerance);
    }

    /** Whether the objective lists any global minimiser (otherwise nothing can be classified). */
    public boolean isDefined() {
        return !minimisers.isEmpty();
    }

    /** Whether the descent from {@code x} ends within the tolerance of a global minimiser. */
    public boolean contains(double[] x) {
        if (!isDefined()) {
            throw new IllegalStateException("objective '" + objective.name() + "' lists no global minimiser");
        }
        return nearest(descend(x)) <= tolerance;
    }

    /** The end point of the projected, backtracking gradient descent from {@code x}. */
    double[] descend(double[] x) {
        int n = x.length;
        double[] cur = x.clone();
        project(cur);
        double[] grad = new double[n];
        double[] trial = new double[n];
        double fCur = objective.value(cur);
        double step = 1;
        for (int iter = 0; iter < DESCENT_ITERATIONS; iter++) {
            objective.gradient(cur, grad);
            boolean accepted = false;
            step = Math.min(1, step * 4);
            while (step >= MIN_STEP) {
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    trial[i] = cur[i] - step * grad[i];
                }
                project(trial);
                for (int i = 0; i < n; i++) {
                    decrease += grad[i] * (cur[i] - trial[i]);
                }
                double fTrial = objective.value(trial);
                if (decrease > 0 && fTrial <= fCur - 1e-4 * decrease) {
                    System.arraycopy(trial, 0, cur, 0, n);
                    fCur = fTrial;
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
        }
        return cur;
    }

    private void project(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(metric.upperBound(i), Math.max(metric.lowerBound(i), x[i]));
        }
    }
    private double nearest(double[] x) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] m : minimisers) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - m[i];
                s += d * d;
            }
            best = Math.min(best, Math.sqrt(s));
        }
        return best;
    }
}
