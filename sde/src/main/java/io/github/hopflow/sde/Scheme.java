package io.github.hopflow.sde;

/**
 * The time-stepping schemes of the {@link ParticleEngine}. Each draws exactly one standard normal
 * per coordinate per step, in particle order then coordinate order, so that the schemes run with
 * one seed see common random numbers.
 */
public enum Scheme {

    /**
     * Explicit Euler–Maruyama in x (the corrected eq. (60)):
     * x' = x + (−m ∂f + T m') h + √(2T m h) ξ, evaluated at the old point. For a bounded metric
     * the step can leave the closed domain — at a face of the paper's example the process is a
     * critical squared-Bessel process, and explicit steps overshoot it routinely whatever h is —
     * so a {@link BoundaryPolicy} brings such coordinates back; the engine counts these exits.
     */
    EULER_MARUYAMA,

    /**
     * Drift-implicit Euler in isometric coordinates u = φ(x), where the machine is overdamped
     * Langevin with additive noise, du = −∇_u[f − T log √m] dt + √(2T) dW (docs/design.md, "Boundary").
     * The gradient part is explicit, the barrier drift b(u) = (T/2) m'(x)/√m(x) implicit:
     * z − h b(z) = u − h √m ∂f + √(2Th) ξ, solved on the open isometric interval. For the paper's
     * example, with y = 2 arcsin √x ∈ (0, π), this is z − 4βTh cot z = c, whose left side
     * increases from −∞ to +∞ (one root, found by safeguarded Halley iteration). Points stay in the open
     * cube by construction; for the Euclidean metric the scheme is plain Euler–Maruyama.
     */
    ISOMETRIC_IMPLICIT,

    /**
     * Strang splitting in isometric coordinates: half a step (h/2) of the exact barrier flow,
     * one explicit Euler–Maruyama step of the gradient and noise part, another half barrier step.
     * For the example, with y = 2 arcsin √x, the barrier flow ẏ = 4βT cot y is exact:
     * cos y(s) = cos y₀ e^{−4βTs}; since cos y = 1 − 2x this is x ↦ x e^{−4βTs} + ½(1 − e^{−4βTs})
     * in x (half the Itô drift T m'(x) of eq. (58); the other half is the Itô correction of the
     * change of variables). The middle step may leave (0, π), but the final barrier half step
     * depends on cos y only, i.e. on x = sin²(y/2) ∈ [0, 1], and maps [0, 1] into the open
     * interval: points stay in the open cube. Available for metrics whose coordinates all have
     * the example's mobility 4β_i x(1 − x) ({@code ScaledTanhActivation}), or the Euclidean metric
     * (plain Euler–Maruyama); other metrics are rejected when the engine is built.
     */
    ISOMETRIC_SPLITTING
}
