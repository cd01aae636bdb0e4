package io.github.hopflow.wasserstein.fokkerplanck;

import java.util.Arrays;

/**
 * The finite-volume density ρ_t of the diffusion machine at one time: the cell averages on a
 * {@link FokkerPlanckGrid}, with point values by multilinear interpolation of log ρ, the mass
 * Σ_k |cell|·ρ_k and the discrete free energy
 * F_h(ρ) = Σ_k |cell|·(f(x_k)ρ_k + Tρ_k log ρ_k) (HNN paper, eq. (45), by the midpoint rule), at
 * the temperature T = T(t) of this time.
 *
 * <p>Point values: along each axis the coordinate is located between the two nearest cell centres
 * (clamped to the outermost centres, so log ρ is constant in the half cells at the faces of the
 * domain) and log ρ is interpolated (multi)linearly between the 2ⁿ surrounding centres. Where a
 * cell average is 0 its log is −∞, and so is every interpolated value that gives it a positive
 * weight. Immutable and thread-safe.
 */
public final class FokkerPlanckSolution {

    private final FokkerPlanckGrid grid;
    private final double time;
    private final double temperature;
    private final long steps;
    private final double[] density;
    private final double[] logDensity;
    private final double mass;
    private final double freeEnergy;
    private final double maxDensity;

    /**
     * @param density cell averages, owned by the new object
     * @param objectiveAtCentres f at the cell centres. Not modified; not kept.
     */
    FokkerPlanckSolution(FokkerPlanckGrid grid, double time, double temperature, long steps, double[] density,
            double[] objectiveAtCentres) {
        this.grid = grid;
        this.time = time;
        this.temperature = temperature;
        this.steps = steps;
        this.density = density;
        int count = density.length;
        this.logDensity = new double[count];
        double volume = grid.cellVolume();
        // compensated sums: the mass is checked to 1e-12 relative
        CompensatedSum massSum = new CompensatedSum();
        CompensatedSum energySum = new CompensatedSum();
        double max = 0;
        for (int k = 0; k < count; k++) {
            double rho = density[k];
            double log = Math.log(rho);
            logDensity[k] = log;
            max = Math.max(max, rho);
            double m = volume * rho;
            massSum.add(m);
            energySum.add(rho == 0 ? 0 : m * (objectiveAtCentres[k] + temperature * log));
        }
        this.mass = massSum.value();
        this.freeEnergy = energySum.value();
        this.maxDensity = max;
    }

    /** The grid. */
    public FokkerPlanckGrid grid() {
        return grid;
    }

    /**
     * The time t of this solution ({@link Double#POSITIVE_INFINITY} for the stationary state of
     * {@link FokkerPlanckSolver#stationary(double)}).
     */
    public double time() {
        return time;
    }

    /** T(t), the temperature at which {@link #freeEnergy()} is evaluated. */
    public double temperature() {
        return temperature;
    }

    /** The number of time steps taken from t = 0 (0 for the initial and the stationary density). */
    public long steps() {
        return steps;
    }

    /** A copy of the cell averages ρ_k, in the grid's row-major cell order. */
    public double[] densities() {
        return density.clone();
    }

    /**
     * Copies the cell averages into {@code out}.
     *
     * @param out length ≥ cellCount. Modified.
     */
    public void densities(double[] out) {
        if (out.length < density.length) {
            throw new IllegalArgumentException("out must have length >= " + density.length + ", got " + out.length);
        }
        System.arraycopy(density, 0, out, 0, density.length);
    }

    /** The cell average ρ_k of the cell with flat index {@code cell}. */
    public double cellDensity(int cell) {
        return density[cell];
    }

    /** max_k ρ_k. */
    public double maxDensity() {
        return maxDensity;
    }

    /** Σ_k |cell|·ρ_k (1 up to round-off: the scheme conserves mass). */
    public double mass() {
        return mass;
    }

    /**
     * The discrete free energy F_h(ρ) = Σ_k |cell|·(f(x_k)ρ_k + Tρ_k log ρ_k), with 0 log 0 = 0, at
     * T = {@link #temperature()}. At constant T it does not increase from step to step and is
     * bounded below by −T log Σ_k |cell|·exp(−f(x_k)/T), the midpoint-rule value of −T log Z(T),
     * which it reaches at the stationary state.
     */
    public double freeEnergy() {
        return freeEnergy;
    }

    /**
     * log ρ at a point, by multilinear interpolation of log ρ between cell centres.
     *
     * @param x a point of the closed domain, length n. Not modified.
     * @throws IllegalArgumentException if the length is wrong or the point is outside the domain
     */
    public double logDensity(double[] x) {
        if (x.length != grid.dimension()) {
            throw new IllegalArgumentException("x must have length " + grid.dimension() + ", got " + x.length);
        }
        if (!grid.contains(x, 0)) {
            throw new IllegalArgumentException("x = " + Arrays.toString(x) + " is outside the domain " + grid);
        }
        return interpolate(x, 0);
    }

    /** ρ at a point: exp of {@link #logDensity(double[])}. */
    public double density(double[] x) {
        return Math.exp(logDensity(x));
    }

    /**
     * log ρ at many points.
     *
     * @param points flat row-major array of count × n coordinates, every point in the closed
     *     domain. Not modified.
     * @param out receives log ρ at point p in out[p], for p &lt; count = points.length / n. Modified.
     * @throws IllegalArgumentException if points.length is not a multiple of n, out is too short,
     *     or a point is outside the domain (naming its index)
     */
    public void logDensities(double[] points, double[] out) {
        int n = grid.dimension();
        if (points.length % n != 0) {
            throw new IllegalArgumentException("points.length must be a multiple of the dimension " + n + ", got "
                    + points.length);
        }
        int count = points.length / n;
        if (out.length < count) {
            throw new IllegalArgumentException("out must have length >= " + count + ", got " + out.length);
        }
        for (int p = 0; p < count; p++) {
            if (!grid.contains(points, p * n)) {
                throw new IllegalArgumentException("point " + p + " = "
                        + Arrays.toString(Arrays.copyOfRange(points, p * n, p * n + n)) + " is outside the domain "
                        + grid);
            }
        }
        for (int p = 0; p < count; p++) {
            out[p] = interpolate(points, p * n);
        }
    }

    private double interpolate(double[] x, int offset) {
        int n = grid.dimension();
        // base cell index along each axis and the weight of the upper neighbour
        int base = 0;
        int i0 = 0;
        int i1 = 0;
        int i2 = 0;
        double w0 = 0;
        double w1 = 0;
        double w2 = 0;
        for (int i = 0; i < n; i++) {
            int cells = grid.cells(i);
            double u = (x[offset + i] - grid.lower(i)) / grid.cellWidth(i) - 0.5;
            if (u < 0) {
                u = 0;
            } else if (u > cells - 1) {
                u = cells - 1;
            }
            int j = (int) u;
            if (j > cells - 2) {
                j = cells - 2;
            }
            double w = u - j;
            base += j * grid.stride(i);
            if (i == 0) {
                w0 = w;
            } else if (i == 1) {
                w1 = w;
            } else {
                w2 = w;
            }
        }
        if (n == 1) {
            return blend(logDensity[base], logDensity[base + 1], w0);
        }
        int s0 = grid.stride(0);
        int s1 = grid.stride(1);
        if (n == 2) {
            double a = blend(logDensity[base], logDensity[base + s1], w1);
            double b = blend(logDensity[base + s0], logDensity[base + s0 + s1], w1);
            return blend(a, b, w0);
        }
        int s2 = grid.stride(2);
        double a0 = blend(logDensity[base], logDensity[base + s2], w2);
        double a1 = blend(logDensity[base + s1], logDensity[base + s1 + s2], w2);
        double b0 = blend(logDensity[base + s0], logDensity[base + s0 + s2], w2);
        double b1 = blend(logDensity[base + s0 + s1], logDensity[base + s0 + s1 + s2], w2);
        return blend(blend(a0, a1, w1), blend(b0, b1, w1), w0);
    }

    /** (1 − w)a + wb, where a value with weight 0 does not contribute (so −∞·0 is not NaN). */
    private static double blend(double a, double b, double w) {
        if (w == 0) {
            return a;
        }
        if (w == 1) {
            return b;
        }
        return (1 - w) * a + w * b;
    }

    @Override
    public String toString() {
        return "FokkerPlanckSolution[t = " + time + ", T = " + temperature + ", " + grid + ", steps " + steps
                + ", max density " + maxDensity + ", mass " + mass + ", free energy " + freeEnergy + "]";
    }
}
