package io.github.hopflow.examples.optimize;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.metric.HopfieldMetric;

/**
 * One explicit step of a deterministic Hopfield flow on the cube, in the state it keeps: the
 * natural-gradient recursion (HNN paper, eq. (5)) in x, or mirror descent in the hidden state
 * x_H with x = σ(x_H). Both are Euler steps of the same continuous flow (eqs. (1), (3), (6)); to
 * first order both decrease f by h Σ m_i(x_i) (∂_i f)², with m the mobility of the Hopfield metric.
 */
interface DescentGeometry {

    /** Sets the state from a point x of the open cube. */
    void start(double[] x);

    /** The current point x, written into {@code out}. */
    void point(double[] out);

    /**
     * The point after a step of size h from the current state with gradient g, written into
     * {@code out}, without changing the state.
     *
     * @return false when the step leaves the open cube (the caller then shortens h)
     */
    boolean trial(double[] g, double h, double[] out);

    /** Makes the last trial's point the current state. */
    void accept();

    /** Σ m_i(x_i) g_i² at the current point: the first-order decrease per unit step. */
    double decreaseRate(double[] g);

    /** The largest |m_i(x_i) g_i|: the speed of the flow, used to choose the first step. */
    double speed(double[] g);

    /** The natural-gradient recursion x ← x − h G(x)⁻¹∇f(x) for {@code metric}. */
    static DescentGeometry naturalGradient(HopfieldMetric metric) {
        return new NaturalGradient(metric);
    }

    /** Mirror descent x_H ← x_H − h∇f(x), x = σ(x_H). */
    static DescentGeometry mirror(HopfieldMetric metric) {
        return new Mirror(metric);
    }

    /** The recursion in x. */
    final class NaturalGradient implements DescentGeometry {
        private final HopfieldMetric metric;
        private final double[] x;
        private final double[] next;

        NaturalGradient(HopfieldMetric metric) {
            this.metric = metric;
            this.x = new double[metric.dimension()];
            this.next = new double[metric.dimension()];
        }

        @Override
        public void start(double[] x0) {
            System.arraycopy(x0, 0, x, 0, x.length);
        }

        @Override
        public void point(double[] out) {
            System.arraycopy(x, 0, out, 0, x.length);
        }

        @Override
        public boolean trial(double[] g, double h, double[] out) {
            for (int i = 0; i < x.length; i++) {
                double y = x[i] - h * metric.mobility(i, x[i]) * g[i];
                if (!(y > metric.lowerBound(i) && y < metric.upperBound(i))) {
                    return false;
                }
                next[i] = y;
            }
            System.arraycopy(next, 0, out, 0, x.length);
            return true;
        }

        @Override
        public void accept() {
            System.arraycopy(next, 0, x, 0, x.length);
        }

        @Override
        public double decreaseRate(double[] g) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += metric.mobility(i, x[i]) * g[i] * g[i];
            }
            return s;
        }

        @Override
        public double speed(double[] g) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s = Math.max(s, Math.abs(metric.mobility(i, x[i]) * g[i]));
            }
            return s;
        }
    }

    /** The recursion in the hidden state. */
    final class Mirror implements DescentGeometry {
        private final HopfieldMetric metric;
        private final double[] hidden;
        private final double[] nextHidden;
        private final double[] x;
        private final double[] nextX;

        Mirror(HopfieldMetric metric) {
            this.metric = metric;
            int n = metric.dimension();
            hidden = new double[n];
            nextHidden = new double[n];
            x = new double[n];
            nextX = new double[n];
        }

        @Override
        public void start(double[] x0) {
            for (int i = 0; i < hidden.length; i++) {
                Activation a = metric.activation(i);
                hidden[i] = a.inverse(x0[i]);
                x[i] = a.value(hidden[i]);
            }
        }

        @Override
        public void point(double[] out) {
            System.arraycopy(x, 0, out, 0, x.length);
        }

        @Override
        public boolean trial(double[] g, double h, double[] out) {
            for (int i = 0; i < hidden.length; i++) {
                double s = hidden[i] - h * g[i];
                double y = metric.activation(i).value(s);
                if (!(y > metric.lowerBound(i) && y < metric.upperBound(i)) || !Double.isFinite(s)) {
                    return false;
                }
                nextHidden[i] = s;
                nextX[i] = y;
            }
            System.arraycopy(nextX, 0, out, 0, x.length);
            return true;
        }

        @Override
        public void accept() {
            System.arraycopy(nextHidden, 0, hidden, 0, hidden.length);
            System.arraycopy(nextX, 0, x, 0, x.length);
        }

        @Override
        public double decreaseRate(double[] g) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += metric.mobility(i, x[i]) * g[i] * g[i];
            }
            return s;
        }

        @Override
        public double speed(double[] g) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s = Math.max(s, Math.abs(metric.mobility(i, x[i]) * g[i]));
            }
            return s;
        }
    }
}
