/**
 * Reading and writing point clouds and snapshots as CSV ({@code x1,...,xn[,rho|weight]}).
 */
package io.github.hopflow.sde.io;
