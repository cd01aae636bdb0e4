package io.github.hopflow.wasserstein.ot;

/**
 * The outcome of {@link Sinkhorn#solve}: the entropic plan P_ji = exp(ℓu_j + ℓv_i − C(j, i)/ε), its
 * linear cost ⟨P, C⟩, the entropic objective ⟨P, C⟩ + ε Σ P log P (the objective POT's
 * {@code sinkhorn} minimises), the dual potentials, and the iteration and marginal-error
 * diagnostics. Immutable; arrays are copied on the way out.
 *
 * <p>Potentials use the convention P_ji = a_j b_i exp((f_j + g_i − C(j, i))/ε) (the KL form), so
 * they are in cost units, independent of ε to leading order, and can warm-start a solve at another
 * ε or for nearby points.
 */
public final class SinkhornResult {

    private final double epsilon;
    private final double cost;
    private final double objective;
    private final double[] f;
    private final double[] g;
    private final int iterations;
    private final int stages;
    private final double marginalError;
    private final double rowMarginalError;
    private final double columnMarginalError;
    private final boolean converged;
    private final double tolerance;

    SinkhornResult(double epsilon, double cost, double objective, double[] f, double[] g, int iterations,
            int stages, double marginalError, double rowMarginalError, double columnMarginalError,
            boolean converged, double tolerance) {
        this.epsilon = epsilon;
        this.cost = cost;
        this.objective = objective;
        this.f = f;
        this.g = g;
        this.iterations = iterations;
        this.stages = stages;
        this.marginalError = marginalError;
        this.rowMarginalError = rowMarginalError;
        this.columnMarginalError = columnMarginalError;
        this.converged = converged;
        this.tolerance = tolerance;
    }

    /** The regularisation ε of the final stage. */
    public double epsilon() {
        return epsilon;
    }

    /** ⟨P, C⟩ of the entropic plan. */
    public double cost() {
        return cost;
    }

    /** ⟨P, C⟩ + ε Σ P log P. */
    public double objective() {
        return objective;
    }

    /** A copy of the row potentials f (length M). */
    public double[] rowPotentials() {
        return f.clone();
    }

    /** A copy of the column potentials g (length N). */
    public double[] columnPotentials() {
        return g.clone();
    }

    /** Total Sinkhorn iterations over all ε-scaling stages. */
    public int iterations() {
        return iterations;
    }

    /** The number of ε-scaling stages (1 without scaling). */
    public int stages() {
        return stages;
    }

    /** The stopping metric: the L1 row-marginal error ‖P𝟙 − a‖₁ when the iteration stopped. */
    public double marginalError() {
        return marginalError;
    }

    /** ‖P𝟙 − a‖₁ of the returned plan, recomputed from it. */
    public double rowMarginalError() {
        return rowMarginalError;
    }

    /** ‖Pᵀ𝟙 − b‖₁ of the returned plan, recomputed from it. */
    public double columnMarginalError() {
        return columnMarginalError;
    }

    /** Whether the marginal error fell below the tolerance. */
    public boolean converged() {
        return converged;
    }

    /** The tolerance it ran with. */
    public double tolerance() {
        return tolerance;
    }

    @Override
    public String toString() {
        return "SinkhornResult[eps=" + epsilon + ", cost=" + cost + ", objective=" + objective + ", iterations="
                + iterations + ", stages=" + stages + ", marginalError=" + marginalError + ", converged="
                + converged + "]";
    }
}
