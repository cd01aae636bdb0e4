package io.github.hopflow.examples.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on stderr. On an interactive terminal it is a progress bar (the
 * {@code progressbar} library) that ends its line when closed, so that the report starts on a
 * line of its own; when the terminal is not interactive (stderr or stdout redirected to a file or
 * a pipe) it prints a plain line every {@value #LINE_SECONDS} seconds and one when the work ends,
 * so that logs hold readable lines instead of carriage-return frames. {@code --quiet} silences both.
 */
public final class Progress implements AutoCloseable {

    /** The interval of the plain lines, in seconds. */
    static final long LINE_SECONDS = 5;

    private final ProgressBar bar;
    private final PrintStream lines;
    private final String task;
    private final long total;
    private final long start = System.nanoTime();
    private long lastLine = start;
    private long done;
    private String message = "";
    private boolean closed;

    private Progress(ProgressBar bar, PrintStream lines, String task, long total) {
        this.bar = bar;
        this.lines = lines;
        this.task = task;
        this.total = total;
    }

    /**
     * Progress over {@code total} units of work.
     *
     * @param task what is being done, shown first
     * @param total number of units (steps), &gt; 0
     * @param quiet true to show nothing
     */
    public static Progress start(String task, long total, boolean quiet) {
        if (quiet) {
            return new Progress(null, null, task, total);
        }
        if (System.console() == null) {
            return new Progress(null, System.err, task, total);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200)
                .showSpeed()
                .build();
        return new Progress(bar, null, task, total);
    }

    /** Sets the number of units done. */
    public void stepTo(long units) {
        done = units;
        if (bar != null) {
            bar.stepTo(units);
        } else if (lines != null) {
            long now = System.nanoTime();
            if (now - lastLine >= LINE_SECONDS * 1_000_000_000L) {
                lastLine = now;
                line();
            }
        }
    }

    /** Changes the text next to the bar (e.g. the current free energy). */
    public void message(String text) {
        message = text == null ? "" : text;
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    private void line() {
        double seconds = (System.nanoTime() - start) * 1e-9;
        lines.printf(Locale.ROOT, "%s: %d/%d (%.0f%%), %.0f s%s%n", task, done, total,
                total > 0 ? 100.0 * done / total : 100.0, seconds, message.isEmpty() ? "" : ", " + message);
        lines.flush();
    }

    /** Ends the progress display (its last line); idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar != null) {
            // draws the final frame and ends the bar's line
            bar.close();
        } else if (lines != null && done > 0) {
            line();
        }
    }
}
