package io.github.hopflow.sde.internal;

import io.github.hopflow.geometry.metric.DiagonalMetric;

/**
 * Root finders for the drift-implicit barrier equations of the isometric scheme.
 */
final class Barriers {

    private static final int MAX_ITERATIONS = 200;

    private Barriers() {
    }

    /**
     * The root z ∈ (0, π) of z − a cot z = c for a &gt; 0 (the left side increases from −∞ to +∞,
     * with derivative 1 + a/sin²z ≥ 1, so the root is unique). Halley's method from the root of
     * the equation with cot replaced by its pole at the nearer end (z − a/z = c near 0,
     * z + a/(π − z) = c near π), safeguarded by bisection on the bracket; two evaluations of
     * sin and cos in the typical case, and within a few ulp of the exact root.
     *
     * @throws ArithmeticException if c is not finite or the iteration does not converge
     */
    static double solveCot(double c, double a) {
        double z;
        if (c <= 0.5 * Math.PI) {
            z = poleRoot(c, a);
        } else {
            z = Math.PI - poleRoot(Math.PI - c, a);
        }
        double lo = 0;
        double hi = Math.PI;
        if (!(z > lo && z < hi)) {
            z = 0.5 * Math.PI;
        }
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double sz = Math.sin(z);
            double cz = Math.cos(z);
            double inv = 1 / sz;
            double residual = z - a * cz * inv - c;
            if (residual < 0) {
                lo = z;
            } else if (residual > 0) {
                hi = z;
            } else {
                return z;
            }
            // Halley's step: g' = 1 + a/sin²z and g'' = −2a cos z/sin³z come with sin and cos.
            double g1 = 1 + a * inv * inv;
            double g2 = -2 * a * cz * inv * inv * inv;
            double zn = z - 2 * residual * g1 / (2 * g1 * g1 - residual * g2);
            boolean halley = zn > lo && zn < hi;
            if (!halley) {
                zn = 0.5 * (lo + hi);
            }
            double dz = Math.abs(zn - z);
            z = zn;
            double scale = Math.min(z, Math.PI - z);
            // Halley converges cubically, with error constant of order 1/scale²: a correction
            // below 1e-6·scale leaves an error of order 1e-18·scale.
            if ((halley && dz <= 1e-6 * scale) || dz <= 1e-16 * scale || hi - lo <= 4.5e-16 * z) {
                return z;
            }
        }
        throw new ArithmeticException("the implicit barrier equation z - a cot z = c did not converge in "
                + MAX_ITERATIONS + " iterations (a = " + a + ", c = " + c + ", last z = " + z + ")");
    }

    /** The positive root of w − a/w = d, without cancellation. */
    private static double poleRoot(double d, double a) {
        double r = Math.sqrt(d * d + 4 * a);
        return d >= 0 ? 0.5 * (d + r) : 2 * a / (r - d);
    }

    /**
     * The root in the open isometric interval (uLo, uHi) of coordinate i of
     * G(z) = z − k·m'(x)/√m(x) − c, x = φ_i⁻¹(z), k = hT/2: the drift-implicit step of the barrier
     * drift (T/2) m'/√m = T ∂_u log √m of a general diagonal metric. G increases from −∞ to +∞
     * when the faces are unattainable (m → 0 with m' &gt; 0 at the lower face and m' &lt; 0 at the
     * upper one, as for sigmoid activations); the root is bracketed (face values taken as ∓∞,
     * unbounded sides searched by doubling) and found by bisection until both bracket ends have
     * finite residuals, then by the Illinois variant of regula falsi.
     *
     * @throws ArithmeticException if the iteration does not converge
     */
    static double solveGeneric(DiagonalMetric metric, int i, double c, double k, double uLo, double uHi) {
        double lo = uLo;
        double hi = uHi;
        double gLo = Double.NEGATIVE_INFINITY;
        double gHi = Double.POSITIVE_INFINITY;
        if (c > uLo && c < uHi) {
            double gc = residual(metric, i, c, c, k);
            if (gc == 0) {
                return c;
            }
            if (gc < 0) {
                lo = c;
                gLo = gc;
            } else {
                hi = c;
                gHi = gc;
            }
        }
        double step = Math.max(1, Math.abs(c));
        int side = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double z;
            boolean falsi = false;
            if (Double.isInfinite(lo)) {
                z = hi - step;
                step *= 2;
            } else if (Double.isInfinite(hi)) {
                z = lo + step;
                step *= 2;
            } else if (Double.isInfinite(gLo) || Double.isInfinite(gHi)) {
                z = 0.5 * (lo + hi);
            } else {
                z = (lo * gHi - hi * gLo) / (gHi - gLo);
                falsi = true;
                if (!(z > lo && z < hi)) {
                    z = 0.5 * (lo + hi);
                    falsi = false;
                }
            }
            if (!(z > lo && z < hi) || hi - lo <= 2 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                return Double.isInfinite(lo) || Double.isInfinite(hi) ? z : 0.5 * (lo + hi);
            }
            double gz = residual(metric, i, z, c, k);
            if (gz == 0) {
                return z;
            }
            if (gz < 0) {
                lo = z;
                gLo = gz;
                if (falsi && side == -1) {
                    gHi *= 0.5;
                }
                side = -1;
            } else {
                hi = z;
                gHi = gz;
                if (falsi && side == 1) {
                    gLo *= 0.5;
                }
                side = 1;
            }
            if (hi - lo <= 1e-15 * Math.max(1e-300, Math.min(Math.abs(hi), Math.abs(lo)) + (hi - lo))
                    && !Double.isInfinite(gLo) && !Double.isInfinite(gHi)) {
                return gLo + gHi > 0 ? lo : hi;
            }
        }
        throw new ArithmeticException("the implicit barrier equation of coordinate " + i
                + " did not converge in " + MAX_ITERATIONS + " iterations (c = " + c + ", bracket [" + lo + ", "
                + hi + "])");
    }

    private static double residual(DiagonalMetric metric, int i, double z, double c, double k) {
        double x = metric.inverseIsometric(i, z);
        double m = metric.mobility(i, x);
        double mp = metric.mobilityDerivative(i, x);
        if (!(m > 0)) {
            return mp > 0 ? Double.NEGATIVE_INFINITY : (mp < 0 ? Double.POSITIVE_INFINITY : z - c);
        }
        return z - k * mp / Math.sqrt(m) - c;
    }
}
