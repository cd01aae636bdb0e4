/**
 * How the commands assemble the density flow (HNN paper, eq. (54); docs/design.md §1): one
 * {@link io.github.hopflow.examples.setup.FlowSetup} builds the particle engine (the isometric
 * splitting scheme) and the {@link io.github.hopflow.wasserstein.flow.DensityFlow} with its
 * kernels and value update, so that {@code run} and {@code bench} (which times exactly what
 * {@code run} does) share one path.
 */
package io.github.hopflow.examples.setup;
