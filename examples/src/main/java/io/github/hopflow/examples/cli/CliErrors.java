package io.github.hopflow.examples.cli;

import picocli.CommandLine;

/**
 * Turns input errors into one line on stderr and exit status 2; numerical failures into one line
 * with their diagnostics and exit status 1. Stack traces only with {@code HOPFLOW_DEBUG=1}.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    /** Exit status for bad input. */
    static final int BAD_INPUT = 2;
    /** Exit status for a numerical or I/O failure. */
    static final int FAILURE = 1;

    /**
     * A command line that does not parse (unknown option, missing or malformed value): the message
     * and a pointer to the command's help, instead of the whole usage text.
     */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        cmd.getErr().println(name + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
        cmd.getErr().println("Run '" + name + " --help' for the options.");
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if ("1".equals(System.getenv("HOPFLOW_DEBUG"))) {
            ex.printStackTrace(cmd.getErr());
        }
        if (ex instanceof IllegalArgumentException) {
            cmd.getErr().println("hopflow " + cmd.getCommandName() + ": " + ex.getMessage());
            return BAD_INPUT;
        }
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println("hopflow " + cmd.getCommandName() + ": " + msg);
        return FAILURE;
    }
}
