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
     * A command line that does not parse (unknown option, missing or malformed value): one line
     * with the message, the closest option names for a misspelt one, and a pointer to the
     * command's help, instead of the whole usage text.
     */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = name(cmd);
        StringBuilder line = new StringBuilder(name).append(": ").append(oneLine(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException) {
            java.util.List<String> suggestions = ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
        }
        line.append("; see '").append(name).append(" --help'");
        cmd.getErr().println(line);
        return BAD_INPUT;
    }

    /** "hopflow COMMAND": the command's qualified name, which for a subcommand starts with the root's. */
    static String name(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName(" ");
    }

    /** The message with its line breaks folded, so that it stays one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if ("1".equals(System.getenv("HOPFLOW_DEBUG"))) {
            ex.printStackTrace(cmd.getErr());
        }
        if (ex instanceof IllegalArgumentException) {
            cmd.getErr().println(name(cmd) + ": " + oneLine(ex.getMessage()));
            return BAD_INPUT;
        }
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println(name(cmd) + ": " + oneLine(msg));
        return FAILURE;
    }
}
