package io.github.hopflow.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the hopflow command line in-process and captures what it prints. */
public final class Cli {

    private Cli() {
    }

    /** The exit status and the text printed to stdout and stderr. */
    public record Result(int exit, String out, String err) {
    }

    /** Runs {@code hopflow args...}. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = HopflowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
