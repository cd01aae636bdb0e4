package io.github.hopflow.sde;

/**
 * What explicit Euler–Maruyama ({@link Scheme#EULER_MARUYAMA}) does with a coordinate that a step
 * moved outside the closed domain [lo_i, hi_i] of a bounded metric (the closed unit cube for the
 * Hopfield metric). Each such coordinate-step counts as one boundary exit
 * ({@link ParticleEngine#boundaryExits()}). The isometric schemes never leave the open domain and
 * ignore this policy; so does the Euclidean metric, whose domain is R^n.
 *
 * <p>A point brought onto a face is not trapped there: at x_i = 0 the mobility vanishes, so the
 * noise and the gradient term vanish, but the Itô drift T m_i'(0) (= 4βT for the example) is
 * positive and moves it back inside by 4βTh in the next step. Only at T = 0 is a face invariant —
 * as it is for the deterministic natural-gradient flow, whose faces are invariant too.
 */
public enum BoundaryPolicy {

    /**
     * Mirror the coordinate at the face it crossed: x ↦ 2·lo − x below, x ↦ 2·hi − x above
     * (folded repeatedly for an overshoot beyond the opposite face). The result lies in the
     * closed domain; it lands exactly on a face only when the unreflected value was exactly there.
     */
    REFLECT,

    /**
     * Clip the coordinate to the closed domain: x ↦ min(max(x, lo), hi) — the "clipped EM" of
     * docs/design.md. Clipped points sit exactly on a face for one step (see the class comment for why
     * they leave it again when T &gt; 0).
     */
    PROJECT
}
