package io.github.hopflow.examples.compare;

/**
 * What one method did in a comparison.
 *
 * @param name the method's name ({@code diffusion-machine} or a flow's command-line name)
 * @param stochastic whether it is the diffusion machine
 * @param steps the recorded step indices k
 * @param times the recorded times t_k = k·h of the method's own step h
 * @param meanObjective E[f] over the particles or trajectories at each recorded step
 * @param finalMeanObjective E[f] at the last step
 * @param bestObjective the smallest f among the final points
 * @param globalBasinFraction share of final points whose descent reaches a global minimiser, or
 *     NaN when the objective lists none
 * @param wallSeconds wall-clock time of the method (without the basin classification)
 */
public record MethodOutcome(String name, boolean stochastic, int[] steps, double[] times, double[] meanObjective,
        double finalMeanObjective, double bestObjective, double globalBasinFraction, double wallSeconds) {
}
