package io.github.hopflow.examples.optimize;

import org.apache.commons.rng.UniformRandomProvider;

/** Helpers for points of the unit cube [0,1]^n. */
final class UnitCube {

    private UnitCube() {
    }

    /** Fills {@code x} with a uniform point of the cube. */
    static void uniform(UniformRandomProvider rng, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
    }

    /** A uniform point of the open cube (0,1)^n, strictly inside by at least {@code margin}. */
    static void uniformInterior(UniformRandomProvider rng, double[] x, double margin) {
        for (int i = 0; i < x.length; i++) {
            x[i] = margin + (1 - 2 * margin) * rng.nextDouble();
        }
    }

    /** t folded into [0,1] by reflection at the faces (any finite t). */
    static double reflect(double t) {
        double r = Math.abs(t) % 2.0;
        return r > 1 ? 2 - r : r;
    }

    /** t clamped to [lo, 1 − lo]. */
    static double clampInterior(double t, double lo) {
        return Math.max(lo, Math.min(1 - lo, t));
    }
}
