package io.github.hopflow.wasserstein.ot;

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
            if (!(w[i] > 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be a finite number > 0, got " + w[i]);
            }
            s += w[i];
        }
        return s;
    }
}
