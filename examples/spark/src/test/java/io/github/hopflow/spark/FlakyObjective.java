package io.github.hopflow.spark;

import io.github.hopflow.geometry.objective.Objective;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test objective (|x − ½|² on the cube) whose first {@link #FAILURES} evaluations in this JVM
 * throw, as a transient failure (a lost file system, a flaky native library) would.
 */
public final class FlakyObjective implements Objective {

    /** How many more evaluations fail; set by the test. */
    static final AtomicInteger FAILURES = new AtomicInteger();

    private final int n;

    public FlakyObjective(int n) {
        this.n = n;
    }

    @Override
    public String name() {
        return "flaky";
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x, int offset) {
        if (FAILURES.getAndUpdate(k -> Math.max(0, k - 1)) > 0) {
            throw new IllegalStateException("transient failure of the objective");
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = x[offset + i] - 0.5;
            s += d * d;
        }
        return s;
    }
}
