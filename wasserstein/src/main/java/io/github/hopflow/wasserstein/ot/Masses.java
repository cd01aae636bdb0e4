package io.github.hopflow.wasserstein.ot;

import io.github.hopflow.geometry.internal.Checks;

/** Validation of transport masses. */
final class Masses {

    private Masses() {
    }

    /** Checks that every entry is finite and &gt; 0; returns the sum. */
    static double checkPositive(String name, double[] w) {
        if (w.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            Checks.positive(name, i, w[i]);
            s += w[i];
        }
        return s;
    }
}
