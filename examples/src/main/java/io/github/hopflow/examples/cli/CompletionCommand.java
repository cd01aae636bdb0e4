package io.github.hopflow.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hopflow completion bash|zsh}: the shell completion script (picocli's {@link AutoComplete}). */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a completion script for bash or zsh: commands, options and their values complete on TAB.",
            "bash: source <(./hopflow completion bash)   (or save it under /etc/bash_completion.d/)",
            "zsh:  autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit; "
                    + "source <(./hopflow completion zsh)",
        })
public final class CompletionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        String s = shell.trim().toLowerCase(Locale.ROOT);
        if (!s.equals("bash") && !s.equals("zsh")) {
            throw new IllegalArgumentException("SHELL must be bash or zsh, got " + shell);
        }
        // the script serves both: zsh runs it through bashcompinit
        String script = AutoComplete.bash("hopflow", spec.root().commandLine());
        PrintWriter w = spec.commandLine().getOut();
        w.print(script);
        w.flush();
        return 0;
    }
}
