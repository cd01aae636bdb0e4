package io.github.hopflow.sde.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.sde.DiffusionMachine;
import io.github.hopflow.sde.io.CloudCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's entry points check their arguments and never keep the caller's arrays. */
class LibraryInputTest {

    @TempDir
    Path tmp;

    @Test
    void aCloudKeepsCopiesOfTheCallersArrays() {
        double[] x = {0.1, 0.2, 0.3, 0.4};
        double[] v = {1, 2};
        WeightedPointCloud c = WeightedPointCloud.of(2, x, v);
        x[0] = Double.NaN;
        v[1] = Double.NaN;
        assertEquals(0.1, c.coordinate(0, 0));
        assertEquals(2, c.value(1));
        double[] out = new double[4];
        c.positionsInto(out);
        out[0] = Double.NaN;
        assertEquals(0.1, c.coordinate(0, 0));
    }

    @Test
    void accessorsCheckTheirIndicesAndOutputLengths() {
        WeightedPointCloud c = WeightedPointCloud.of(2, new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {1, 2});
        assertThrows(IndexOutOfBoundsException.class, () -> c.coordinate(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> c.coordinate(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.coordinate(-1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.positionsInto(new double[5]));
        assertTrue(e.getMessage().contains("4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.positionsInto(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> c.valuesInto(new double[3]));
        double[] v = new double[2];
        c.valuesInto(v);
        assertArrayEquals(new double[] {1, 2}, v);
    }

    @Test
    void theMachineRefusesPointsOutsideItsDomain() {
        DiffusionMachine m = DiffusionMachine.of(HopfieldMetric.paperExample(2, 0.25), ScaledHimmelblau.of(), 25);
        double[] out = new double[2];
        for (double[] bad : new double[][] {{1.5, 0.5}, {-0.1, 0.5}, {Double.NaN, 0.5}, {0.5, Double.POSITIVE_INFINITY}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.drift(bad, 0, 0, out, 0));
            assertTrue(e.getMessage().contains("outside the domain"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.diffusion(bad, 0, 0, out, 0));
        }
        m.drift(new double[] {0.3, 0.7}, 0, 0, out, 0);
        assertTrue(Double.isFinite(out[0]) && Double.isFinite(out[1]));
    }

    @Test
    void aCloudFileMayStartWithAByteOrderMarkAndIsCheckedAgainstTheDomain() throws IOException {
        Path f = tmp.resolve("bom.csv");
        Files.writeString(f, "\uFEFFx1,x2,rho\n0.2,0.3,1\n0.4,0.5,2\n", StandardCharsets.UTF_8);
        assertEquals(2, CloudCsv.read(f).size());
        HopfieldMetric cube = HopfieldMetric.paperExample(2, 0.25);
        assertEquals(2, CloudCsv.read(f, cube, true).size());
        Files.writeString(f, "x1,x2,rho\n0.2,0.3,1\n0.2,0.3,2\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudCsv.read(f, cube, true));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("line 2"), e.getMessage());
        Files.writeString(f, "x1,x2\n0.2,1.3\n", StandardCharsets.UTF_8);
        e = assertThrows(IllegalArgumentException.class, () -> CloudCsv.read(f, cube, false));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("x2"), e.getMessage());
        Files.writeString(f, "x1,x2,x3\n0.2,0.3,0.4\n", StandardCharsets.UTF_8);
        e = assertThrows(IllegalArgumentException.class, () -> CloudCsv.read(f, cube, false));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
    }
}
