/**
 * The density-flow driver: per time step one SDE step of the diffusion machine (HNN paper,
 * eqs. (39), (58)) moves the points and a {@link io.github.hopflow.wasserstein.flow.ValueUpdate}
 * updates their density values, with the free energy (eq. (45)), non-increasing by eq. (46), as a
 * per-step diagnostic.
 *
 * <p>Value updates: {@link io.github.hopflow.wasserstein.flow.TransitionValues}, the default,
 * carries the values from an earlier cloud by the machine's transition density (the ground-state
 * transform of the density equation ∂ρ/∂t = ∇·(M(ρ∇f + T∇ρ)), docs/design.md §1, with a Strang
 * splitting of its heat and potential parts; the heat kernel of each coordinate in closed form,
 * {@code HeatKernel}); {@link io.github.hopflow.wasserstein.flow.ProximalValues} is the published
 * entropic proximal (JKO) step (eq. (54); PROXRECUR Algorithm 1);
 * {@link io.github.hopflow.wasserstein.flow.PositionDensityValues} are the positions-only kernel
 * estimates the accuracy study uses as baselines.
 */
package io.github.hopflow.wasserstein.flow;
