/**
 * Objectives f with gradients: the energies the flows descend and whose Gibbs densities
 * exp(−f/T)/Z(T) the diffusion machine samples (HNN paper, eq. (41)). The catalogue
 * ({@link io.github.hopflow.geometry.objective.Objectives}) holds the paper's scaled Himmelblau
 * function (eq. (59)), the quadratic (κ/2)‖x − c‖² (under the Euclidean metric its diffusion
 * machine is the Ornstein–Uhlenbeck process), a separable double well and the Rastrigin, Ackley,
 * Styblinski–Tang and Levy benchmarks mapped affinely from their usual boxes onto [0,1]^n, each
 * with its known global minimisers and minimum. User functions enter through
 * {@link io.github.hopflow.geometry.objective.Objective#of}; evaluations are counted by
 * {@link io.github.hopflow.geometry.objective.CountingObjective}.
 */
package io.github.hopflow.geometry.objective;
