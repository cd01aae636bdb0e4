package io.github.hopflow.examples.optimize;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Presents a Commons RNG stream as the Commons Math {@link RandomGenerator} that its optimisers
 * ask for. The stream belongs to the caller: reseeding through this view is refused.
 */
final class CommonsMathRandom implements RandomGenerator {

    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;

    CommonsMathRandom(UniformRandomProvider rng) {
        this.rng = rng;
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    @Override
    public void setSeed(int seed) {
        throw reseed();
    }

    @Override
    public void setSeed(int[] seed) {
        throw reseed();
    }

    @Override
    public void setSeed(long seed) {
        throw reseed();
    }

    private static UnsupportedOperationException reseed() {
        return new UnsupportedOperationException("the random stream is owned by the caller and cannot be reseeded");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        rng.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return rng.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return rng.nextInt(n);
    }

    @Override
    public long nextLong() {
        return rng.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return rng.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return rng.nextFloat();
    }

    @Override
    public double nextDouble() {
        return rng.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return gaussian.sample();
    }
}
