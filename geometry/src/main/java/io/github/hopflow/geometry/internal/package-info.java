/**
 * Helpers shared by hopflow's modules (geometry, sde, wasserstein, examples), not part of the API:
 * the argument checks and their one wording.
 */
package io.github.hopflow.geometry.internal;
