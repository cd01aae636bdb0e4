package io.github.hopflow.wasserstein.flow;

/**
 * Two value updates on the same points: the {@code primary} one gives the flow's values, the
 * {@code secondary} one is carried beside it from its own previous values, so that a run can show
 * both on the same particle paths (for instance the default update against the published one).
 * The secondary values of the last step are read with {@link #secondaryValues()}.
 */
public final class ComparedValues implements ValueUpdate {

    private final ValueUpdate primary;
    private final ValueUpdate secondary;
    /** The secondary values after the last step (the next step's previous values). */
    private double[] last;
    private double[] scratch;

    private ComparedValues(ValueUpdate primary, ValueUpdate secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    /** The flow's values by {@code primary}, and {@code secondary}'s beside them. */
    public static ComparedValues of(ValueUpdate primary, ValueUpdate secondary) {
        if (primary == null || secondary == null) {
            throw new IllegalArgumentException("primary and secondary must not be null");
        }
        return new ComparedValues(primary, secondary);
    }

    @Override
    public String name() {
        return primary.name();
    }

    /** The secondary update. */
    public ValueUpdate secondary() {
        return secondary;
    }

    /** The secondary values at the points of the last step (a copy), or null before the first step. */
    public double[] secondaryValues() {
        return last == null ? null : last.clone();
    }

    @Override
    public Report update(StepInput in, double[] values) {
        Report r = primary.update(in, values);
        if (last == null || last.length != in.size()) {
            last = in.previousValues().clone();
            scratch = new double[in.size()];
        }
        secondary.update(new StepInput(in.metric(), in.objective(), in.dimension(), in.previousPositions(), last,
                in.previousObjective(), in.positions(), in.time(), in.temperature(), in.timeStep()), scratch);
        double[] t = last;
        last = scratch;
        scratch = t;
        return r;
    }

    @Override
    public void reset() {
        primary.reset();
        secondary.reset();
        last = null;
        scratch = null;
    }
}
