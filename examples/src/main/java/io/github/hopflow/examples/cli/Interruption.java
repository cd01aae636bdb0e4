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

    /**
     * Installs the hook; close it when the command has written its output. The headless graphics
     * and fonts are set up first: they register shutdown hooks of their own on first use, which the
     * JVM refuses once a signal has started the shutdown ("Shutdown in progress"), and a command
     * stopped by Ctrl-C still draws its figures.
     */
    public static Interruption install() {
        prepareGraphics();
        Interruption i = new Interruption();
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    private static void prepareGraphics() {
        System.setProperty("java.awt.headless", "true");
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics();
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        g.drawString("ρ", 0, 8);
        g.dispose();
        javax.imageio.ImageIO.setUseCache(false);
        javax.imageio.ImageIO.getImageWritersByFormatName("png").hasNext();
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
