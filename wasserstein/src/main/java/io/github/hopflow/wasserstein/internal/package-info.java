/**
 * Implementation helpers of the wasserstein module, not part of its API: deterministic block
 * parallelism for the N × N kernel loops of Sinkhorn and of the proximal step (HNN paper,
 * eq. (54); PROXRECUR Algorithm 1), and the one median of the module's robust scales, lags and
 * timings.
 */
package io.github.hopflow.wasserstein.internal;
