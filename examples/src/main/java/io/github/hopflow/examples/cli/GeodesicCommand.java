package io.github.hopflow.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hopflow.geometry.geodesic.Geodesic;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hopflow geodesic}: the geodesic distance and points of the geodesic between two points of
 * the unit cube under the paper's example metric, mobility 4βx(1 − x).
 */
@Command(
        name = "geodesic",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the geodesic distance between two points of the unit cube under the Hopfield metric, and points along the geodesic.",
            "Geodesic distance d_G(x, y) = ‖(arcsin√x − arcsin√y) ⊘ √β‖₂ and K points of the geodesic "
                    + "γ_i(t) = sin²((1 − t) arcsin√x_i + t arcsin√y_i) (HNN paper eqs. (29), (30) corrected) for "
                    + "the activation σ(s) = ½tanh(2β(s − ½)) + ½ (mobility 4βx(1 − x)).",
        })
public final class GeodesicCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "0.25",
            description = "Gain β > 0, one value for all coordinates or one per coordinate "
                    + "(comma-separated). Default: ${DEFAULT-VALUE}.")
    String beta;

    @Option(names = "--from", required = true, paramLabel = "x1,x2,...",
            description = "Start point x in [0,1]^n (comma-separated).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "y1,y2,...",
            description = "End point y in [0,1]^n (comma-separated).")
    String to;

    @Option(names = "--points", paramLabel = "K", defaultValue = "11",
            description = "Number of points of the geodesic to print, t = 0, 1/(K−1), …, 1 (K ≥ 2). "
                    + "Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--json", description = "Print JSON with keys distance, path (and beta, from, to).")
    boolean json;

    /** Parses a per-coordinate or common gain list into n gains. */
    static double[] gains(String text, int n) {
        double[] b = VectorConverter.parse("--beta", text);
        if (b.length != 1 && b.length != n) {
            throw new IllegalArgumentException("--beta must have 1 or " + n + " entries, got " + b.length + ": '"
                    + text + "'");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = b.length == 1 ? b[0] : b[i];
            if (!(out[i] >= Converters.MIN_GAIN && out[i] <= Converters.MAX_GAIN)) {
                throw new IllegalArgumentException("--beta must be in [" + Converters.MIN_GAIN + ", "
                        + Converters.MAX_GAIN + "], got " + out[i]);
            }
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        double[] x = VectorConverter.parse("--from", from);
        double[] y = VectorConverter.parse("--to", to);
        if (y.length != x.length) {
            throw new IllegalArgumentException("--to has " + y.length + " coordinates but --from has " + x.length
                    + "; give both points in the same dimension");
        }
        if (points < 2) {
            throw new IllegalArgumentException("--points must be ≥ 2, got " + points);
        }
        Sizes.requireFits("--points " + points, Sizes.product(points, x.length), 2);
        double[] betas = gains(beta, x.length);
        HopfieldMetric metric = HopfieldMetric.paperExample(betas);
        Geodesic g;
        try {
            g = Geodesic.of(metric, x, y);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^from", "--from").replaceFirst("^to", "--to"));
        }
        double[] path = g.points(points);
        int n = x.length;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("distance", g.length());
            ArrayNode p = root.putArray("path");
            for (int j = 0; j < points; j++) {
                ArrayNode row = p.addArray();
                for (int i = 0; i < n; i++) {
                    row.add(path[j * n + i]);
                }
            }
            ArrayNode b = root.putArray("beta");
            for (double v : betas) {
                b.add(v);
            }
            ArrayNode f = root.putArray("from");
            for (double v : x) {
                f.add(v);
            }
            ArrayNode t = root.putArray("to");
            for (double v : y) {
                t.add(v);
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.println("distance " + g.length());
            out.println("path (t, x)");
            for (int j = 0; j < points; j++) {
                double t = j == points - 1 ? 1.0 : (double) j / (points - 1);
                out.println(t + " " + Arrays.toString(Arrays.copyOfRange(path, j * n, (j + 1) * n)));
            }
        }
        out.flush();
        return 0;
    }
}
