package io.github.hopflow.sde.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudCsvRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackExactly() {
        double[] x = {0.1, 0.2, 1.0 / 3, Math.PI / 10, 1e-300, 0.999999999999};
        double[] rho = {1.5, 2.0 / 7, 3e-12};
        WeightedPointCloud cloud = WeightedPointCloud.of(2, x, rho);
        Path f = dir.resolve("c.csv");
        CloudCsv.write(f, cloud, CloudCsv.ValueColumn.RHO);
        WeightedPointCloud back = CloudCsv.read(f);
        assertEquals(2, back.dimension());
        assertArrayEquals(x, back.positions(), 0.0);
        assertArrayEquals(rho, back.values(), 0.0);
        assertTrue(Files.notExists(dir.resolve("c.csv.tmp")));
    }

    @Test
    void headerWithoutValueColumnGivesUnitValues() throws IOException {
        Path f = dir.resolve("plain.csv");
        CloudCsv.write(f, WeightedPointCloud.unweighted(3, new double[] {1, 2, 3, 4, 5, 6}), CloudCsv.ValueColumn.NONE);
        assertEquals("x1,x2,x3", Files.readAllLines(f).get(0));
        WeightedPointCloud back = CloudCsv.read(f);
        assertEquals(3, back.dimension());
        assertArrayEquals(new double[] {1, 1}, back.values(), 0.0);
    }

    @Test
    void weightHeaderIsAccepted() throws IOException {
        Path f = dir.resolve("w.csv");
        Files.write(f, List.of("x1,weight", "0.5,2", "0.25,1"));
        WeightedPointCloud back = CloudCsv.read(f);
        assertEquals(1, back.dimension());
        assertArrayEquals(new double[] {2, 1}, back.values(), 0.0);
    }

    @Test
    void malformedFilesAreRejectedWithTheLineAndColumn() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(f, List.of("x1,x2,rho", "0.1,0.2,1", "0.1,abc,1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudCsv.read(f));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("x2"), e.getMessage());

        Files.write(f, List.of("x1,y2", "0.1,0.2"));
        e = assertThrows(IllegalArgumentException.class, () -> CloudCsv.read(f));
        assertTrue(e.getMessage().contains("'y2'"), e.getMessage());

        Files.write(f, List.of("x1,rho", "0.1,-1"));
        e = assertThrows(IllegalArgumentException.class, () -> CloudCsv.read(f));
        assertTrue(e.getMessage().contains("rho must be > 0"), e.getMessage());

        Files.write(f, List.of("x1,x2", "0.1"));
        e = assertThrows(IllegalArgumentException.class, () -> CloudCsv.read(f));
        assertTrue(e.getMessage().contains("expected 2 fields"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> CloudCsv.read(dir.resolve("missing.csv")));
    }
}
