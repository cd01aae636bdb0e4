package io.github.hopflow.wasserstein.ot;

/**
 * The debiased Sinkhorn divergence S_ε(a, b) = OT_ε(a, b) − ½ OT_ε(a, a) − ½ OT_ε(b, b) (Genevay,
 * Peyré, Cuturi 2018; Feydy et al. 2019), with OT_ε the optimal value of ⟨P, C⟩ + ε Σ P log P
 * (POT's objective). With the KL form ⟨P, C⟩ + ε KL(P ‖ a⊗b) instead, each OT_ε changes by
 * ε(Σ a log a + Σ b log b) and these terms cancel in S_ε, so both conventions give the same
 * divergence. For the Gaussian kernel of C = d_G² it is ≥ 0, and 0 exactly when the clouds agree.
 * Immutable.
 */
public final class SinkhornDivergence {

    private final SinkhornResult ab;
    private final SinkhornResult aa;
    private final SinkhornResult bb;

    SinkhornDivergence(SinkhornResult ab, SinkhornResult aa, SinkhornResult bb) {
        this.ab = ab;
        this.aa = aa;
        this.bb = bb;
    }

    /** S_ε(a, b). */
    public double value() {
        return ab.objective() - 0.5 * aa.objective() - 0.5 * bb.objective();
    }

    /** The transport between a and b. */
    public SinkhornResult crossTerm() {
        return ab;
    }

    /** The transport of a to itself. */
    public SinkhornResult selfTermA() {
        return aa;
    }

    /** The transport of b to itself. */
    public SinkhornResult selfTermB() {
        return bb;
    }

    /** Iterations of the three solves together. */
    public int iterations() {
        return ab.iterations() + aa.iterations() + bb.iterations();
    }

    /** Whether all three solves converged. */
    public boolean converged() {
        return ab.converged() && aa.converged() && bb.converged();
    }

    @Override
    public String toString() {
        return "SinkhornDivergence[value=" + value() + ", iterations=" + iterations() + "]";
    }
}
