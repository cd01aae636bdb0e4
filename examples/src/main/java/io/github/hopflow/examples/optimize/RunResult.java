package io.github.hopflow.examples.optimize;

import java.util.OptionalLong;

/**
 * The outcome of one run of one method on one problem: a row of {@code results.csv}.
 *
 * @param objective the objective's name
 * @param dimension n
 * @param method the method's name
 * @param run the run index, from 0
 * @param bestValue the smallest value evaluated
 * @param error bestValue − f*
 * @param evaluations budget units spent (value evaluations plus charged gradients)
 * @param evaluationsToTarget units spent when error ≤ δ first held, or −1 if never
 * @param valueEvaluations value evaluations made
 * @param gradientEvaluations gradients evaluated
 * @param wallSeconds the run's wall-clock time
 * @param estimateError f − f* at the method's own answer where it has one besides the best point
 *     seen (the diffusion machine's point of highest density), NaN otherwise
 * @param bestPoint the point of the smallest value evaluated (the run's result), n values; empty
 *     when unknown (a row read from a file without it)
 */
public record RunResult(String objective, int dimension, String method, int run, double bestValue, double error,
        long evaluations, long evaluationsToTarget, long valueEvaluations, long gradientEvaluations,
        double wallSeconds, double estimateError, double[] bestPoint) {

    /** Whether the run reached the target. */
    public boolean solved() {
        return evaluationsToTarget >= 0;
    }

    /** The evaluations to target, empty if the target was never reached. */
    public OptionalLong toTarget() {
        return solved() ? OptionalLong.of(evaluationsToTarget) : OptionalLong.empty();
    }

    /** The problem's label, e.g. {@code rastrigin-2}. */
    public String problemLabel() {
        return objective + "-" + dimension;
    }
}
