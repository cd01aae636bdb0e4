package io.github.hopflow.examples.maxcut;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.network.CutSearch;
import io.github.hopflow.geometry.network.WeightedGraph;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The diffusion-machine Max-Cut search: the optimum of small graphs (by enumeration), a cut close
 * to the annealing baseline's on a G-set-style graph, reproducibility across thread counts, the
 * budget, and stopping early.
 */
class MaxCutSearchTest {

    private static final MaxCutSearch SEARCH = MaxCutSearch.of(MaxCutSearch.Settings.defaults());

    @Test
    void findsTheOptimumOfSmallGraphs() {
        for (long seed = 1; seed <= 4; seed++) {
            boolean signed = seed % 2 == 0;
            WeightedGraph g = GraphGenerator.random(16, 0.4, signed, RandomSource.SPLIT_MIX_64.create(seed)).graph();
            MaxCutSearch.Result r = SEARCH.solve(g, 16_000, RandomSource.L64_X128_MIX.create(seed), 1, null, null);
            assertEquals(g.cut(CutSearch.exhaustive(g)), r.cut(), 0, "graph " + seed + (signed ? " (signed)" : ""));
            assertEquals(r.cut(), g.cut(r.partition()), 0);
        }
    }

    @Test
    void comesWithinOnePercentOfAnnealingOnARandomGraph() {
        // G(300, 0.06) with unit weights; the baseline is 8 restarts of 3000 sweeps from 3 to 0.05
        WeightedGraph g = GraphGenerator.random(300, 0.06, false, RandomSource.SPLIT_MIX_64.create(21L)).graph();
        double baseline = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < 8; r++) {
            baseline = Math.max(baseline, g.cut(CutSearch.anneal(g, 3000, 3, 0.05,
                    RandomSource.L64_X128_MIX.create(new long[] {1, r}))));
        }
        MaxCutSearch.Result r = SEARCH.solve(g, 100_000, RandomSource.L64_X128_MIX.create(1L), 2, null, null);
        assertTrue(r.cut() >= 0.99 * baseline, "cut " + r.cut() + " against the baseline's " + baseline);
    }

    @Test
    void theResultDoesNotDependOnTheThreads() {
        WeightedGraph g = GraphGenerator.torus(6, 8, true, RandomSource.SPLIT_MIX_64.create(3L)).graph();
        MaxCutSearch.Result one = SEARCH.solve(g, 8000, RandomSource.L64_X128_MIX.create(5L), 1, null, null);
        MaxCutSearch.Result two = SEARCH.solve(g, 8000, RandomSource.L64_X128_MIX.create(5L), 2, null, null);
        assertArrayEquals(one.partition(), two.partition());
        assertEquals(one.evaluations(), two.evaluations());
        assertEquals(one.flips(), two.flips());
    }

    @Test
    void staysWithinTheBudgetAndStopsWhenAsked() {
        WeightedGraph g = GraphGenerator.random(40, 0.2, false, RandomSource.SPLIT_MIX_64.create(4L)).graph();
        for (long budget : new long[] {SEARCH.minimumBudget(), 1000, 5001}) {
            MaxCutSearch.Result r = SEARCH.solve(g, budget, RandomSource.L64_X128_MIX.create(1L), 1, null, null);
            assertTrue(r.evaluations() <= budget, r.evaluations() + " > " + budget);
            if (budget >= 1000) {
                // with fewer steps than checkpoints, checkpoints due at the same step are made once
                assertTrue(r.evaluations() > budget - 2 * 16, "the budget is used: " + r.evaluations() + " of " + budget);
            }
        }
        AtomicInteger polls = new AtomicInteger();
        MaxCutSearch.Result stopped = SEARCH.solve(g, 100_000, RandomSource.L64_X128_MIX.create(1L), 1, null,
                () -> polls.incrementAndGet() > 10);
        assertEquals(11, stopped.steps());
        assertEquals(g.cut(stopped.partition()), stopped.cut(), 0);
        assertThrows(IllegalArgumentException.class,
                () -> SEARCH.solve(g, SEARCH.minimumBudget() - 1, RandomSource.L64_X128_MIX.create(1L), 1, null, null));
    }
}
