package io.github.hopflow.examples.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code summary.json}: the settings, how gradients were charged on each problem,
 * and the {@link Summary} statistics per (problem, method) and per method.
 */
public final class Report {

    /** The rule that ends a run, stated in the output. */
    public static final String STOP_RULE = "a run ends when its next evaluation would exceed the budget "
            + "or as soon as f_best - f* <= target; evaluations_to_target counts the budget units spent "
            + "up to and including the evaluation that reached the target";

    private Report() {
    }

    /**
     * The summary as nested maps and lists, ready for JSON.
     *
     * @param experiment the experiment that was run
     * @param results its results (possibly fewer than {@link Experiment#size()} when cancelled)
     * @param threads the worker threads used
     * @param wallSeconds the wall time of the whole experiment
     * @param cancelled whether the experiment was cancelled before every run ended
     */
    public static Map<String, Object> summary(Experiment experiment, List<RunResult> results, int threads,
            double wallSeconds, boolean cancelled) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("objectives", experiment.problems().stream().map(Problem::objective).distinct().toList());
        settings.put("dims", experiment.problems().stream().map(Problem::dimension).distinct().toList());
        settings.put("methods", experiment.methods().stream().map(Optimizer::name).toList());
        settings.put("runs", experiment.runs());
        settings.put("budget", experiment.budget());
        settings.put("target", experiment.target());
        settings.put("seed", experiment.seed());
        settings.put("threads", threads);
        settings.put("gradient_cost", experiment.gradientCost().label());
        settings.put("stop_rule", STOP_RULE);
        root.put("settings", settings);

        List<Map<String, Object>> problems = new ArrayList<>();
        for (Problem p : experiment.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("objective", p.objective());
            m.put("dim", p.dimension());
            m.put("optimum", p.optimum());
            m.put("analytic_gradient", p.function().hasAnalyticGradient());
            m.put("gradient_charge", experiment.gradientCost().charge(p.function()));
            m.put("gradient_accounting", experiment.gradientCost().describe(p.function()));
            problems.add(m);
        }
        root.put("problems", problems);

        List<Map<String, Object>> rows = new ArrayList<>();
        Summary.byProblemAndMethod(results).forEach((label, byMethod) -> byMethod.forEach((method, stats) -> {
            RunResult first = results.stream()
                    .filter(r -> r.problemLabel().equals(label) && r.method().equals(method)).findFirst().orElseThrow();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("objective", first.objective());
            m.put("dim", first.dimension());
            m.put("method", method);
            m.putAll(stats.toMap());
            rows.add(m);
        }));
        root.put("results", rows);

        List<Map<String, Object>> methods = new ArrayList<>();
        Summary.byMethod(results).forEach((method, stats) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method);
            m.putAll(stats.toMap());
            methods.add(m);
        });
        root.put("methods", methods);
        root.put("completed_runs", results.size());
        root.put("cancelled", cancelled);
        root.put("wall_seconds", wallSeconds);
        return root;
    }
}
