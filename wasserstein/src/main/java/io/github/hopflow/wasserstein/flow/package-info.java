/**
 * The density-flow driver: per time step one SDE step of the diffusion machine (HNN paper,
 * eqs. (39), (58)) moves the points and one entropic proximal (JKO) step (eq. (54); PROXRECUR
 * Algorithm 1) updates their density values, with the free energy (eq. (45)), non-increasing by
 * eq. (46), as a per-step diagnostic.
 */
package io.github.hopflow.wasserstein.flow;
