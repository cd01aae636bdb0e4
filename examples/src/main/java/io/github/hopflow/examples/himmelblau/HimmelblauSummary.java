package io.github.hopflow.examples.himmelblau;

import io.github.hopflow.examples.analysis.DensityModes;
import io.github.hopflow.examples.analysis.ModeMatch;
import io.github.hopflow.wasserstein.flow.FlowStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code summary.json} document and the console report of the Himmelblau reproduction. */
public final class HimmelblauSummary {

    private HimmelblauSummary() {
    }

    /** The summary as nested maps and lists, ready for JSON. */
    public static Map<String, Object> of(HimmelblauOutcome o) {
        HimmelblauSettings s = o.settings();
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "himmelblau");
        p.put("dimension", 2);
        p.put("metric", "hopfield (paper example, mobility 4*beta*x*(1-x))");
        p.put("particles", s.particles());
        p.put("temperature", s.temperature());
        p.put("beta", s.beta());
        p.put("step", s.step());
        p.put("steps", s.steps());
        p.put("time", s.time());
        p.put("eps", s.epsilon());
        p.put("scheme", s.scheme().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        p.put("snapshot_every", s.snapshotEvery());
        p.put("seed", s.seed());
        p.put("threads", s.threads());
        doc.put("parameters", p);
        doc.put("completed", !o.interrupted());
        doc.put("cancelled", o.interrupted());
        doc.put("steps_done", o.stepsDone());
        doc.put("time_reached", o.time());
        List<Map<String, Object>> modes = new ArrayList<>();
        for (DensityModes.Mode m : o.modes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("centre", m.centre());
            e.put("peak_value", m.peakValue());
            e.put("members", m.members());
            modes.add(e);
        }
        doc.put("modes", modes);
        doc.put("mode_estimate", "mean-shift modes of a Gaussian kernel density estimate (width "
                + io.github.hopflow.examples.analysis.DensityModes.defaults().bandwidth()
                + ") of the point positions pooled over the snapshots of the second half of the run; "
                + "members = mean-shift starts that reached the mode, peakValue = largest rho among them");
        List<Map<String, Object>> minimisers = new ArrayList<>();
        for (ModeMatch m : o.matches()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("minimiser", m.minimiser());
            e.put("nearest_mode", m.mode());
            e.put("distance", Double.isInfinite(m.distance()) ? null : m.distance());
            minimisers.add(e);
        }
        doc.put("minimisers", minimisers);
        doc.put("mode_tolerance", HimmelblauExperiment.MODE_TOLERANCE);
        doc.put("all_modes_found", o.allModesFound());
        doc.put("spread", Map.of(
                "definition", "median |r - median(r)| of r = log(rho) + f(x)/T over the final cloud",
                "mad", o.spread()));
        Map<String, Object> fe = new LinkedHashMap<>();
        fe.put("log_partition", o.logPartition());
        fe.put("minimum", o.minimumFreeEnergy());
        fe.put("definition", "value = mean over the cloud of f(x) + T log(rho), an estimate of F(rho_k); minimum = "
                + "F(rho_inf) = -T log Z(T); the entropic blur of the values biases the estimate low, by about "
                + "T KL(rho_inf || rho_eps)");
        List<Map<String, Object>> trace = new ArrayList<>();
        for (FlowStep st : o.steps()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("step", st.step());
            e.put("time", st.time());
            e.put("value", st.freeEnergy());
            e.put("standard_error", st.freeEnergyError());
            trace.add(e);
        }
        fe.put("trace", trace);
        doc.put("free_energy", fe);
        HimmelblauAccuracy a = o.accuracy();
        Map<String, Object> acc = new LinkedHashMap<>();
        acc.put("reference", a.reference());
        acc.put("values", a.values());
        acc.put("steps", a.steps());
        acc.put("time", a.times());
        acc.put("mad", a.mad());
        acc.put("slope", a.slope());
        acc.put("paper_mad", a.paperMad());
        acc.put("paper_slope", a.paperSlope());
        if (a.measured()) {
            int last = a.steps().size() - 1;
            acc.put("final_mad", a.mad().get(last));
            acc.put("final_slope", a.slope().get(last));
        }
        doc.put("accuracy", acc);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("total_seconds", o.totalSeconds());
        timing.put("flow_seconds", o.flowSeconds());
        timing.put("median_millis_per_step", o.medianMillisPerStep());
        double sde = 0;
        double prox = 0;
        long iterations = 0;
        for (FlowStep st : o.steps()) {
            sde += st.sdeMillis();
            prox += st.proxMillis();
            iterations += st.iterations();
        }
        timing.put("sde_seconds", sde / 1000);
        timing.put("proximal_seconds", prox / 1000);
        timing.put("mean_proximal_iterations", o.steps().isEmpty() ? 0 : (double) iterations / o.steps().size());
        doc.put("timing", timing);
        doc.put("snapshots", Map.of("count", o.snapshots(), "layout",
                "snapshots/step-NNNNNN.csv, header x1,x2,rho (normalised density values), every "
                        + s.snapshotEvery() + " steps and the last"));
        doc.put("figures", List.of("geodesic-balls.png", "objective.png", "stationary.png", "evolution.png",
                "evolution.gif", "runtime.png", "free-energy.png", "accuracy.png"));
        return doc;
    }

    /** A few lines for the console. */
    public static String report(HimmelblauOutcome o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s %d of %d steps (t = %s), N = %d, T = %s, ε = %s%n",
                o.interrupted() ? "interrupted after" : "ran", o.stepsDone(), o.settings().steps(), fmt(o.time()),
                o.settings().particles(), fmt(o.settings().temperature()), fmt(o.settings().epsilon())));
        sb.append(String.format(Locale.ROOT, "%-26s%-26s%s%n", "minimiser of f (59)", "nearest density mode",
                "distance"));
        for (ModeMatch m : o.matches()) {
            sb.append(String.format(Locale.ROOT, "%-26s%-26s%s%n", point(m.minimiser()),
                    m.mode() == null ? "(none)" : point(m.mode()),
                    Double.isInfinite(m.distance()) ? "-" : String.format(Locale.ROOT, "%.4f", m.distance())));
        }
        sb.append(String.format(Locale.ROOT, "density modes: %d found; all four minimisers within %.2f: %s%n",
                o.modes().size(), HimmelblauExperiment.MODE_TOLERANCE, o.allModesFound() ? "yes" : "no"));
        sb.append(String.format(Locale.ROOT, "spread of log ρ + f/T over the final cloud (median absolute deviation): %.3f%n",
                o.spread()));
        if (!o.steps().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "free energy F(ρ_k) on the cloud: %.1f → %.1f;  F(ρ∞) = −T log Z = %.1f%n",
                    o.steps().get(0).freeEnergy(), o.steps().get(o.steps().size() - 1).freeEnergy(),
                    o.minimumFreeEnergy()));
            sb.append("  (a Monte Carlo estimate over the cloud: at N = 500 it varies by about 0.4 between seeds;"
                    + " at t = 0.1 ρ_t is not yet ρ∞)\n");
        }
        sb.append(String.format(Locale.ROOT, "median %.1f ms per step; flow %.1f s; total %.1f s%n",
                o.medianMillisPerStep(), o.flowSeconds(), o.totalSeconds()));
        return sb.toString();
    }

    private static String point(double[] x) {
        return String.format(Locale.ROOT, "(%.4f, %.4f)", x[0], x[1]);
    }

    private static String fmt(double v) {
        return io.github.hopflow.examples.plot.Numbers.compact(v);
    }
}
