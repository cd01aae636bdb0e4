/**
 * Gibbs kernels exp(−C/τ) of squared-distance costs in isometric coordinates, applied in the log
 * domain: the N × N product that dominates the cost of Sinkhorn iterations and of the proximal
 * (JKO) step of the density flow (HNN paper, eq. (54); docs/design.md §1, step 2).
 */
package io.github.hopflow.wasserstein.kernel;
