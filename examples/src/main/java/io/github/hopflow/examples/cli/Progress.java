package io.github.hopflow.examples.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long commands. It is silent when stderr is not a terminal
 * (no console) or when the user asked for {@code --quiet}.
 */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * A bar over {@code total} units of work.
     *
     * @param task what is being done, shown left of the bar
     * @param total number of units (steps), &gt; 0
     * @param quiet true to show nothing
     */
    public static Progress start(String task, long total, boolean quiet) {
        if (quiet || System.console() == null) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200)
                .showSpeed()
                .build();
        return new Progress(bar);
    }

    /** Sets the number of units done. */
    public void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Changes the text next to the bar (e.g. the current free energy). */
    public void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
