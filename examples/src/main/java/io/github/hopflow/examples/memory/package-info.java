/**
 * Associative memory: recall in a Hopfield network with Hebbian weights
 * ({@link io.github.hopflow.geometry.network.HebbianWeights}) by the deterministic Hopfield network
 * (HNN paper, eq. (1), as mirror descent) and by the diffusion machine at low temperature, measured
 * by the overlap of the recalled state with the stored pattern against the load K/n and the cue
 * noise ({@link io.github.hopflow.examples.memory.RecallExperiment}).
 */
package io.github.hopflow.examples.memory;
