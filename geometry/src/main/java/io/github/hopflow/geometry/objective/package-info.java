/**
 * Objectives f with gradients: the energies the flows descend, among them the paper's scaled
 * Himmelblau function (HNN paper, eq. (59)) and the quadratic whose diffusion machine under the
 * Euclidean metric is the Ornstein–Uhlenbeck process.
 */
package io.github.hopflow.geometry.objective;
