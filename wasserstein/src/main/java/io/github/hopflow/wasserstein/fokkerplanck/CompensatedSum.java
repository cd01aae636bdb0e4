package io.github.hopflow.wasserstein.fokkerplanck;

/**
 * A running sum by Neumaier's compensated summation (the error of each addition is carried and
 * added back at the end), for the masses and free energies that are checked to 1e-12 relative.
 * Mutable.
 */
final class CompensatedSum {

    private double sum;
    private double carry;

    /** Adds v. */
    void add(double v) {
        double s = sum + v;
        carry += Math.abs(sum) >= Math.abs(v) ? (sum - s) + v : (v - s) + sum;
        sum = s;
    }

    /** The sum so far. */
    double value() {
        return sum + carry;
    }

    /** Σ values. Not modified. */
    static double of(double[] values) {
        CompensatedSum s = new CompensatedSum();
        for (double v : values) {
            s.add(v);
        }
        return s.value();
    }
}
