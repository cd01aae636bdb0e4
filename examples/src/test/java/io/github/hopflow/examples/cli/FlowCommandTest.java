package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FlowCommandTest {

    private static GeodesicCommandTest.Result run(String... args) {
        return GeodesicCommandTest.run(args);
    }

    @Test
    void everyMethodReachesTheQuadraticCentre() throws Exception {
        for (String method : new String[] {"hopfield", "natural-gradient-ode", "natural-gradient", "mirror", "proximal",
            "firing-rate"}) {
            GeodesicCommandTest.Result r = run("flow", "--objective", "quadratic", "--dim", "2", "--center", "0.3,0.6",
                    "--stiffness", "2", "--method", method, "--from", "0.8,0.1", "--step", "0.1", "--steps", "600",
                    "--beta", "1", "--every", "100", "--json");
            assertEquals(0, r.code, method + ": " + r.err);
            JsonNode root = new ObjectMapper().readTree(r.out);
            assertEquals(0.3, root.get("final").get(0).asDouble(), 1e-6, method);
            assertEquals(0.6, root.get("final").get(1).asDouble(), 1e-6, method);
            assertEquals(0, root.get("value").asDouble(), 1e-10, method);
            JsonNode traj = root.get("trajectory");
            assertEquals(7, traj.size(), method);
            assertEquals(0.8, traj.get(0).get("x").get(0).asDouble(), 0.0);
            assertEquals(60.0, traj.get(6).get("t").asDouble(), 1e-9);
        }
    }

    @Test
    void himmelblauFlowDescendsToAMinimiser() throws Exception {
        GeodesicCommandTest.Result r = run("flow", "--objective", "himmelblau", "--method", "mirror", "--from",
                "0.3,0.62", "--step", "1e-4", "--steps", "2000", "--json");
        assertEquals(0, r.code, r.err);
        JsonNode root = new ObjectMapper().readTree(r.out);
        assertTrue(root.get("value").asDouble() < 1e-8, r.out);
        assertEquals(2000, root.get("gradient_evaluations").asLong());
        GeodesicCommandTest.Result text = run("flow", "--objective", "levy", "--dim", "3", "--method", "proximal",
                "--from", "0.5,0.5,0.5", "--step", "1e-3", "--steps", "5");
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.contains("final [") && text.out.contains("value "), text.out);
    }

    @Test
    void euclideanMetricOnRn() throws Exception {
        GeodesicCommandTest.Result r = run("flow", "--objective", "quadratic", "--metric", "euclidean", "--center",
                "2,-1", "--method", "natural-gradient", "--from", "0,0", "--step", "0.1", "--steps", "400", "--json");
        assertEquals(0, r.code, r.err);
        JsonNode root = new ObjectMapper().readTree(r.out);
        assertEquals(2, root.get("final").get(0).asDouble(), 1e-9);
        assertEquals(-1, root.get("final").get(1).asDouble(), 1e-9);
    }

    @Test
    void helpListsDefaults() {
        GeodesicCommandTest.Result h = run("flow", "--help");
        assertEquals(0, h.code);
        assertTrue(h.out.contains("--method") && h.out.replaceAll("\\s+", " ").contains("Default: natural-gradient")
                && h.out.contains("--stiffness") && h.out.contains("--center"), h.out);
    }

    @Test
    void badInputExitsWithStatus2AndNamesParameterAndValue() {
        GeodesicCommandTest.Result r = run("flow", "--objective", "banana", "--from", "0.5,0.5");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("banana"), r.err);
        assertFalse(r.err.contains("at io.github"), r.err);
        r = run("flow", "--method", "sideways", "--from", "0.5,0.5");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("sideways"), r.err);
        r = run("flow", "--from", "0.5,1.2", "--method", "mirror");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--from[1]") && r.err.contains("1.2"), r.err);
        r = run("flow", "--from", "0.5,0.5,0.5");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--from") && r.err.contains("3"), r.err);
        r = run("flow", "--from", "0.5,0.5", "--step", "-0.1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--step") && r.err.contains("-0.1"), r.err);
        r = run("flow", "--from", "0.5,0.5", "--beta", "0");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--beta") && r.err.contains("0"), r.err);
        r = run("flow", "--objective", "quadratic", "--from", "0.5,0.5", "--center", "0.1,0.2,0.3");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("center") && r.err.contains("0.3"), r.err);
        r = run("flow", "--objective", "quadratic", "--from", "0.5,0.5", "--stiffness", "-2");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("stiffness") && r.err.contains("-2"), r.err);
        r = run("flow", "--objective", "himmelblau", "--dim", "3", "--from", "0.5,0.5,0.5");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("himmelblau") && r.err.contains("3"), r.err);
        // a numerical failure is exit status 1 with diagnostics
        r = run("flow", "--objective", "himmelblau", "--method", "natural-gradient", "--beta", "5", "--from",
                "0.9,0.9", "--step", "0.5", "--steps", "3");
        assertEquals(1, r.code, r.err);
        assertTrue(r.err.contains("left the domain"), r.err);
    }
}
