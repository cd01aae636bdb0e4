package io.github.hopflow.examples.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lets a long command stop cleanly on Ctrl-C: a shutdown hook raises a flag that the command's
 * run loop polls (as its cancellation token), then waits a few seconds for the command to write
 * what it has (summary, last snapshot) before the JVM exits.
 */
public final class Interruption implements AutoCloseable, BooleanSupplier {

    private static final long GRACE_SECONDS = 10;

    private volatile boolean requested;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private Interruption() {
        hook = new Thread(() -> {
            requested = true;
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hopflow-interrupt");
    }

    /** Installs the hook; close it when the command has written its output. */
    public static Interruption install() {
        Interruption i = new Interruption();
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** True once Ctrl-C (SIGINT/SIGTERM) was received. */
    public boolean requested() {
        return requested;
    }

    @Override
    public boolean getAsBoolean() {
        return requested;
    }

    /** Signals that the output is complete and removes the hook when the JVM is not exiting. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down: the hook is running and now sees the latch released
        }
    }
}
