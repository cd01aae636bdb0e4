/**
 * Point clouds of two kinds, kept apart by type:
 * {@link io.github.hopflow.sde.cloud.WeightedPointCloud}, samples xⁱ of a density together with
 * values ϱⁱ ≈ ρ(xⁱ), the state that the proximal density flow (HNN paper, eq. (54)) propagates; and
 * {@link io.github.hopflow.sde.cloud.MassCloud}, a discrete measure Σ mᵢ δ(xⁱ), what optimal transport
 * moves. A density cloud is the empirical measure of its points
 * ({@link io.github.hopflow.sde.cloud.MassCloud#samplesOf}); its values are not masses.
 */
package io.github.hopflow.sde.cloud;
