package io.github.hopflow.wasserstein.ot;

import io.github.hopflow.wasserstein.ConvergenceException;
import java.util.Arrays;

/**
 * Exact discrete optimal transport by the transportation (network) simplex method: minimises ⟨P, C⟩
 * over couplings P ≥ 0 with P𝟙 = a and Pᵀ𝟙 = b. For W_G² between small weighted clouds (up to a few
 * hundred points each) as a reference for the entropic solvers.
 *
 * <p>The method keeps a spanning tree of M + N − 1 basic cells (north-west-corner start), computes
 * the dual potentials u_j + v_i = C(j, i) on the tree, and pivots in the cell of most negative
 * reduced cost C(j, i) − u_j − v_i within a block of about √(MN) cells (block search, as in the
 * network simplex of LEMON used by POT's {@code emd}); the cycle through the entering cell is found
 * in the tree and the smallest flow on its decreasing cells leaves. It stops when no reduced cost is
 * below −1e−13·max C. Degenerate pivots are allowed; a pivot cap guards against cycling.
 */
public final class ExactTransport {

    private ExactTransport() {
    }

    /**
     * Solves the transport problem.
     *
     * @param rows M
     * @param cols N
     * @param cost C, row-major M × N, finite. Not modified.
     * @param a M positive finite masses. Not modified.
     * @param b N positive finite masses with Σb = Σa up to a relative 1e−9. Not modified.
     * @return the optimal cost and plan; both marginals are rescaled to total mass 1 internally
     *     and the plan is reported at the mass of {@code a}
     * @throws IllegalArgumentException for bad sizes or masses
     * @throws ConvergenceException if the pivot cap is reached
     */
    public static ExactTransportResult solve(int rows, int cols, double[] cost, double[] a, double[] b) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("rows and cols must be > 0, got " + rows + " and " + cols);
        }
        if (cost.length != (long) rows * cols) {
            throw new IllegalArgumentException("cost must have length " + ((long) rows * cols) + ", got " + cost.length);
        }
        if (a.length != rows) {
            throw new IllegalArgumentException("a must have length " + rows + ", got " + a.length);
        }
        if (b.length != cols) {
            throw new IllegalArgumentException("b must have length " + cols + ", got " + b.length);
        }
        double sa = Masses.checkPositive("a", a);
        double sb = Masses.checkPositive("b", b);
        if (Math.abs(sa - sb) > 1e-9 * Math.max(sa, sb)) {
            throw new IllegalArgumentException("total masses differ: sum(a) = " + sa + ", sum(b) = " + sb);
        }
        double maxC = 0;
        for (int k = 0; k < cost.length; k++) {
            if (!Double.isFinite(cost[k])) {
                throw new IllegalArgumentException("cost[" + k + "] must be finite, got " + cost[k]);
            }
            maxC = Math.max(maxC, Math.abs(cost[k]));
        }
        return new Solver(rows, cols, cost, a, sa, b, sb, maxC).run();
    }

    private static final class Solver {
        final int m;
        final int n;
        final double[] c;
        final double mass;
        final int basic;
        final int[] cellRow;
        final int[] cellCol;
        final double[] flow;
        final double[] u;
        final double[] v;
        // tree adjacency: for each node, the basic cells touching it
        final int[] adjStart;
        final int[] adjCount;
        final int[] adj;
        final int[] parentCell;
        final int[] queue;
        final boolean[] seen;
        final double threshold;

        Solver(int m, int n, double[] c, double[] a, double sa, double[] b, double sb, double maxC) {
            this.m = m;
            this.n = n;
            this.c = c;
            this.mass = sa;
            this.basic = m + n - 1;
            cellRow = new int[basic];
            cellCol = new int[basic];
            flow = new double[basic];
            u = new double[m];
            v = new double[n];
            adjStart = new int[m + n + 1];
            adjCount = new int[m + n];
            adj = new int[2 * basic];
            parentCell = new int[m + n];
            queue = new int[m + n];
            seen = new boolean[m + n];
            threshold = -1e-13 * Math.max(maxC, Double.MIN_NORMAL);
            northWest(a, sa, b, sb);
        }

        private void northWest(double[] a, double sa, double[] b, double sb) {
            double[] ra = new double[m];
            double[] rb = new double[n];
            for (int j = 0; j < m; j++) {
                ra[j] = a[j] / sa;
            }
            for (int i = 0; i < n; i++) {
                rb[i] = b[i] / sb;
            }
            int j = 0;
            int i = 0;
            for (int k = 0; k < basic; k++) {
                double x = Math.max(0.0, Math.min(ra[j], rb[i]));
                cellRow[k] = j;
                cellCol[k] = i;
                flow[k] = x;
                ra[j] -= x;
                rb[i] -= x;
                if (j == m - 1) {
                    i++;
                } else if (i == n - 1) {
                    j++;
                } else if (ra[j] <= rb[i]) {
                    j++;
                } else {
                    i++;
                }
            }
        }

        private void buildAdjacency() {
            Arrays.fill(adjCount, 0);
            for (int k = 0; k < basic; k++) {
                adjCount[cellRow[k]]++;
                adjCount[m + cellCol[k]]++;
            }
            adjStart[0] = 0;
            for (int node = 0; node < m + n; node++) {
                adjStart[node + 1] = adjStart[node] + adjCount[node];
            }
            Arrays.fill(adjCount, 0);
            for (int k = 0; k < basic; k++) {
                int r = cellRow[k];
                int q = m + cellCol[k];
                adj[adjStart[r] + adjCount[r]++] = k;
                adj[adjStart[q] + adjCount[q]++] = k;
            }
        }

        /** Duals with u_0 = 0 by breadth-first search over the tree. */
        private void duals() {
            Arrays.fill(seen, false);
            int head = 0;
            int tail = 0;
            queue[tail++] = 0;
            seen[0] = true;
            u[0] = 0;
            while (head < tail) {
                int node = queue[head++];
                for (int p = adjStart[node]; p < adjStart[node + 1]; p++) {
                    int k = adj[p];
                    int r = cellRow[k];
                    int q = m + cellCol[k];
                    int other = node == r ? q : r;
                    if (seen[other]) {
                        continue;
                    }
                    seen[other] = true;
                    double ck = c[r * n + cellCol[k]];
                    if (other >= m) {
                        v[other - m] = ck - u[r];
                    } else {
                        u[other] = ck - v[q - m];
                    }
                    queue[tail++] = other;
                }
            }
            if (tail != m + n) {
                throw new IllegalStateException("basis is not a spanning tree (" + tail + " of " + (m + n) + " nodes)");
            }
        }

        /** Tree path from column node (m + col) back to row node {@code row}: parent cells via BFS from row. */
        private void pathFromRow(int row) {
            Arrays.fill(seen, false);
            int head = 0;
            int tail = 0;
            queue[tail++] = row;
            seen[row] = true;
            parentCell[row] = -1;
            while (head < tail) {
                int node = queue[head++];
                for (int p = adjStart[node]; p < adjStart[node + 1]; p++) {
                    int k = adj[p];
                    int r = cellRow[k];
                    int q = m + cellCol[k];
                    int other = node == r ? q : r;
                    if (!seen[other]) {
                        seen[other] = true;
                        parentCell[other] = k;
                        queue[tail++] = other;
                    }
                }
            }
        }

        ExactTransportResult run() {
            long cells = (long) m * n;
            int block = (int) Math.max(Math.min(cells, 16), Math.ceil(Math.sqrt((double) cells)));
            long maxPivots = 20L * cells + 10_000L;
            long pivots = 0;
            long cursor = 0;
            int[] cycle = new int[basic];
            boolean[] minus = new boolean[basic];
            while (true) {
                buildAdjacency();
                duals();
                // block search for an entering cell
                int enter = -1;
                double best = threshold;
                long scanned = 0;
                while (scanned < cells) {
                    long end = Math.min(scanned + block, cells);
                    for (long s = scanned; s < end; s++) {
                        int cell = (int) ((cursor + s) % cells);
                        int j = cell / n;
                        int i = cell - j * n;
                        double rc = c[cell] - u[j] - v[i];
                        if (rc < best) {
                            best = rc;
                            enter = cell;
                        }
                    }
                    scanned = end;
                    if (enter >= 0) {
                        break;
                    }
                }
                if (enter < 0) {
                    break;
                }
                cursor = (cursor + scanned) % cells;
                if (++pivots > maxPivots) {
                    throw new ConvergenceException("exact transport simplex reached its pivot cap", (int) Math.min(pivots,
                            Integer.MAX_VALUE), best);
                }
                int ej = enter / n;
                int ei = enter - ej * n;
                pathFromRow(ej);
                // walk from column node back to row ej: cells alternate -, +, -, ...
                int len = 0;
                int node = m + ei;
                boolean sign = true;
                double theta = Double.POSITIVE_INFINITY;
                int leave = -1;
                while (node != ej) {
                    int k = parentCell[node];
                    cycle[len] = k;
                    minus[len] = sign;
                    if (sign && (flow[k] < theta || leave < 0)) {
                        theta = flow[k];
                        leave = len;
                    }
                    len++;
                    sign = !sign;
                    node = node == cellRow[k] ? m + cellCol[k] : cellRow[k];
                }
                for (int t = 0; t < len; t++) {
                    int k = cycle[t];
                    flow[k] += minus[t] ? -theta : theta;
                    if (flow[k] < 0) {
                        flow[k] = 0;
                    }
                }
                int out = cycle[leave];
                cellRow[out] = ej;
                cellCol[out] = ei;
                flow[out] = theta;
            }
            double total = 0;
            int nonzero = 0;
            for (int k = 0; k < basic; k++) {
                total += flow[k] * c[cellRow[k] * n + cellCol[k]];
                if (flow[k] > 0) {
                    nonzero++;
                }
            }
            int[] pr = new int[nonzero];
            int[] pc = new int[nonzero];
            double[] pm = new double[nonzero];
            for (int k = 0, t = 0; k < basic; k++) {
                if (flow[k] > 0) {
                    pr[t] = cellRow[k];
                    pc[t] = cellCol[k];
                    pm[t] = flow[k] * mass;
                    t++;
                }
            }
            return new ExactTransportResult(total * mass, pr, pc, pm, (int) pivots, u.clone(), v.clone());
        }
    }
}
