/**
 * Analyses of weighted point clouds: locating the modes of the density a cloud carries (the
 * minimisers of f that the diffusion machine finds, HNN paper Sec. V-C) and matching them to known
 * minimisers; the spread of log ϱ + f/T that measures how close the values are to the shape of
 * ρ∞ ∝ exp(−f/T).
 */
package io.github.hopflow.examples.analysis;
