/**
 * Weighted point clouds: samples xⁱ of a density together with values ϱⁱ ≈ ρ(xⁱ), the state that
 * the proximal density flow (HNN paper, eq. (54)) propagates.
 */
package io.github.hopflow.sde.cloud;
