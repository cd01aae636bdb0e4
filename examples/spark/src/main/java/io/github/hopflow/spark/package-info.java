/**
 * {@code hopflow sweep}: parameter sweeps and seed ensembles of the hopflow commands as Apache
 * Spark jobs.
 *
 * <p>A sweep is a {@link io.github.hopflow.spark.SweepPlan}: one command, its fixed options, and a
 * {@link io.github.hopflow.spark.SweepGrid} of option values whose Cartesian product gives the cells.
 * Each cell runs the command's own code path ({@link io.github.hopflow.spark.CellRunner}) in one
 * Spark task with one worker thread and its own output folder, so that a cell gives exactly the
 * numbers of the same command run alone with the same options; the cells' {@code summary.json} are
 * flattened ({@link io.github.hopflow.spark.SummaryColumns}) into one
 * {@link io.github.hopflow.spark.ResultTable}, written as CSV and Parquet. Spark is a provided
 * dependency: the launcher puts it on the class path for local mode, and {@code spark-submit}
 * brings its own on a cluster. The module stays out of the core modules and of the plain CLI jar.
 */
package io.github.hopflow.spark;
