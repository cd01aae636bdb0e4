package io.github.hopflow.examples.optimize;

import org.apache.commons.rng.UniformRandomProvider;

/** Uniform random search: independent uniform points of the cube until the budget is spent. */
public final class RandomSearch implements Optimizer {

    /** The method's name, {@code random}. */
    public static final String NAME = "random";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void minimise(BudgetedObjective f, UniformRandomProvider rng) {
        double[] x = new double[f.dimension()];
        while (true) {
            UnitCube.uniform(rng, x);
            f.value(x);
        }
    }
}
