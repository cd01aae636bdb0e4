package io.github.hopflow.examples.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contour lines {value = level} of a {@link GridField} by marching squares: each grid cell whose
 * corners lie on both sides of the level contributes a segment between the crossing points on its
 * edges (linear interpolation along the edge); ambiguous saddle cells are resolved with the mean of
 * the four corners. Segments are then joined, through the grid edges they share, into polylines.
 * Cells with a NaN corner are skipped.
 */
public final class MarchingSquares {

    private static final int BOTTOM = 0;
    private static final int RIGHT = 1;
    private static final int TOP = 2;
    private static final int LEFT = 3;

    private MarchingSquares() {
    }

    /** The contour lines of {@code field} at {@code level}. */
    public static List<Polyline> contour(GridField field, double level) {
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("contour level must be finite, got " + level);
        }
        Segments segments = new Segments();
        int nx = field.nx();
        int ny = field.ny();
        int[] crossed = new int[4];
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                double v00 = field.value(i, j);
                double v10 = field.value(i + 1, j);
                double v11 = field.value(i + 1, j + 1);
                double v01 = field.value(i, j + 1);
                if (Double.isNaN(v00) || Double.isNaN(v10) || Double.isNaN(v11) || Double.isNaN(v01)) {
                    continue;
                }
                boolean a00 = v00 >= level;
                boolean a10 = v10 >= level;
                boolean a11 = v11 >= level;
                boolean a01 = v01 >= level;
                int count = 0;
                if (a00 != a10) {
                    crossed[count++] = BOTTOM;
                }
                if (a10 != a11) {
                    crossed[count++] = RIGHT;
                }
                if (a11 != a01) {
                    crossed[count++] = TOP;
                }
                if (a01 != a00) {
                    crossed[count++] = LEFT;
                }
                if (count == 2) {
                    segments.add(field, level, i, j, crossed[0], crossed[1]);
                } else if (count == 4) {
                    boolean centreAbove = (v00 + v10 + v11 + v01) / 4 >= level;
                    if (a00 != centreAbove) {
                        segments.add(field, level, i, j, BOTTOM, LEFT);
                        segments.add(field, level, i, j, RIGHT, TOP);
                    } else {
                        segments.add(field, level, i, j, BOTTOM, RIGHT);
                        segments.add(field, level, i, j, TOP, LEFT);
                    }
                }
            }
        }
        return segments.join();
    }

    /** Contour lines for several levels, in the order given. */
    public static List<List<Polyline>> contours(GridField field, double[] levels) {
        List<List<Polyline>> out = new ArrayList<>(levels.length);
        for (double level : levels) {
            out.add(contour(field, level));
        }
        return out;
    }

    /** Segments of one level, each end keyed by the grid edge it lies on. */
    private static final class Segments {
        private final List<long[]> keys = new ArrayList<>();
        private final List<double[]> points = new ArrayList<>();

        void add(GridField f, double level, int i, int j, int e1, int e2) {
            long k1 = edgeKey(f, i, j, e1);
            long k2 = edgeKey(f, i, j, e2);
            double[] p1 = crossing(f, level, i, j, e1);
            double[] p2 = crossing(f, level, i, j, e2);
            keys.add(new long[] {k1, k2});
            points.add(new double[] {p1[0], p1[1], p2[0], p2[1]});
        }

        /** Horizontal edge (i, j)→(i+1, j) has key 2(j·nx + i); vertical (i, j)→(i, j+1) has 2(j·nx + i) + 1. */
        private static long edgeKey(GridField f, int i, int j, int edge) {
            long nx = f.nx();
            switch (edge) {
                case BOTTOM: return 2 * (j * nx + i);
                case TOP: return 2 * ((j + 1) * nx + i);
                case LEFT: return 2 * (j * nx + i) + 1;
                default: return 2 * (j * nx + i + 1) + 1;
            }
        }

        private static double[] crossing(GridField f, double level, int i, int j, int edge) {
            int ia;
            int ja;
            int ib;
            int jb;
            switch (edge) {
                case BOTTOM: ia = i; ja = j; ib = i + 1; jb = j; break;
                case TOP: ia = i; ja = j + 1; ib = i + 1; jb = j + 1; break;
                case LEFT: ia = i; ja = j; ib = i; jb = j + 1; break;
                default: ia = i + 1; ja = j; ib = i + 1; jb = j + 1; break;
            }
            double va = f.value(ia, ja);
            double vb = f.value(ib, jb);
            double t = va == vb ? 0.5 : (level - va) / (vb - va);
            return new double[] {
                f.x(ia) + t * (f.x(ib) - f.x(ia)),
                f.y(ja) + t * (f.y(jb) - f.y(ja)),
            };
        }

        List<Polyline> join() {
            int n = keys.size();
            Map<Long, int[]> incidence = new HashMap<>(2 * n);
            for (int s = 0; s < n; s++) {
                for (int end = 0; end < 2; end++) {
                    long key = keys.get(s)[end];
                    int[] inc = incidence.get(key);
                    if (inc == null) {
                        incidence.put(key, new int[] {s, -1});
                    } else {
                        inc[1] = s;
                    }
                }
            }
            boolean[] used = new boolean[n];
            List<Polyline> lines = new ArrayList<>();
            // open lines first (they start at an edge used by one segment only), then loops
            for (int pass = 0; pass < 2; pass++) {
                for (int s = 0; s < n; s++) {
                    if (used[s]) {
                        continue;
                    }
                    int startEnd = -1;
                    if (pass == 0) {
                        for (int end = 0; end < 2 && startEnd < 0; end++) {
                            if (incidence.get(keys.get(s)[end])[1] < 0) {
                                startEnd = end;
                            }
                        }
                        if (startEnd < 0) {
                            continue;
                        }
                    } else {
                        startEnd = 0;
                    }
                    lines.add(walk(s, startEnd, incidence, used));
                }
            }
            return lines;
        }

        private Polyline walk(int first, int startEnd, Map<Long, int[]> incidence, boolean[] used) {
            List<double[]> pts = new ArrayList<>();
            int s = first;
            int entry = startEnd;
            double[] p = points.get(s);
            pts.add(new double[] {p[2 * entry], p[2 * entry + 1]});
            while (s >= 0 && !used[s]) {
                used[s] = true;
                int exit = 1 - entry;
                double[] q = points.get(s);
                pts.add(new double[] {q[2 * exit], q[2 * exit + 1]});
                long key = keys.get(s)[exit];
                int[] inc = incidence.get(key);
                int next = inc[0] == s ? inc[1] : inc[0];
                if (next < 0 || used[next]) {
                    break;
                }
                entry = keys.get(next)[0] == key ? 0 : 1;
                s = next;
            }
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = pts.get(k)[0];
                y[k] = pts.get(k)[1];
            }
            return new Polyline(x, y);
        }
    }
}
