/**
 * Activation functions σ of Hopfield neurons: σ, σ', σ'', σ⁻¹, the mobility m = σ'∘σ⁻¹ = 1/g and
 * the isometric coordinate φ = ∫√g (HNN paper, eqs. (3), (13), (22)–(24) with the factor fixed in
 * DESIGN.md §1: the example's activation is ½tanh(2β(s − ½)) + ½, mobility 4βx(1 − x)).
 */
package io.github.hopflow.geometry.activation;
