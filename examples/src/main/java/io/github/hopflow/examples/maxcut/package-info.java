/**
 * Max-Cut by the diffusion machine, and the instances to try it on.
 *
 * <p>{@link io.github.hopflow.examples.maxcut.MaxCutSearch} runs the annealed stochastic Hopfield
 * network (HNN paper, eqs. (54)–(58)) on the spin relaxation f(x) = −cut(2x − 1) of
 * {@link io.github.hopflow.geometry.network.QuadraticEnergy#maxCut}, rounds its particles to
 * vertices and polishes them with single-flip local search
 * ({@link io.github.hopflow.geometry.network.CutSearch#polish}).
 * {@link io.github.hopflow.examples.maxcut.GraphGenerator} makes G-set-style instances: random
 * graphs G(n, p) with unit or ±1 weights, and toroidal grids with ±1 weights.
 */
package io.github.hopflow.examples.maxcut;
