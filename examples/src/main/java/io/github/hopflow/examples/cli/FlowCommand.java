package io.github.hopflow.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hopflow.geometry.flow.DeterministicFlows;
import io.github.hopflow.geometry.flow.FlowMethod;
import io.github.hopflow.geometry.flow.FlowOptions;
import io.github.hopflow.geometry.flow.Trajectory;
import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.objective.Objective;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hopflow flow}: runs one deterministic flow on a built-in objective and prints its trajectory. */
@Command(
        name = "flow",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one deterministic Hopfield flow from a point and prints the final point, f there and the trajectory.",
            "K steps of size h. Methods: hopfield (hidden-state ODE, adaptive "
                    + "Dormand-Prince, sampled every h), natural-gradient-ode (eq. (6), adaptive), natural-gradient "
                    + "(recursion (5)), mirror (mirror descent in the hidden variable), proximal (proximal natural "
                    + "gradient (56)), firing-rate (x' = -x + prox(x - gamma grad f), explicit Euler, box prox).",
            "The metric is the paper's example (mobility 4βx(1 − x)), the logistic network's (βx(1 − x)) "
                    + "or the Euclidean metric on R^n.",
        })
public final class FlowCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--objective", defaultValue = "himmelblau", paramLabel = "NAME",
            description = ObjectiveOptions.DESCRIPTION)
    String objective;

    @Option(names = "--dim", paramLabel = "n", defaultValue = "2",
            description = "Dimension n (himmelblau: 2 only). Default: ${DEFAULT-VALUE}.")
    int dimension;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "natural-gradient",
            description = "hopfield, natural-gradient-ode, natural-gradient, mirror, proximal or firing-rate. "
                    + "Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--from", required = true, paramLabel = "x1,x2,...",
            description = "Initial point x0 (comma-separated, n entries; inside (0,1)^n for the Hopfield metric).")
    String from;

    @Option(names = "--step", paramLabel = "h", defaultValue = "1e-3",
            description = "Step size h > 0 (sampling interval of the ODE methods). Default: ${DEFAULT-VALUE}.")
    double step;

    @Option(names = "--steps", paramLabel = "K", defaultValue = "1000",
            description = "Number of steps K ≥ 0. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Mixin
    MetricOptions metricOptions;

    @Mixin
    ObjectiveOptions objectiveOptions;

    @Option(names = "--gamma", paramLabel = "γ", defaultValue = "1",
            description = "γ > 0 of the firing-rate flow. Default: ${DEFAULT-VALUE}.")
    double gamma;

    @Option(names = "--every", paramLabel = "k", defaultValue = "1",
            description = "Print every k-th state of the trajectory (the last one always). Default: ${DEFAULT-VALUE}.")
    int every;

    @Option(names = "--json", description = "Print JSON with keys final, value, trajectory (and method, "
            + "objective, value_evaluations, gradient_evaluations).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        dimension = objectiveOptions.dimension(objective, dimension);
        FlowMethod m;
        try {
            m = FlowMethod.byName(method);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--method: " + e.getMessage(), e);
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("--dim must be > 0, got " + dimension);
        }
        Checks.positive("--step", step);
        if (steps < 0) {
            throw new IllegalArgumentException("--steps must be ≥ 0, got " + steps);
        }
        Sizes.requireFits("--steps " + steps + " with --dim " + dimension,
                Sizes.product(steps + 2L, dimension + 3L), 2);
        if (every <= 0) {
            throw new IllegalArgumentException("--every must be > 0, got " + every);
        }
        Checks.positive("--gamma", gamma);
        double[] x0 = VectorConverter.parse("--from", from);
        if (x0.length != dimension) {
            throw new IllegalArgumentException("--from must have " + dimension + " entries (--dim), got " + x0.length
                    + ": '" + from + "'");
        }
        Objective f = objectiveOptions.objective(objective, dimension);
        DiagonalMetric metric = metricOptions.metric(dimension);
        Trajectory t;
        try {
            t = DeterministicFlows.run(m, f, metric, x0, step, steps, FlowOptions.defaults().withGamma(gamma));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^x0", "--from"));
        }
        print(t);
        return 0;
    }

    private void print(Trajectory t) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int n = t.dimension();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("method", t.method().cliName());
            root.put("objective", objectiveOptions.selectsClass() ? "class" : objective);
            ArrayNode fin = root.putArray("final");
            for (double v : t.finalState()) {
                fin.add(v);
            }
            root.put("value", t.finalValue());
            root.put("value_evaluations", t.valueEvaluations());
            root.put("gradient_evaluations", t.gradientEvaluations());
            ArrayNode traj = root.putArray("trajectory");
            for (int k = 0; k < t.size(); k++) {
                if (k % every != 0 && k != t.size() - 1) {
                    continue;
                }
                ObjectNode row = traj.addObject();
                row.put("t", t.time(k));
                ArrayNode x = row.putArray("x");
                for (int i = 0; i < n; i++) {
                    x.add(t.state(k, i));
                }
                row.put("f", t.value(k));
            }
            out.println(mapper.writeValueAsString(root));
        } else {
            out.println("method " + t.method().cliName() + ", objective " + objective + ", " + (t.size() - 1)
                    + " steps");
            out.println("final " + Arrays.toString(t.finalState()));
            out.println("value " + t.finalValue());
            out.println("evaluations f " + t.valueEvaluations() + ", grad f " + t.gradientEvaluations());
            out.println("trajectory (t, x, f)");
            for (int k = 0; k < t.size(); k++) {
                if (k % every != 0 && k != t.size() - 1) {
                    continue;
                }
                out.println(t.time(k) + " " + Arrays.toString(t.state(k)) + " " + t.value(k));
            }
        }
        out.flush();
    }
}
