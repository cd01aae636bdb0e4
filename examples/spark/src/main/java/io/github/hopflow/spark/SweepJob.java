package io.github.hopflow.spark;

import io.github.hopflow.examples.cli.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark side of a sweep: a session (local mode unless a master URL is given or
 * {@code spark-submit} set one), one task per cell, and the results as Parquet.
 *
 * <p>A task runs its cell with {@link CellRunner}. A failure that may be transient (exit status 1)
 * is thrown back to Spark while attempts remain, so that the scheduler runs the cell again (on a
 * cluster, possibly on another executor); on the last attempt, and at once for input the command
 * rejects, the failure is recorded as the cell's status instead, so that one bad cell never stops
 * the sweep. The number of attempts is Spark's: {@code F} of a {@code local[N,F]} master, one for
 * other local masters, {@code spark.task.maxFailures} (default 4) on a cluster.
 */
final class SweepJob implements AutoCloseable {

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)(,(\\d+))?])?");

    private final SparkSession spark;

    private SweepJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Starts (or joins) a session.
     *
     * @param master a master URL, or null for the one {@code spark-submit} set, else {@code local[*]}
     * @throws IllegalArgumentException if Spark does not accept the master URL (its message)
     */
    static SweepJob start(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("hopflow sweep")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                // the results' schema has a column per summary scalar: no warning for its long plan
                .config("spark.sql.debug.maxToStringFields", "100000");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[*]");
        }
        try {
            SparkSession s = b.getOrCreate();
            s.sparkContext().setLogLevel("WARN");
            return new SweepJob(s);
        } catch (Exception e) { // Scala's SparkException is checked in Java's eyes
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("--master " + (master == null ? "(default)" : master)
                    + ": Spark did not start: " + m.strip().replaceAll("\\s*\\R\\s*", " "));
        }
    }

    /** Spark's version. */
    String version() {
        return spark.version();
    }

    /** The master URL the session runs on. */
    String master() {
        return spark.sparkContext().master();
    }

    /** The number of cores the session's scheduler offers at once (its default parallelism). */
    int parallelism() {
        return spark.sparkContext().defaultParallelism();
    }

    /** How many times Spark runs a failing task (see the class comment). */
    int attempts() {
        Integer local = localAttempts(master());
        return local != null ? local : Math.max(1, spark.sparkContext().getConf().getInt("spark.task.maxFailures", 4));
    }

    /** How many attempts a master URL gives a failing task, for local masters (null otherwise). */
    static Integer localAttempts(String master) {
        Matcher m = LOCAL.matcher(master);
        if (!m.matches()) {
            return null;
        }
        return m.group(4) == null ? 1 : Math.max(1, Integer.parseInt(m.group(4)));
    }

    /**
     * Runs the cells {@code todo} of {@code plan} in {@code partitions} tasks and returns their
     * results (each already recorded in its folder under {@code cells}).
     *
     * @param todo cell indices. Not modified.
     * @param err where one line per finished stage goes (null for none)
     */
    List<CellResult> run(SweepPlan plan, List<Integer> todo, Path cells, int partitions, PrintWriter err,
            boolean quiet) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String folder = cells.toAbsolutePath().toString();
        int attempts = attempts();
        StageLines lines = null;
        try (Progress progress = Progress.start("sweep", todo.size(), quiet)) {
            lines = new StageLines(progress, quiet ? null : err);
            spark.sparkContext().addSparkListener(lines);
            List<CellResult> results = jsc.parallelize(new ArrayList<>(todo), Math.max(1, Math.min(partitions, todo.size())))
                    .map(i -> runTask(plan, i, folder, attempts))
                    .collect();
            return new ArrayList<>(results);
        } finally {
            if (lines != null) {
                spark.sparkContext().removeSparkListener(lines);
            }
        }
    }

    private static CellResult runTask(SweepPlan plan, int index, String cells, int attempts) {
        SweepCell cell = plan.cell(index);
        Path folder = Path.of(cells, SweepCell.folder(index, plan.cellCount()));
        CellRunner.Outcome o = CellRunner.run(cell, folder, plan.hasForce());
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        if (o.retryable() && attempt + 1 < attempts) {
            throw new IllegalStateException("cell " + index + ", attempt " + (attempt + 1) + " of " + attempts + ": "
                    + o.result().status());
        }
        CellRunner.record(o.result(), folder);
        return o.result();
    }

    /**
     * Writes {@code table} as Parquet into the directory {@code dir} (replaced), one file.
     */
    void writeParquet(ResultTable table, Path dir) {
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            fields.add(DataTypes.createStructField(table.columns().get(c), sparkType(table.types().get(c)), true));
        }
        List<Row> rows = new ArrayList<>();
        for (Object[] row : table.rows()) {
            rows.add(RowFactory.create(row));
        }
        Dataset<Row> df = spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
        df.coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.toAbsolutePath().toUri().toString());
    }

    private static DataType sparkType(ResultTable.Type type) {
        switch (type) {
            case INTEGER:
                return DataTypes.LongType;
            case NUMBER:
                return DataTypes.DoubleType;
            case BOOLEAN:
                return DataTypes.BooleanType;
            default:
                return DataTypes.StringType;
        }
    }

    @Override
    public void close() {
        spark.stop();
    }

    /** The cells' progress, and one line on stderr per finished stage. */
    private static final class StageLines extends SparkListener {
        private final Progress progress;
        private final PrintWriter err;
        private long done;

        StageLines(Progress progress, PrintWriter err) {
            this.progress = progress;
            this.err = err;
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo() != null && end.taskInfo().successful()) {
                progress.stepTo(++done);
            } else if (err != null && end.reason() instanceof ExceptionFailure) {
                String message = ((ExceptionFailure) end.reason()).description();
                err.println("sweep: " + (message == null ? "a cell failed" : message.strip().split("\\R")[0])
                        + "; Spark runs it again");
                err.flush();
            }
        }

        @Override
        public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
            if (err == null) {
                return;
            }
            StageInfo s = completed.stageInfo();
            double seconds = s.submissionTime().isDefined() && s.completionTime().isDefined()
                    ? ((Long) s.completionTime().get() - (Long) s.submissionTime().get()) / 1000.0 : Double.NaN;
            err.println(String.format(Locale.ROOT, "sweep: stage %d done: %d tasks in %.1f s%s", s.stageId(),
                    s.numTasks(), seconds, s.failureReason().isDefined() ? " (failed: "
                            + s.failureReason().get().strip().split("\\R")[0] + ")" : ""));
            err.flush();
        }
    }
}
