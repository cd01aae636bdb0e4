package io.github.hopflow.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --version} on the root and every subcommand, and {@code hopflow completion}. */
class VersionAndCompletionTest {

    @Test
    void everyCommandReportsTheSameVersionAndCommit() {
        Cli.Result root = Cli.run("--version");
        assertEquals(0, root.exit());
        String line = root.out().strip();
        assertTrue(line.matches("hopflow \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\((commit [0-9a-f]{7,40}"
                + "(, with uncommitted changes)?|commit unknown)\\)"), line);
        for (String command : HopflowCommand.commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            Cli.Result sub = Cli.run(command, "--version");
            assertEquals(0, sub.exit(), command);
            assertEquals(line, sub.out().strip(), command);
        }
    }

    @Test
    void completionScriptsKnowTheCommandsAndOptions() {
        Cli.Result bash = Cli.run("completion", "bash");
        assertEquals(0, bash.exit(), bash.err());
        assertTrue(bash.out().contains("complete -F"), "a bash completion function");
        for (String word : new String[] {"maxcut", "fokker-planck", "--budget", "--objective"}) {
            assertTrue(bash.out().contains(word), word);
        }
        assertEquals(bash.out(), Cli.run("completion", "zsh").out());
        Cli.Result bad = Cli.run("completion", "fish");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("SHELL must be bash or zsh, got fish"), bad.err());
    }
}
