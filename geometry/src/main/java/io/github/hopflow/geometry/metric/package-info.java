/**
 * Diagonal Riemannian metrics: the Hopfield metric g_ii = 1/σ_i'(σ_i⁻¹(x_i)) (HNN paper, eq. (13))
 * and the Euclidean metric, with isometric coordinates in which geodesic distance is Euclidean
 * (eq. (30), corrected to d_G = ‖(arcsin√x − arcsin√y) ⊘ √β‖₂ for the example).
 */
package io.github.hopflow.geometry.metric;
