/**
 * Global-optimisation experiments: the diffusion machine and the deterministic Hopfield flows
 * against standard optimisers (simulated annealing, CMA-ES, random search) at equal cost.
 *
 * <p>Every method sees the objective only through a {@link
 * io.github.hopflow.examples.optimize.BudgetedObjective}, which charges each value evaluation one
 * unit and each gradient its {@link io.github.hopflow.examples.optimize.GradientCost cost},
 * records the best value and the evaluation at which the target was reached, and stops the method
 * (by throwing {@link io.github.hopflow.examples.optimize.SearchStopped}) before the budget would
 * be exceeded. An {@link io.github.hopflow.examples.optimize.Experiment} runs every
 * (problem, method, run) triple, in parallel, with a random stream that depends only on the seed
 * and the run index, so results do not depend on the number of threads.
 *
 * <p>The diffusion machine enters three times: {@link io.github.hopflow.examples.optimize.DiffusionSearch}
 * ({@code diffusion}: birth–death resampling of the cloud by its density against the Gibbs density,
 * the Fisher–Rao part of the free energy's gradient flow, with a natural-gradient finish),
 * {@link io.github.hopflow.examples.optimize.ParticleSearch} as {@code langevin} (the annealed SDE
 * alone) and as {@code paper} (the published algorithm, eqs. (54)–(58)).
 */
package io.github.hopflow.examples.optimize;
