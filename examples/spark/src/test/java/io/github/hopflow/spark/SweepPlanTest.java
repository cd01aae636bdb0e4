package io.github.hopflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private static SweepPlan plan(List<String> grid, String... commandLine) {
        return SweepPlan.of(List.of(commandLine), SweepGrid.parse(grid), 7);
    }

    @Test
    void aCellRunsTheCommandWithItsValuesOneThreadAndItsOwnSeed() {
        SweepPlan p = plan(List.of("particles=20,40", "temperature=0.5,1"), "run", "--steps", "5");
        assertEquals(4, p.cellCount());
        assertTrue(p.seedPerCell());
        SweepCell c = p.cell(3);
        assertEquals(List.of("run", "--steps", "5", "--particles=40", "--temperature=1",
                "--seed=" + SweepPlan.cellSeed(7, 3), "--threads=1", "--quiet"), c.args());
        assertEquals(SweepPlan.cellSeed(7, 3), c.seed());
        assertEquals("0003", SweepCell.folder(3, 4));
        assertEquals("01234", SweepCell.folder(1234, 20000));
    }

    @Test
    void cellSeedsAreDistinctAndFixedBySweepSeedAndIndex() {
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 10000; i++) {
            long s = SweepPlan.cellSeed(1, i);
            assertTrue(s >= 0);
            seeds.add(s);
        }
        assertEquals(10000, seeds.size());
        assertEquals(SweepPlan.cellSeed(1, 5), SweepPlan.cellSeed(1, 5));
        assertTrue(SweepPlan.cellSeed(1, 5) != SweepPlan.cellSeed(2, 5));
    }

    @Test
    void aSeedFromTheGridOrTheFixedOptionsIsKept() {
        SweepPlan grid = plan(List.of("seed=1,2,3"), "run");
        assertFalse(grid.seedPerCell());
        assertEquals(List.of("run", "--seed=2", "--threads=1", "--quiet"), grid.cell(1).args());
        assertNull(grid.cell(1).seed());
        SweepPlan fixed = plan(List.of("particles=20,40"), "run", "--seed", "9", "--quiet");
        assertFalse(fixed.seedPerCell());
        assertEquals(List.of("run", "--seed", "9", "--quiet", "--particles=20", "--threads=1"), fixed.cell(0).args());
    }

    @Test
    void flagOptionsTakeTrueOrFalse() {
        SweepPlan p = plan(List.of("json=true,false"), "run");
        assertTrue(p.cell(0).args().contains("--json"));
        assertFalse(p.cell(1).args().stream().anyMatch(a -> a.startsWith("--json")));
    }

    @Test
    void aCommandWithoutSeedOrThreadsGetsNeither() {
        SweepPlan p = plan(List.of("grid=16,32"), "fokker-planck", "--time", "0.01");
        assertFalse(p.seedPerCell());
        assertEquals(List.of("fokker-planck", "--time", "0.01", "--grid=16"), p.cell(0).args());
    }

    @Test
    void badPlansAreOneLineNamingTheProblem() {
        assertMessage("unknown command 'walk'", List.of(), "walk");
        assertMessage("cannot sweep 'geodesic'", List.of(), "geodesic");
        assertMessage("no command", List.of());
        assertMessage("'run' has no option --particle (did you mean particles?)", List.of("particle=1,2"), "run");
        assertMessage("--grid out: the sweep sets --out", List.of("out=a,b"), "run");
        assertMessage("--grid threads", List.of("threads=1,2"), "run");
        assertMessage("run --threads is set by the sweep", List.of(), "run", "--threads", "2");
        assertMessage("run --out is set by the sweep", List.of(), "run", "--out=x");
        assertMessage("also among the fixed options", List.of("steps=1,2"), "run", "--steps", "3");
        assertMessage("the fixed options of run: Unknown option", List.of(), "run", "--bogus");
        assertMessage("'abc' is not an int", List.of(), "run", "--particles", "abc");
    }

    @Test
    void anOptimisationCampaignIsAGridOfObjectivesAndMethods() {
        SweepPlan p = plan(List.of("objective=rastrigin,ackley", "method=diffusion,langevin"), "optimize", "--dim", "2",
                "--runs", "1");
        assertEquals(4, p.cellCount());
        assertEquals(List.of("optimize", "--dim", "2", "--runs", "1", "--objective=ackley", "--method=diffusion",
                "--seed=" + SweepPlan.cellSeed(7, 2), "--threads=1", "--quiet"), p.cell(2).args());
    }

    private static void assertMessage(String expected, List<String> grid, String... commandLine) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan(grid, commandLine));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
