package io.github.hopflow.wasserstein.fokkerplanck;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.TemperatureSchedule;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixSparseCSC;

/**
 * A finite-volume solver of the density equation of the diffusion machine (HNN paper, eqs. (39),
 * (41)),
 * <pre>
 *   ∂ρ/∂t = ∇·(M(x)(ρ∇f + T(t)∇ρ)),   M = diag(m_i(x_i)),
 * </pre>
 * with m_i = 1/g_ii the mobility of the metric and zero flux through the faces of a box, for
 * n = 1, 2, 3: the reference against which particle estimates of ρ_t are judged
 * (docs/design.md §1).
 *
 * <p><b>Domain.</b> Along axis i the box is [lowerBound_i, upperBound_i] of the metric when these
 * are finite (the unit cube for sigmoid Hopfield metrics); along an axis where the metric's
 * domain is unbounded (the Euclidean metric, m ≡ 1 on Rⁿ) the caller gives the box with
 * {@link Builder#domain(double, double)}, and zero flux through its faces makes the problem a
 * reflected one, close to the free problem when the box holds all but a negligible part of the
 * mass.
 *
 * <p><b>Space.</b> M_i cells per axis, unknowns the cell averages; the flux through the interior
 * face between neighbouring cells k → l along axis i is the Scharfetter–Gummel flux
 * (m_i T/Δ_i)(B(δ/T)ρ_k − B(−δ/T)ρ_l), B(z) = z/(eᶻ − 1), δ = f(x_l) − f(x_k) at the cell
 * centres, m_i at the face midpoint (the metric's {@link DiagonalMetric#mobility}, whatever the
 * activation); the faces of the box carry no flux. The discrete Gibbs state
 * ρ_k ∝ exp(−f(x_k)/T) is an exact stationary state for constant T ({@link #applyOperator}
 * returns round-off on it), mass is conserved, and the scheme is second order in Δ where the cell
 * Péclet number |δ|/T is small. As T → 0 the flux tends to the upwind flux of pure transport,
 * which is what T = 0 gives.
 *
 * <p><b>Time.</b> Backward Euler, (I − hA(T(t_{k+1})))ρ_{k+1} = ρ_k, with steps of a fixed length h
 * (the last step before a requested time is shortened to land on it) and T(t) evaluated at the
 * new time level. I − hA is an M-matrix whose columns sum to 1, so every step conserves mass and
 * keeps ρ ≥ 0 for any h. The sparse system is solved directly with EJML, in nested-dissection
 * order: detailed balance makes D⁻¹(I − hA)D symmetric positive definite for
 * D = diag(exp(−f/(2T))), which is factorised by sparse Cholesky
 * ({@link org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC}); where D would overflow
 * (T = 0, or (max f − min f)/(2T) &gt; 600) the matrix itself is factorised by sparse LU
 * ({@link org.ejml.sparse.csc.decomposition.lu.LuUpLooking_DSCC}). Either factorisation is
 * computed once for each distinct (T, h) and reused while they stay the same. See
 * {@link FokkerPlanckState} for the mass bookkeeping and the positivity check.
 *
 * <p><b>Choosing h.</b> The scheme is first order in h. On the paper's example (n = 2, scaled
 * Himmelblau, T = 25, β = ¼, 160² cells, uniform ρ₀, t = 0.1) halving h changes log ρ by at most
 * 2.1·10⁻⁵ over the square at h = 10⁻⁴ ({@link #DEFAULT_TIME_STEP}), 1.1·10⁻⁴ at 5·10⁻⁴ and
 * 2.1·10⁻⁴ at 10⁻³ (halving the step halves the change), so the time error of the default is
 * about 4·10⁻⁵ in log ρ and 1.3·10⁻⁵ relative in the maximum (11.8717 at 160² cells),
 * comparable to the spatial error of that grid. A second-order method would allow longer
 * steps, but no linear method of order above one keeps ρ ≥ 0 for every step (TR-BDF2 makes the
 * tails of this example negative within its first three steps at h ≥ 2.5·10⁻⁴), and negative
 * densities are not acceptable in a reference solution; for other problems, halve h and compare.
 *
 * <p><b>Cost.</b> In one and two dimensions the steps dominate: the paper's example on 160² cells
 * (1.6·10⁶ LU entries, half as many Cholesky entries) takes about 3 s to t = 0.1 with h = 10⁻⁴ on
 * a 2-core machine. In three dimensions the factorisation dominates, O(N²) for N cells in
 * nested-dissection order: about 0.5 s at 16³, 2.4 s at 24³, 14 s at 32³ and 50 s at 40³, after
 * which a step costs 0.01–0.1 s.
 *
 * <p>Immutable and thread-safe; every {@link #start()} returns an independent
 * {@link FokkerPlanckState}.
 */
public final class FokkerPlanckSolver {

    /**
     * The default step h = 10⁻⁴, the paper's step: on the paper's example its time error is about
     * 4·10⁻⁵ in log ρ at t = 0.1 (see the class comment).
     */
    public static final double DEFAULT_TIME_STEP = 1e-4;

    /** Bytes of heap per cell for the vectors of a run (operator, rates, state, work, results). */
    private static final long BYTES_PER_CELL_BASE = 160;
    private static final long BYTES_PER_CELL_PER_AXIS = 48;
    /** Factorisations kept at a time by one state (a full step and a shortened last step). */
    static final int CACHED_FACTORISATIONS = 2;

    private final DiagonalMetric metric;
    private final Objective objective;
    private final TemperatureSchedule schedule;
    private final FokkerPlanckGrid grid;
    private final double timeStep;
    private final double[] initialDensity;
    private final ScharfetterGummelOperator operator;
    private final int[] order;
    private final int[] position;
    private final long factorNonZeros;

    private FokkerPlanckSolver(Builder b, FokkerPlanckGrid grid, ScharfetterGummelOperator operator, int[] order,
            int[] position, long factorNonZeros, double[] initialDensity) {
        this.metric = b.metric;
        this.objective = b.objective;
        this.schedule = b.schedule;
        this.grid = grid;
        this.timeStep = b.timeStep;
        this.operator = operator;
        this.order = order;
        this.position = position;
        this.factorNonZeros = factorNonZeros;
        this.initialDensity = initialDensity;
    }

    /** A builder with the defaults h = {@link #DEFAULT_TIME_STEP} and a uniform ρ₀. */
    public static Builder builder() {
        return new Builder();
    }

    /** The metric whose mobility m_i = 1/g_ii enters the flux. */
    public DiagonalMetric metric() {
        return metric;
    }

    /** The objective f. */
    public Objective objective() {
        return objective;
    }

    /** The temperature schedule T(t). */
    public TemperatureSchedule temperature() {
        return schedule;
    }

    /** The grid. */
    public FokkerPlanckGrid grid() {
        return grid;
    }

    /** The step h. */
    public double timeStep() {
        return timeStep;
    }

    /**
     * The number of entries of the L and U factors of one step's matrix in the LU form (L and U
     * together; the Cholesky form has half as many), from the symbolic analysis done when the
     * solver was built.
     */
    public long factorNonZeros() {
        return factorNonZeros;
    }

    /**
     * The density at time t, from ρ₀ at t = 0.
     *
     * @param time t, finite and ≥ 0
     * @throws IllegalArgumentException if t is negative or not finite
     * @throws ArithmeticException if a step produces a negative or non-finite density
     */
    public FokkerPlanckSolution solve(double time) {
        return start().advanceTo(time);
    }

    /** A new state at t = 0 holding ρ₀, to be advanced step by step. */
    public FokkerPlanckState start() {
        return new FokkerPlanckState(this);
    }

    /** ρ₀ on the grid, at t = 0. */
    public FokkerPlanckSolution initial() {
        return new FokkerPlanckSolution(grid, 0, schedule.temperature(0), 0, initialDensity.clone(),
                operator.objectiveAtCentres());
    }

    /**
     * The discrete Gibbs state ρ_k = exp(−f(x_k)/T)/Σ_l |cell| exp(−f(x_l)/T), the stationary state
     * of the scheme at constant temperature T and the minimiser of the discrete free energy, with
     * time +∞.
     *
     * @param temperature T, finite and &gt; 0
     * @throws IllegalArgumentException naming the parameter and the value
     */
    public FokkerPlanckSolution stationary(double temperature) {
        Checks.positive("temperature", temperature);
        double[] f = operator.objectiveAtCentres();
        double fMin = operator.objectiveMin();
        double[] rho = new double[f.length];
        double sum = 0;
        for (int k = 0; k < f.length; k++) {
            rho[k] = Math.exp(-(f[k] - fMin) / temperature);
            sum += rho[k];
        }
        scaleToUnitMass(rho, sum, grid);
        return new FokkerPlanckSolution(grid, Double.POSITIVE_INFINITY, temperature, 0, rho, f);
    }

    /**
     * The discrete operator: rate = Aρ, the right-hand side of dρ/dt = Aρ at temperature T.
     *
     * @param temperature T, finite and ≥ 0
     * @param density ρ, cell averages in the grid's order, length cellCount. Not modified.
     * @param rate receives Aρ, length ≥ cellCount. Modified; must not be {@code density}.
     * @throws IllegalArgumentException naming the parameter and the value
     */
    public void applyOperator(double temperature, double[] density, double[] rate) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, got " + temperature);
        }
        int count = grid.cellCount();
        if (density.length != count) {
            throw new IllegalArgumentException("density must have length " + count + ", got " + density.length);
        }
        if (rate.length < count) {
            throw new IllegalArgumentException("rate must have length >= " + count + ", got " + rate.length);
        }
        if (rate == density) {
            throw new IllegalArgumentException("rate must not be the density array");
        }
        double[][] forward = operator.newRateArray();
        double[][] backward = operator.newRateArray();
        operator.rates(temperature, forward, backward);
        operator.apply(forward, backward, density, rate);
    }

    /** Multiplies cell densities whose plain sum is {@code sum} so that their mass is one. */
    private static void scaleToUnitMass(double[] rho, double sum, FokkerPlanckGrid grid) {
        double scale = 1 / (sum * grid.cellVolume());
        for (int k = 0; k < rho.length; k++) {
            rho[k] *= scale;
        }
    }

    ScharfetterGummelOperator operator() {
        return operator;
    }

    int[] order() {
        return order;
    }

    int[] position() {
        return position;
    }

    /** The normalised ρ₀ (shared, not to be modified). */
    double[] initialDensityShared() {
        return initialDensity;
    }

    @Override
    public String toString() {
        return "FokkerPlanckSolver[" + metric + ", " + objective.name() + ", " + schedule + ", " + grid + ", h = "
                + timeStep + "]";
    }

    /**
     * Builds a {@link FokkerPlanckSolver}. Required: {@link #metric}, {@link #objective},
     * {@link #temperature(TemperatureSchedule)} (or {@link #temperature(double)}),
     * {@link #cellsPerAxis(int)}, and {@link #domain} along every axis where the metric's domain
     * is unbounded. Each setter checks its argument and throws an
     * {@link IllegalArgumentException} naming the parameter and the value; {@link #build()}
     * checks their consistency and that the grid fits in the heap. Not thread-safe.
     */
    public static final class Builder {

        private DiagonalMetric metric;
        private Objective objective;
        private TemperatureSchedule schedule;
        private int[] cells;
        private double timeStep = DEFAULT_TIME_STEP;
        private double[] lower;
        private double[] upper;
        private ToDoubleFunction<double[]> initialFunction;
        private double[] initialCells;

        private Builder() {
        }

        /** The metric (its mobility m_i = 1/g_ii and its domain); dimension 1, 2 or 3. */
        public Builder metric(DiagonalMetric metric) {
            if (metric == null) {
                throw new IllegalArgumentException("metric must not be null");
            }
            int n = metric.dimension();
            if (n < 1 || n > FokkerPlanckGrid.MAX_DIMENSION) {
                throw new IllegalArgumentException("metric dimension must be 1, 2 or 3, got " + n);
            }
            this.metric = metric;
            return this;
        }

        /** The objective f, of the metric's dimension. */
        public Builder objective(Objective objective) {
            if (objective == null) {
                throw new IllegalArgumentException("objective must not be null");
            }
            this.objective = objective;
            return this;
        }

        /** The temperature schedule T(t) ≥ 0. */
        public Builder temperature(TemperatureSchedule schedule) {
            if (schedule == null) {
                throw new IllegalArgumentException("temperature schedule must not be null");
            }
            this.schedule = schedule;
            return this;
        }

        /** A constant temperature T, finite and ≥ 0. */
        public Builder temperature(double temperature) {
            // the schedule refuses a negative or non-finite T, naming it
            this.schedule = TemperatureSchedule.constant(temperature);
            return this;
        }

        /** M ≥ 2 cells along every axis. */
        public Builder cellsPerAxis(int cells) {
            if (cells < 2) {
                throw new IllegalArgumentException("cellsPerAxis must be >= 2, got " + cells);
            }
            this.cells = new int[] {cells};
            return this;
        }

        /** M_i ≥ 2 cells along axis i (one entry per axis). The array is copied. */
        public Builder cellsPerAxis(int... cells) {
            if (cells == null || cells.length == 0) {
                throw new IllegalArgumentException("cellsPerAxis must not be empty");
            }
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] < 2) {
                    throw new IllegalArgumentException("cellsPerAxis[" + i + "] must be >= 2, got " + cells[i]);
                }
            }
            this.cells = cells.clone();
            return this;
        }

        /** The step h, finite and &gt; 0 (default {@link #DEFAULT_TIME_STEP}). */
        public Builder timeStep(double step) {
            Checks.positive("timeStep", step);
            this.timeStep = step;
            return this;
        }

        /**
         * The box [lower, upper]ⁿ, the same interval on every axis. Required where the metric's
         * domain is unbounded; elsewhere it must lie inside the metric's closed domain (the faces
         * of the box then act as reflecting walls).
         */
        public Builder domain(double lower, double upper) {
            checkInterval(0, lower, upper);
            this.lower = new double[] {lower};
            this.upper = new double[] {upper};
            return this;
        }

        /** The box [lower_i, upper_i] per axis; the arrays are copied. See {@link #domain(double, double)}. */
        public Builder domain(double[] lower, double[] upper) {
            if (lower == null || upper == null || lower.length == 0 || lower.length != upper.length) {
                throw new IllegalArgumentException("domain lower and upper must be non-empty arrays of one length, got "
                        + (lower == null ? "null" : lower.length) + " and " + (upper == null ? "null" : upper.length));
            }
            for (int i = 0; i < lower.length; i++) {
                checkInterval(i, lower[i], upper[i]);
            }
            this.lower = lower.clone();
            this.upper = upper.clone();
            return this;
        }

        private static void checkInterval(int axis, double lo, double hi) {
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
                throw new IllegalArgumentException("domain axis " + axis
                        + " must be a finite interval lower < upper, got [" + lo + ", " + hi + "]");
            }
        }

        /**
         * ρ₀ as a function, evaluated at the cell centres and normalised to mass 1 on the grid.
         * Replaces {@link #initialCellDensities}. The function is called with an array of length n
         * that it must not keep, and must return finite values ≥ 0, not all 0.
         */
        public Builder initialDensity(ToDoubleFunction<double[]> density) {
            if (density == null) {
                throw new IllegalArgumentException("initialDensity must not be null");
            }
            this.initialFunction = density;
            this.initialCells = null;
            return this;
        }

        /**
         * ρ₀ as cell averages in the grid's row-major order (finite, ≥ 0, not all 0), normalised
         * to mass 1. Replaces {@link #initialDensity}. The array is copied; its length is checked
         * against the grid by {@link #build()}.
         */
        public Builder initialCellDensities(double[] density) {
            if (density == null) {
                throw new IllegalArgumentException("initialCellDensities must not be null");
            }
            for (int k = 0; k < density.length; k++) {
                if (!(density[k] >= 0) || Double.isInfinite(density[k])) {
                    throw new IllegalArgumentException("initialCellDensities[" + k
                            + "] must be a finite number >= 0, got " + density[k]);
                }
            }
            this.initialCells = density.clone();
            this.initialFunction = null;
            return this;
        }

        /** The uniform ρ₀ = 1/|domain| (the default). */
        public Builder uniformInitialDensity() {
            this.initialFunction = null;
            this.initialCells = null;
            return this;
        }

        /**
         * The solver. Evaluates f at the cell centres, the mobility at the faces and ρ₀, orders
         * the unknowns and counts the entries of the LU factors.
         *
         * @throws IllegalArgumentException if a required setting is missing or inconsistent (naming
         *     it and the value), if f, the mobility or ρ₀ is not finite or negative where it must not
         *     be, or if the grid's vectors or its factors would not fit in the Java heap (naming the
         *     estimate, made for the larger LU form, and the limit)
         */
        public FokkerPlanckSolver build() {
            if (metric == null) {
                throw new IllegalArgumentException("metric must be set");
            }
            if (objective == null) {
                throw new IllegalArgumentException("objective must be set");
            }
            if (schedule == null) {
                throw new IllegalArgumentException("temperature must be set");
            }
            if (cells == null) {
                throw new IllegalArgumentException("cellsPerAxis must be set");
            }
            int n = metric.dimension();
            if (objective.dimension() != n) {
                throw new IllegalArgumentException("objective dimension must equal the metric dimension " + n
                        + ", got " + objective.dimension());
            }
            int[] perAxis = expand("cellsPerAxis", cells, n);
            FokkerPlanckGrid grid = FokkerPlanckGrid.of(box(n, true), box(n, false), perAxis);
            long count = grid.cellCount();
            long maxHeap = Runtime.getRuntime().maxMemory();
            long vectorBytes = count * (BYTES_PER_CELL_BASE + BYTES_PER_CELL_PER_AXIS * n);
            if (vectorBytes > maxHeap) {
                throw new IllegalArgumentException("the grid " + describe(perAxis) + " (" + count
                        + " cells) needs about " + mib(vectorBytes) + " MiB for its vectors, more than the Java heap"
                        + " limit of " + mib(maxHeap) + " MiB (-Xmx); use fewer cells per axis");
            }
            ScharfetterGummelOperator operator = new ScharfetterGummelOperator(grid, metric, objective);
            int[] order = NestedDissection.order(grid);
            int[] position = new int[order.length];
            for (int p = 0; p < order.length; p++) {
                position[order[p]] = p;
            }
            // the sparsity pattern (any temperature and step give the same one)
            DMatrixSparseCSC pattern = operator.systemMatrix(1, 1, order, position);
            long perTriangle = StepFactorisation.factorNonZerosPerTriangle(pattern);
            // the LU grows L and U by doubling (up to 3× the final entries during a copy); the
            // trimmed factors of CACHED_FACTORISATIONS steps are kept; 12 bytes an entry
            long growthEntries = 3 * (perTriangle + 2 * count);
            long factorBytes = 12 * (2 * growthEntries + CACHED_FACTORISATIONS * 2 * perTriangle);
            if (growthEntries > Integer.MAX_VALUE - 16 || vectorBytes + factorBytes > maxHeap) {
                throw new IllegalArgumentException("the grid " + describe(perAxis) + " (" + count
                        + " cells) needs about " + mib(vectorBytes + factorBytes)
                        + " MiB for the sparse factors of a step (" + (2 * perTriangle)
                        + " LU factor entries), more than the Java heap limit of " + mib(maxHeap) + " MiB (-Xmx)"
                        + (growthEntries > Integer.MAX_VALUE - 16 ? " or the 2^31 entries of a sparse matrix" : "")
                        + "; use fewer cells per axis");
            }
            double[] rho0 = initialDensity(grid);
            return new FokkerPlanckSolver(this, grid, operator, order, position, 2 * perTriangle, rho0);
        }

        private double[] box(int n, boolean lowerEnd) {
            double[] user = lowerEnd ? lower : upper;
            if (user != null && user.length != 1 && user.length != n) {
                throw new IllegalArgumentException("domain must have 1 or " + n + " axes, got " + user.length);
            }
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double lo = metric.lowerBound(i);
                double hi = metric.upperBound(i);
                double own = lowerEnd ? lo : hi;
                if (user == null) {
                    if (!Double.isFinite(own)) {
                        throw new IllegalArgumentException("domain must be set: the domain of " + metric
                                + " along axis " + i + " is [" + lo + ", " + hi + "]");
                    }
                    out[i] = own;
                } else {
                    double v = user.length == 1 ? user[0] : user[i];
                    if (!(v >= lo && v <= hi)) {
                        throw new IllegalArgumentException("domain " + (lowerEnd ? "lower" : "upper") + "[" + i + "] = "
                                + v + " is outside the domain [" + lo + ", " + hi + "] of " + metric);
                    }
                    out[i] = v;
                }
            }
            return out;
        }

        private double[] initialDensity(FokkerPlanckGrid grid) {
            int count = grid.cellCount();
            double[] rho = new double[count];
            if (initialCells != null) {
                if (initialCells.length != count) {
                    throw new IllegalArgumentException("initialCellDensities must have the grid's " + count
                            + " cells, got " + initialCells.length);
                }
                System.arraycopy(initialCells, 0, rho, 0, count);
            } else if (initialFunction != null) {
                double[] x = new double[grid.dimension()];
                for (int k = 0; k < count; k++) {
                    grid.cellCentre(k, x);
                    double v = initialFunction.applyAsDouble(x);
                    if (!(v >= 0) || Double.isInfinite(v)) {
                        grid.cellCentre(k, x);
                        throw new IllegalArgumentException("initialDensity must be a finite number >= 0, got " + v
                                + " at " + Arrays.toString(x));
                    }
                    rho[k] = v;
                }
            } else {
                Arrays.fill(rho, 1.0);
            }
            double sum = 0;
            for (double v : rho) {
                sum += v;
            }
            if (!(sum > 0) || Double.isInfinite(sum)) {
                throw new IllegalArgumentException("initial density must have a finite positive mass on the grid, got "
                        + "a sum of cell values " + sum);
            }
            scaleToUnitMass(rho, sum, grid);
            return rho;
        }

        private static int[] expand(String name, int[] values, int n) {
            if (values.length == n) {
                return values.clone();
            }
            if (values.length == 1) {
                int[] out = new int[n];
                Arrays.fill(out, values[0]);
                return out;
            }
            throw new IllegalArgumentException(name + " must have 1 or " + n + " entries, got " + values.length);
        }

        private static String describe(int[] cells) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                s.append(i == 0 ? "" : " × ").append(cells[i]);
            }
            return s.toString();
        }

        private static long mib(long bytes) {
            return (bytes + (1 << 20) - 1) >> 20;
        }
    }
}
