/**
 * Fast implementations of the {@link io.github.hopflow.wasserstein.kernel.GibbsKernel} seam and
 * the automatic choice between them ({@link io.github.hopflow.wasserstein.kernel.fast.GibbsKernels}):
 * a dense kernel stored once per point-set pair (single or double precision, one array per row and
 * per column so that both products vectorise, plain domain with per-line stabilisation, falling
 * back to the log domain where the plain domain would lose terms), and a
 * sub-quadratic grid kernel for low dimension (Gaussian gridding in isometric coordinates, with a
 * stated relative error bound); and, on the same machinery, the leave-one-out Gaussian kernel
 * sums of the kernel-density normalisation (docs/design.md §1 step 3,
 * {@link io.github.hopflow.wasserstein.kernel.fast.LeaveOneOutGaussianSums}). Results never depend
 * on the number of threads.
 */
package io.github.hopflow.wasserstein.kernel.fast;
