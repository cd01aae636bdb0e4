/**
 * Stochastic against deterministic Hopfield flows from the same initial samples: the diffusion
 * machine (HNN paper, eq. (39)) against the deterministic flows it generalises — the Hopfield ODE
 * (1), the natural-gradient recursion (5), mirror descent (15), the proximal natural gradient (56)
 * and the proximal-gradient/firing-rate flow — reporting E[f] over the iterations, the share of
 * particles or trajectories that end in a global minimiser's basin, and wall time (the claim of
 * Sec. V-C that the stochastic flow is a tool for global optimisation).
 */
package io.github.hopflow.examples.compare;
