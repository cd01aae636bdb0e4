package io.github.hopflow.geometry.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A formula in x1 … xn, parsed into a list of nodes in evaluation order (every node after the
 * nodes it reads), the form {@link ExpressionObjective} compiles. Grammar, with the usual
 * precedence and {@code ^} binding tighter than a unary minus and associating to the right:
 * <pre>
 *   sum     = product (("+" | "-") product)*
 *   product = unary (("*" | "/") unary)*
 *   unary   = ("-" | "+") unary | power
 *   power   = atom ("^" unary)?
 *   atom    = number | "x" index | "pi" | name "(" sum ("," sum)* ")" | "(" sum ")"
 * </pre>
 * with the functions sqrt, exp, log, sin, cos, tan, abs (one argument) and min, max (two).
 */
final class Expression {

    /** The operations of the nodes. */
    enum Op {
        CONSTANT, VARIABLE, ADD, SUBTRACT, MULTIPLY, DIVIDE, NEGATE, POWER, SQRT, EXP, LOG, SIN, COS, TAN, ABS, MIN, MAX
    }

    /**
     * One node: its operation, its operands (indices of earlier nodes, −1 when absent), a constant's
     * value or a variable's index (0-based).
     */
    record Node(Op op, int a, int b, double constant, int variable) {
    }

    private final List<Node> nodes;

    private Expression(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** The nodes in evaluation order; the last is the result. */
    List<Node> nodes() {
        return nodes;
    }

    /**
     * Parses {@code text} over the variables x1 … xn.
     *
     * @throws IllegalArgumentException naming the problem and its position (1-based character)
     */
    static Expression parse(String text, int dimension) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the expression is empty");
        }
        Parser p = new Parser(text, dimension);
        p.skip();
        int root = p.sum();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        if (root < 0) {
            throw p.error("no value");
        }
        return new Expression(p.nodes);
    }

    private static final class Parser {
        private final String s;
        private final int n;
        private final List<Node> nodes = new ArrayList<>();
        private int pos;

        Parser(String s, int n) {
            this.s = s;
            this.n = n;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("expression '" + s + "': " + message + " at position " + (pos + 1));
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        int add(Op op, int a, int b, double constant, int variable) {
            nodes.add(new Node(op, a, b, constant, variable));
            return nodes.size() - 1;
        }

        int sum() {
            int left = product();
            while (true) {
                if (eat('+')) {
                    left = add(Op.ADD, left, product(), 0, -1);
                } else if (eat('-')) {
                    left = add(Op.SUBTRACT, left, product(), 0, -1);
                } else {
                    return left;
                }
            }
        }

        int product() {
            int left = unary();
            while (true) {
                if (eat('*')) {
                    left = add(Op.MULTIPLY, left, unary(), 0, -1);
                } else if (eat('/')) {
                    left = add(Op.DIVIDE, left, unary(), 0, -1);
                } else {
                    return left;
                }
            }
        }

        int unary() {
            if (eat('-')) {
                return add(Op.NEGATE, unary(), -1, 0, -1);
            }
            if (eat('+')) {
                return unary();
            }
            return power();
        }

        int power() {
            int base = atom();
            if (eat('^')) {
                return add(Op.POWER, base, unary(), 0, -1);
            }
            return base;
        }

        int atom() {
            skip();
            if (pos >= s.length()) {
                throw error("the expression ends where a value is expected");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                int inner = sum();
                if (!eat(')')) {
                    throw error("expected ')'");
                }
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    int mark = pos;
                    pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = mark;
                    }
                }
                String number = s.substring(start, pos);
                double value;
                try {
                    value = Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("malformed number '" + number + "'");
                }
                if (!Double.isFinite(value)) {
                    pos = start;
                    throw error("the number " + number + " is out of range");
                }
                return add(Op.CONSTANT, -1, -1, value, -1);
            }
            if (Character.isLetter(c)) {
                int start = pos;
                while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                    pos++;
                }
                String word = s.substring(start, pos).toLowerCase(Locale.ROOT);
                if (word.equals("pi")) {
                    return add(Op.CONSTANT, -1, -1, Math.PI, -1);
                }
                if (word.matches("x[0-9]+")) {
                    long index = Long.parseLong(word.substring(1));
                    if (index < 1 || index > n) {
                        pos = start;
                        throw error("variable " + word + " is outside x1..x" + n + " (n = " + n + ")");
                    }
                    return add(Op.VARIABLE, -1, -1, 0, (int) index - 1);
                }
                Op f = function(word);
                if (f == null) {
                    pos = start;
                    throw error("unknown name '" + word + "' (variables x1..x" + n
                            + ", pi, and sqrt, exp, log, sin, cos, tan, abs, min, max)");
                }
                if (!eat('(')) {
                    throw error("expected '(' after " + word);
                }
                int a = sum();
                int b = -1;
                boolean two = f == Op.MIN || f == Op.MAX;
                if (two) {
                    if (!eat(',')) {
                        throw error(word + " takes two arguments");
                    }
                    b = sum();
                }
                if (!eat(')')) {
                    throw error("expected ')' after the argument" + (two ? "s" : "") + " of " + word);
                }
                return add(f, a, b, 0, -1);
            }
            throw error("unexpected '" + c + "'");
        }

        private static Op function(String name) {
            switch (name) {
                case "sqrt": return Op.SQRT;
                case "exp": return Op.EXP;
                case "log": return Op.LOG;
                case "sin": return Op.SIN;
                case "cos": return Op.COS;
                case "tan": return Op.TAN;
                case "abs": return Op.ABS;
                case "min": return Op.MIN;
                case "max": return Op.MAX;
                default: return null;
            }
        }
    }
}
