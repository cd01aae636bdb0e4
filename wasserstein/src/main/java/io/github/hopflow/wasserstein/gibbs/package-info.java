/**
 * The Gibbs density ρ∞ = exp(−f/T)/Z(T) (HNN paper, eq. (41)), its partition function Z(T) by
 * quadrature (n ≤ 3) or Monte Carlo, and the free energy F(ρ) = E_ρ[f] + T E_ρ[log ρ] (eq. (45)),
 * non-increasing along the flow (eq. (46)) with minimum −T log Z(T).
 */
package io.github.hopflow.wasserstein.gibbs;
