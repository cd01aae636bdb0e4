package io.github.hopflow.examples.plot;

/**
 * A connected piece of a contour line: vertices (x[k], y[k]); closed when the last vertex
 * repeats the first.
 *
 * @param x vertex abscissae
 * @param y vertex ordinates, same length
 */
public record Polyline(double[] x, double[] y) {

    /** The number of vertices. */
    public int size() {
        return x.length;
    }

    /** Whether the line ends where it starts. */
    public boolean isClosed() {
        int n = x.length;
        return n > 2 && x[0] == x[n - 1] && y[0] == y[n - 1];
    }
}
