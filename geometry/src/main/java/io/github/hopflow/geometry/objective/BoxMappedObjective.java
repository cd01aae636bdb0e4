package io.github.hopflow.geometry.objective;

import java.util.OptionalDouble;

/**
 * Base of the benchmark functions defined on a usual box [a, b]^n and mapped affinely onto the unit
 * cube: f(x) = F(y) with y_i = a + (b − a) x_i, so that ∂f/∂x_i = (b − a) ∂F/∂y_i.
 */
abstract class BoxMappedObjective implements Objective {

    /** Dimension n. */
    protected final int dimension;
    /** Lower end a of the usual box. */
    protected final double boxLower;
    /** Width b − a of the usual box. */
    protected final double boxWidth;

    BoxMappedObjective(int dimension, double boxLower, double boxUpper) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        this.dimension = dimension;
        this.boxLower = boxLower;
        this.boxWidth = boxUpper - boxLower;
    }

    /** y = a + (b − a) x: the usual coordinate of the unit-cube coordinate x. */
    protected final double toBox(double x) {
        return boxLower + boxWidth * x;
    }

    /** x = (y − a)/(b − a): the unit-cube coordinate of the usual coordinate y. */
    protected final double fromBox(double y) {
        return (y - boxLower) / boxWidth;
    }

    /** Lower end a of the usual box. */
    public final double boxLower() {
        return boxLower;
    }

    /** Upper end b of the usual box. */
    public final double boxUpper() {
        return boxLower + boxWidth;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final boolean hasAnalyticGradient() {
        return true;
    }

    @Override
    public OptionalDouble globalMinimum() {
        return OptionalDouble.of(0.0);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[n=" + dimension + ", box=[" + boxLower + ", " + boxUpper() + "]]";
    }
}
