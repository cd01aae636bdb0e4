package io.github.hopflow.sde.cloud;

/**
 * An immutable discrete probability measure Σᵢ mᵢ δ(xⁱ): N points in n dimensions with positive
 * masses that sum to 1. This is what optimal transport moves, and it is not a
 * {@link WeightedPointCloud}: the values of a density cloud are ρ(xⁱ) at points drawn from ρ, so
 * the measure it stands for is the empirical one, every point of mass 1/N
 * ({@link #samplesOf(WeightedPointCloud)}). Taking the density values as masses instead would
 * weight each region by ρ twice (once by how many points it holds, once by their values): a
 * measure with density proportional to ρ², not ρ.
 *
 * <p>Positions are stored row-major in one flat array; accessors copy, or write into an array the
 * caller supplies.
 */
public final class MassCloud {

    /** The points, with the masses as their values (validated there: finite positions, masses > 0). */
    private final WeightedPointCloud points;

    private MassCloud(WeightedPointCloud points) {
        this.points = points;
    }

    /**
     * The measure with masses proportional to {@code weights}.
     *
     * @param dimension n &gt; 0
     * @param positions row-major N × n, finite. Not modified.
     * @param weights N positive finite weights, normalised here to total mass 1. Not modified.
     * @throws IllegalArgumentException naming the parameter, the index and the value
     */
    public static MassCloud of(int dimension, double[] positions, double[] weights) {
        WeightedPointCloud checked = WeightedPointCloud.of(dimension, positions, weights);
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!Double.isFinite(total)) {
            throw new IllegalArgumentException("weights must have a finite sum, got " + total);
        }
        double[] masses = weights.clone();
        for (int i = 0; i < masses.length; i++) {
            masses[i] /= total;
        }
        return new MassCloud(checked.withValues(masses));
    }

    /**
     * The empirical measure of {@code positions}: every point of mass 1/N.
     *
     * @param positions row-major N × n, finite. Not modified.
     */
    public static MassCloud uniform(int dimension, double[] positions) {
        WeightedPointCloud checked = WeightedPointCloud.unweighted(dimension, positions);
        double[] masses = new double[checked.size()];
        java.util.Arrays.fill(masses, 1.0 / checked.size());
        return new MassCloud(checked.withValues(masses));
    }

    /**
     * The measure a density cloud's points sample: the empirical measure of its positions, each
     * point of mass 1/N. Its density values are not masses and are not used.
     */
    public static MassCloud samplesOf(WeightedPointCloud densityCloud) {
        return uniform(densityCloud.dimension(), densityCloud.positions());
    }

    /** The number of points N. */
    public int size() {
        return points.size();
    }

    /** The dimension n. */
    public int dimension() {
        return points.dimension();
    }

    /** Coordinate k of point i. */
    public double coordinate(int i, int k) {
        return points.coordinate(i, k);
    }

    /** The mass of point i. */
    public double mass(int i) {
        return points.value(i);
    }

    /** A copy of the flat row-major positions. */
    public double[] positions() {
        return points.positions();
    }

    /** A copy of the masses (they sum to 1). */
    public double[] masses() {
        return points.values();
    }

    @Override
    public String toString() {
        return "MassCloud[N=" + size() + ", n=" + dimension() + "]";
    }
}
