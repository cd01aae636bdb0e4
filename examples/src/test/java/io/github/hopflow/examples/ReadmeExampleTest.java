package io.github.hopflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.ParticleEngine;
import io.github.hopflow.sde.Scheme;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import io.github.hopflow.wasserstein.flow.DensityFlow;
import io.github.hopflow.wasserstein.flow.FlowOptions;
import io.github.hopflow.wasserstein.flow.FlowResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The Java API example of the README: this test holds the code, checks that the README shows
 * exactly these lines, and runs them.
 */
class ReadmeExampleTest {

    @Test
    void readmeShowsThisExampleVerbatim() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path readme = Files.exists(root.resolve("README.md")) ? root.resolve("README.md") : root.resolveSibling("README.md");
        List<String> shown = block(Files.readAllLines(readme, StandardCharsets.UTF_8), "```java", "```");
        Path self = root.resolve("src/test/java/io/github/hopflow/examples/ReadmeExampleTest.java");
        if (!Files.exists(self)) {
            self = root.resolve("examples/src/test/java/io/github/hopflow/examples/ReadmeExampleTest.java");
        }
        List<String> code = block(Files.readAllLines(self, StandardCharsets.UTF_8), "// readme:begin", "// readme:end");
        assertTrue(code.size() > 10, "example found in the test source");
        assertEquals(String.join("\n", code), String.join("\n", shown));
    }

    @Test
    void exampleRuns() {
        // readme:begin
        HopfieldMetric metric = HopfieldMetric.paperExample(2, 0.25);   // m(x) = 4βx(1 − x), β = 1/4
        Objective f = Objectives.byName("himmelblau", 2);               // the paper's eq. (59)
        DiffusionMachine machine = DiffusionMachine.of(metric, f, 25.0); // temperature T = 25
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42L);

        int particles = 500;
        double[] x = new double[2 * particles];                          // uniform start on the square
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble();
        }
        WeightedPointCloud start = WeightedPointCloud.unweighted(2, x);

        FlowResult result;
        try (ParticleEngine engine = ParticleEngine.builder(machine)
                .particles(particles).step(1e-4).scheme(Scheme.ISOMETRIC_SPLITTING)
                .random(rng).build()) {
            DensityFlow flow = DensityFlow.builder(engine).build();
            result = flow.run(start, FlowOptions.steps(200));             // t = 0.02
        }
        WeightedPointCloud cloud = result.cloud();                       // points and density values
        System.out.printf("t = %.3f, free energy %.2f, %.2f ms per step%n", result.time(),
                result.lastStep().freeEnergy(), result.medianMillisPerStep());
        // readme:end
        assertEquals(particles, cloud.size());
        assertEquals(0.02, result.time(), 1e-12);
        for (int i = 0; i < cloud.size(); i++) {
            assertTrue(cloud.value(i) > 0 && Double.isFinite(cloud.value(i)));
        }
    }

    /** The lines strictly between the first line that starts with {@code open} and the next {@code close}, de-indented. */
    private static List<String> block(List<String> lines, String open, String close) {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            String t = line.trim();
            if (!inside && t.startsWith(open)) {
                inside = true;
            } else if (inside && t.startsWith(close)) {
                break;
            } else if (inside) {
                out.add(line);
            }
        }
        int indent = Integer.MAX_VALUE;
        for (String l : out) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        List<String> trimmed = new ArrayList<>();
        for (String l : out) {
            trimmed.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
        }
        return trimmed;
    }
}
