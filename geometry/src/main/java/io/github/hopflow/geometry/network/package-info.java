/**
 * Networks defined by their weights, and the energies they descend on the unit cube.
 *
 * <p>A Hopfield network with symmetric weights W and bias b descends E(x) = −½ xᵀWx − bᵀx
 * (Hopfield 1984; Hopfield and Tank 1985), and with noise its diffusion machine samples
 * exp(−E/T). Binary problems enter through the same quadratic form: QUBO, xᵀQx over x ∈ {0,1}ⁿ,
 * directly; the Ising energy H(s) = −½ sᵀJs − hᵀs and Max-Cut, cut(s) = ¼ Σ_ij W_ij (1 − s_i s_j),
 * through the spin relaxation s = 2x − 1, which maps the cube's vertices onto the spin
 * configurations. {@link io.github.hopflow.geometry.network.QuadraticEnergy} writes every one as
 * f(x) = ½ xᵀAx + gᵀx + c with ∇f = Ax + g, so a value or a gradient is one sparse product.
 *
 * <p>{@link io.github.hopflow.geometry.network.SymmetricSparseMatrix} holds A in compressed
 * columns (EJML's {@code DMatrixSparseCSC}) and multiplies by gathers over its columns;
 * {@link io.github.hopflow.geometry.network.NetworkFiles} reads Matrix Market matrices, G-set
 * graphs and vectors; {@link io.github.hopflow.geometry.network.CutSearch} holds the discrete
 * searches that finish a relaxed solution (single-flip local search) or serve as the baseline
 * (single-flip simulated annealing); {@link io.github.hopflow.geometry.network.HebbianWeights} builds
 * the weights of an associative memory, W = (1/n) Σ ξξᵀ.
 *
 * <p>{@link io.github.hopflow.geometry.network.FiringRateNetwork} is the firing-rate form
 * ẋ = −x + Φ(Wx + Bu) with a transfer function of {@link io.github.hopflow.geometry.network.Transfer},
 * and its contraction bounds from the log norms of
 * {@link io.github.hopflow.geometry.contraction.FiringRateContraction}.
 */
package io.github.hopflow.geometry.network;
