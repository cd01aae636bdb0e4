package io.github.hopflow.geometry.sparse;

/**
 * The accelerated proximal-gradient method FISTA (Beck and Teboulle, SIAM J. Imaging Sci. 2, 2009)
 * for the positive lasso, with step 1/L and the gradient-based adaptive restart of O'Donoghue and
 * Candès (Found. Comput. Math. 15, 2015): the momentum is reset whenever it points uphill,
 * (y_k − x_{k+1})ᵀ(x_{k+1} − x_k) &gt; 0, which restores linear convergence when F is locally
 * strongly convex. The reference solver against which the competitive network is checked.
 */
public final class Fista {

    /**
     * A solution.
     *
     * @param x the minimiser found, n values ≥ 0
     * @param objective F(x)
     * @param iterations the iterations taken
     * @param residual the optimality residual of {@link PositiveLasso#residual}
     * @param converged whether the residual met the tolerance
     */
    public record Solution(double[] x, double objective, int iterations, double residual, boolean converged) {
    }

    private Fista() {
    }

    /**
     * Minimises F from x = 0.
     *
     * @param problem the positive lasso
     * @param tolerance the residual to reach, &gt; 0
     * @param maxIterations ≥ 1
     */
    public static Solution solve(PositiveLasso problem, double tolerance, int maxIterations) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + maxIterations);
        }
        int n = problem.columns();
        double step = 1 / problem.lipschitz();
        double shift = step * problem.lambda();
        double[] x = new double[n];
        double[] previous = new double[n];
        double[] y = new double[n];
        double[] g = new double[n];
        double[] r = new double[problem.rows()];
        double t = 1;
        int k = 0;
        double residual = Double.POSITIVE_INFINITY;
        while (k < maxIterations) {
            k++;
            problem.gradient(y, r, g);
            System.arraycopy(x, 0, previous, 0, n);
            double uphill = 0;
            double change = 0;
            for (int j = 0; j < n; j++) {
                x[j] = Math.max(0, y[j] - step * g[j] - shift);
                double dx = x[j] - previous[j];
                uphill += (y[j] - x[j]) * dx;
                change += dx * dx;
            }
            double tNext = 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
            if (uphill > 0) {
                tNext = 1;
                System.arraycopy(x, 0, y, 0, n);
            } else {
                double momentum = (t - 1) / tNext;
                for (int j = 0; j < n; j++) {
                    y[j] = x[j] + momentum * (x[j] - previous[j]);
                }
            }
            t = tNext;
            // the residual is checked only when the iterates have nearly stopped moving (it costs a gradient)
            if (Math.sqrt(change) * problem.lipschitz() <= tolerance) {
                residual = problem.residual(x);
                if (residual <= tolerance) {
                    return new Solution(x, problem.objective(x), k, residual, true);
                }
            }
        }
        residual = problem.residual(x);
        return new Solution(x, problem.objective(x), k, residual, residual <= tolerance);
    }
}
