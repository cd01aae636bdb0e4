package io.github.hopflow.examples.cli;

import io.github.hopflow.examples.maxcut.GraphGenerator;
import io.github.hopflow.examples.output.OutputDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hopflow graph}: writes a G-set-style Max-Cut instance ({@link GraphGenerator}). */
@Command(
        name = "graph",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Writes a Max-Cut instance of the G-set kinds in G-set text format (a line 'n m', then m lines 'i j w').",
            "--kind random: G(n, p), each pair of nodes an edge with probability --density; "
                    + "--kind torus: a --rows x --columns grid wrapping around in both directions (degree 4).",
            "Weights: unit (1) or signed (+1 or -1 with equal probability).",
        })
public final class GraphCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kind", paramLabel = "random|torus", defaultValue = "random",
            description = "The kind of graph (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--nodes", paramLabel = "n", description = "Nodes of a random graph, 2 to 100000 (default: 800).")
    Integer nodes;

    @Option(names = "--density", paramLabel = "p", description = "Edge probability of a random graph, in (0, 1] (default: 0.06).")
    Double density;

    @Option(names = "--rows", paramLabel = "r", description = "Rows of a torus, >= 3 (default: 20).")
    Integer rows;

    @Option(names = "--columns", paramLabel = "c", description = "Columns of a torus, >= 3 (default: 40).")
    Integer columns;

    @Option(names = "--weights", paramLabel = "unit|signed",
            description = "Edge weights (default: unit for random graphs, signed for tori).")
    String weights;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The graph file to write.")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        boolean torus = switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "random" -> false;
            case "torus" -> true;
            default -> throw new IllegalArgumentException("--kind must be random or torus, got " + kind);
        };
        if (torus && (nodes != null || density != null)) {
            throw new IllegalArgumentException((nodes != null ? "--nodes" : "--density") + " applies to --kind random only");
        }
        if (!torus && (rows != null || columns != null)) {
            throw new IllegalArgumentException((rows != null ? "--rows" : "--columns") + " applies to --kind torus only");
        }
        boolean signed;
        if (weights == null) {
            signed = torus;
        } else {
            signed = switch (weights.trim().toLowerCase(Locale.ROOT)) {
                case "unit" -> false;
                case "signed" -> true;
                default -> throw new IllegalArgumentException("--weights must be unit or signed, got " + weights);
            };
        }
        int n = nodes == null ? 800 : nodes;
        double p = density == null ? 0.06 : density;
        int r = rows == null ? 20 : rows;
        int c = columns == null ? 40 : columns;
        if (!torus && (n < 2 || n > 100_000)) {
            throw new IllegalArgumentException("--nodes must be in [2, 100000], got " + n);
        }
        if (!torus && !(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("--density must lie in (0, 1], got " + p);
        }
        if (torus && (r < 3 || c < 3 || (long) r * c > 10_000_000)) {
            throw new IllegalArgumentException("--rows and --columns must be >= 3 with at most 10^7 nodes, got " + r + " x " + c);
        }
        if (!torus) {
            Sizes.requireFits("--nodes " + n + " --density " + p, (long) (p * n * (n - 1) / 2), 20);
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a directory");
        }
        if (Files.exists(out) && !force) {
            throw new IllegalArgumentException("--out " + out + " exists; choose another file, or pass --force to replace it");
        }
        OutputDirectory.requireCreatable("--out", out.toAbsolutePath());
        var random = RandomSource.L64_X128_MIX.create(seed);
        GraphGenerator.EdgeList g = torus ? GraphGenerator.torus(r, c, signed, random)
                : GraphGenerator.random(n, p, signed, random);
        Path parent = out.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--out " + out + ": cannot create " + parent + ": " + e.getMessage());
        }
        g.write(out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %s: %d nodes, %d edges (%s, %s weights)%n", out, g.nodes(), g.edges(),
                torus ? r + " x " + c + " torus" : "G(" + n + ", " + p + ")", signed ? "signed" : "unit");
        w.flush();
        return 0;
    }
}
