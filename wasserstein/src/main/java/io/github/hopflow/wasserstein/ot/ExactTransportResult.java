package io.github.hopflow.wasserstein.ot;

/**
 * An optimal transport plan from {@link ExactTransport}: the optimal cost ⟨P, C⟩ (W_G² when C = d_G²
 * and the masses are probability weights), the plan's non-zero cells, the pivot count, and the
 * dual potentials (u_j + v_i ≤ C(j, i), with equality on the plan). Immutable.
 */
public final class ExactTransportResult {

    private final double cost;
    private final int[] planRows;
    private final int[] planCols;
    private final double[] planMass;
    private final int pivots;
    private final double[] rowPotential;
    private final double[] colPotential;

    ExactTransportResult(double cost, int[] planRows, int[] planCols, double[] planMass, int pivots,
            double[] rowPotential, double[] colPotential) {
        this.cost = cost;
        this.planRows = planRows;
        this.planCols = planCols;
        this.planMass = planMass;
        this.pivots = pivots;
        this.rowPotential = rowPotential;
        this.colPotential = colPotential;
    }

    /** The optimal cost ⟨P, C⟩. */
    public double cost() {
        return cost;
    }

    /** √cost: W_G when C = d_G². */
    public double distance() {
        return Math.sqrt(Math.max(0, cost));
    }

    /** The number of non-zero cells of the plan. */
    public int planSize() {
        return planMass.length;
    }

    /** Row index of non-zero cell k. */
    public int planRow(int k) {
        return planRows[k];
    }

    /** Column index of non-zero cell k. */
    public int planColumn(int k) {
        return planCols[k];
    }

    /** Mass of non-zero cell k. */
    public double planMass(int k) {
        return planMass[k];
    }

    /** Simplex pivots done. */
    public int pivots() {
        return pivots;
    }

    /** A copy of the row dual potentials u (for unit total mass). */
    public double[] rowPotentials() {
        return rowPotential.clone();
    }

    /** A copy of the column dual potentials v (for unit total mass). */
    public double[] columnPotentials() {
        return colPotential.clone();
    }

    @Override
    public String toString() {
        return "ExactTransportResult[cost=" + cost + ", pivots=" + pivots + "]";
    }
}
