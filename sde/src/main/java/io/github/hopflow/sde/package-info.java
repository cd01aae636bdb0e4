/**
 * The diffusion machine and its particle engine. {@link io.github.hopflow.sde.DiffusionMachine}
 * is the SDE of the HNN paper, eq. (39): dx = {−G⁻¹∇f + T ∇·(G⁻¹𝟙)} dt + √(2T) G^{−1/2} dw, i.e.
 * per coordinate dx_i = (−m_i ∂_i f + T m_i') dt + √(2T m_i) dw_i, for any diagonal metric; for
 * the paper's example m_i = 4βx(1 − x) it is eq. (58), and its explicit discretisation is eq. (60)
 * with the typos of docs/design.md corrected (noise evaluated at x_{k−1}, and √(8Tβ x(1 − x)) rather
 * than √(8Tβ)·x(1 − x)). At constant T its stationary density is the Gibbs density
 * ρ∞ = exp(−f/T)/Z(T) (eq. (41)); a {@link io.github.hopflow.sde.TemperatureSchedule} anneals T.
 *
 * <p>{@link io.github.hopflow.sde.ParticleEngine} advances a cloud with one of the
 * {@link io.github.hopflow.sde.Scheme}s — explicit Euler–Maruyama with a
 * {@link io.github.hopflow.sde.BoundaryPolicy}, or schemes in isometric coordinates that keep
 * points in the open cube — in parallel over fixed blocks of particles with one random stream per
 * block, so that a seed gives the same result whatever the thread count.
 */
package io.github.hopflow.sde;
