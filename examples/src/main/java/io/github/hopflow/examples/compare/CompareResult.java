package io.github.hopflow.examples.compare;

import java.util.List;

/**
 * The outcome of a comparison.
 *
 * @param settings what was run
 * @param gamma the γ the firing-rate flow used
 * @param globalMinimisers the objective's known global minimisers (may be empty)
 * @param globalMinimum the known global minimum value f*, or NaN
 * @param methods one outcome per method, the diffusion machine first
 * @param complete false when the run was interrupted (the methods listed are those finished)
 */
public record CompareResult(CompareSettings settings, double gamma, List<double[]> globalMinimisers,
        double globalMinimum, List<MethodOutcome> methods, boolean complete) {
}
