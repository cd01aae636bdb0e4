/**
 * Deterministic Hopfield flows, returning sampled {@link io.github.hopflow.geometry.flow.Trajectory
 * trajectories} from one entry point, {@link io.github.hopflow.geometry.flow.DeterministicFlows#run}.
 * The schemes ({@link io.github.hopflow.geometry.flow.FlowMethod}) are discretisations of one
 * continuous flow (HNN paper, eqs. (1), (3), (6); Theorem 1): the Hopfield ODE in the hidden state
 * and the natural-gradient ODE (6) with an adaptive Dormand–Prince integrator, the natural-gradient
 * recursion (5), mirror descent (15)/(21) in the hidden variable x_H = σ⁻¹(x), and the proximal
 * natural gradient (56), a Euclidean proximal step in isometric coordinates. The Euclidean
 * proximal-gradient (firing-rate) flow ẋ = −x + prox_{γg}(x − γ∇f(x)) uses the catalogue of
 * {@link io.github.hopflow.geometry.flow.ProximalOperator}s (box, ℓ1 soft threshold, non-negative ℓ1
 * = shifted ReLU, entropic softmax on the simplex).
 */
package io.github.hopflow.geometry.flow;
