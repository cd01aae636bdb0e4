package io.github.hopflow.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hopflow} command line: one sub-command per task. Errors in the input are reported as
 * one line naming the parameter and the value, with exit status 2 and no stack trace.
 */
@Command(
        name = "hopflow",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Stochastic and deterministic Hopfield-network flows: the diffusion machine on "
                + "weighted point clouds, the proximal (JKO) density flow, and the geodesic and "
                + "mirror-descent geometry of the deterministic flows.",
        footer = {"", "Start with 'hopflow himmelblau' (the paper's example). "
                + "'hopflow COMMAND --help' shows the options of a command."},
        subcommands = {
            CommandLine.HelpCommand.class,
            GeodesicCommand.class,
            FlowCommand.class,
            SampleCommand.class,
            RunCommand.class,
            WassersteinCommand.class,
            HimmelblauCommand.class,
            CompareCommand.class,
            PlotCommand.class,
            OptimizeCommand.class,
            BenchCommand.class,
            FokkerPlanckCommand.class,
            MaxCutCommand.class,
            GraphCommand.class,
            SparseCommand.class,
            MemoryCommand.class,
            FiringRateCommand.class,
            CompletionCommand.class,
        })
public final class HopflowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HopflowCommand());
        CliErrors errors = new CliErrors();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return run.execute(parseResult);
            } catch (OutOfMemoryError e) {
                CommandLine sub = parseResult.subcommand() == null ? cl : parseResult.subcommand().commandSpec().commandLine();
                sub.getErr().println("hopflow " + sub.getCommandName() + ": out of memory (maximum heap "
                        + Sizes.human(Runtime.getRuntime().maxMemory()) + "); ask for fewer particles, steps or runs,"
                        + " or give the JVM more memory (HOPFLOW_JAVA_OPTS=-Xmx...)");
                return CliErrors.FAILURE;
            }
        });
        // every subcommand's --version reports the same build
        VersionProvider version = new VersionProvider();
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(version);
        }
        return cl;
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
