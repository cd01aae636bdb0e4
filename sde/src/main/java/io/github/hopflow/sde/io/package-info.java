/**
 * Reading and writing point clouds and snapshots: as CSV ({@code x1,...,xn[,rho|weight]},
 * {@link io.github.hopflow.sde.io.CloudCsv}) and as NumPy {@code .npy} arrays of float64, N × (n + 1)
 * with the values last ({@link io.github.hopflow.sde.io.CloudNpy}).
 */
package io.github.hopflow.sde.io;
