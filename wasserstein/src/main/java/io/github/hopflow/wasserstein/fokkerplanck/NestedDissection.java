package io.github.hopflow.wasserstein.fokkerplanck;

/**
 * A geometric nested-dissection ordering of the cells of a grid, the fill-reducing ordering of
 * the sparse factorisation: the index box is cut along its longest axis by a one-cell-thick
 * plane, the two halves are ordered recursively and the plane is numbered after them. With the
 * nearest-neighbour (2n + 1)-point stencil the plane separates the halves, so eliminating them
 * first creates no fill between them: the factor of an M × M grid has O(M² log M) entries instead
 * of the O(M³) of the natural (banded) order, and that of an M × M × M grid O(M⁴) instead of O(M⁵)
 * (George, SIAM J. Numer. Anal. 10, 1973).
 */
final class NestedDissection {

    /** Boxes with at most this many cells are numbered in natural order. */
    private static final int LEAF = 4;

    private final int[] cells;
    private final int[] stride;
    private final int[] order;
    private int next;

    private NestedDissection(FokkerPlanckGrid grid) {
        int n = grid.dimension();
        this.cells = grid.cellsPerAxis();
        this.stride = new int[n];
        for (int i = 0; i < n; i++) {
            stride[i] = grid.stride(i);
        }
        this.order = new int[grid.cellCount()];
    }

    /**
     * The ordering: element p is the flat cell index that is eliminated p-th. In one dimension the
     * natural order (a tridiagonal matrix has no fill-in).
     *
     * @param grid the grid
     * @return a permutation of 0 … cellCount − 1 (a fresh array)
     */
    static int[] order(FokkerPlanckGrid grid) {
        int n = grid.dimension();
        if (n == 1) {
            int[] natural = new int[grid.cellCount()];
            for (int k = 0; k < natural.length; k++) {
                natural[k] = k;
            }
            return natural;
        }
        NestedDissection nd = new NestedDissection(grid);
        int[] lo = new int[n];
        int[] hi = nd.cells.clone();
        nd.dissect(lo, hi);
        return nd.order;
    }

    /** Orders the cells lo ≤ j &lt; hi (per axis). lo and hi are restored on return. */
    private void dissect(int[] lo, int[] hi) {
        int n = cells.length;
        long size = 1;
        int axis = 0;
        int longest = 0;
        for (int i = 0; i < n; i++) {
            int len = hi[i] - lo[i];
            size *= len;
            if (len > longest) {
                longest = len;
                axis = i;
            }
        }
        if (size == 0) {
            return;
        }
        if (size <= LEAF || longest < 3) {
            number(lo, hi);
            return;
        }
        int a = lo[axis];
        int b = hi[axis];
        int mid = (a + b) >>> 1;
        hi[axis] = mid;
        dissect(lo, hi);
        hi[axis] = b;
        lo[axis] = mid + 1;
        dissect(lo, hi);
        lo[axis] = mid;
        hi[axis] = mid + 1;
        number(lo, hi);
        lo[axis] = a;
        hi[axis] = b;
    }

    /** Appends the cells of the box (two or three dimensions) in natural (row-major) order. */
    private void number(int[] lo, int[] hi) {
        int n = cells.length;
        if (n == 2) {
            for (int j0 = lo[0]; j0 < hi[0]; j0++) {
                for (int j1 = lo[1]; j1 < hi[1]; j1++) {
                    order[next++] = j0 * stride[0] + j1 * stride[1];
                }
            }
        } else {
            for (int j0 = lo[0]; j0 < hi[0]; j0++) {
                for (int j1 = lo[1]; j1 < hi[1]; j1++) {
                    for (int j2 = lo[2]; j2 < hi[2]; j2++) {
                        order[next++] = j0 * stride[0] + j1 * stride[1] + j2 * stride[2];
                    }
                }
            }
        }
    }
}
