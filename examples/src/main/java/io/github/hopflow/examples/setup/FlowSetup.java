package io.github.hopflow.examples.setup;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.Scheme;
import io.github.hopflow.wasserstein.flow.DensityFlow;
import io.github.hopflow.wasserstein.flow.PositionDensityValues;
import io.github.hopflow.wasserstein.kernel.DenseGibbsKernel;
import io.github.hopflow.wasserstein.kernel.GibbsKernel;
import io.github.hopflow.wasserstein.kernel.fast.GibbsKernels;
import io.github.hopflow.wasserstein.kernel.fast.StoredGibbsKernel;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The density flow as the commands run it: the diffusion machine of {@code metric},
 * {@code objective} and a constant {@code temperature}, its particles moved by the
 * {@linkplain #SCHEME isometric splitting scheme} with time step {@code step}, and the values
 * updated by the update named by {@code values}: by default the transition values, or the
 * proximal step with ε = {@code epsilon} on the kernels named by {@code kernel} (automatic, dense
 * or exact) within {@code kernelTolerance}; all on {@code threads} threads.
 *
 * @param metric the metric
 * @param objective f
 * @param temperature T &gt; 0
 * @param step h &gt; 0
 * @param epsilon ε &gt; 0
 * @param kernel auto, dense or exact
 * @param kernelTolerance δ in [1e-12, 0.1]
 * @param threads ≥ 1
 * @param values the value update: {@code transition} (the default), {@code paper} (the proximal
 *     step and the kernel-density normalisation), or the positions-only {@code kde} and
 *     {@code gibbs-ratio}
 */
public record FlowSetup(DiagonalMetric metric, Objective objective, double temperature, double step, double epsilon,
        String kernel, double kernelTolerance, int threads, String values) {

    /** The value updates by name. */
    public static final java.util.List<String> VALUES = java.util.List.of("transition", "paper", "kde", "gibbs-ratio");
    /** The default value update. */
    public static final String DEFAULT_VALUES = "transition";

    /** The SDE scheme of every density-flow command: exact barrier flow, never leaves the cube. */
    public static final Scheme SCHEME = Scheme.ISOMETRIC_SPLITTING;
    /** The default kernel choice. */
    public static final String DEFAULT_KERNEL = "auto";
    /** The default kernel tolerance δ. */
    public static final double DEFAULT_KERNEL_TOLERANCE = 1e-6;

    /** Checks the kernel name and tolerance and the value update's name. */
    public FlowSetup {
        kernelFactory(kernel, kernelTolerance, threads);
        if (!VALUES.contains(values)) {
            throw new IllegalArgumentException("--values must be one of " + String.join(", ", VALUES) + ", got '"
                    + values + "'");
        }
    }

    /** The particle engine for {@code particles} particles driven by {@code random}. */
    public ParticleEngine engine(int particles, UniformRandomProvider random) {
        return ParticleEngine.builder(DiffusionMachine.of(metric, objective, temperature)).particles(particles)
                .step(step).scheme(SCHEME).threads(threads).random(random).build();
    }

    /** The density flow on {@code engine} (which it does not own). */
    public DensityFlow flow(ParticleEngine engine) {
        DensityFlow.Builder b = DensityFlow.builder(engine).epsilon(epsilon).parallelism(threads)
                .kernelFactory(kernelFactory(kernel, kernelTolerance, threads));
        switch (values) {
            case "kde":
                b.values(PositionDensityValues.kernelDensity(metric, threads));
                break;
            case "gibbs-ratio":
                b.values(PositionDensityValues.gibbsRatio(metric, threads));
                break;
            case "paper":
                b.paperValues();
                break;
            default:
                // transition: the builder's default, on the same threads
                break;
        }
        return b.build();
    }

    /**
     * The kernel factory named by {@code --kernel}.
     *
     * @throws IllegalArgumentException naming the option, for an unknown name or a tolerance outside
     *     [1e-12, 0.1]
     */
    public static GibbsKernel.Factory kernelFactory(String name, double tolerance, int threads) {
        if (!(tolerance >= 1e-12 && tolerance <= 0.1)) {
            throw new IllegalArgumentException("--kernel-tolerance must be in [1e-12, 0.1], got " + tolerance);
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "auto":
                return GibbsKernels.automaticRecycling(tolerance, threads);
            case "dense":
                return StoredGibbsKernel.recyclingFactory(tolerance >= GibbsKernels.FLOAT_TOLERANCE
                        ? StoredGibbsKernel.Storage.FLOAT : StoredGibbsKernel.Storage.DOUBLE, threads);
            case "exact":
                return DenseGibbsKernel.recyclingFactory(threads);
            default:
                throw new IllegalArgumentException("--kernel must be auto, dense or exact, got '" + name + "'");
        }
    }
}
