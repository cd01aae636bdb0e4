package io.github.hopflow.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

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
                + "'hopflow COMMAND --help' shows the options of a command.",
            "'hopflow sweep --grid NAME=V1,V2 --out DIR -- COMMAND ...' runs a command over a grid of option "
                + "values as Apache Spark tasks (the optional Spark module, built on first use)."},
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
            ManCommand.class,
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
        return configure(new CommandLine(new HopflowCommand()));
    }

    /**
     * Gives {@code cl} and its subcommands the behaviour of every hopflow command: errors in the
     * input as one line with exit status 2, numerical failures and an exhausted heap as one line
     * with exit status 1, enum values in any case, and {@code --version} reporting this build.
     * Also used by commands built outside this jar ({@code hopflow sweep}).
     *
     * @param cl the command line. Modified.
     * @return {@code cl}
     */
    public static CommandLine configure(CommandLine cl) {
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
                sub.getErr().println(CliErrors.name(sub) + ": out of memory (maximum heap "
                        + Sizes.human(Runtime.getRuntime().maxMemory()) + "); ask for fewer particles, steps or runs,"
                        + " or give the JVM more memory (HOPFLOW_JAVA_OPTS=-Xmx...)");
                return CliErrors.FAILURE;
            }
        });
        // every command's --version reports the same build
        VersionProvider version = new VersionProvider();
        cl.getCommandSpec().versionProvider(version);
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
