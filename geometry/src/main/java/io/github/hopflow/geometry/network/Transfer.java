package io.github.hopflow.geometry.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Transfer functions Φ of firing-rate networks, applied entry by entry, with the bounds
 * d_min ≤ Φ' ≤ d_max on their slopes that the contraction bounds need.
 */
public enum Transfer {
    /** max(0, s): slopes in [0, 1]. */
    RELU("relu", 0, 1) {
        @Override
        public double value(double s) {
            return Math.max(0, s);
        }
    },
    /** tanh s: slopes in (0, 1]. */
    TANH("tanh", 0, 1) {
        @Override
        public double value(double s) {
            return Math.tanh(s);
        }
    },
    /** 1/(1 + e^{−s}): slopes in (0, ¼]. */
    LOGISTIC("logistic", 0, 0.25) {
        @Override
        public double value(double s) {
            return 1 / (1 + Math.exp(-s));
        }
    },
    /** s: slope 1 (a linear network). */
    IDENTITY("identity", 1, 1) {
        @Override
        public double value(double s) {
            return s;
        }
    };

    private final String cliName;
    private final double minSlope;
    private final double maxSlope;

    Transfer(String cliName, double minSlope, double maxSlope) {
        this.cliName = cliName;
        this.minSlope = minSlope;
        this.maxSlope = maxSlope;
    }

    /** Φ(s). */
    public abstract double value(double s);

    /** d_min. */
    public double minSlope() {
        return minSlope;
    }

    /** d_max. */
    public double maxSlope() {
        return maxSlope;
    }

    /** The name used on the command line. */
    public String cliName() {
        return cliName;
    }

    /**
     * The transfer function called {@code name} (any case).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static Transfer byName(String name) {
        for (Transfer t : values()) {
            if (name != null && t.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transfer function '" + name + "'; known: "
                + Arrays.stream(values()).map(Transfer::cliName).collect(Collectors.joining(", ")));
    }
}
