package io.github.hopflow.examples.cli;

import io.github.hopflow.geometry.network.NetworkFiles;
import io.github.hopflow.geometry.network.QuadraticEnergy;
import io.github.hopflow.geometry.network.SymmetricSparseMatrix;
import io.github.hopflow.geometry.objective.Objective;
import io.github.hopflow.geometry.objective.Objectives;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that complete {@code --objective NAME}, shared by the commands that take an objective
 * by name: {@code --center} and {@code --stiffness} of the built-in quadratic (κ/2)‖x − c‖², and the
 * files of the network energies of {@link QuadraticEnergy}:
 * <ul>
 *   <li>{@code hopfield --weights W.mtx [--bias b.csv]}: E(x) = −½ xᵀWx − bᵀx;</li>
 *   <li>{@code qubo --weights Q.mtx}: xᵀQx;</li>
 *   <li>{@code ising --weights J.mtx [--bias h.csv]}: H(s) = −½ sᵀJs − hᵀs of s = 2x − 1;</li>
 *   <li>{@code maxcut --graph G.txt}: −cut(2x − 1) of a graph in G-set format.</li>
 * </ul>
 * A network's dimension is its number of units; {@code --dim}, if given, must agree.
 */
public final class ObjectiveOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--center", paramLabel = "c1,c2,...",
            description = "Centre c of the quadratic (κ/2)‖x − c‖² (default ½ in every coordinate).")
    String center;

    @Option(names = "--stiffness", paramLabel = "κ", converter = Converters.Positive.class,
            description = "Stiffness κ > 0 of the quadratic (default 1).")
    Double stiffness;

    @Option(names = "--weights", paramLabel = "W.mtx",
            description = "Matrix Market weights of --objective hopfield (W), qubo (Q) or ising (J); "
                    + "the dimension is the matrix's size.")
    Path weights;

    @Option(names = "--bias", paramLabel = "b.csv",
            description = "Bias b of --objective hopfield or field h of --objective ising, one value per line.")
    Path bias;

    @Option(names = "--graph", paramLabel = "G.txt",
            description = "Graph of --objective maxcut in G-set text format ('n m', then 'i j w' lines).")
    Path graph;

    @Option(names = "--expression", paramLabel = "EXPR",
            description = "Formula of --objective expr in x1..xn: + - * / ^, sqrt exp log sin cos tan abs min max, pi; "
                    + "compiled once, with an exact gradient.")
    String expression;

    @Option(names = "--objective-class", paramLabel = "NAME",
            description = "A class implementing io.github.hopflow.geometry.objective.Objective, with a public "
                    + "constructor taking the dimension (int) or none; selects --objective class.")
    String objectiveClass;

    @Option(names = "--classpath", paramLabel = "PATHS",
            description = "Jars or folders to load --objective-class from, separated by the system's path separator (: or ;).")
    String classpath;

    /** The network objective read for the name it was read for. */
    private String networkName;
    private Objective network;

    /** The help text of {@code --objective}. */
    static final String DESCRIPTION = "Objective: himmelblau, quadratic, double-well, rastrigin, ackley, "
            + "styblinski-tang, levy (on [0,1]^n); a network energy: hopfield, qubo, ising (with --weights), "
            + "maxcut (with --graph); or your own: expr (with --expression), class (with --objective-class). "
            + "Default: ${DEFAULT-VALUE}.";

    /** The names of the network energies. */
    static final java.util.List<String> NETWORKS = java.util.List.of("hopfield", "qubo", "ising", "maxcut");

    /** The names of the user's objectives: a formula, or a class of theirs. */
    static final java.util.List<String> USER = java.util.List.of("expr", "class");

    /**
     * The dimension of the objective {@code name}: a network's number of units (read from its
     * file, which is then kept for {@link #objective}), or {@code dimension} for a built-in objective.
     *
     * @throws IllegalArgumentException for a missing or malformed file, files given to an objective
     *     that takes none, or a given {@code --dim} that differs from the network's size
     */
    public int dimension(String name, int dimension) {
        Objective user = user(name, dimension);
        if (user != null) {
            if (given("--dim") && dimension != user.dimension()) {
                throw new IllegalArgumentException("--dim " + dimension + " does not match the dimension "
                        + user.dimension() + " of --objective-class " + objectiveClass + "; leave --dim out");
            }
            return user.dimension();
        }
        Objective f = network(name);
        if (f == null) {
            return dimension;
        }
        if (given("--dim") && dimension != f.dimension()) {
            throw new IllegalArgumentException("--dim " + dimension + " does not match the " + f.dimension()
                    + " units of --objective " + name + " (" + source() + "); leave --dim out");
        }
        return f.dimension();
    }

    /** Whether {@code --objective-class} selects the objective (whatever {@code --objective} says). */
    public boolean selectsClass() {
        return objectiveClass != null;
    }

    private boolean given(String option) {
        return mixee != null && mixee.commandLine() != null && mixee.commandLine().getParseResult() != null
                && mixee.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** The user's objective (formula or class) selected by the name and options, or null. */
    private Objective user;
    private String userKey;

    private Objective user(String name, int dimension) {
        String k = key(name);
        boolean classGiven = objectiveClass != null;
        if (classGiven && given("--objective") && !k.equals("class")) {
            throw new IllegalArgumentException("--objective-class selects --objective class, got --objective " + name);
        }
        if (classGiven) {
            k = "class";
        }
        if (!USER.contains(k)) {
            if (expression != null) {
                throw new IllegalArgumentException("--expression applies to --objective expr only, got --objective " + name);
            }
            if (classpath != null) {
                throw new IllegalArgumentException("--classpath applies to --objective-class only");
            }
            return null;
        }
        String cacheKey = k + ":" + dimension;
        if (user != null && cacheKey.equals(userKey)) {
            return user;
        }
        String other = center != null ? "--center" : stiffness != null ? "--stiffness" : weights != null ? "--weights"
                : bias != null ? "--bias" : graph != null ? "--graph" : null;
        if (other != null) {
            throw new IllegalArgumentException(other + " does not apply to --objective " + k);
        }
        Objective f;
        if (k.equals("expr")) {
            if (expression == null) {
                throw new IllegalArgumentException("--objective expr needs --expression 'EXPR'");
            }
            if (classpath != null) {
                throw new IllegalArgumentException("--classpath applies to --objective-class only");
            }
            if (dimension < 1) {
                throw new IllegalArgumentException("--objective expr needs --dim n >= 1, got " + dimension);
            }
            try {
                f = io.github.hopflow.geometry.objective.ExpressionObjective.compile(expression, dimension);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--expression: " + e.getMessage(), e);
            }
        } else {
            if (objectiveClass == null) {
                throw new IllegalArgumentException("--objective class needs --objective-class NAME");
            }
            if (expression != null) {
                throw new IllegalArgumentException("--expression applies to --objective expr only");
            }
            f = UserClasses.load(objectiveClass, classpath, dimension);
        }
        user = f;
        userKey = cacheKey;
        return f;
    }

    /**
     * The objective {@code name} in {@code dimension} dimensions, with these options.
     *
     * @throws IllegalArgumentException for an unknown name, an unsupported dimension, a malformed
     *     centre or file, or options given to an objective that takes none
     */
    public Objective objective(String name, int dimension) {
        Objective u = user(name, dimension);
        if (u != null) {
            if (u.dimension() != dimension) {
                throw new IllegalArgumentException("--objective-class " + objectiveClass + " has dimension "
                        + u.dimension() + ", got --dim " + dimension);
            }
            return u;
        }
        Objective f = network(name);
        if (f != null) {
            if (f.dimension() != dimension) {
                throw new IllegalArgumentException("--objective " + name + " has " + f.dimension() + " units ("
                        + source() + "), got --dim " + dimension);
            }
            return f;
        }
        Map<String, double[]> params = new HashMap<>();
        if (center != null) {
            params.put(Objectives.CENTER, VectorConverter.parse("--center", center));
        }
        if (stiffness != null) {
            params.put(Objectives.STIFFNESS, new double[] {stiffness});
        }
        boolean quadratic = "quadratic".equals(key(name));
        if (!quadratic && (center != null || stiffness != null)) {
            throw new IllegalArgumentException((center != null ? "--center" : "--stiffness")
                    + " applies to --objective quadratic only, got --objective " + name);
        }
        try {
            return Objectives.byName(name, dimension, params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--objective " + name + ": " + e.getMessage()
                    + " (or one of the networks " + String.join(", ", NETWORKS) + ")", e);
        }
    }

    /** The network energy {@code name} from its files (read once), or null for a built-in name. */
    private Objective network(String name) {
        String k = key(name);
        if (!NETWORKS.contains(k)) {
            String given = weights != null ? "--weights" : bias != null ? "--bias" : graph != null ? "--graph" : null;
            if (given != null) {
                throw new IllegalArgumentException(given + " applies to --objective " + String.join(", ", NETWORKS)
                        + " only, got --objective " + name);
            }
            return null;
        }
        if (network != null && k.equals(networkName)) {
            return network;
        }
        if (center != null || stiffness != null) {
            throw new IllegalArgumentException((center != null ? "--center" : "--stiffness")
                    + " applies to --objective quadratic only, got --objective " + name);
        }
        Objective f;
        if (k.equals("maxcut")) {
            if (graph == null) {
                throw new IllegalArgumentException("--objective maxcut needs --graph G.txt");
            }
            if (weights != null || bias != null) {
                throw new IllegalArgumentException((weights != null ? "--weights" : "--bias")
                        + " does not apply to --objective maxcut (it takes --graph)");
            }
            f = QuadraticEnergy.maxCut(CliFiles.read("--graph", () -> NetworkFiles.readGraph(graph)));
        } else {
            if (weights == null) {
                throw new IllegalArgumentException("--objective " + k + " needs --weights W.mtx");
            }
            if (graph != null) {
                throw new IllegalArgumentException("--graph applies to --objective maxcut only, got --objective " + k);
            }
            if (bias != null && k.equals("qubo")) {
                throw new IllegalArgumentException("--bias does not apply to --objective qubo (fold it into the diagonal of Q)");
            }
            SymmetricSparseMatrix w = CliFiles.read("--weights", () -> NetworkFiles.readMatrix(weights));
            double[] b = bias == null ? null : CliFiles.read("--bias", () -> NetworkFiles.readVector(bias, w.size()));
            f = switch (k) {
                case "hopfield" -> QuadraticEnergy.hopfield(w, b);
                case "qubo" -> QuadraticEnergy.qubo(w);
                default -> QuadraticEnergy.ising(w, b);
            };
        }
        networkName = k;
        network = f;
        return f;
    }


    private String source() {
        return graph != null ? "--graph " + graph : "--weights " + weights;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Records the parameters that were given (none when absent) in a run's summary; with
     * {@code --objective-class}, the summary's {@code objective} becomes {@code class}.
     */
    public void describeInto(Map<String, Object> summary) {
        if (objectiveClass != null) {
            summary.put("objective", "class");
        }
        if (center != null) {
            summary.put("center", VectorConverter.parse("--center", center));
        }
        if (stiffness != null) {
            summary.put("stiffness", stiffness);
        }
        if (weights != null) {
            summary.put("weights", weights.toString());
        }
        if (bias != null) {
            summary.put("bias", bias.toString());
        }
        if (graph != null) {
            summary.put("graph", graph.toString());
        }
        if (expression != null) {
            summary.put("expression", expression);
        }
        if (objectiveClass != null) {
            summary.put("objective_class", objectiveClass);
            summary.put("classpath", classpath);
        }
    }
}
