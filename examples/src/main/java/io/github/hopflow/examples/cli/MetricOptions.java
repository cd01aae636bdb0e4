package io.github.hopflow.examples.cli;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.activation.LogisticActivation;
import io.github.hopflow.geometry.activation.ScaledTanhActivation;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The geometry of a command, {@code --metric} and {@code --beta}: one parser for every command that
 * takes them (mixed in with {@code @Mixin}).
 * <ul>
 *   <li>{@code hopfield}: the paper's activation ½ tanh(2β(s − ½)) + ½ in every coordinate,
 *       mobility 4βx(1 − x) on the unit cube;</li>
 *   <li>{@code logistic}: the logistic activation 1/(1 + e^(−βs)), mobility βx(1 − x) on the unit
 *       cube (the same geometry as {@code hopfield} with a quarter of the gain);</li>
 *   <li>{@code euclidean}: the Euclidean metric on Rⁿ (no {@code --beta}).</li>
 * </ul>
 * {@code --beta} is one gain for all coordinates or one per coordinate, checked whatever the metric.
 */
public final class MetricOptions {

    /** The metric names. */
    static final List<String> NAMES = List.of("hopfield", "logistic", "euclidean");

    @Option(names = "--metric", defaultValue = "hopfield", paramLabel = "hopfield|logistic|euclidean",
            description = "The geometry: hopfield (the paper's activation, mobility 4 beta x(1 - x) on the unit cube), "
                    + "logistic (1/(1 + exp(-beta s)), mobility beta x(1 - x) on the unit cube) or euclidean (R^n) "
                    + "(default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--beta", defaultValue = "0.25", paramLabel = "B[,B2,...]",
            description = "Activation gain beta > 0 of the hopfield and logistic metrics, one value or one per "
                    + "coordinate (default: ${DEFAULT-VALUE}).")
    String beta;

    /**
     * The metric's name, lower case.
     *
     * @throws IllegalArgumentException naming {@code --metric} and the value
     */
    public String name() {
        return checkedName(metric);
    }

    private static String checkedName(String text) {
        String n = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new IllegalArgumentException("--metric must be hopfield, logistic or euclidean, got '" + text + "'");
        }
        return n;
    }

    /** Whether the metric lives on the unit cube (hopfield, logistic) rather than on Rⁿ. */
    public boolean bounded() {
        return !name().equals("euclidean");
    }

    /**
     * The gains of {@code n} coordinates.
     *
     * @throws IllegalArgumentException naming {@code --beta}: not numbers, neither 1 nor n of them,
     *     or outside the supported range
     */
    public double[] gains(int n) {
        return GeodesicCommand.gains(beta, n);
    }

    /**
     * The metric in {@code n} dimensions.
     *
     * @throws IllegalArgumentException for a bad name, dimension or gain
     */
    public DiagonalMetric metric(int n) {
        return metric(name(), n, gains(n));
    }

    /**
     * The metric named {@code name} in {@code n} dimensions with {@code gains} (one per
     * coordinate; ignored for euclidean): also for names read back from a run's summary.
     *
     * @throws IllegalArgumentException naming the option for a bad name or dimension
     */
    static DiagonalMetric metric(String name, int n, double[] gains) {
        if (n <= 0) {
            throw new IllegalArgumentException("--dim must be > 0, got " + n);
        }
        String checked = checkedName(name);
        if (checked.equals("euclidean")) {
            return EuclideanMetric.of(n);
        }
        if (gains == null || gains.length != n) {
            throw new IllegalArgumentException("--beta must have 1 or " + n + " entries");
        }
        Activation[] a = new Activation[n];
        for (int i = 0; i < n; i++) {
            a[i] = checked.equals("logistic") ? LogisticActivation.of(gains[i]) : ScaledTanhActivation.of(gains[i]);
        }
        return HopfieldMetric.of(a);
    }

    /**
     * Records {@code metric} and {@code beta} (a number when all gains are equal, else the list) in
     * a summary's parameters.
     *
     * @param parameters the summary's parameters. Modified.
     */
    public void describeInto(Map<String, Object> parameters, int n) {
        parameters.put("metric", name());
        double[] g = gains(n);
        boolean same = true;
        for (double v : g) {
            same &= v == g[0];
        }
        if (same) {
            parameters.put("beta", g[0]);
        } else {
            List<Double> list = new ArrayList<>();
            for (double v : g) {
                list.add(v);
            }
            parameters.put("beta", list);
        }
    }
}
