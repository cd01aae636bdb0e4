package io.github.hopflow.wasserstein.cost;

import io.github.hopflow.wasserstein.internal.Parallel;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Matrices of squared Euclidean distances C(j, i) = ‖u_j − v_i‖² between M row points u and N
 * column points v. With u, v isometric coordinates of a diagonal metric this is the ground cost
 * d_G² of optimal transport and of the proximal step (docs/design.md §1).
 *
 * <p>Two paths:
 * <ul>
 *   <li>direct differences Σ_k (u_jk − v_ik)², used for low dimension (n &lt;
 *       {@link #GEMM_MIN_DIMENSION}); exact to rounding and multi-threaded over rows;</li>
 *   <li>the GEMM form ‖u_j‖² + ‖v_i‖² − 2 u_j·v_i through native BLAS (jblas {@code dgemm}) for high
 *       dimension. Rounding leaves an absolute error of order 1e−16·(‖u_j‖² + ‖v_i‖²); negative
 *       results of that cancellation are clamped to 0.</li>
 * </ul>
 * When the native library cannot be loaded (jblas needs libgfortran5), or when the system property
 * {@value #DISABLE_NATIVE_PROPERTY} is {@code true}, the high-dimensional path falls back to direct
 * differences in pure Java; a missing library is reported once per JVM as a warning on the
 * {@code io.github.hopflow.wasserstein.cost} logger.
 */
public final class SquaredDistances {

    /** System property that, when {@code true}, keeps the native BLAS path off. */
    public static final String DISABLE_NATIVE_PROPERTY = "hopflow.jblas.disable";

    /** Dimensions from this one up use the GEMM form when native BLAS is available. */
    public static final int GEMM_MIN_DIMENSION = 8;

    private static final Logger LOG = Logger.getLogger(SquaredDistances.class.getPackageName());

    /** Package-private switch for tests: when true the native path is never used. */
    static volatile boolean forceJava;

    private SquaredDistances() {
    }

    /** The path a computation takes. */
    public enum Method {
        /** Direct differences in Java. */
        DIRECT,
        /** ‖u‖² + ‖v‖² − 2uvᵀ with native dgemm. */
        NATIVE_GEMM
    }

    /**
     * Fills {@code out} (row-major M × N) with ‖u_j − v_i‖².
     *
     * @param dimension n &gt; 0
     * @param u row points, flat row-major M × n. Not modified.
     * @param v column points, flat row-major N × n. Not modified.
     * @param out length at least M·N. Modified.
     * @param parallelism maximum number of threads for the direct path
     * @return the path taken
     */
    public static Method compute(int dimension, double[] u, double[] v, double[] out, int parallelism) {
        int rows = checkFlat("u", u, dimension);
        int cols = checkFlat("v", v, dimension);
        if (out.length < (long) rows * cols) {
            throw new IllegalArgumentException("out must have length at least " + ((long) rows * cols)
                    + ", got " + out.length);
        }
        Method m = choose(dimension);
        if (m == Method.NATIVE_GEMM) {
            gemm(dimension, u, rows, v, cols, out);
        } else {
            direct(dimension, u, rows, v, cols, out, parallelism);
        }
        return m;
    }

    /** The path {@link #compute} takes for {@code dimension} in this JVM. */
    public static Method choose(int dimension) {
        if (dimension >= GEMM_MIN_DIMENSION && nativeAllowed() && NativeHolder.AVAILABLE) {
            return Method.NATIVE_GEMM;
        }
        return Method.DIRECT;
    }

    /** Whether the native BLAS library loaded in this JVM (loading it on first call). */
    public static boolean nativeBlasAvailable() {
        return NativeHolder.AVAILABLE;
    }

    private static boolean nativeAllowed() {
        return !forceJava && !Boolean.getBoolean(DISABLE_NATIVE_PROPERTY);
    }

    /** Direct differences; rows split across threads. */
    static void direct(int n, double[] u, int rows, double[] v, int cols, double[] out, int parallelism) {
        Parallel.forBlocks(rows, (long) rows * cols * n, parallelism, (from, to) -> {
            for (int j = from; j < to; j++) {
                int uj = j * n;
                int row = j * cols;
                if (n == 1) {
                    double a = u[uj];
                    for (int i = 0; i < cols; i++) {
                        double d = a - v[i];
                        out[row + i] = d * d;
                    }
                } else if (n == 2) {
                    double a0 = u[uj];
                    double a1 = u[uj + 1];
                    for (int i = 0, vi = 0; i < cols; i++, vi += 2) {
                        double d0 = a0 - v[vi];
                        double d1 = a1 - v[vi + 1];
                        out[row + i] = d0 * d0 + d1 * d1;
                    }
                } else {
                    for (int i = 0, vi = 0; i < cols; i++, vi += n) {
                        double s = 0;
                        for (int k = 0; k < n; k++) {
                            double d = u[uj + k] - v[vi + k];
                            s += d * d;
                        }
                        out[row + i] = s;
                    }
                }
            }
        });
    }

    /** GEMM form through native dgemm (column-major): out viewed column-major is N × M = Vᵀ·U. */
    private static void gemm(int n, double[] u, int rows, double[] v, int cols, double[] out) {
        // out_cm[i, j] = sum_k v[i*n+k] u[j*n+k]; v and u are column-major n x N and n x M.
        org.jblas.NativeBlas.dgemm('T', 'N', cols, rows, n, -2.0, v, 0, n, u, 0, n, 0.0, out, 0, cols);
        double[] nv = new double[cols];
        for (int i = 0; i < cols; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                double x = v[i * n + k];
                s += x * x;
            }
            nv[i] = s;
        }
        for (int j = 0; j < rows; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                double x = u[j * n + k];
                s += x * x;
            }
            int row = j * cols;
            for (int i = 0; i < cols; i++) {
                double c = out[row + i] + s + nv[i];
                out[row + i] = c > 0 ? c : 0.0;
            }
        }
    }

    private static int checkFlat(String name, double[] a, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + n);
        }
        if (a.length == 0 || a.length % n != 0) {
            throw new IllegalArgumentException(name + " length " + a.length
                    + " must be a positive multiple of the dimension " + n);
        }
        return a.length / n;
    }

    /** Loads jblas once; logs one warning when it cannot. */
    private static final class NativeHolder {
        static final boolean AVAILABLE = load();

        private static boolean load() {
            if (Boolean.getBoolean(DISABLE_NATIVE_PROPERTY)) {
                return false;
            }
            try {
                org.jblas.util.Logger.getLogger().setLevel(org.jblas.util.Logger.ERROR);
                double[] a = {1, 2};
                double[] c = new double[1];
                org.jblas.NativeBlas.dgemm('T', 'N', 1, 1, 2, 1.0, a, 0, 2, a, 0, 2, 0.0, c, 0, 1);
                if (c[0] != 5.0) {
                    throw new IllegalStateException("native dgemm returned " + c[0] + " for a 2-vector dot product");
                }
                return true;
            } catch (LinkageError | RuntimeException t) {
                LOG.log(Level.WARNING, "native BLAS (jblas) is unavailable (" + t
                        + "); high-dimensional cost matrices use the pure-Java path. "
                        + "Install libgfortran5 to enable native BLAS.");
                return false;
            }
        }
    }
}
