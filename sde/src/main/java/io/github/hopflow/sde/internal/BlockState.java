package io.github.hopflow.sde.internal;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The mutable state of one fixed block of particles: its own random stream (one per block, so
 * that results do not depend on which thread advances the block), its normal sampler, scratch
 * arrays reused at every step, and its boundary-exit counter. A block is advanced by one thread
 * at a time.
 */
public final class BlockState {

    final int first;
    final int end;
    final ZigguratSampler.NormalizedGaussian gauss;
    final double[] gradient;
    final double[] next;
    long exits;

    /**
     * @param first index of the first particle of the block
     * @param end one past the last particle
     * @param dimension n
     * @param stream the block's own random stream (owned by the block from now on)
     */
    public BlockState(int first, int end, int dimension, UniformRandomProvider stream) {
        this.first = first;
        this.end = end;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(stream);
        this.gradient = new double[dimension];
        this.next = new double[dimension];
    }

    /** Index of the first particle. */
    public int first() {
        return first;
    }

    /** One past the last particle. */
    public int end() {
        return end;
    }

    /** Returns the boundary exits counted since the last call and resets the counter. */
    public long drainExits() {
        long e = exits;
        exits = 0;
        return e;
    }
}
