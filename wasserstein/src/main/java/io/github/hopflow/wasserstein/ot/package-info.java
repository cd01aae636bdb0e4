/**
 * Optimal transport between weighted point clouds with the ground cost d_G² of a diagonal metric:
 * entropic OT by log-domain Sinkhorn iterations with ε-scaling and warm starts (minimising
 * ⟨P, C⟩ + ε Σ P log P), the debiased Sinkhorn divergence
 * S_ε(a, b) = OT_ε(a, b) − ½OT_ε(a, a) − ½OT_ε(b, b), and exact OT by the transportation simplex
 * for small clouds (docs/design.md §1, "W_G between weighted clouds"; the W_G of the HNN paper's
 * proximal step (54)).
 */
package io.github.hopflow.wasserstein.ot;
