/**
 * One entropic proximal (JKO) step of the density flow, ρ_k = argmin ½W_G²(ρ_{k−1}, ρ) + hF(ρ)
 * (HNN paper, eq. (54), with F the free energy (45)), solved on a weighted point cloud by the
 * fixed point of the proximal recursion (Caluya &amp; Halder, Algorithm 1; docs/design.md §1 step 2) in
 * the log domain and stopped on the Thompson metric; and the normalisations of its values
 * (docs/design.md §1 step 3).
 */
package io.github.hopflow.wasserstein.prox;
