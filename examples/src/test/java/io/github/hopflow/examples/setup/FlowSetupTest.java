package io.github.hopflow.examples.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.sde.ParticleEngine;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every name of {@code --values} builds the value update of that name. */
class FlowSetupTest {

    static java.util.List<String> names() {
        return FlowSetup.VALUES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void eachValuesNameGivesItsUpdate(String values) {
        FlowSetup setup = new FlowSetup(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), 25, 1e-4, 0.1,
                FlowSetup.DEFAULT_KERNEL, FlowSetup.DEFAULT_KERNEL_TOLERANCE, 1, values);
        try (ParticleEngine engine = setup.engine(50, RandomSource.L64_X128_MIX.create(1L))) {
            assertEquals(values, setup.flow(engine).valueUpdate().name());
        }
    }
}
