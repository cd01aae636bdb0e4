package org.example.consumer;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.network.QuadraticEnergy;
import io.github.hopflow.geometry.network.SymmetricSparseMatrix;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.Scheme;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.flow.DensityFlow;
import io.github.hopflow.wasserstein.flow.FlowOptions;
import io.github.hopflow.wasserstein.flow.FlowResult;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** The paper's example as a density flow, and a two-unit Hopfield network's energy, from outside hopflow. */
public final class PaperExample {

    private PaperExample() {
    }

    /** Runs 50 steps of the density flow of 200 points and prints the free energy. */
    public static void main(String[] args) {
        HopfieldMetric metric = HopfieldMetric.paperExample(2, 0.25);
        Objective f = Objectives.byName("himmelblau", 2);
        DiffusionMachine machine = DiffusionMachine.of(metric, f, 25.0);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42L);
        double[] x = new double[2 * 200];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble();
        }
        FlowResult result;
        try (ParticleEngine engine = ParticleEngine.builder(machine).particles(200).step(1e-4)
                .scheme(Scheme.ISOMETRIC_SPLITTING).random(rng).build()) {
            result = DensityFlow.builder(engine).build().run(WeightedPointCloud.unweighted(2, x), FlowOptions.steps(50));
        }
        SymmetricSparseMatrix w = SymmetricSparseMatrix.symmetricPart(2, new int[] {0}, new int[] {1}, new double[] {2});
        Objective hopfield = QuadraticEnergy.hopfield(w, null);
        System.out.printf("free energy %.3f; E(1, 1) = %.1f%n", result.lastStep().freeEnergy(),
                hopfield.value(new double[] {1, 1}));
    }
}
