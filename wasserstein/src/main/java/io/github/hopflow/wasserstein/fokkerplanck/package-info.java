/**
 * A finite-volume reference solver of the Fokker–Planck (density) equation of the diffusion
 * machine, for n = 1, 2, 3: the truth against which the particle and proximal (JKO) estimates of
 * ρ_t are judged at transient times (docs/design.md §1, "What the values must equal").
 *
 * <p><b>Equation.</b> The density of dx = {−G⁻¹∇f + T∇·(G⁻¹𝟙)}dt + √(2T) G^{−1/2} dw (HNN
 * paper, eq. (39)), with the diagonal metric G = diag(g_ii) and mobility m_i = 1/g_ii, solves
 * <pre>
 *   ∂ρ/∂t = ∇·(M(x)(ρ∇f + T(t)∇ρ)),   M = diag(m_i(x_i)),
 * </pre>
 * on a box with zero flux through its faces: the unit cube (0,1)ⁿ for the Hopfield metric, a box
 * given by the caller for the Euclidean metric (m ≡ 1 on Rⁿ). For constant T its stationary state
 * is ρ∞ = exp(−f/T)/Z(T) (eq. (41)), and the free energy F(ρ) = ∫(fρ + Tρ log ρ) (eq. (45)) does
 * not increase along the flow (eq. (46)) and is bounded below by F(ρ∞) = −T log Z(T).
 *
 * <p><b>Discretisation.</b> A uniform cell-centred grid of M_i cells along axis i, cell width
 * Δ_i = (hi_i − lo_i)/M_i, unknowns the cell averages ρ_k. The flux from cell k to its neighbour
 * l = k + e_i is the Scharfetter–Gummel flux
 * <pre>
 *   F_{k→l} = (m_i(x_{k+½}) T/Δ_i)·(B(δ/T)ρ_k − B(−δ/T)ρ_l),
 *   B(z) = z/(eᶻ − 1),   δ = f(x_l) − f(x_k),
 * </pre>
 * with f at the cell centres and the mobility at the face midpoint; faces of the box carry no
 * flux, so dρ_k/dt = −Σ_faces F/Δ_i conserves Σ_k |cell| ρ_k. Since B(−z) = eᶻB(z), the flux
 * vanishes when ρ_l/ρ_k = e^{−δ/T}: the discrete Gibbs state ρ_k ∝ exp(−f(x_k)/T) is an exact
 * stationary state, and the scheme is second order in Δ where the cell Péclet number |δ|/T is
 * small. Time: backward Euler, (I − hA(T(t_{k+1})))ρ_{k+1} = ρ_k, with T at the new time level;
 * I − hA is an M-matrix with unit column sums, so every step keeps ρ ≥ 0 and conserves mass for
 * any h. Detailed balance, B(z)e^{z/2} = B(−z)e^{−z/2} = (z/2)/sinh(z/2), makes
 * D⁻¹(I − hA)D symmetric positive definite for D = diag(exp(−f/(2T))): the system is solved with
 * EJML's sparse Cholesky factorisation of that matrix (or its sparse LU of I − hA itself where D
 * would overflow, T = 0 included) on a nested-dissection ordering of the cells, factorised once
 * per distinct (T, h).
 *
 * <p><b>Use.</b> {@link io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckSolver#builder()}
 * configures the problem; {@code solve(t)} returns a
 * {@link io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckSolution}, and {@code start()}
 * returns a {@link io.github.hopflow.wasserstein.fokkerplanck.FokkerPlanckState} that
 * {@code advanceTo(t)} moves forward, to sample one run at several times. Solutions give the cell
 * averages, log ρ and ρ at any point (multilinear interpolation of log ρ between cell centres),
 * the mass and the discrete free energy.
 */
package io.github.hopflow.wasserstein.fokkerplanck;
