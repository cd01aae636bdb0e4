package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.output.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code hopflow man --out DIR}: the manual pages of hopflow and of every command. */
@Command(
        name = "man",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the manual pages (roff, section 1) of hopflow and of every command into DIR: hopflow.1, "
                    + "hopflow-run.1, ... They hold what --help shows.",
            "Install for your user: ./hopflow man --out ~/.local/share/man/man1 (then 'man hopflow-run'); "
                    + "read one without installing: man -l DIR/hopflow-run.1",
        })
public final class ManCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the pages (created if missing).")
    Path out;

    @Option(names = "--force", description = "Replace pages of the same names already in DIR.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not a directory");
        }
        if (!Files.exists(out)) {
            io.github.hopflow.examples.output.OutputDirectory.requireCreatable("--out", out);
        }
        List<CommandLine.Model.CommandSpec> pages = new ArrayList<>();
        pages.add(spec.root());
        for (CommandLine sub : spec.root().subcommands().values()) {
            if (!sub.getCommandSpec().name().equals("help")) {
                pages.add(sub.getCommandSpec());
            }
        }
        if (!force) {
            for (CommandLine.Model.CommandSpec s : pages) {
                Path file = out.resolve(ManPages.fileName(s));
                if (Files.exists(file)) {
                    throw new IllegalArgumentException("--out " + out + " already holds " + file.getFileName()
                            + "; pass --force to replace the pages");
                }
            }
        }
        Files.createDirectories(out);
        String version = "hopflow " + VersionProvider.describe();
        for (CommandLine.Model.CommandSpec s : pages) {
            String page = ManPages.page(s, version);
            AtomicFiles.write(out.resolve(ManPages.fileName(s)), tmp -> Files.writeString(tmp, page, StandardCharsets.UTF_8));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + pages.size() + " manual pages to " + out);
        w.flush();
        return 0;
    }
}
