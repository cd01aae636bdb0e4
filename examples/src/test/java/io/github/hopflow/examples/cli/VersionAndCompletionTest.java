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

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void summariesStartWithVersionAndFormatAndUseSnakeCaseKeys() throws Exception {
        java.nio.file.Path graph = dir.resolve("g.txt");
        java.nio.file.Files.writeString(graph, "3 2\n1 2 1\n2 3 1\n");
        String[][] commands = {
            {"run", "--particles", "10", "--steps", "2", "--quiet"},
            {"sample", "--particles", "10", "--steps", "2", "--quiet"},
            {"maxcut", graph.toString(), "--budget", "400", "--quiet"},
            {"optimize", "--method", "random", "--runs", "1", "--budget", "50", "--quiet"},
            {"compare", "--objective", "himmelblau", "--dim", "2", "--particles", "8", "--steps", "4", "--quiet"},
        };
        for (String[] c : commands) {
            java.nio.file.Path out = dir.resolve(c[0]);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(c));
            args.addAll(java.util.List.of("--out", out.toString()));
            Cli.Result r = Cli.run(args.toArray(new String[0]));
            assertEquals(0, r.exit(), c[0] + ": " + r.err());
            java.nio.file.Path file = out.resolve(c[0].equals("compare") ? "compare.json" : "summary.json");
            com.fasterxml.jackson.databind.JsonNode doc = Json.mapper().readTree(file.toFile());
            java.util.Iterator<String> names = doc.fieldNames();
            assertEquals("version", names.next(), c[0]);
            assertEquals("format", names.next(), c[0]);
            assertEquals(Json.FORMAT, doc.get("format").asInt());
            assertSnakeCase(doc, c[0]);
        }
    }

    private static void assertSnakeCase(com.fasterxml.jackson.databind.JsonNode node, String where) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                assertTrue(e.getKey().matches("[a-z0-9_.]+"), where + ": key '" + e.getKey() + "'");
                assertSnakeCase(e.getValue(), where + "." + e.getKey());
            });
        } else if (node.isArray()) {
            node.forEach(child -> assertSnakeCase(child, where));
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

    /** One page per command, each naming every option the command has, in valid-looking roff. */
    @Test
    void manualPagesCoverEveryCommandAndOption() throws Exception {
        java.nio.file.Path man = dir.resolve("man");
        Cli.Result r = Cli.run("man", "--out", man.toString());
        assertEquals(0, r.exit(), r.err());
        picocli.CommandLine cl = HopflowCommand.commandLine();
        String root = java.nio.file.Files.readString(man.resolve("hopflow.1"));
        assertTrue(root.startsWith(".\\\" generated") && root.contains("\n.TH \"HOPFLOW\" 1 "), root.substring(0, 200));
        for (picocli.CommandLine sub : cl.getSubcommands().values()) {
            String name = sub.getCommandName();
            if (name.equals("help")) {
                continue;
            }
            assertTrue(root.contains("\\fB" + name.replace("-", "\\-") + "\\fR"), name + " in hopflow.1");
            String page = java.nio.file.Files.readString(man.resolve("hopflow-" + name + ".1"));
            assertTrue(page.contains(".SH NAME\nhopflow\\-" + name.replace("-", "\\-") + " \\- "), name);
            for (picocli.CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                assertTrue(page.contains("\\fB" + o.longestName().replace("-", "\\-") + "\\fR"),
                        name + " " + o.longestName());
            }
            for (String line : page.split("\n")) {
                // a text line never starts with a control character by accident
                assertTrue(!line.startsWith("'") && (!line.startsWith(".") || line.matches("\\.(\\\\\"|TH|SH|PP|TP|B) ?.*")),
                        name + ": " + line);
            }
        }
        assertEquals(2, Cli.run("man", "--out", man.toString()).exit(), "pages there already");
        assertEquals(0, Cli.run("man", "--out", man.toString(), "--force").exit());
        Cli.Result file = Cli.run("man", "--out", man.resolve("hopflow.1").toString());
        assertEquals(2, file.exit());
        assertTrue(file.err().contains("not a directory"), file.err());
    }
}
