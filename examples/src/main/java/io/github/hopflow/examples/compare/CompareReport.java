package io.github.hopflow.examples.compare;

import io.github.hopflow.geometry.flow.FlowMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON document ({@code compare.json}) and the text table of a comparison. */
public final class CompareReport {

    /** How basin membership is decided, as written to the report. */
    public static final String BASIN_DEFINITION = "a final point is in a global basin when projected gradient "
            + "descent on the cube with Armijo backtracking (at most " + GlobalBasin.DESCENT_ITERATIONS
            + " iterations) from it ends within basinTolerance of a known global minimiser";

    private CompareReport() {
    }

    /** The report as nested maps and lists, ready for JSON. */
    public static Map<String, Object> of(CompareResult r) {
        CompareSettings s = r.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("objective", s.objective());
        settings.put("dimension", s.dimension());
        settings.put("particles", s.particles());
        settings.put("temperature", s.temperature());
        settings.put("schedule", s.schedule());
        settings.put("tau", Double.isNaN(s.tau()) ? 0.1 * s.steps() * s.step() : s.tau());
        settings.put("beta", s.beta());
        settings.put("step", s.step());
        settings.put("steps", s.steps());
        settings.put("firing_rate_step", s.firingRateStep());
        settings.put("gamma", r.gamma());
        settings.put("basin_tolerance", s.basinTolerance());
        settings.put("seed", s.seed());
        settings.put("threads", s.threads());
        settings.put("deterministic_methods", s.methods().stream().map(FlowMethod::cliName).toList());
        settings.put("diffusion_scheme", "isometric-implicit");
        settings.put("eps", s.epsilon());
        settings.put("density_flow", s.usesDensityFlow());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("settings", settings);
        doc.put("complete", r.complete());
        doc.put("cancelled", !r.complete());
        doc.put("global_minimisers", r.globalMinimisers());
        doc.put("global_minimum", Double.isNaN(r.globalMinimum()) ? null : r.globalMinimum());
        doc.put("basin_definition", r.globalMinimisers().isEmpty()
                ? "undefined: the objective lists no global minimiser" : BASIN_DEFINITION);
        List<Map<String, Object>> methods = new ArrayList<>();
        for (MethodOutcome m : r.methods()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.name());
            e.put("stochastic", m.stochastic());
            e.put("final_mean_objective", m.finalMeanObjective());
            e.put("best_final_objective", m.bestObjective());
            e.put("global_basin_fraction", Double.isNaN(m.globalBasinFraction()) ? null : m.globalBasinFraction());
            e.put("wall_seconds", m.wallSeconds());
            if (m.freeEnergy() != null) {
                e.put("final_free_energy", m.freeEnergy()[m.freeEnergy().length - 1]);
                e.put("free_energy", m.freeEnergy());
            }
            Map<String, Object> curve = new LinkedHashMap<>();
            curve.put("step", m.steps());
            curve.put("time", m.times());
            curve.put("mean_objective", m.meanObjective());
            e.put("curve", curve);
            methods.add(e);
        }
        doc.put("methods", methods);
        return doc;
    }

    /** A fixed-width table: one line per method. */
    public static String table(CompareResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-22s %14s %14s %14s %10s%n",
                "method", "final E[f]", "best final f", "global basin", "wall s"));
        for (MethodOutcome m : r.methods()) {
            String basin = Double.isNaN(m.globalBasinFraction()) ? "n/a"
                    : String.format(Locale.ROOT, "%.1f %%", 100 * m.globalBasinFraction());
            sb.append(String.format(Locale.ROOT, "%-22s %14.6g %14.6g %14s %10.3f%n",
                    m.name(), m.finalMeanObjective(), m.bestObjective(), basin, m.wallSeconds()));
        }
        if (!r.complete()) {
            sb.append("interrupted: the methods above are those that finished\n");
        }
        return sb.toString();
    }
}
