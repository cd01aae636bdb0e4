/**
 * The paper's global-optimisation example (HNN paper, Sec. V-C): the diffusion machine (58) of the
 * scaled Himmelblau function (59) with T = 25, β = ¼, propagated as a weighted point cloud by the
 * proximal recursion (54) from N = 500 uniform samples, h = 10⁻⁴, ε = 0.1. Produces the figures
 * 2–5 of the paper (geodesic balls, objective and stationary density, point-cloud evolution,
 * runtime) and a summary locating the density's modes next to the four minimisers.
 */
package io.github.hopflow.examples.himmelblau;
