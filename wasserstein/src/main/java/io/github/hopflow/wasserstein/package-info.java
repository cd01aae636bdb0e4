/**
 * Optimal transport and the proximal (JKO) density flow on weighted point clouds for the Hopfield
 * diffusion machine (Halder, Caluya, Travacca, Moura, "Hopfield Neural Network Flow: A Geometric
 * Viewpoint", eqs. (45), (46), (54); Caluya &amp; Halder, proximal recursion, Algorithm 1).
 *
 * <p>Sub-packages: {@code cost} (d_G² in isometric coordinates), {@code kernel} (Gibbs kernels
 * exp(−C/τ), the seam for fast kernels), {@code ot} (Sinkhorn, exact OT, W_G, the debiased
 * Sinkhorn divergence), {@code prox} (one proximal step and normalisation), {@code gibbs} (ρ∞, Z(T),
 * free energy) and {@code flow} (the density-flow driver).
 */
package io.github.hopflow.wasserstein;
