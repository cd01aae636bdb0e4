/**
 * Activation functions σ of Hopfield neurons: σ, σ', σ'', σ⁻¹, the mobility m = σ'∘σ⁻¹ = 1/g and
 * the isometric coordinate φ = ∫√g (HNN paper, eqs. (3), (4), (13), (22)–(24) with the factor fixed
 * in docs/design.md §1: the example's activation is ½tanh(2β(s − ½)) + ½, mobility 4βx(1 − x)). Closed
 * forms for the example ({@link io.github.hopflow.geometry.activation.ScaledTanhActivation}) and
 * the logistic with gain g ({@link io.github.hopflow.geometry.activation.LogisticActivation},
 * φ = 2 arcsin√x/√g); any user-supplied σ through
 * {@link io.github.hopflow.geometry.activation.CustomActivation} (σ⁻¹ by Brent's method, φ by
 * quadrature of √σ' in the hidden variable, φ⁻¹ by root finding). Per-coordinate gains are
 * combined with {@code HopfieldMetric.of(...)}.
 */
package io.github.hopflow.geometry.activation;
