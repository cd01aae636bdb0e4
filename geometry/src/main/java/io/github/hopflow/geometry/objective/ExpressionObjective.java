package io.github.hopflow.geometry.objective;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * An objective given as a formula in x1 … xn ({@link Expression} has the grammar), compiled once
 * to JVM bytecode by Janino, with an exact gradient by reverse-mode automatic differentiation: the
 * generated {@code value} evaluates the formula's nodes in order into local variables, and the
 * generated {@code gradient} does the same, then sweeps the nodes backwards accumulating each
 * node's adjoint ∂f/∂node into its operands (the chain rule, one multiply-add per operand), so that
 * a gradient costs a small constant times a value whatever n. Integer powers 2, 3 and 4 are
 * multiplied out. The code is straight-line Java, evaluated at the speed of the same formula
 * written as a lambda.
 *
 * <p>Immutable and thread-safe (the compiled code keeps no state).
 */
public final class ExpressionObjective implements Objective {

    /** The compiled code: implemented by the generated class. */
    public interface Kernel {
        /** f at x[offset .. offset + n). */
        double value(double[] x, int offset);

        /** ∇f at x[offset .. offset + n) into out[outOffset .. outOffset + n). */
        void gradient(double[] x, int offset, double[] out, int outOffset);
    }

    private final String text;
    private final int dimension;
    private final Kernel kernel;

    private ExpressionObjective(String text, int dimension, Kernel kernel) {
        this.text = text;
        this.dimension = dimension;
        this.kernel = kernel;
    }

    /**
     * Compiles {@code expression} over x1 … xn and checks that it is finite at the centre of the
     * unit cube.
     *
     * @param expression the formula
     * @param dimension n ≥ 1
     * @throws IllegalArgumentException for a formula that does not parse (with the position), names a
     *     variable beyond n, or is not finite at (½, …, ½)
     */
    public static ExpressionObjective compile(String expression, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be ≥ 1, got " + dimension);
        }
        Expression e = Expression.parse(expression, dimension);
        String source = source(e.nodes(), dimension);
        Kernel kernel;
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(ExpressionObjective.class.getClassLoader());
            compiler.cook(source);
            kernel = (Kernel) compiler.getClassLoader().loadClass("hopflow.generated.Formula")
                    .getDeclaredConstructor().newInstance();
        } catch (CompileException | ReflectiveOperationException e2) {
            throw new IllegalStateException("the expression '" + expression + "' parsed but did not compile: "
                    + e2.getMessage(), e2);
        }
        ExpressionObjective f = new ExpressionObjective(expression.trim(), dimension, kernel);
        double[] centre = new double[dimension];
        Arrays.fill(centre, 0.5);
        double v = f.value(centre);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("expression '" + expression + "' is " + v
                    + " at the centre of the cube, x = (0.5, ..., 0.5)");
        }
        return f;
    }

    /** The formula as given (trimmed). */
    public String expression() {
        return text;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return "expr";
    }

    @Override
    public double value(double[] x, int offset) {
        return kernel.value(x, offset);
    }

    @Override
    public void gradient(double[] x, int offset, double[] out, int outOffset) {
        kernel.gradient(x, offset, out, outOffset);
    }

    @Override
    public boolean hasAnalyticGradient() {
        return true;
    }

    @Override
    public String toString() {
        return "ExpressionObjective[" + text + ", n=" + dimension + "]";
    }

    /** The Java source of the kernel. */
    static String source(List<Expression.Node> nodes, int n) {
        StringBuilder forward = new StringBuilder();
        for (int k = 0; k < nodes.size(); k++) {
            forward.append("        final double t").append(k).append(" = ").append(value(nodes, k)).append(";\n");
        }
        int root = nodes.size() - 1;
        StringBuilder src = new StringBuilder();
        src.append("package hopflow.generated;\n\n");
        src.append("public final class Formula implements ").append(Kernel.class.getCanonicalName()).append(" {\n\n");
        src.append("    public double value(double[] x, int o) {\n").append(forward);
        src.append("        return t").append(root).append(";\n    }\n\n");
        src.append("    public void gradient(double[] x, int o, double[] g, int go) {\n").append(forward);
        for (int i = 0; i < n; i++) {
            src.append("        g[go + ").append(i).append("] = 0;\n");
        }
        for (int k = 0; k < nodes.size(); k++) {
            if (nodes.get(k).op() != Expression.Op.CONSTANT) {
                src.append("        double a").append(k).append(" = ").append(k == root ? "1" : "0").append(";\n");
            }
        }
        for (int k = root; k >= 0; k--) {
            src.append(adjoint(nodes, k));
        }
        src.append("    }\n}\n");
        return src.toString();
    }

    private static String literal(double c) {
        return Double.toString(c).toLowerCase(Locale.ROOT).replace("infinity", "(1.0 / 0.0)");
    }

    private static boolean constant(List<Expression.Node> nodes, int k) {
        return k >= 0 && nodes.get(k).op() == Expression.Op.CONSTANT;
    }

    private static String value(List<Expression.Node> nodes, int k) {
        Expression.Node d = nodes.get(k);
        String a = "t" + d.a();
        String b = "t" + d.b();
        switch (d.op()) {
            case CONSTANT: return literal(d.constant());
            case VARIABLE: return "x[o + " + d.variable() + "]";
            case ADD: return a + " + " + b;
            case SUBTRACT: return a + " - " + b;
            case MULTIPLY: return a + " * " + b;
            case DIVIDE: return a + " / " + b;
            case NEGATE: return "-" + a;
            case POWER:
                if (constant(nodes, d.b())) {
                    double c = nodes.get(d.b()).constant();
                    if (c == 2) {
                        return a + " * " + a;
                    }
                    if (c == 3) {
                        return a + " * " + a + " * " + a;
                    }
                    if (c == 4) {
                        return "(" + a + " * " + a + ") * (" + a + " * " + a + ")";
                    }
                }
                return "Math.pow(" + a + ", " + b + ")";
            case SQRT: return "Math.sqrt(" + a + ")";
            case EXP: return "Math.exp(" + a + ")";
            case LOG: return "Math.log(" + a + ")";
            case SIN: return "Math.sin(" + a + ")";
            case COS: return "Math.cos(" + a + ")";
            case TAN: return "Math.tan(" + a + ")";
            case ABS: return "Math.abs(" + a + ")";
            case MIN: return "Math.min(" + a + ", " + b + ")";
            case MAX: return "Math.max(" + a + ", " + b + ")";
            default: throw new IllegalStateException("unknown operation " + d.op());
        }
    }

    /** The backward-sweep lines of node k: its adjoint passed to its operands. */
    private static String adjoint(List<Expression.Node> nodes, int k) {
        Expression.Node d = nodes.get(k);
        String ak = "a" + k;
        String ta = "t" + d.a();
        String tb = "t" + d.b();
        String tk = "t" + k;
        StringBuilder s = new StringBuilder();
        switch (d.op()) {
            case CONSTANT:
                break;
            case VARIABLE:
                s.append("g[go + ").append(d.variable()).append("] += ").append(ak).append(";");
                break;
            case ADD:
                pass(s, nodes, d.a(), ak);
                pass(s, nodes, d.b(), ak);
                break;
            case SUBTRACT:
                pass(s, nodes, d.a(), ak);
                pass(s, nodes, d.b(), "-" + ak);
                break;
            case MULTIPLY:
                pass(s, nodes, d.a(), ak + " * " + tb);
                pass(s, nodes, d.b(), ak + " * " + ta);
                break;
            case DIVIDE:
                pass(s, nodes, d.a(), ak + " / " + tb);
                pass(s, nodes, d.b(), "-" + ak + " * " + tk + " / " + tb);
                break;
            case NEGATE:
                pass(s, nodes, d.a(), "-" + ak);
                break;
            case POWER:
                if (constant(nodes, d.b())) {
                    double c = nodes.get(d.b()).constant();
                    String derivative = c == 1 ? "1.0" : c == 2 ? "2.0 * " + ta
                            : literal(c) + " * Math.pow(" + ta + ", " + literal(c - 1) + ")";
                    pass(s, nodes, d.a(), ak + " * " + derivative);
                } else {
                    pass(s, nodes, d.a(), ak + " * " + tb + " * Math.pow(" + ta + ", " + tb + " - 1.0)");
                    pass(s, nodes, d.b(), ak + " * " + tk + " * Math.log(" + ta + ")");
                }
                break;
            case SQRT:
                pass(s, nodes, d.a(), ak + " * 0.5 / " + tk);
                break;
            case EXP:
                pass(s, nodes, d.a(), ak + " * " + tk);
                break;
            case LOG:
                pass(s, nodes, d.a(), ak + " / " + ta);
                break;
            case SIN:
                pass(s, nodes, d.a(), ak + " * Math.cos(" + ta + ")");
                break;
            case COS:
                pass(s, nodes, d.a(), "-" + ak + " * Math.sin(" + ta + ")");
                break;
            case TAN:
                pass(s, nodes, d.a(), ak + " * (1.0 + " + tk + " * " + tk + ")");
                break;
            case ABS:
                pass(s, nodes, d.a(), ak + " * Math.signum(" + ta + ")");
                break;
            case MIN:
            case MAX:
                String test = ta + (d.op() == Expression.Op.MIN ? " <= " : " >= ") + tb;
                StringBuilder first = new StringBuilder();
                pass(first, nodes, d.a(), ak);
                StringBuilder second = new StringBuilder();
                pass(second, nodes, d.b(), ak);
                s.append("if (").append(test).append(") { ").append(first).append(" } else { ").append(second)
                        .append(" }");
                break;
            default:
                throw new IllegalStateException("unknown operation " + d.op());
        }
        return s.length() == 0 ? "" : "        " + s + "\n";
    }

    /** Adds {@code amount} to the adjoint of operand {@code j} (nothing for a constant). */
    private static void pass(StringBuilder s, List<Expression.Node> nodes, int j, String amount) {
        if (!constant(nodes, j)) {
            s.append("a").append(j).append(" += ").append(amount).append("; ");
        }
    }
}
