package io.github.hopflow.wasserstein.flow;

import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.gibbs.FreeEnergy;

/**
 * A density flow in progress: the cloud after {@link #steps()} steps at {@link #time()}, advanced
 * one time step at a time by {@link #advance()} (the points by the engine's SDE step, the values
 * by the flow's {@link ValueUpdate}). Every command that runs the density flow drives one of
 * these; {@link DensityFlow#run} is a loop over {@link #advance()}.
 *
 * <p>Not thread-safe; owned by the flow that started it, one state per flow at a time.
 */
public final class DensityFlowState {

    private final DensityFlow flow;
    private final int n;
    private final int count;
    private final double h;
    private double[] x;
    private double[] next;
    private double[] rho;
    private double[] rhoNext;
    /** f at the current points (the next step's previous points). */
    private double[] psi;
    private double[] psiNext;
    private final double t0;
    private double time;
    private long steps;

    DensityFlowState(DensityFlow flow, WeightedPointCloud start, double t0) {
        this.flow = flow;
        this.n = start.dimension();
        this.count = start.size();
        this.h = flow.engine().step();
        this.x = start.positions();
        this.next = new double[x.length];
        this.rho = start.values();
        this.rhoNext = new double[count];
        this.psi = new double[count];
        this.psiNext = new double[count];
        for (int i = 0; i < count; i++) {
            psi[i] = flow.objective().value(x, i * n);
        }
        this.t0 = t0;
        this.time = t0;
    }

    /** The steps done. */
    public long steps() {
        return steps;
    }

    /** The time reached, t₀ + k·h. */
    public double time() {
        return time;
    }

    /** The cloud now (a copy). */
    public WeightedPointCloud cloud() {
        return WeightedPointCloud.of(n, x, rho);
    }

    /**
     * One time step: the SDE step of the points, the value update, and the free-energy estimate.
     *
     * @return the step's diagnostics
     * @throws io.github.hopflow.wasserstein.ConvergenceException if the value update fails
     * @throws ArithmeticException if a value or the objective becomes non-finite (with the point)
     */
    public FlowStep advance() {
        long s0 = System.nanoTime();
        System.arraycopy(x, 0, next, 0, x.length);
        flow.engine().advance(next, time);
        long s1 = System.nanoTime();
        double newTime = t0 + (steps + 1) * h;
        double temperature = flow.engine().machine().temperature(newTime);
        ValueUpdate.Report r = flow.valueUpdate().update(new ValueUpdate.StepInput(flow.metric(), flow.objective(),
                n, x, rho, psi, next, newTime, temperature, h), rhoNext);
        long s2 = System.nanoTime();
        double[] tmp = x;
        x = next;
        next = tmp;
        tmp = rho;
        rho = rhoNext;
        rhoNext = tmp;
        steps++;
        time = newTime;
        // at T = 0 the free energy is E[f]: the smallest positive temperature gives it to round-off
        FreeEnergy fe = FreeEnergy.estimate(flow.objective(), temperature > 0 ? temperature : Double.MIN_NORMAL, x, rho,
                psiNext);
        tmp = psi;
        psi = psiNext;
        psiNext = tmp;
        return new FlowStep(steps, time, r.iterations(), r.error(), r.converged(), fe.value(), fe.standardError(),
                (s1 - s0) / 1e6, (s2 - s1) / 1e6);
    }
}
