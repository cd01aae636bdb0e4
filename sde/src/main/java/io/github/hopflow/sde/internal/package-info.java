/**
 * Internal step kernels of the particle engine (not API): one class per scheme and metric family,
 * on flat row-major position arrays, allocation-free per step. They integrate the diffusion
 * machine dx_i = (−m_i ∂_i f + T m_i') dt + √(2T m_i) dw_i (HNN paper, eq. (39); eq. (58) for the
 * example, with eq. (60) corrected as in docs/design.md: noise at x_{k−1}, √(8Tβ x(1 − x))) explicitly
 * in x, or in the isometric coordinates u = φ(x), where it is overdamped Langevin dynamics
 * du = −∇_u[f − T log √m] dt + √(2T) dW with a barrier drift treated implicitly or exactly.
 * Their stationary law is the Gibbs density of eq. (41) up to the discretisation bias.
 * {@link io.github.hopflow.sde.internal.Helpers} shares the blocks of a step between the engine's
 * threads.
 */
package io.github.hopflow.sde.internal;
