/**
 * Sparse reconstruction by a positive firing-rate competitive network, and its reference solver.
 *
 * <p>{@link io.github.hopflow.geometry.sparse.PositiveLasso} is the problem
 * min_{x≥0} ½‖u − Dx‖² + λ‖x‖₁; {@link io.github.hopflow.geometry.sparse.CompetitiveNetwork} is
 * the network τẋ = −x + ReLU((I − ηDᵀD)x + ηDᵀu − ηλ𝟙) whose equilibria are its minimisers (the
 * firing-rate flow as a proximal-gradient flow, with contraction bounds from
 * {@link io.github.hopflow.geometry.contraction.FiringRateContraction});
 * {@link io.github.hopflow.geometry.sparse.Fista} is accelerated proximal gradient with adaptive
 * restart, against which the network's equilibrium is checked.
 */
package io.github.hopflow.geometry.sparse;
