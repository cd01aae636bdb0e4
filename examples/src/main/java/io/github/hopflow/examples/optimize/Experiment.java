package io.github.hopflow.examples.optimize;

import io.github.hopflow.geometry.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A benchmark: every method runs {@code runs} times on every problem under the same budget, target
 * and gradient accounting.
 *
 * <p>Run r of every (problem, method) pair uses a random stream seeded from (seed, r) alone, so the
 * methods see common random numbers and the results are identical whatever the number of threads
 * (only {@code wall_seconds} varies). The (problem, method, run) triples run in parallel.
 */
public final class Experiment {

    private final List<Problem> problems;
    private final List<Optimizer> methods;
    private final int runs;
    private final long budget;
    private final double target;
    private final long seed;
    private final GradientCost gradientCost;

    private Experiment(List<Problem> problems, List<Optimizer> methods, int runs, long budget, double target,
            long seed, GradientCost gradientCost) {
        this.problems = problems;
        this.methods = methods;
        this.runs = runs;
        this.budget = budget;
        this.target = target;
        this.seed = seed;
        this.gradientCost = gradientCost;
    }

    /**
     * An experiment.
     *
     * @param problems at least one problem; copied
     * @param methods at least one method; copied
     * @param runs runs per (problem, method), &gt; 0
     * @param budget evaluations per run, &gt; 0
     * @param target δ &gt; 0: a run succeeds when f_best − f* ≤ δ
     * @param seed the master seed
     * @param gradientCost how gradients are charged
     * @throws IllegalArgumentException naming the parameter and the value
     */
    public static Experiment of(List<Problem> problems, List<Optimizer> methods, int runs, long budget,
            double target, long seed, GradientCost gradientCost) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        if (methods == null || methods.isEmpty()) {
            throw new IllegalArgumentException("methods must not be empty");
        }
        if (runs <= 0) {
            throw new IllegalArgumentException("runs must be > 0, got " + runs);
        }
        if (budget <= 0) {
            throw new IllegalArgumentException("budget must be > 0, got " + budget);
        }
        Checks.positive("target", target);
        if (gradientCost == null) {
            throw new IllegalArgumentException("gradientCost must not be null");
        }
        return new Experiment(List.copyOf(problems), List.copyOf(methods), runs, budget, target, seed,
                gradientCost);
    }

    /** The number of (problem, method, run) triples. */
    public long size() {
        return (long) problems.size() * methods.size() * runs;
    }

    /**
     * Runs every triple.
     *
     * @param threads worker threads, &gt; 0
     * @param cancelled polled during the runs; once true, unfinished runs stop and are left out
     * @param progress told the number of finished runs after each one (from worker threads)
     * @return the finished runs in the order problem, method, run (all of them unless cancelled)
     */
    public List<RunResult> run(int threads, BooleanSupplier cancelled, LongConsumer progress) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be > 0, got " + threads);
        }
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        LongConsumer report = progress == null ? d -> { } : progress;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hopflow-optimize");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Problem p : problems) {
                for (Optimizer m : methods) {
                    for (int r = 0; r < runs; r++) {
                        int run = r;
                        futures.add(pool.submit(() -> {
                            RunResult res = stop.getAsBoolean() ? null : runOne(p, m, run, stop);
                            report.accept(done.incrementAndGet());
                            return res;
                        }));
                    }
                }
            }
            List<RunResult> out = new ArrayList<>(futures.size());
            for (Future<RunResult> f : futures) {
                RunResult r = f.get();
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the runs", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One run of {@code method} on {@code problem}.
     *
     * @return the result, or null if the run was cancelled before it ended
     */
    RunResult runOne(Problem problem, Optimizer method, int run, BooleanSupplier cancelled) {
        BudgetedObjective f = BudgetedObjective.of(problem.function(), budget, gradientCost, target, cancelled);
        UniformRandomProvider rng = streamFor(seed, run);
        long start = System.nanoTime();
        try {
            method.minimise(f, rng);
        } catch (SearchStopped stopped) {
            if (stopped.reason() == SearchStopped.Reason.CANCELLED) {
                return null;
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("method " + method.name() + " failed on " + problem.label() + " in run "
                    + run + ": " + e, e);
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        return new RunResult(problem.objective(), problem.dimension(), method.name(), run, f.bestValue(), f.error(),
                f.used(), f.evaluationsToTarget().orElse(-1), f.valueEvaluations(), f.gradientEvaluations(), wall,
                f.estimateError(), f.bestPoint());
    }

    /** The random stream of run {@code run}: a function of the seed and the run index only. */
    static UniformRandomProvider streamFor(long seed, int run) {
        long[] state = new long[4];
        long z = seed ^ (0x632BE59BD9B4E019L * (run + 1L));
        for (int i = 0; i < state.length; i++) {
            z += 0x9E3779B97F4A7C15L;
            state[i] = mix(z);
        }
        return RandomSource.XO_SHI_RO_256_PP.create(state);
    }

    /** The SplitMix64 finaliser (Steele, Lea, Flood 2014): spreads a counter over 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The problems. */
    public List<Problem> problems() {
        return problems;
    }

    /** The methods. */
    public List<Optimizer> methods() {
        return methods;
    }

    /** Runs per (problem, method). */
    public int runs() {
        return runs;
    }

    /** Evaluations per run. */
    public long budget() {
        return budget;
    }

    /** δ. */
    public double target() {
        return target;
    }

    /** The master seed. */
    public long seed() {
        return seed;
    }

    /** The gradient accounting. */
    public GradientCost gradientCost() {
        return gradientCost;
    }
}
