package io.github.hopflow.examples.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates of the runs, per (problem, method) and per method over all problems: the success
 * rate, the median evaluations to target over the successful runs, and the average running time
 * (aRT, the COCO/BBOB measure: all evaluations spent, by successful and unsuccessful runs, divided
 * by the number of successes).
 */
public final class Summary {

    private Summary() {
    }

    /**
     * Statistics of a group of runs.
     *
     * @param runs the number of runs
     * @param successes the runs that reached the target
     * @param successRate successes / runs
     * @param medianEvaluationsToTarget the median over successful runs, NaN if none
     * @param averageRunningTime total evaluations / successes, +∞ if none
     * @param medianError the median of f_best − f*
     * @param totalEvaluations evaluations spent by all runs
     * @param medianEstimateError the median error of the method's own answers where it reports
     *     them (the diffusion machine's point of highest density), NaN otherwise
     */
    public record Stats(int runs, int successes, double successRate, double medianEvaluationsToTarget,
            double averageRunningTime, double medianError, long totalEvaluations, double medianEstimateError) {

        /** Statistics of {@code group} (not empty). */
        public static Stats of(List<RunResult> group) {
            int runs = group.size();
            int ok = 0;
            long total = 0;
            double[] ett = new double[runs];
            double[] err = new double[runs];
            double[] est = new double[runs];
            int estimates = 0;
            for (int i = 0; i < runs; i++) {
                RunResult r = group.get(i);
                if (r.solved()) {
                    ett[ok++] = r.evaluationsToTarget();
                }
                err[i] = r.error();
                if (!Double.isNaN(r.estimateError())) {
                    est[estimates++] = r.estimateError();
                }
                total += r.evaluations();
            }
            return new Stats(runs, ok, runs == 0 ? 0 : (double) ok / runs, median(Arrays.copyOf(ett, ok)),
                    ok == 0 ? Double.POSITIVE_INFINITY : (double) total / ok, median(err), total,
                    median(Arrays.copyOf(est, estimates)));
        }

        /** As JSON-ready entries (non-finite numbers as null). */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runs", runs);
            m.put("successes", successes);
            m.put("success_rate", successRate);
            m.put("median_evaluations_to_target", finiteOrNull(medianEvaluationsToTarget));
            m.put("average_running_time", finiteOrNull(averageRunningTime));
            m.put("median_error", finiteOrNull(medianError));
            m.put("total_evaluations", totalEvaluations);
            if (!Double.isNaN(medianEstimateError)) {
                m.put("median_estimate_error", medianEstimateError);
            }
            return m;
        }
    }

    /** Statistics per (problem label, method), in the order the results list them. */
    public static Map<String, Map<String, Stats>> byProblemAndMethod(List<RunResult> results) {
        Map<String, Map<String, List<RunResult>>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.problemLabel(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Map<String, Stats>> out = new LinkedHashMap<>();
        groups.forEach((problem, byMethod) -> {
            Map<String, Stats> m = new LinkedHashMap<>();
            byMethod.forEach((method, group) -> m.put(method, Stats.of(group)));
            out.put(problem, m);
        });
        return out;
    }

    /** Statistics per method over every problem. */
    public static Map<String, Stats> byMethod(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Stats> out = new LinkedHashMap<>();
        groups.forEach((method, group) -> out.put(method, Stats.of(group)));
        return out;
    }

    /** The median of {@code values} (sorted in place); NaN when empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int k = values.length / 2;
        return values.length % 2 == 1 ? values[k] : 0.5 * (values[k - 1] + values[k]);
    }

    static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
