package io.github.hopflow.wasserstein.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Quadratic;
import io.github.hopflow.geometry.objective.ScaledHimmelblau;
import io.github.hopflow.sde.TemperatureSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is rejected where it enters, with an IllegalArgumentException naming it and its value. */
class FokkerPlanckInputTest {

    private static FokkerPlanckSolver.Builder valid() {
        return FokkerPlanckSolver.builder().metric(HopfieldMetric.paperExample(2, 0.25))
                .objective(ScaledHimmelblau.of()).temperature(25).cellsPerAxis(8);
    }

    private static void rejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
        }
    }

    @Test
    void builderSettersRejectBadValues() {
        FokkerPlanckSolver.Builder b = FokkerPlanckSolver.builder();
        rejects(() -> b.metric(null), "metric");
        rejects(() -> b.metric(HopfieldMetric.paperExample(4, 0.25)), "dimension", "4");
        rejects(() -> b.objective(null), "objective");
        rejects(() -> b.temperature((TemperatureSchedule) null), "temperature");
        rejects(() -> b.temperature(-1), "temperature", "-1");
        rejects(() -> b.temperature(Double.NaN), "temperature", "NaN");
        rejects(() -> b.temperature(Double.POSITIVE_INFINITY), "temperature", "Infinity");
        rejects(() -> b.cellsPerAxis(1), "cellsPerAxis", "1");
        rejects(() -> b.cellsPerAxis(new int[0]), "cellsPerAxis");
        rejects(() -> b.cellsPerAxis(10, -3), "cellsPerAxis[1]", "-3");
        rejects(() -> b.timeStep(0), "timeStep", "0");
        rejects(() -> b.timeStep(-1e-3), "timeStep", "-0.001");
        rejects(() -> b.timeStep(Double.NaN), "timeStep", "NaN");
        rejects(() -> b.timeStep(Double.POSITIVE_INFINITY), "timeStep", "Infinity");
        rejects(() -> b.domain(1, 1), "domain", "[1.0, 1.0]");
        rejects(() -> b.domain(Double.NaN, 1), "domain", "NaN");
        rejects(() -> b.domain(0, Double.POSITIVE_INFINITY), "domain", "Infinity");
        rejects(() -> b.domain(new double[] {0, 0}, new double[] {1}), "domain");
        rejects(() -> b.domain(new double[] {0, 2}, new double[] {1, 1}), "domain axis 1", "[2.0, 1.0]");
        rejects(() -> b.initialDensity(null), "initialDensity");
        rejects(() -> b.initialCellDensities(null), "initialCellDensities");
        rejects(() -> b.initialCellDensities(new double[] {1, -1}), "initialCellDensities[1]", "-1");
        rejects(() -> b.initialCellDensities(new double[] {Double.NaN}), "initialCellDensities[0]", "NaN");
    }

    @Test
    void buildRejectsMissingOrInconsistentSettings() {
        rejects(() -> FokkerPlanckSolver.builder().objective(ScaledHimmelblau.of()).temperature(1).cellsPerAxis(8)
                .build(), "metric");
        rejects(() -> FokkerPlanckSolver.builder().metric(HopfieldMetric.paperExample(2, 0.25)).temperature(1)
                .cellsPerAxis(8).build(), "objective");
        rejects(() -> FokkerPlanckSolver.builder().metric(HopfieldMetric.paperExample(2, 0.25))
                .objective(ScaledHimmelblau.of()).cellsPerAxis(8).build(), "temperature");
        rejects(() -> FokkerPlanckSolver.builder().metric(HopfieldMetric.paperExample(2, 0.25))
                .objective(ScaledHimmelblau.of()).temperature(1).build(), "cellsPerAxis");
        rejects(() -> valid().metric(HopfieldMetric.paperExample(3, 0.25)).build(), "objective dimension", "3", "2");
        rejects(() -> valid().cellsPerAxis(8, 8, 8).build(), "cellsPerAxis", "3");
        // the Euclidean metric needs a box, and a box must lie in the metric's domain
        rejects(() -> FokkerPlanckSolver.builder().metric(EuclideanMetric.of(1))
                .objective(Quadratic.of(new double[] {0}, 1)).temperature(1).cellsPerAxis(8).build(),
                "domain must be set", "-Infinity");
        rejects(() -> valid().domain(-0.5, 1).build(), "domain lower[0] = -0.5", "outside");
        rejects(() -> valid().domain(new double[] {0, 0, 0}, new double[] {1, 1, 1}).build(), "domain", "3");
        // the initial density
        rejects(() -> valid().initialCellDensities(new double[] {1, 2, 3}).build(), "initialCellDensities", "64", "3");
        rejects(() -> valid().initialCellDensities(new double[64]).build(), "initial density", "0.0");
        rejects(() -> valid().initialDensity(x -> x[0] - 0.5).build(), "initialDensity", "-0.4375");
        rejects(() -> valid().initialDensity(x -> Double.NaN).build(), "initialDensity", "NaN");
        // f and the mobility must be finite on the grid
        Objective broken = Objective.of("broken", 2, x -> x[0] < 0.3 ? Double.NaN : 1.0, null);
        rejects(() -> valid().objective(broken).build(), "objective broken", "NaN");
        rejects(() -> valid().metric(negativeMobility()).build(), "mobility", "-1.0");
    }

    @Test
    void aGridThatDoesNotFitInTheHeapIsRefusedUpFrontWithTheLimit() {
        long heap = Runtime.getRuntime().maxMemory() >> 20;
        // the vectors alone: 400³ cells
        rejects(() -> FokkerPlanckSolver.builder().metric(HopfieldMetric.paperExample(3, 0.25))
                .objective(Quadratic.centred(3)).temperature(1).cellsPerAxis(400).build(), "400 × 400 × 400",
                "MiB", heap + " MiB (-Xmx)");
        // the LU factors: 96³ cells fit as vectors, but their nested-dissection factors need far more
        rejects(() -> FokkerPlanckSolver.builder().metric(HopfieldMetric.paperExample(3, 0.25))
                .objective(Quadratic.centred(3)).temperature(1).cellsPerAxis(96).build(), "96 × 96 × 96",
                "sparse factors", "LU factor entries", heap + " MiB (-Xmx)");
        // more than 2³¹ cells
        rejects(() -> FokkerPlanckGrid.of(new double[] {0, 0, 0}, new double[] {1, 1, 1}, new int[] {2000, 2000, 2000}),
                "more than");
    }

    @Test
    void theGridRejectsBadBoxes() {
        rejects(() -> FokkerPlanckGrid.of(new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 1}, new int[] {2, 2, 2, 2}),
                "dimension", "4");
        rejects(() -> FokkerPlanckGrid.of(new double[] {0}, new double[] {1, 1}, new int[] {2}), "lower and upper");
        rejects(() -> FokkerPlanckGrid.of(new double[] {0}, new double[] {-1}, new int[] {4}), "domain axis 0");
        rejects(() -> FokkerPlanckGrid.of(new double[] {-Double.MAX_VALUE}, new double[] {Double.MAX_VALUE},
                new int[] {4}), "too wide");
        rejects(() -> FokkerPlanckGrid.of(new double[] {0}, new double[] {1}, new int[] {1}), "cells[0]", "1");
        FokkerPlanckGrid g = FokkerPlanckGrid.of(new double[] {0, 0}, new double[] {1, 2}, new int[] {4, 8});
        rejects(() -> g.cellIndex(1), "axisIndices", "2");
        rejects(() -> g.cellIndex(1, 8), "axisIndices[1]", "8");
        assertEquals(32, g.cellCount());
        assertEquals(0.25 * 0.25, g.cellVolume(), 0);
    }

    @Test
    void solutionsAndStatesRejectBadArguments() {
        FokkerPlanckSolver solver = valid().timeStep(1e-3).build();
        rejects(() -> solver.solve(-1), "t", "-1");
        rejects(() -> solver.solve(Double.NaN), "t", "NaN");
        FokkerPlanckState state = solver.start();
        state.advanceTo(0.01);
        rejects(() -> state.advanceTo(0.005), "t", "0.005", "current time 0.01");
        rejects(() -> state.advanceTo(Double.POSITIVE_INFINITY), "t", "Infinity");
        assertEquals(0.01, state.time(), 0);
        FokkerPlanckSolution s = state.solution();
        rejects(() -> s.logDensity(new double[] {0.5}), "x", "length 2");
        rejects(() -> s.logDensity(new double[] {0.5, 1.5}), "outside the domain");
        rejects(() -> s.logDensity(new double[] {0.5, Double.NaN}), "outside the domain");
        rejects(() -> s.logDensities(new double[] {0.1, 0.2, 0.3}, new double[2]), "multiple", "3");
        rejects(() -> s.logDensities(new double[] {0.1, 0.2, 0.3, 0.4}, new double[1]), "out", "2");
        rejects(() -> s.logDensities(new double[] {0.1, 0.2, 0.3, -0.4}, new double[2]), "point 1");
        rejects(() -> s.densities(new double[3]), "out", "64");
        rejects(() -> solver.stationary(0), "temperature", "0");
        rejects(() -> solver.stationary(Double.NaN), "temperature", "NaN");
        double[] rho = solver.initial().densities();
        rejects(() -> solver.applyOperator(-1, rho, new double[64]), "temperature", "-1");
        rejects(() -> solver.applyOperator(1, new double[3], new double[64]), "density", "64", "3");
        rejects(() -> solver.applyOperator(1, rho, new double[3]), "rate", "64", "3");
        rejects(() -> solver.applyOperator(1, rho, rho), "rate");
        // a user schedule that returns a negative temperature is caught by the schedule
        FokkerPlanckSolver badSchedule = valid().temperature(TemperatureSchedule.of(t -> 1 - 100 * t, "falls below 0"))
                .timeStep(1e-3).build();
        rejects(() -> badSchedule.solve(0.1), "temperature");
    }

    /** A one-axis metric on [0, 1] whose mobility is −1 in the middle. */
    private static DiagonalMetric negativeMobility() {
        return new DiagonalMetric() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double mobility(int i, double xi) {
                return xi > 0.4 && xi < 0.6 ? -1.0 : 1.0;
            }

            @Override
            public double mobilityDerivative(int i, double xi) {
                return 0;
            }

            @Override
            public double isometric(int i, double xi) {
                return xi;
            }

            @Override
            public double inverseIsometric(int i, double ui) {
                return ui;
            }

            @Override
            public double lowerBound(int i) {
                return 0;
            }

            @Override
            public double upperBound(int i) {
                return 1;
            }

            @Override
            public String toString() {
                return "NegativeMobility";
            }
        };
    }
}
