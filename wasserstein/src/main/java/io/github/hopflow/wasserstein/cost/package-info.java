/**
 * Ground costs of optimal transport on a flat diagonal-metric manifold: the squared geodesic
 * distance d_G²(x, y) = ‖φ(x) − φ(y)‖² computed in isometric coordinates (docs/design.md §1; HNN paper
 * eq. (30) with the √β correction), as used by the W_G distance and the proximal step (eq. (54)).
 */
package io.github.hopflow.wasserstein.cost;
