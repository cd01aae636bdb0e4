package io.github.hopflow.sde.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.sde.cloud.WeightedPointCloud;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy clouds: the byte layout NumPy's format 1.0 prescribes, the round trip, and bad files. */
class CloudNpyTest {

    @TempDir
    Path dir;

    @Test
    void writesTheNumpyLayoutAndReadsItBack() throws IOException {
        WeightedPointCloud cloud = WeightedPointCloud.of(2, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6},
                new double[] {1.5, 2.5, 3.5});
        Path f = dir.resolve("c.npy");
        CloudNpy.write(f, cloud);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(0, (10 + headerLength) % 64, "the data starts on a 64-byte boundary");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + headerLength + 8 * 9, bytes.length);
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 72).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0.1, data.getDouble(), 0);
        assertEquals(0.2, data.getDouble(), 0);
        assertEquals(1.5, data.getDouble(), 0);
        WeightedPointCloud back = CloudNpy.read(f, HopfieldMetric.paperExample(2, 0.25), true);
        assertArrayEquals(cloud.positions(), back.positions(), 0);
        assertArrayEquals(cloud.values(), back.values(), 0);
    }

    private Path npy(String name, String dict, double... values) throws IOException {
        String header = dict + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            b.putDouble(v);
        }
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    @Test
    void badFilesAreRefusedWithTheirProblem() throws IOException {
        String ok = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
        String[][] cases = {
            {"dtype must be float64 ('<f8'), got '<f4'", "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"},
            {"C order", "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }"},
            {"must be 2-D", "{'descr': '<f8', 'fortran_order': False, 'shape': (6,), }"},
            {"truncated", ok},
        };
        for (String[] c : cases) {
            Path p = npy("bad.npy", c[1], 0.1, 0.2, 1.0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudNpy.read(p, null, false));
            assertTrue(e.getMessage().contains(c[0]), e.getMessage());
        }
        Path negative = npy("neg.npy", ok, 0.1, 0.2, 1.0, 0.3, 0.4, -1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudNpy.read(negative, null, false));
        assertTrue(e.getMessage().contains("row 1: the value (last column) must be finite and > 0"), e.getMessage());
        Path outside = npy("out.npy", ok, 0.1, 1.2, 1.0, 0.3, 0.4, 1.0);
        e = assertThrows(IllegalArgumentException.class,
                () -> CloudNpy.read(outside, HopfieldMetric.paperExample(2, 0.25), false));
        assertTrue(e.getMessage().contains("row 0: x2 = 1.2 is outside the domain"), e.getMessage());
        Path csv = dir.resolve("not.npy");
        Files.writeString(csv, "x1,x2\n0.1,0.2\n");
        e = assertThrows(IllegalArgumentException.class, () -> CloudNpy.read(csv, null, false));
        assertTrue(e.getMessage().contains("is not an .npy file"), e.getMessage());
    }
}
