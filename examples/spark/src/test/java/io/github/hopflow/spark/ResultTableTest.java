package io.github.hopflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {

    @Test
    void summariesFlattenToNestedKeysAndLastArrayElements() throws IOException {
        LinkedHashMap<String, Object> c = SummaryColumns.of(new ObjectMapper().readTree(
                "{\"version\":\"v\",\"parameters\":{\"dim\":2,\"step\":1e-4,\"name\":\"a\"},\"free_energy\":[3.5,2.25],"
                        + "\"empty\":[],\"none\":null,\"ok\":true,\"rows\":[{\"x\":1},{\"x\":2,\"y\":[5,6]}]}"));
        assertEquals(List.of("version", "parameters.dim", "parameters.step", "parameters.name", "free_energy.last", "ok",
                "rows.last.x", "rows.last.y.last"), List.copyOf(c.keySet()));
        assertEquals(2L, c.get("parameters.dim"));
        assertEquals(1e-4, c.get("parameters.step"));
        assertEquals(2.25, c.get("free_energy.last"));
        assertEquals(true, c.get("ok"));
        assertEquals(2L, c.get("rows.last.x"));
        assertEquals(6L, c.get("rows.last.y.last"));
    }

    @Test
    void columnsAreTypedAndFailedCellsLeaveGaps(@TempDir Path dir) throws IOException {
        SweepPlan plan = SweepPlan.of(List.of("run"), SweepGrid.parse(List.of("metric=hopfield,euclidean",
                "temperature=1,0.5")), 3);
        LinkedHashMap<String, Object> a = new LinkedHashMap<>();
        a.put("steps", 10L);
        a.put("energy", 1L);
        a.put("seconds", 9.0);
        a.put("note", "x,\"y\"");
        LinkedHashMap<String, Object> b = new LinkedHashMap<>();
        b.put("steps", 12L);
        b.put("energy", 2.5);
        b.put("cancelled", false);
        List<CellResult> results = List.of(new CellResult(2, b, 0.5, CellResult.OK),
                new CellResult(0, a, 1.5, CellResult.OK),
                new CellResult(1, new LinkedHashMap<>(), 0.1, "hopflow run: --temperature must be > 0, got 0"),
                new CellResult(3, b, 0.25, CellResult.OK));
        ResultTable t = ResultTable.of(plan, results);
        assertEquals(List.of("cell", "metric", "temperature", "seed", "steps", "energy", "summary.seconds", "note",
                "cancelled", "seconds", "status"), t.columns());
        assertEquals(List.of(ResultTable.Type.INTEGER, ResultTable.Type.TEXT, ResultTable.Type.NUMBER,
                ResultTable.Type.INTEGER, ResultTable.Type.INTEGER, ResultTable.Type.NUMBER, ResultTable.Type.NUMBER,
                ResultTable.Type.TEXT, ResultTable.Type.BOOLEAN, ResultTable.Type.NUMBER, ResultTable.Type.TEXT), t.types());
        assertEquals(1.0, t.rows().get(0)[5]);
        assertEquals(0.5, t.rows().get(1)[2]);
        assertNull(t.rows().get(1)[4]);
        assertEquals(SweepPlan.cellSeed(3, 2), t.rows().get(2)[3]);
        Path csv = dir.resolve("results.csv");
        t.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertEquals("cell,metric,temperature,seed,steps,energy,summary.seconds,note,cancelled,seconds,status", lines.get(0));
        assertEquals("0,hopfield,1.0," + SweepPlan.cellSeed(3, 0) + ",10,1.0,9.0,\"x,\"\"y\"\"\",,1.5,ok", lines.get(1));
        assertEquals("1,hopfield,0.5," + SweepPlan.cellSeed(3, 1) + ",,,,,,0.1,\"hopflow run: --temperature must be > 0,"
                + " got 0\"", lines.get(2));
        assertThrows(IllegalArgumentException.class, () -> ResultTable.of(plan, results.subList(0, 3)));
    }
}
