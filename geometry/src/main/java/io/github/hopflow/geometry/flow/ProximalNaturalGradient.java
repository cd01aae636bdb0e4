package io.github.hopflow.geometry.flow;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.CountingObjective;
import java.util.Arrays;

/**
 * The proximal natural gradient (HNN paper, eq. (56)): x_k = argmin ½d_G²(x_{k−1}, x) + hf(x).
 * In isometric coordinates u = φ(x) the distance is Euclidean, so each step is the Euclidean
 * proximal step u_k = argmin_u Φ(u), Φ(u) = ½‖u − u_{k−1}‖² + hF(u), F(u) = f(φ⁻¹(u)), whose
 * stationarity condition is r(u) = u − u_{k−1} + h√m(x)⊙∇f(x) = 0 (since dx_i/du_i = √m_i).
 *
 * <p>It is solved by a modified Newton method on r with a forward-difference Jacobian (n extra
 * gradients per iteration), shifted by τI until positive definite so that every direction descends
 * Φ, and a backtracking line search on Φ, started from u_{k−1}. Iterates are kept in the
 * closed box φ(domain). The result is the local minimiser of Φ reached by descent from u_{k−1}: for
 * small h the unique minimiser near x_{k−1}.
 */
final class ProximalNaturalGradient {

    private ProximalNaturalGradient() {
    }

    static void run(CountingObjective f, DiagonalMetric metric, double[] x0, double h,
            DeterministicFlows.Recorder rec, FlowOptions options) {
        new Solver(f, metric, h, options).run(x0, rec);
    }

    private static final class Solver {
        private final CountingObjective f;
        private final DiagonalMetric metric;
        private final double h;
        private final double tolerance;
        private final int maxIterations;
        private final int n;
        private final double[] uLow;
        private final double[] uHigh;
        private final double[] uPrev;
        private final double[] u;
        private final double[] trial;
        private final double[] x;
        private final double[] grad;
        private final double[] residual;
        private final double[] residualShifted;
        private final double[] direction;
        private final double[] jacobian;
        private final double[] factor;
        /** Whether the last Jacobian was positive definite (no shift needed). */
        private boolean positiveDefinite;

        Solver(CountingObjective f, DiagonalMetric metric, double h, FlowOptions options) {
            this.f = f;
            this.metric = metric;
            this.h = h;
            this.tolerance = options.proximalTolerance();
            this.maxIterations = options.proximalMaxIterations();
            this.n = metric.dimension();
            uLow = new double[n];
            uHigh = new double[n];
            for (int i = 0; i < n; i++) {
                uLow[i] = metric.isometricLowerBound(i);
                uHigh[i] = metric.isometricUpperBound(i);
            }
            uPrev = new double[n];
            u = new double[n];
            trial = new double[n];
            x = new double[n];
            grad = new double[n];
            residual = new double[n];
            residualShifted = new double[n];
            direction = new double[n];
            jacobian = new double[n * n];
            factor = new double[n * n];
        }

        void run(double[] x0, DeterministicFlows.Recorder rec) {
            for (int i = 0; i < n; i++) {
                u[i] = metric.isometric(i, x0[i]);
            }
            for (int k = 1; k <= rec.steps; k++) {
                System.arraycopy(u, 0, uPrev, 0, n);
                solveStep(k);
                toState(u, x);
                rec.record(k, x);
            }
        }

        private double clamp(int i, double v) {
            return Math.min(uHigh[i], Math.max(uLow[i], v));
        }

        private void toState(double[] uu, double[] out) {
            for (int i = 0; i < n; i++) {
                out[i] = metric.inverseIsometric(i, clamp(i, uu[i]));
            }
        }

        /** r(uu) into out; returns Φ(uu). */
        private double residualAndObjective(int k, double[] uu, double[] out) {
            toState(uu, x);
            f.gradient(x, 0, grad, 0);
            DeterministicFlows.checkGradient(FlowMethod.PROXIMAL, k, x, grad);
            double phi = 0;
            for (int i = 0; i < n; i++) {
                double d = uu[i] - uPrev[i];
                phi += 0.5 * d * d;
                out[i] = d + h * Math.sqrt(Math.max(0, metric.mobility(i, x[i]))) * grad[i];
            }
            return phi + h * f.value(x, 0);
        }

        private void solveStep(int k) {
            // start at u_{k-1} (u holds it): the first Newton step, (I + hH)d = −h∇F, is the
            // linearly implicit Euler step, and the line search keeps Φ decreasing from there
            double rNorm = Double.NaN;
            for (int iter = 0; iter < maxIterations; iter++) {
                double phi = residualAndObjective(k, u, residual);
                rNorm = maxAbs(residual);
                if (rNorm <= tolerance) {
                    return;
                }
                newtonDirection(k);
                double slope = 0;
                for (int i = 0; i < n; i++) {
                    slope += residual[i] * direction[i];
                }
                if (!(slope < 0)) {
                    for (int i = 0; i < n; i++) {
                        direction[i] = -residual[i];
                    }
                    slope = -dot(residual, residual);
                }
                double t = 1;
                boolean moved = false;
                while (t > 1e-12) {
                    for (int i = 0; i < n; i++) {
                        trial[i] = clamp(i, u[i] + t * direction[i]);
                    }
                    double phiTrial = residualAndObjective(k, trial, residualShifted);
                    // accept on sufficient decrease of Φ or, near a minimum where Φ is flat to
                    // rounding, on decrease of the residual (which Newton's method provides there)
                    boolean flat = Math.abs(phiTrial - phi) <= 64 * Math.ulp(Math.abs(phi) + 1);
                    if (phiTrial - phi <= 1e-4 * t * slope && phiTrial < phi
                            || (flat && positiveDefinite && maxAbs(residualShifted) < (1 - 1e-4 * t) * rNorm)) {
                        moved = true;
                        break;
                    }
                    t *= 0.5;
                }
                if (!moved) {
                    double scale = 0;
                    for (int i = 0; i < n; i++) {
                        scale = Math.max(scale, Math.abs(u[i]) + Math.abs(uPrev[i]));
                    }
                    if (rNorm <= 1e4 * Math.ulp(Math.max(1, scale))) {
                        return; // the residual is at rounding level
                    }
                    break;
                }
                System.arraycopy(trial, 0, u, 0, n);
            }
            throw new FlowFailureException(FlowMethod.PROXIMAL, k, "the proximal step did not converge in "
                    + maxIterations + " iterations: residual " + rNorm + " > tolerance " + tolerance + " at x = "
                    + Arrays.toString(currentState()) + " (h = " + h + ")");
        }

        private double[] currentState() {
            double[] out = new double[n];
            toState(u, out);
            return out;
        }

        /** Newton direction J d = −r with a forward-difference Jacobian of r; NaN-free or −r. */
        private void newtonDirection(int k) {
            for (int j = 0; j < n; j++) {
                System.arraycopy(u, 0, trial, 0, n);
                double delta = 1e-7 * Math.max(1, Math.abs(u[j]));
                if (u[j] + delta > uHigh[j]) {
                    delta = -delta;
                }
                trial[j] = u[j] + delta;
                residualAndObjectiveNoValue(k, trial, residualShifted);
                for (int i = 0; i < n; i++) {
                    jacobian[i * n + j] = (residualShifted[i] - residual[i]) / delta;
                }
            }
            // symmetrise: the exact Jacobian is the Hessian of Φ
            double maxDiagonal = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double s = 0.5 * (jacobian[i * n + j] + jacobian[j * n + i]);
                    jacobian[i * n + j] = s;
                    jacobian[j * n + i] = s;
                }
                maxDiagonal = Math.max(maxDiagonal, Math.abs(jacobian[i * n + i]));
            }
            // modified Newton: shift J by τI until it is positive definite, so that the direction
            // is one of descent for Φ even where Φ is not convex
            double tau = 0;
            for (int attempt = 0; attempt < 40; attempt++) {
                System.arraycopy(jacobian, 0, factor, 0, n * n);
                for (int i = 0; i < n; i++) {
                    factor[i * n + i] += tau;
                }
                if (choleskySolve(factor, residual, direction, n)) {
                    positiveDefinite = tau == 0;
                    return;
                }
                tau = tau == 0 ? Math.max(1e-10, 1e-3 * maxDiagonal) : 10 * tau;
            }
            positiveDefinite = false;
            for (int i = 0; i < n; i++) {
                direction[i] = -residual[i];
            }
        }

        /** Solves L Lᵀ d = −r in place of the lower triangle of a; false if a is not positive definite. */
        private static boolean choleskySolve(double[] a, double[] r, double[] d, int n) {
            for (int j = 0; j < n; j++) {
                double diag = a[j * n + j];
                for (int k = 0; k < j; k++) {
                    diag -= a[j * n + k] * a[j * n + k];
                }
                if (!(diag > 0) || !Double.isFinite(diag)) {
                    return false;
                }
                double l = Math.sqrt(diag);
                a[j * n + j] = l;
                for (int i = j + 1; i < n; i++) {
                    double v = a[i * n + j];
                    for (int k = 0; k < j; k++) {
                        v -= a[i * n + k] * a[j * n + k];
                    }
                    a[i * n + j] = v / l;
                }
            }
            for (int i = 0; i < n; i++) {
                double v = -r[i];
                for (int k = 0; k < i; k++) {
                    v -= a[i * n + k] * d[k];
                }
                d[i] = v / a[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double v = d[i];
                for (int k = i + 1; k < n; k++) {
                    v -= a[k * n + i] * d[k];
                }
                d[i] = v / a[i * n + i];
            }
            return true;
        }

        private void residualAndObjectiveNoValue(int k, double[] uu, double[] out) {
            toState(uu, x);
            f.gradient(x, 0, grad, 0);
            DeterministicFlows.checkGradient(FlowMethod.PROXIMAL, k, x, grad);
            for (int i = 0; i < n; i++) {
                out[i] = uu[i] - uPrev[i] + h * Math.sqrt(Math.max(0, metric.mobility(i, x[i]))) * grad[i];
            }
        }

        private static double maxAbs(double[] a) {
            double m = 0;
            for (double v : a) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }
    }
}
