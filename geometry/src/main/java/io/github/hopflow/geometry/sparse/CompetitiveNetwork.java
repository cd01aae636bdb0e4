package io.github.hopflow.geometry.sparse;

import io.github.hopflow.geometry.contraction.FiringRateContraction;
import io.github.hopflow.geometry.network.ThinnedStates;

/**
 * The positive firing-rate competitive network for sparse reconstruction (Centorrino, Gokhale,
 * Davydov, Russo and Bullo, "Positive competitive networks for sparse reconstruction", Neural
 * Computation 36, 2024):
 * <pre>
 *   τ ẋ = −x + ReLU((I − ηDᵀD)x + ηDᵀu − ηλ𝟙),
 * </pre>
 * a firing-rate network ẋ = −x + Φ(Wx + Bu) with W = I − ηDᵀD (lateral inhibition between
 * neurons with overlapping receptive fields), input weights B = ηDᵀ, threshold ηλ and Φ = ReLU. It
 * is the proximal-gradient flow of the positive lasso of {@link PositiveLasso}: its equilibria are
 * the fixed points x = ReLU(x − η(∇g(x) + λ𝟙)), which are exactly the minimisers of
 * ½‖u − Dx‖² + λ‖x‖₁ over x ≥ 0, whatever η &gt; 0. (The published form has η = 1 for a dictionary
 * with ‖D‖₂ ≤ 1; η scales D to √η·D, u to √η·u and λ to ηλ, which leaves the minimiser unchanged.)
 * The default η = 1/L, L = ‖D‖₂², makes W's spectrum lie in [0, 1].
 *
 * <p><b>Contraction.</b> The Jacobian is −I + diag(d)W with the ReLU's slopes d_i ∈ [0, 1], so the
 * one-sided Lipschitz constants of {@link FiringRateContraction} with d_min = 0, d_max = 1 bound the
 * rate at which any two trajectories approach each other in the ℓ₁ and ℓ_∞ norms (negative:
 * contracting). With d_min = 0 the bound is never below 0 in the ℓ_∞ norm, and the network is
 * weakly contracting; convergence is then linear once the support is identified.
 *
 * <p><b>Integration.</b> Forward Euler with step δ ∈ (0, 1] in units of τ:
 * x ← (1 − δ)x + δ·ReLU(x − η(∇g(x) + λ𝟙)), from x = 0. δ = 1 is the discrete-time network
 * (iterative soft thresholding); smaller δ follows the continuous flow more closely. The run stops
 * when the equilibrium residual ‖x − ReLU(x − η(∇g + λ𝟙))‖₂/η falls below the tolerance. The
 * equilibrium returned is the network's output ReLU(Wx + Bu − ηλ𝟙) at the final state: the state's
 * entries off the support only decay towards 0 (by the factor 1 − δ per step), while the output's are
 * exactly 0 wherever the input is below threshold.
 */
public final class CompetitiveNetwork {

    /**
     * The equilibrium reached, with its trajectory.
     *
     * @param x the network's output ReLU(Wx + Bu − ηλ𝟙) at the final state, n values ≥ 0
     * @param objective F(x) of the positive lasso
     * @param iterations the Euler steps taken
     * @param residual the equilibrium residual at the end
     * @param converged whether the residual met the tolerance
     * @param times the recorded times (in units of τ)
     * @param states the recorded states, one n-vector per time
     */
    public record Equilibrium(double[] x, double objective, int iterations, double residual, boolean converged,
            double[] times, double[][] states) {
    }

    private final PositiveLasso problem;
    private final double eta;

    private CompetitiveNetwork(PositiveLasso problem, double eta) {
        this.problem = problem;
        this.eta = eta;
    }

    /** The network with η = 1/L. */
    public static CompetitiveNetwork of(PositiveLasso problem) {
        return new CompetitiveNetwork(problem, 1 / problem.lipschitz());
    }

    /** η, the scale of the dictionary's Gram matrix in W. */
    public double eta() {
        return eta;
    }

    /**
     * Integrates the network from x = 0 to its equilibrium.
     *
     * @param step δ in (0, 1]
     * @param tolerance the equilibrium residual to reach, &gt; 0
     * @param maxIterations ≥ 1
     * @param records the most states to keep (thinned evenly in time), ≥ 2
     */
    public Equilibrium run(double step, double tolerance, int maxIterations, int records) {
        if (!(step > 0 && step <= 1)) {
            throw new IllegalArgumentException("step must lie in (0, 1], got " + step);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        if (maxIterations < 1 || records < 2) {
            throw new IllegalArgumentException("maxIterations must be ≥ 1 and records ≥ 2, got " + maxIterations
                    + " and " + records);
        }
        int n = problem.columns();
        double[] x = new double[n];
        double[] g = new double[n];
        double[] r = new double[problem.rows()];
        double shift = eta * problem.lambda();
        ThinnedStates record = new ThinnedStates(records);
        record.offer(0, 0, x);
        int k = 0;
        double residual = Double.POSITIVE_INFINITY;
        while (k < maxIterations) {
            problem.gradient(x, r, g);
            double s = 0;
            for (int j = 0; j < n; j++) {
                double target = Math.max(0, x[j] - eta * g[j] - shift);
                double dx = target - x[j];
                s += dx * dx;
                x[j] += step * dx;
            }
            // the residual of the state before this step: the step's direction is its fixed-point defect
            residual = Math.sqrt(s) / eta;
            k++;
            if (residual <= tolerance) {
                break;
            }
            record.offer(k, k * step, x);
        }
        // the output Φ(Wx + Bu) at the final state: the state's off-support entries only decay
        // towards 0 (by 1 − δ per step), the output's are exactly 0 below threshold
        problem.gradient(x, r, g);
        for (int j = 0; j < n; j++) {
            x[j] = Math.max(0, x[j] - eta * g[j] - shift);
        }
        record.finish(k * step, x);
        double finalResidual = problem.residual(x);
        return new Equilibrium(x, problem.objective(x), k, finalResidual, residual <= tolerance, record.times(),
                record.states());
    }

    /**
     * The one-sided Lipschitz constants of the network's vector field in the ℓ₁ and ℓ_∞ norms
     * (contraction rates when negative), for W = I − ηDᵀD and ReLU slopes in [0, 1]: {osLip₁, osLip_∞}.
     * Forms the n × n matrix W.
     *
     * @throws IllegalArgumentException if n &gt; 4096 (W would hold more than 16 million entries)
     */
    public double[] contraction() {
        int n = problem.columns();
        if (n > 4096) {
            throw new IllegalArgumentException("the contraction bound forms the " + n + " x " + n
                    + " matrix W; n must be at most 4096");
        }
        double[] d = problem.dictionary();
        int m = problem.rows();
        double[] w = new double[n * n];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < n; a++) {
                double da = d[i * n + a];
                if (da == 0) {
                    continue;
                }
                for (int b = 0; b < n; b++) {
                    w[a * n + b] -= eta * da * d[i * n + b];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            w[a * n + a] += 1;
        }
        return new double[] {FiringRateContraction.oneSidedLipschitz1(w, 0, 1),
            FiringRateContraction.oneSidedLipschitzInfinity(w, 0, 1)};
    }
}
