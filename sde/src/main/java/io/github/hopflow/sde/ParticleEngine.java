package io.github.hopflow.sde;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.sde.internal.BlockState;
import io.github.hopflow.sde.internal.Helpers;
import io.github.hopflow.sde.internal.Kernels;
import io.github.hopflow.sde.internal.StepKernel;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.SplittableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Moves a cloud of N particles by the {@link DiffusionMachine}, one step h at a time, in parallel
 * and reproducibly.
 *
 * <p><b>Reproducibility.</b> The particles are cut into fixed blocks of {@link #blockSize()}
 * consecutive particles (the last may be shorter). When the engine is built each block receives
 * its own random stream, split (or jumped) off the generator the caller passes in, in block order.
 * A block is always advanced by one thread, drawing one normal per coordinate in particle order;
 * so a given generator state, block size and sequence of calls give bit-identical positions
 * whatever the number of threads. The block size, not the thread count, is part of what
 * determines the result.
 *
 * <p><b>Threads.</b> With k &gt; 1 threads and more than one block, the calling thread and k − 1
 * helper threads share the blocks of a step: the caller takes blocks from the front, the helpers
 * from the back, so that a block tends to stay with one thread (and in its cache) from step to
 * step. Helpers spin briefly between calls before they park, so that steps taken back to back
 * hand work over in about a microsecond (waking a parked thread costs tens). When the helpers
 * are of little use (the machine is busy with other work, so that the caller ends up waiting for
 * a descheduled helper, or the steps are too short to share) the calling thread works alone for a
 * while (from a millisecond, doubling up to 64 ms while they stay of little use), then tries them
 * again. A cloud of a single block (N ≤ block size) is advanced by the calling thread alone. None
 * of this changes a result.
 *
 * <p><b>Use.</b>
 * <pre>{@code
 * DiffusionMachine machine = DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), 25);
 * try (ParticleEngine engine = ParticleEngine.builder(machine)
 *         .particles(500).step(1e-4)
 *         .random(RandomSource.L64_X128_MIX.create(1L))   // split into one stream per block
 *         .scheme(Scheme.EULER_MARUYAMA).boundary(BoundaryPolicy.REFLECT)
 *         .threads(2).build()) {
 *     engine.advance(positions, t);                 // one step from time t, in place
 *     RunResult r = engine.run(cloud, RunOptions.steps(1000).withSnapshotEvery(100), handler);
 * }
 * }</pre>
 *
 * <p>An engine is stateful (its random streams advance) and not thread-safe: one caller at a
 * time. With more than one thread it owns helper threads; {@link #close()} releases them.
 */
public final class ParticleEngine implements AutoCloseable {

    /** Default block size: large enough to amortise a task, small enough to balance two cores. */
    public static final int DEFAULT_BLOCK_SIZE = 1024;

    /** Steps a run takes between two polls of the cancellation token and progress reports. */
    static final int RUN_CHUNK = 32;

    /** Coordinate updates in a call from which parked helpers are woken (about 0.1 ms of work). */
    static final long LARGE_JOB = 16_384;
    /** A call this soon (ns) after the end of the previous one wakes parked helpers for any job. */
    static final long RECENT_NANOS = 200_000L;
    /** Calls over which the helpers' use is judged. */
    static final int TRIAL_CALLS = 16;
    /** The shortest and the longest time (ns) the caller works alone after a poor trial. */
    static final long MIN_SOLO_NANOS = 1_000_000L;
    static final long MAX_SOLO_NANOS = 64_000_000L;

    private final DiffusionMachine machine;
    private final Scheme scheme;
    private final BoundaryPolicy boundary;
    private final double step;
    private final int particles;
    private final int threads;
    private final int blockSize;
    private final StepKernel kernel;
    private final BlockState[] blocks;
    private final RuntimeException[] failures;
    private Helpers helpers;
    /** Whether several threads can share a step (several threads and several blocks). */
    private final boolean shared;
    /** When the last call ended (System.nanoTime()). */
    private long lastEnd;
    /** The caller works alone until soloUntil when solo is set. */
    private boolean solo;
    private long soloUntil;
    private long soloNanos = MIN_SOLO_NANOS;
    private int trialCalls;
    private int poorCalls;
    private long stepsTaken;
    private long exits;
    private long lastExits;

    private ParticleEngine(Builder b) {
        this.machine = b.machine;
        this.scheme = b.scheme;
        this.boundary = b.boundary;
        this.step = b.step;
        this.particles = b.particles;
        this.threads = b.threads;
        this.blockSize = b.blockSize;
        this.kernel = Kernels.create(machine.metric(), machine.objective(), step, kind(scheme, boundary));
        requireResolvedStep(machine, step);
        int count = (int) ((particles + (long) blockSize - 1) / blockSize);
        this.blocks = new BlockState[count];
        this.failures = new RuntimeException[count];
        UniformRandomProvider source = b.random;
        for (int k = 0; k < count; k++) {
            int first = k * blockSize;
            int end = (int) Math.min((long) first + blockSize, particles);
            blocks[k] = new BlockState(first, end, machine.dimension(), childStream(source));
        }
        this.shared = threads > 1 && count > 1;
        this.lastEnd = System.nanoTime() - 2 * RECENT_NANOS;
    }

    private static Kernels.Kind kind(Scheme scheme, BoundaryPolicy boundary) {
        switch (scheme) {
            case EULER_MARUYAMA:
                return boundary == BoundaryPolicy.REFLECT ? Kernels.Kind.EULER_REFLECT : Kernels.Kind.EULER_PROJECT;
            case ISOMETRIC_IMPLICIT:
                return Kernels.Kind.ISOMETRIC_IMPLICIT;
            case ISOMETRIC_SPLITTING:
                return Kernels.Kind.ISOMETRIC_SPLITTING;
            default:
                throw new IllegalArgumentException("unknown scheme " + scheme);
        }
    }

    private static UniformRandomProvider childStream(UniformRandomProvider source) {
        if (source instanceof SplittableUniformRandomProvider) {
            return ((SplittableUniformRandomProvider) source).split();
        }
        return ((JumpableUniformRandomProvider) source).jump();
    }

    /** A builder for an engine integrating {@code machine}. */
    public static Builder builder(DiffusionMachine machine) {
        if (machine == null) {
            throw new IllegalArgumentException("machine must not be null");
        }
        return new Builder(machine);
    }

    /**
     * Moves every particle by one step h from time t, in place.
     *
     * <p>The temperature is T(t) (left point). Reproducible: the same generator, block size and
     * sequence of calls give bit-identical results whatever the number of threads.
     *
     * @param positions flat row-major N × n positions, every point in the closed domain of the
     *     metric. Modified: on return, the positions at time t + h. If an exception is thrown,
     *     the particles of other blocks may already have moved, but every entry stays finite and
     *     in the domain (the failing particle keeps its position).
     * @param t the time at the start of the step (finite, ≥ 0)
     * @throws IllegalArgumentException if the array has the wrong length, a point lies outside
     *     the domain (naming the particle, the coordinate and the value), or T(t) is invalid
     * @throws ArithmeticException if the objective's gradient is not finite at some particle
     *     (naming the particle, its position and the step); for several failing blocks, the one
     *     of the lowest block is reported
     */
    public void advance(double[] positions, double t) {
        advance(positions, t, 1);
    }

    /**
     * Moves every particle by {@code steps} steps of h from time t, in place: the same result, bit
     * for bit, as {@code steps} calls of {@link #advance(double[], double)} at t, t + h, …
     * When the temperature schedule is constant each block takes all its steps while its
     * particles are in cache (block-major order), which is faster for large clouds.
     *
     * @param positions as in {@link #advance(double[], double)}. Modified: the positions at time
     *     t + steps·h; after an exception, blocks may have reached different steps.
     * @param t the time at the start of the first step (finite, ≥ 0)
     * @param steps the number of steps, ≥ 1
     * @throws IllegalArgumentException as {@link #advance(double[], double)}, or for steps &lt; 1
     * @throws ArithmeticException as {@link #advance(double[], double)}
     */
    public void advance(double[] positions, double t, int steps) {
        if (positions == null) {
            throw new IllegalArgumentException("positions must not be null");
        }
        if (positions.length != particles * machine.dimension()) {
            throw new IllegalArgumentException("positions must have length N·n = " + particles + "·"
                    + machine.dimension() + " = " + particles * machine.dimension() + ", got " + positions.length);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (steps > 1 && !machine.schedule().isConstant()) {
            for (int k = 0; k < steps; k++) {
                advanceSteps(positions, t + k * step, 1);
            }
        } else {
            advanceSteps(positions, t, steps);
        }
    }

    private void advanceSteps(double[] positions, double t, int count) {
        double temperature = machine.temperature(t);
        if (count > 1) {
            machine.temperature(t + (count - 1) * step); // validates the time range
        }
        kernel.prepare(temperature);
        long index = stepsTaken;
        if (!shared) {
            for (int k = 0; k < blocks.length; k++) {
                advanceBlock(positions, k, index, t, count);
            }
        } else {
            long now = System.nanoTime();
            if (solo && now - soloUntil >= 0) {
                solo = false;
            }
            if (solo) {
                for (int k = 0; k < blocks.length; k++) {
                    advanceBlock(positions, k, index, t, count);
                }
            } else {
                boolean wake = (long) particles * machine.dimension() * count >= LARGE_JOB
                        || now - lastEnd < RECENT_NANOS;
                judge(helpers().forEach(blocks.length, wake, k -> advanceBlock(positions, k, index, t, count)));
            }
            lastEnd = System.nanoTime();
        }
        long stepExits = 0;
        RuntimeException failure = null;
        for (int k = 0; k < blocks.length; k++) {
            stepExits += blocks[k].drainExits();
            if (failures[k] != null && failure == null) {
                failure = failures[k];
            }
            failures[k] = null;
        }
        exits += stepExits;
        lastExits = stepExits;
        if (failure != null) {
            throw failure;
        }
        stepsTaken += count;
    }

    private void advanceBlock(double[] positions, int k, long index, double t, int count) {
        try {
            for (int j = 0; j < count; j++) {
                kernel.advance(positions, blocks[k], index + j, t + j * step);
            }
        } catch (RuntimeException e) {
            failures[k] = e;
        }
    }

    /**
     * Counts a call in which the helpers were of use ({@code good}) or not; after
     * {@value #TRIAL_CALLS} calls, more than half of them poor make the caller work alone for a
     * while, twice as long as the last time if that trial was poor too.
     */
    private void judge(boolean good) {
        trialCalls++;
        if (!good) {
            poorCalls++;
        }
        if (trialCalls < TRIAL_CALLS) {
            return;
        }
        if (2 * poorCalls > trialCalls) {
            solo = true;
            soloUntil = System.nanoTime() + soloNanos;
            soloNanos = Math.min(2 * soloNanos, MAX_SOLO_NANOS);
        } else {
            soloNanos = MIN_SOLO_NANOS;
        }
        trialCalls = 0;
        poorCalls = 0;
    }

    private Helpers helpers() {
        if (helpers == null) {
            helpers = new Helpers(threads, "hopflow-engine");
        }
        return helpers;
    }

    /**
     * Runs {@code options.steps()} steps from {@code start}, handing snapshots to the handlers
     * (see {@link StepHandler} for when each method is called), polling the cancellation token
     * and reporting progress every {@value #RUN_CHUNK} steps at most (and at every snapshot).
     * Chunks of steps go through {@link #advance(double[], double, int)}, so a run gives the
     * same positions as the same steps taken one by one. The starting cloud is not modified;
     * snapshots carry its values unchanged.
     *
     * @param start N points of dimension n in the domain
     * @param options steps, start time, snapshot interval, cancellation, progress
     * @param handlers step handlers (may be none)
     * @return the final state and diagnostics
     * @throws IllegalArgumentException for a cloud of the wrong size or dimension or outside the
     *     domain
     * @throws ArithmeticException as {@link #advance}; the handlers have then received every
     *     snapshot up to the failing step, but not {@code finish}
     */
    public RunResult run(WeightedPointCloud start, RunOptions options, StepHandler... handlers) {
        if (start == null) {
            throw new IllegalArgumentException("start cloud must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        requireCloud(start);
        int n = machine.dimension();
        double[] x = start.positions();
        double[] values = start.values();
        long total = options.steps();
        double t0 = options.startTime();
        long every = options.snapshotEvery();
        long exits0 = exits;
        long begin = System.nanoTime();
        Snapshot first = new Snapshot(0, t0, start);
        for (StepHandler handler : handlers) {
            handler.init(first, t0 + total * step);
        }
        long k = 0;
        boolean cancelled = false;
        while (k < total) {
            if (options.cancellation().getAsBoolean()) {
                cancelled = true;
                break;
            }
            long toSnapshot = every - k % every;
            int chunk = (int) Math.min(Math.min(RUN_CHUNK, total - k), toSnapshot);
            advance(x, t0 + k * step, chunk);
            k += chunk;
            options.progress().accept(k);
            if (k < total && k % every == 0 && handlers.length > 0) {
                Snapshot s = new Snapshot(k, t0 + k * step, WeightedPointCloud.of(n, x, values));
                for (StepHandler handler : handlers) {
                    handler.handleStep(s);
                }
            }
        }
        Snapshot last = k == 0 ? first : new Snapshot(k, t0 + k * step, WeightedPointCloud.of(n, x, values));
        long elapsed = System.nanoTime() - begin;
        for (StepHandler handler : handlers) {
            handler.finish(last);
        }
        return new RunResult(last, cancelled, exits - exits0, elapsed, particles);
    }

    private void requireCloud(WeightedPointCloud cloud) {
        DiagonalMetric metric = machine.metric();
        int n = metric.dimension();
        if (cloud.dimension() != n) {
            throw new IllegalArgumentException("start cloud dimension must be " + n + ", got " + cloud.dimension());
        }
        if (cloud.size() != particles) {
            throw new IllegalArgumentException(
                    "start cloud must have N = " + particles + " points, got " + cloud.size());
        }
        for (int p = 0; p < particles; p++) {
            for (int i = 0; i < n; i++) {
                double v = cloud.coordinate(p, i);
                if (!(v >= metric.lowerBound(i) && v <= metric.upperBound(i))) {
                    throw new IllegalArgumentException("start cloud point " + p + " coordinate " + i + " = " + v
                            + " is outside the domain [" + metric.lowerBound(i) + ", " + metric.upperBound(i) + "]");
                }
            }
        }
    }

    /** The machine. */
    public DiffusionMachine machine() {
        return machine;
    }

    /** The scheme. */
    public Scheme scheme() {
        return scheme;
    }

    /** The boundary policy (used by {@link Scheme#EULER_MARUYAMA} only). */
    public BoundaryPolicy boundary() {
        return boundary;
    }

    /** The step h. */
    public double step() {
        return step;
    }

    /** The number of particles N. */
    public int particles() {
        return particles;
    }

    /** The dimension n. */
    public int dimension() {
        return machine.dimension();
    }

    /** The number of threads. */
    public int threads() {
        return threads;
    }

    /** The number of particles per block. */
    public int blockSize() {
        return blockSize;
    }

    /** Steps taken so far by {@link #advance} (and {@link #run}). */
    public long stepsTaken() {
        return stepsTaken;
    }

    /**
     * Coordinate-steps of explicit Euler–Maruyama that left the closed domain since the engine was
     * built (each brought back by the {@link BoundaryPolicy}). Always 0 for the isometric schemes.
     */
    public long boundaryExits() {
        return exits;
    }

    /** Boundary exits of the last step. */
    public long lastStepBoundaryExits() {
        return lastExits;
    }

    /** Releases the worker threads, if any. The engine must not be used afterwards. */
    @Override
    public void close() {
        if (helpers != null) {
            helpers.close();
            helpers = null;
        }
    }

    @Override
    public String toString() {
        return "ParticleEngine[" + machine + ", scheme=" + scheme + ", boundary=" + boundary + ", h=" + step
                + ", N=" + particles + ", threads=" + threads + ", blockSize=" + blockSize + "]";
    }

    /** The largest noise length √(2T h) of one step, as a fraction of the narrowest isometric width. */
    public static final double MAX_NOISE_FRACTION = 0.25;

    /**
     * The largest time step that resolves the domain of {@code machine} at time 0 (the step limit
     * of {@link Builder#build()}); +∞ on an unbounded domain or at T = 0.
     */
    public static double maxStep(DiffusionMachine machine) {
        return maxStep(machine.metric(), machine.temperature(0));
    }

    /**
     * The largest time step that resolves the domain of {@code metric} at {@code temperature} (the
     * step limit of {@link Builder#build()}); +∞ on an unbounded domain or at T = 0.
     */
    public static double maxStep(io.github.hopflow.geometry.metric.DiagonalMetric metric, double temperature) {
        double width = Double.POSITIVE_INFINITY;
        for (int i = 0; i < metric.dimension(); i++) {
            width = Math.min(width, metric.isometricUpperBound(i) - metric.isometricLowerBound(i));
        }
        if (Double.isInfinite(width) || temperature == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double length = MAX_NOISE_FRACTION * width;
        return length * length / (2 * temperature);
    }

    private static void requireResolvedStep(DiffusionMachine machine, double step) {
        double max = maxStep(machine);
        if (step > max) {
            double temperature = machine.temperature(0);
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "step h = %.6g is too large at temperature T = %.6g: one step's noise moves a particle"
                    + " by sqrt(2 T h) = %.4g in isometric coordinates, more than %.2f of the domain's"
                    + " narrowest isometric width; the largest step allowed is %.4g (lower the step or"
                    + " the temperature)", step, temperature, Math.sqrt(2 * temperature * step), MAX_NOISE_FRACTION,
                    max));
        }
    }

    /** Builds a {@link ParticleEngine}; particles, step and random are required. */
    public static final class Builder {
        private final DiffusionMachine machine;
        private Scheme scheme = Scheme.EULER_MARUYAMA;
        private BoundaryPolicy boundary = BoundaryPolicy.REFLECT;
        private double step = Double.NaN;
        private int particles;
        private int threads = 1;
        private int blockSize = DEFAULT_BLOCK_SIZE;
        private UniformRandomProvider random;

        private Builder(DiffusionMachine machine) {
            this.machine = machine;
        }

        /** The scheme (default {@link Scheme#EULER_MARUYAMA}). */
        public Builder scheme(Scheme value) {
            if (value == null) {
                throw new IllegalArgumentException("scheme must not be null");
            }
            this.scheme = value;
            return this;
        }

        /** The boundary policy of explicit Euler–Maruyama (default {@link BoundaryPolicy#REFLECT}). */
        public Builder boundary(BoundaryPolicy value) {
            if (value == null) {
                throw new IllegalArgumentException("boundary must not be null");
            }
            this.boundary = value;
            return this;
        }

        /** The time step h, finite and &gt; 0. */
        public Builder step(double h) {
            Checks.positive("step h", h);
            this.step = h;
            return this;
        }

        /** The number of particles N &gt; 0. */
        public Builder particles(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("particles N must be > 0, got " + n);
            }
            this.particles = n;
            return this;
        }

        /** Worker threads (default 1: the calling thread only). */
        public Builder threads(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + k);
            }
            this.threads = k;
            return this;
        }

        /** Particles per block (default {@value ParticleEngine#DEFAULT_BLOCK_SIZE}); part of the result. */
        public Builder blockSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("blockSize must be >= 1, got " + size);
            }
            this.blockSize = size;
            return this;
        }

        /**
         * The generator the block streams are derived from: a
         * {@link SplittableUniformRandomProvider} (each block gets {@code split()}) or otherwise a
         * {@link JumpableUniformRandomProvider} (each block gets {@code jump()}), e.g.
         * {@code RandomSource.L64_X128_MIX.create(seed)}. Building the engine advances it.
         */
        public Builder random(UniformRandomProvider source) {
            if (!(source instanceof SplittableUniformRandomProvider) && !(source instanceof JumpableUniformRandomProvider)) {
                throw new IllegalArgumentException("random must be a SplittableUniformRandomProvider or a "
                        + "JumpableUniformRandomProvider (e.g. RandomSource.L64_X128_MIX.create(seed)), got "
                        + (source == null ? "null" : source.getClass().getName()));
            }
            this.random = source;
            return this;
        }

        /**
         * Builds the engine.
         *
         * <p><b>Step limit.</b> On a bounded domain the step must resolve the domain: the noise of
         * one step moves a particle by about √(2T h) in isometric coordinates (where the machine is
         * Langevin dynamics with unit mobility, docs/design.md, "Boundary"), and every scheme is
         * only an approximation of the SDE while that length is small against the isometric width
         * w_i = φ_i(hi) − φ_i(lo) of each coordinate. A step with √(2T(0) h) &gt;
         * {@value ParticleEngine#MAX_NOISE_FRACTION}·min_i w_i is refused: past it the schemes
         * give silently wrong laws (the splitting scheme collapses every particle onto the
         * centre, Euler–Maruyama leaves the cube on most steps).
         *
         * @throws IllegalArgumentException if particles, step or random was not set, the step is
         *     above the step limit (stating the largest step allowed), or the scheme does not
         *     support the metric
         */
        public ParticleEngine build() {
            if (particles == 0) {
                throw new IllegalArgumentException("particles N must be set (> 0)");
            }
            if (Double.isNaN(step)) {
                throw new IllegalArgumentException("step h must be set (> 0)");
            }
            if (random == null) {
                throw new IllegalArgumentException("random must be set: pass a splittable or jumpable generator");
            }
            return new ParticleEngine(this);
        }
    }
}
