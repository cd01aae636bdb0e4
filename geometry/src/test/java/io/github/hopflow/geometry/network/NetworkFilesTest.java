package io.github.hopflow.geometry.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Matrix Market, G-set and vector readers: every storage form, and every error with its line. */
class NetworkFilesTest {

    @TempDir
    Path dir;

    /** W = [[1, 2, 0], [4, 0, -1], [0, 3, 5]]: its symmetric part. */
    private static final double[][] SYMMETRIC_PART = {{1, 3, 0}, {3, 0, 1}, {0, 1, 5}};

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertMatrix(double[][] expected, SymmetricSparseMatrix a) {
        int n = expected.length;
        assertEquals(n, a.size());
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double[] col = new double[n];
            a.multiply(e, 0, col, 0);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i][j], col[i], 1e-15, "entry (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void everyStorageFormGivesTheSameMatrix() throws IOException {
        Path general = write("g.mtx", "%%MatrixMarket matrix coordinate real general\n% comment\n\n3 3 6\n"
                + "1 1 1\n1 2 2\n2 1 4\n2 3 -1\n3 2 3\n3 3 5\n");
        assertMatrix(SYMMETRIC_PART, NetworkFiles.readMatrix(general));
        // the same as an array, column-major
        Path array = write("a.mtx", "%%MatrixMarket matrix array real general\n3 3\n1\n4\n0\n2\n0\n3\n0\n-1\n5\n");
        assertMatrix(SYMMETRIC_PART, NetworkFiles.readMatrix(array));
        // its symmetric part stored as a symmetric matrix, coordinate and array (lower triangle)
        Path sym = write("s.mtx", "%%MatrixMarket matrix coordinate integer symmetric\n3 3 4\n1 1 1\n2 1 3\n3 2 1\n3 3 5\n");
        assertMatrix(SYMMETRIC_PART, NetworkFiles.readMatrix(sym));
        Path symArray = write("sa.mtx", "%%MatrixMarket matrix array real symmetric\n3 3\n1\n3\n0\n0\n1\n5\n");
        assertMatrix(SYMMETRIC_PART, NetworkFiles.readMatrix(symArray));
        // pattern: every listed entry is 1; repeated entries add
        Path pattern = write("p.mtx", "%%MatrixMarket matrix coordinate pattern general\n2 2 3\n1 2\n2 1\n1 2\n");
        assertMatrix(new double[][] {{0, 1.5}, {1.5, 0}}, NetworkFiles.readMatrix(pattern));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad header|%%MatrixMarket tensor coordinate real general\\n2 2 0\\n|line 1",
        "complex|%%MatrixMarket matrix coordinate complex general\\n2 2 0\\n|complex",
        "skew|%%MatrixMarket matrix coordinate real skew-symmetric\\n2 2 0\\n|skew-symmetric",
        "not square|%%MatrixMarket matrix coordinate real general\\n2 3 0\\n|square, got 2 x 3",
        "row out of range|%%MatrixMarket matrix coordinate real general\\n2 2 1\\n3 1 1\\n|line 3: row 3 is outside 1..2",
        "non-finite|%%MatrixMarket matrix coordinate real general\\n2 2 1\\n1 1 NaN\\n|line 3: value must be finite",
        "non-numeric|%%MatrixMarket matrix coordinate real general\\n2 2 1\\n1 1 x\\n|line 3: value is not a number",
        "short line|%%MatrixMarket matrix coordinate real general\\n2 2 1\\n1 1\\n|line 3: expected 'ROW COLUMN VALUE'",
        "too few|%%MatrixMarket matrix coordinate real general\\n2 2 2\\n1 1 1\\n|has 1 entries, its size line announces 2",
        "too many|%%MatrixMarket matrix coordinate real general\\n2 2 1\\n1 1 1\\n2 2 1\\n|line 4: has more than the 1 entries",
        "upper triangle|%%MatrixMarket matrix coordinate real symmetric\\n2 2 1\\n1 2 1\\n|above the diagonal",
        "no size|%%MatrixMarket matrix coordinate real general\\n|no size line",
        "empty||is empty",
    })
    void malformedMatricesNameTheFileAndLine(String name, String text, String expected) throws IOException {
        Path p = write(name.replace(" ", "-") + ".mtx", text == null ? "" : text.replace("\\n", "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkFiles.readMatrix(p));
        assertTrue(e.getMessage().startsWith("matrix file " + p), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void gsetGraphsAreRead() throws IOException {
        Path g = write("g.txt", "4 4\n1 2 1\n2 3 -1\n\n3 4 2\n4 1 1\n");
        WeightedGraph graph = NetworkFiles.readGraph(g);
        assertEquals(4, graph.nodes());
        assertEquals(4, graph.edges());
        assertEquals(3, graph.totalWeight(), 0);
        assertEquals(1 - 1 + 2 + 1, graph.cut(new int[] {0, 1, 0, 1}), 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "node out of range|3 1\\n1 4 1\\n|line 2: node 4 is outside 1..3",
        "node zero|3 1\\n0 2 1\\n|line 2: node 0 is outside 1..3",
        "malformed|3 2\\n1 2 1\\n1 2\\n|line 3: expected 'NODE NODE WEIGHT'",
        "infinite weight|3 1\\n1 2 Infinity\\n|line 2: value must be finite",
        "bad first line|3\\n|line 1: the first line must be 'NODES EDGES'",
        "too few edges|3 2\\n1 2 1\\n|has 1 edges, its first line announces 2",
        "too many edges|3 1\\n1 2 1\\n2 3 1\\n|line 3: has more than the 1 edges",
    })
    void malformedGraphsNameTheFileAndLine(String name, String text, String expected) throws IOException {
        Path p = write(name.replace(' ', '-') + ".txt", text.replace("\\n", "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkFiles.readGraph(p));
        assertTrue(e.getMessage().startsWith("graph file " + p), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void vectorsAreReadAndChecked() throws IOException {
        assertArrayEquals(new double[] {1, -2.5, 3}, NetworkFiles.readVector(write("v.csv", "\uFEFF1\n-2.5\n\n3\n"), 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkFiles.readVector(write("short.csv", "1\n2\n"), 3));
        assertTrue(e.getMessage().contains("has 2 values, expected 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkFiles.readVector(write("nan.csv", "1\nNaN\n"), -1));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkFiles.readVector(dir.resolve("none.csv"), 2));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
