/**
 * Mirror maps of Hopfield networks (HNN paper, Sec. III–IV-B): ψ with ∇ψ = σ, its conjugate ψ*
 * (17) with ∇ψ* = σ⁻¹ (18a) and ∇²ψ* = G (4), and the Bregman divergences (14), (35), (37), related
 * by (18b). Closed forms for the logistic and the paper's example (eq. (32) with κ = c = 0 plus the
 * linear term x/2 that the example's shift by ½ requires; eqs. (37), (38) with the factor 1/(4β)
 * restored), quadrature for any other activation.
 */
package io.github.hopflow.geometry.mirror;
