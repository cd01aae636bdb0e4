package io.github.hopflow.wasserstein.kernel.fast;

import io.github.hopflow.geometry.internal.Checks;

/** Argument checks shared by the kernels: errors name the parameter and the value. */
final class KernelChecks {

    private KernelChecks() {
    }

    static void check(int dimension, double[] u, double[] v, double tau) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        Checks.positive("tau", tau);
        points("u", u, dimension);
        points("v", v, dimension);
    }

    private static void points(String name, double[] a, int dimension) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (a.length == 0 || a.length % dimension != 0) {
            throw new IllegalArgumentException(name + " length " + a.length
                    + " must be a positive multiple of the dimension " + dimension);
        }
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k])) {
                throw new IllegalArgumentException(name + " point " + (k / dimension) + " coordinate "
                        + (k % dimension) + " must be finite, got " + a[k]);
            }
        }
    }

    static void vectors(String inName, double[] in, int inLength, String outName, double[] out, int outLength) {
        if (in == null || in.length != inLength) {
            throw new IllegalArgumentException(inName + " must have length " + inLength + ", got "
                    + (in == null ? "null" : String.valueOf(in.length)));
        }
        if (out == null || out.length != outLength) {
            throw new IllegalArgumentException(outName + " must have length " + outLength + ", got "
                    + (out == null ? "null" : String.valueOf(out.length)));
        }
        for (int k = 0; k < inLength; k++) {
            if (Double.isNaN(in[k]) || in[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(inName + "[" + k + "] must be finite or -Infinity, got " + in[k]);
            }
        }
    }
}
