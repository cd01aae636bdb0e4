package io.github.hopflow.examples.cli;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.sde.cloud.MassCloud;
import io.github.hopflow.wasserstein.ot.ExactTransportResult;
import io.github.hopflow.wasserstein.ot.Sinkhorn;
import io.github.hopflow.wasserstein.ot.SinkhornDivergence;
import io.github.hopflow.wasserstein.ot.SinkhornResult;
import io.github.hopflow.wasserstein.ot.WassersteinDistance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code hopflow wasserstein}: W_G between two discrete measures, each read from a cloud file:
 * masses proportional to a {@code weight} column, or equal masses for the points of a plain cloud or
 * of a density snapshot (whose {@code rho} values are densities, not masses), exactly (W_G² and W_G) or entropically (linear cost ⟨P, C⟩, objective
 * ⟨P, C⟩ + εΣP log P, debiased divergence, iterations). C = d_G².
 */
@Command(name = "wasserstein", mixinStandardHelpOptions = true,
        description = "Wasserstein distance W_G between two weighted point clouds (cost d_G^2 of the metric).")
public final class WassersteinCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--a", required = true, paramLabel = "A.csv", description = "First cloud: x1,...,xn,weight (masses proportional to the weights), or x1,...,xn or a "
                    + "snapshot (x1,...,xn,rho, or .npy): its points as a sample, mass 1/N each.")
    Path a;

    @Option(names = "--b", required = true, paramLabel = "B.csv", description = "Second cloud, as --a.")
    Path b;

    @CommandLine.Mixin
    MetricOptions metricOptions;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--eps", description = "Entropic regularisation epsilon > 0.")
        Double eps;

        @Option(names = "--exact", description = "Exact optimal transport (small clouds).")
        boolean exact;
    }

    @Option(names = "--json", description = "Print one line of JSON.")
    boolean json;

    /** The most kernel entries of one entropic problem (about a second per iteration on two cores). */
    static final long MAX_KERNEL_ENTRIES = 400_000_000L;
    /** The most cost entries of the exact solver. */
    static final long MAX_EXACT_ENTRIES = 4_000_000L;

    @Override
    public Integer call() {
        MassCloud ca = CliFiles.readMasses("--a", a);
        MassCloud cb = CliFiles.readMasses("--b", b);
        if (ca.dimension() != cb.dimension()) {
            throw new IllegalArgumentException("--a has dimension " + ca.dimension() + " but --b has dimension "
                    + cb.dimension());
        }
        long largest = Math.max((long) ca.size() * ca.size(), Math.max((long) cb.size() * cb.size(),
                (long) ca.size() * cb.size()));
        if (!mode.exact && largest > MAX_KERNEL_ENTRIES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "--a has %d and --b %d points: the debiased divergence transports each cloud onto itself, and the"
                    + " largest of its three problems has %d kernel entries per iteration, more than the limit of %d;"
                    + " subsample the clouds", ca.size(), cb.size(), largest, MAX_KERNEL_ENTRIES));
        }
        if (mode.exact && (long) ca.size() * cb.size() > MAX_EXACT_ENTRIES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "--exact on %d × %d points is more than the limit of %d cost entries of the exact solver"
                    + " (its time grows faster than the square of the clouds); use --eps", ca.size(), cb.size(),
                    MAX_EXACT_ENTRIES));
        }
        DiagonalMetric m = metricOptions.metric(ca.dimension());
        WassersteinDistance wg = WassersteinDistance.of(m);
        Map<String, Object> out = new LinkedHashMap<>();
        if (mode.exact) {
            ExactTransportResult r = wg.exact(ca, cb);
            out.put("cost", r.cost());
            out.put("distance", r.distance());
        } else {
            Checks.positive("--eps", mode.eps);
            Sinkhorn solver = Sinkhorn.builder().epsilon(mode.eps).build();
            SinkhornDivergence d = wg.divergence(ca, cb, solver);
            SinkhornResult r = d.crossTerm();
            if (!d.converged()) {
                throw new io.github.hopflow.wasserstein.ConvergenceException("Sinkhorn did not reach its marginal "
                        + "tolerance " + r.tolerance() + " at eps = " + mode.eps, d.iterations(), r.marginalError());
            }
            out.put("cost", r.cost());
            out.put("objective", r.objective());
            out.put("divergence", d.value());
            out.put("iterations", r.iterations());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.line(out));
        } else {
            for (Map.Entry<String, Object> e : out.entrySet()) {
                w.println(e.getKey() + " = " + e.getValue());
            }
        }
        w.flush();
        return 0;
    }
}
