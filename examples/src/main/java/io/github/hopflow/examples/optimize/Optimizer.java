package io.github.hopflow.examples.optimize;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A global-optimisation method over the unit cube [0,1]^n, the domain of the built-in objectives.
 *
 * <p>A method evaluates f only through the {@link BudgetedObjective} it is given and keeps
 * searching (restarting as it sees fit) until the objective stops it by throwing
 * {@link SearchStopped}, which it must let propagate; it may also return early when it has nothing
 * useful left to do. The best value is recorded by the objective, so a method returns nothing.
 * Implementations are immutable and may be shared between threads; all randomness comes from
 * {@code rng}.
 */
public interface Optimizer {

    /** The name used on the command line and in the output. */
    String name();

    /**
     * Searches for the minimum of {@code f} on [0,1]^n.
     *
     * @param f the budgeted objective of this run
     * @param rng this run's random stream
     */
    void minimise(BudgetedObjective f, UniformRandomProvider rng);
}
