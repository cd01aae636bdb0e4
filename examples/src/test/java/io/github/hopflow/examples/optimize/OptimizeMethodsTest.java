package io.github.hopflow.examples.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OptimizeMethodsTest {

    private static final int BUDGET = 600;

    /** Counts the calls that reach the underlying objective, independently of the budget wrapper. */
    private static final class Tally implements Objective {
        final Objective f;
        long values;
        long gradients;

        Tally(Objective f) {
            this.f = f;
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public String name() {
            return f.name();
        }

        @Override
        public double value(double[] x, int offset) {
            values++;
            for (int i = 0; i < dimension(); i++) {
                assertTrue(x[offset + i] >= 0 && x[offset + i] <= 1, "evaluated outside the cube: " + x[offset + i]);
            }
            return f.value(x, offset);
        }

        @Override
        public void gradient(double[] x, int offset, double[] out, int outOffset) {
            gradients++;
            f.gradient(x, offset, out, outOffset);
        }

        @Override
        public boolean hasAnalyticGradient() {
            return f.hasAnalyticGradient();
        }

        /** One below the true minimum, so that no target is ever reached and every method spends its budget. */
        @Override
        public OptionalDouble globalMinimum() {
            return OptionalDouble.of(f.globalMinimum().getAsDouble() - 1);
        }
    }

    @Test
    void everyMethodRunsOnEveryObjectiveWithinTheBudgetAndChargesEveryCall() {
        for (String name : Objectives.names()) {
            for (Optimizer m : Methods.all()) {
                for (GradientCost cost : GradientCost.values()) {
                    Tally t = new Tally(Objectives.byName(name, 2));
                    BudgetedObjective f = BudgetedObjective.of(t, BUDGET, cost, 0.5, null);
                    SearchStopped s = assertThrows(SearchStopped.class,
                            () -> m.minimise(f, Experiment.streamFor(7, 0)), m.name() + " on " + name);
                    String what = m.name() + " on " + name + " (" + cost + ")";
                    assertEquals(SearchStopped.Reason.BUDGET, s.reason(), what);
                    assertTrue(f.used() <= BUDGET, what + " used " + f.used());
                    assertTrue(f.used() > BUDGET - f.gradientCharge() - 1, what + " left budget unused: " + f.used());
                    assertEquals(t.values, f.valueEvaluations(), what);
                    if (t.hasAnalyticGradient()) {
                        assertEquals(t.gradients, f.gradientEvaluations(), what);
                        assertEquals(f.used(), t.values + f.gradientCharge() * t.gradients, what);
                    } else {
                        // a numerical gradient is made of charged evaluations of f
                        assertEquals(0, t.gradients, what);
                        assertEquals(f.used(), t.values, what);
                    }
                    assertTrue(Double.isFinite(f.bestValue()) && f.error() >= 1 - 1e-9, what + " error " + f.error());
                }
            }
        }
    }

    @Test
    void resultsDependOnTheSeedAndRunOnlyNotOnThreads() {
        List<Problem> problems = new ArrayList<>();
        for (String name : Objectives.names()) {
            problems.add(Problem.of(name, 2));
        }
        Experiment e = Experiment.of(problems, Methods.all(), 3, 400, 1e-3, 11, GradientCost.AUTO);
        List<RunResult> one = e.run(1, null, null);
        List<RunResult> two = e.run(2, null, null);
        assertEquals(e.size(), one.size());
        assertEquals(strip(one), strip(two));
        Experiment other = Experiment.of(problems, Methods.all(), 3, 400, 1e-3, 12, GradientCost.AUTO);
        assertTrue(!strip(one).equals(strip(other.run(2, null, null))), "a different seed must change the results");
    }

    private static List<String> strip(List<RunResult> rs) {
        List<String> out = new ArrayList<>();
        for (RunResult r : rs) {
            out.add(r.problemLabel() + " " + r.method() + " " + r.run() + " " + r.bestValue() + " " + r.evaluations()
                    + " " + r.evaluationsToTarget());
        }
        return out;
    }

    @Test
    void theGradientMethodsAndCmaEsSolveTheQuadraticQuickly() {
        Problem p = Problem.of("quadratic", 2);
        Experiment e = Experiment.of(List.of(p), List.of(Methods.byName("hopfield"), Methods.byName("mirror"),
                Methods.byName("cmaes")), 5, 2000, 1e-6, 3, GradientCost.AUTO);
        for (RunResult r : e.run(2, null, null)) {
            assertTrue(r.solved(), r.toString());
            assertTrue(r.evaluationsToTarget() < 500, r.toString());
        }
    }

    @Test
    void randomSearchSolvesAnEasyTargetAndFailsAHardOne() {
        Problem p = Problem.of("quadratic", 2);
        RunResult easy = Experiment.of(List.of(p), List.of(new RandomSearch()), 1, 2000, 0.01, 3, GradientCost.AUTO)
                .run(1, null, null).get(0);
        assertTrue(easy.solved(), easy.toString());
        RunResult hard = Experiment.of(List.of(p), List.of(new RandomSearch()), 1, 2000, 1e-9, 3, GradientCost.AUTO)
                .run(1, null, null).get(0);
        assertTrue(!hard.solved() && hard.evaluations() == 2000, hard.toString());
    }

    @Test
    void unknownMethodsAreRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Methods.byName("newton"));
        assertTrue(e.getMessage().contains("newton") && e.getMessage().contains("cmaes"), e.getMessage());
    }
}
