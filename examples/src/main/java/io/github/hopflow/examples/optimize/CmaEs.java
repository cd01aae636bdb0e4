package io.github.hopflow.examples.optimize;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * CMA-ES (Hansen) from Commons Math, bounded to the cube, with IPOP restarts (Auger &amp; Hansen
 * 2005): whenever a run meets one of CMA-ES's own stopping rules it restarts from a uniform point
 * with the population doubled, until the budget is spent.
 *
 * <p>Defaults, and why: the first population is the standard 4 + ⌊3 ln n⌋; the initial step size is
 * {@value #SIGMA} of the cube's width, the usual recommendation of a third of the search interval;
 * infeasible samples are repaired to the box with a penalty (the Commons Math default).
 */
public final class CmaEs implements Optimizer {

    /** The method's name, {@code cmaes}. */
    public static final String NAME = "cmaes";
    static final double SIGMA = 0.3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void minimise(BudgetedObjective f, UniformRandomProvider rng) {
        int n = f.dimension();
        double[] lower = new double[n];
        double[] upper = new double[n];
        java.util.Arrays.fill(upper, 1.0);
        double[] sigma = new double[n];
        java.util.Arrays.fill(sigma, SIGMA);
        int lambda = 4 + (int) Math.floor(3 * Math.log(n));
        CommonsMathRandom random = new CommonsMathRandom(rng);
        double[] start = new double[n];
        while (true) {
            UnitCube.uniform(rng, start);
            CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, Double.NEGATIVE_INFINITY, true, 0, 0,
                    random, false, null);
            cmaes.optimize(
                    new MaxEval(Integer.MAX_VALUE),
                    new MaxIter(Integer.MAX_VALUE),
                    new ObjectiveFunction(f::value),
                    GoalType.MINIMIZE,
                    new InitialGuess(start),
                    new SimpleBounds(lower, upper),
                    new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(lambda));
            lambda = (int) Math.min(Integer.MAX_VALUE / 2, 2L * lambda);
        }
    }
}
