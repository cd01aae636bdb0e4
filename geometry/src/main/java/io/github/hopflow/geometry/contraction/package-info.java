/**
 * Contraction diagnostics from the contraction-theory slides: log norms μ₁, μ₂, μ_∞ and their
 * diagonally weighted versions, and the one-sided Lipschitz constant of the firing-rate map
 * −x + Φ(Ax + u) with slope-restricted activations (the maximum of μ(−I + dA) over the two
 * extreme slopes). A negative value is a contraction rate of the corresponding flow.
 */
package io.github.hopflow.geometry.contraction;
