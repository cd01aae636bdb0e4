package io.github.hopflow.wasserstein.kernel;

import io.github.hopflow.geometry.internal.Checks;
import io.github.hopflow.wasserstein.cost.SquaredDistances;
import io.github.hopflow.wasserstein.internal.Parallel;
import java.util.Optional;

/**
 * The exact dense Gibbs kernel: one M × N array holding either the cost matrix C (for the
 * log-domain and max-plus products) or the scaled kernel K̃ = exp(α − C/τ + β) (for plain-domain
 * products). Switching between the two recomputes C from the points (direct differences or the
 * GEMM form, see {@link SquaredDistances}); the scaled kernel costs one exponential per entry,
 * with entries below e^−700 stored as 0 (no subnormal arithmetic).
 *
 * <p>Loops run over blocks of rows (or of columns for transposed products) on the common
 * fork-join pool when the matrix is large; every output entry is summed by one sequential loop in
 * a fixed order, so results are bit-identical whatever the thread count.
 *
 * <p>Not thread-safe. Costs O(MN) memory and O(MN) work per product.
 */
public final class DenseGibbsKernel implements GibbsKernel {

    /** Exponents below this are stored as 0 in the scaled kernel. */
    static final double FLUSH_EXPONENT = -700.0;

    private final int n;
    private final int rows;
    private final int cols;
    private final double[] u;
    private final double[] v;
    private final double tau;
    private final double invTau;
    private final int parallelism;
    private final double[] buffer;
    private final double[] colMax;
    private final double[] colSum;
    private boolean holdsCost;
    private int version;

    private DenseGibbsKernel(int n, double[] u, double[] v, double tau, int parallelism, double[] buffer) {
        this.n = n;
        this.rows = u.length / n;
        this.cols = v.length / n;
        this.u = u;
        this.v = v;
        this.tau = tau;
        this.invTau = 1.0 / tau;
        this.parallelism = parallelism;
        this.buffer = buffer;
        this.colMax = new double[cols];
        this.colSum = new double[cols];
    }

    /**
     * A dense kernel with its own storage.
     *
     * @param dimension n &gt; 0
     * @param u row points, flat M × n. Not modified; referenced while the kernel is in use.
     * @param v column points, flat N × n. Not modified; referenced while the kernel is in use.
     * @param tau τ &gt; 0, finite
     * @param parallelism maximum number of threads, ≥ 1
     */
    public static DenseGibbsKernel of(int dimension, double[] u, double[] v, double tau, int parallelism) {
        check(dimension, u, v, tau, parallelism);
        return new DenseGibbsKernel(dimension, u, v, tau, parallelism,
                new double[entries(u.length / dimension, v.length / dimension)]);
    }

    /** A factory of dense kernels, each with its own storage, using all processors. */
    public static Factory factory() {
        return factory(Parallel.defaultParallelism());
    }

    /** A factory of dense kernels, each with its own storage. */
    public static Factory factory(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        return (dim, u, v, tau) -> of(dim, u, v, tau, parallelism);
    }

    /**
     * A factory whose kernels share one growing storage array: creating a kernel invalidates the
     * previous one. For a solver that uses one kernel at a time (one proximal step after another),
     * it saves allocating and zeroing M·N doubles per step. The factory is not thread-safe.
     */
    public static Factory recyclingFactory(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        return new Factory() {
            private double[] storage = new double[0];

            @Override
            public GibbsKernel create(int dim, double[] u, double[] v, double tau) {
                check(dim, u, v, tau, parallelism);
                int size = entries(u.length / dim, v.length / dim);
                if (storage.length < size) {
                    storage = new double[size];
                }
                return new DenseGibbsKernel(dim, u, v, tau, parallelism, storage);
            }
        };
    }

    private static void check(int dimension, double[] u, double[] v, double tau, int parallelism) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
        if (u.length == 0 || u.length % dimension != 0) {
            throw new IllegalArgumentException("u length " + u.length + " must be a positive multiple of " + dimension);
        }
        if (v.length == 0 || v.length % dimension != 0) {
            throw new IllegalArgumentException("v length " + v.length + " must be a positive multiple of " + dimension);
        }
        Checks.positive("tau", tau);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return cols;
    }

    @Override
    public double tau() {
        return tau;
    }

    private void ensureCost() {
        if (!holdsCost) {
            SquaredDistances.compute(n, u, v, buffer, parallelism);
            holdsCost = true;
            version++;
        }
    }

    private long work() {
        return (long) rows * cols;
    }

    @Override
    public void logMultiply(double[] logB, double[] out) {
        checkLength("logB", logB, cols);
        checkLength("out", out, rows);
        ensureCost();
        final double[] c = buffer;
        final double it = invTau;
        Parallel.forBlocks(rows, 8 * work(), parallelism, (from, to) -> {
            for (int j = from; j < to; j++) {
                int r = j * cols;
                double m = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < cols; i++) {
                    double x = logB[i] - c[r + i] * it;
                    if (x > m) {
                        m = x;
                    }
                }
                if (m == Double.NEGATIVE_INFINITY) {
                    out[j] = m;
                    continue;
                }
                double s = 0;
                for (int i = 0; i < cols; i++) {
                    s += Math.exp(logB[i] - c[r + i] * it - m);
                }
                out[j] = m + Math.log(s);
            }
        });
    }

    @Override
    public void logMultiplyTranspose(double[] logA, double[] out) {
        checkLength("logA", logA, rows);
        checkLength("out", out, cols);
        ensureCost();
        final double[] c = buffer;
        final double it = invTau;
        final double[] mx = colMax;
        final double[] sm = colSum;
        Parallel.forBlocks(cols, 8 * work(), parallelism, (from, to) -> {
            for (int i = from; i < to; i++) {
                mx[i] = Double.NEGATIVE_INFINITY;
                sm[i] = 0;
            }
            for (int j = 0; j < rows; j++) {
                double a = logA[j];
                int r = j * cols;
                for (int i = from; i < to; i++) {
                    double x = a - c[r + i] * it;
                    if (x > mx[i]) {
                        mx[i] = x;
                    }
                }
            }
            for (int j = 0; j < rows; j++) {
                double a = logA[j];
                if (a == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                int r = j * cols;
                for (int i = from; i < to; i++) {
                    double m = mx[i];
                    if (m != Double.NEGATIVE_INFINITY) {
                        sm[i] += Math.exp(a - c[r + i] * it - m);
                    }
                }
            }
            for (int i = from; i < to; i++) {
                out[i] = mx[i] == Double.NEGATIVE_INFINITY ? mx[i] : mx[i] + Math.log(sm[i]);
            }
        });
    }

    /** The max-plus product max_i(−C(j, i)/τ + logB[i]): within log N below log(K b). */
    @Override
    public void logMultiplyEstimate(double[] logB, double[] out) {
        checkLength("logB", logB, cols);
        checkLength("out", out, rows);
        ensureCost();
        final double[] c = buffer;
        final double it = invTau;
        Parallel.forBlocks(rows, work(), parallelism, (from, to) -> {
            for (int j = from; j < to; j++) {
                int r = j * cols;
                double m = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < cols; i++) {
                    double x = logB[i] - c[r + i] * it;
                    if (x > m) {
                        m = x;
                    }
                }
                out[j] = m;
            }
        });
    }

    /** The max-plus product max_j(−C(j, i)/τ + logA[j]): within log M below log(Kᵀ a). */
    @Override
    public void logMultiplyTransposeEstimate(double[] logA, double[] out) {
        checkLength("logA", logA, rows);
        checkLength("out", out, cols);
        ensureCost();
        final double[] c = buffer;
        final double it = invTau;
        Parallel.forBlocks(cols, work(), parallelism, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = Double.NEGATIVE_INFINITY;
            }
            for (int j = 0; j < rows; j++) {
                double a = logA[j];
                int r = j * cols;
                for (int i = from; i < to; i++) {
                    double x = a - c[r + i] * it;
                    if (x > out[i]) {
                        out[i] = x;
                    }
                }
            }
        });
    }

    @Override
    public boolean offersScaled() {
        return true;
    }

    @Override
    public Optional<ScaledGibbsKernel> scaled(double[] alpha, double[] beta) {
        checkLength("alpha", alpha, rows);
        checkLength("beta", beta, cols);
        for (int j = 0; j < rows; j++) {
            if (Double.isNaN(alpha[j]) || alpha[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("alpha[" + j + "] must be finite or -Infinity, got " + alpha[j]);
            }
        }
        for (int i = 0; i < cols; i++) {
            if (Double.isNaN(beta[i]) || beta[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("beta[" + i + "] must be finite or -Infinity, got " + beta[i]);
            }
        }
        ensureCost();
        final double[] k = buffer;
        final double it = invTau;
        Parallel.forBlocks(rows, 8 * work(), parallelism, (from, to) -> {
            for (int j = from; j < to; j++) {
                int r = j * cols;
                double a = alpha[j];
                for (int i = 0; i < cols; i++) {
                    double x = a + beta[i] - k[r + i] * it;
                    k[r + i] = x < FLUSH_EXPONENT ? 0.0 : Math.exp(x);
                }
            }
        });
        holdsCost = false;
        version++;
        return Optional.of(new View(version));
    }

    private static void checkLength(String name, double[] a, int len) {
        if (a.length != len) {
            throw new IllegalArgumentException(name + " must have length " + len + ", got " + a.length);
        }
    }

    /** The plain-domain view of the current scaled kernel. */
    private final class View implements ScaledGibbsKernel {
        private final int viewVersion;

        View(int viewVersion) {
            this.viewVersion = viewVersion;
        }

        private void checkValid() {
            if (version != viewVersion || holdsCost) {
                throw new IllegalStateException("this scaled kernel view was invalidated by a later use of its kernel");
            }
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public int columns() {
            return cols;
        }

        @Override
        public void multiply(double[] b, double[] out) {
            checkLength("b", b, cols);
            checkLength("out", out, rows);
            checkValid();
            final double[] k = buffer;
            final int nc = cols;
            Parallel.forBlocks(rows, work(), parallelism, (from, to) -> {
                for (int j = from; j < to; j++) {
                    int r = j * nc;
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    int i = 0;
                    for (; i + 3 < nc; i += 4) {
                        s0 += k[r + i] * b[i];
                        s1 += k[r + i + 1] * b[i + 1];
                        s2 += k[r + i + 2] * b[i + 2];
                        s3 += k[r + i + 3] * b[i + 3];
                    }
                    for (; i < nc; i++) {
                        s0 += k[r + i] * b[i];
                    }
                    out[j] = (s0 + s1) + (s2 + s3);
                }
            });
        }

        @Override
        public void multiplyTranspose(double[] a, double[] out) {
            checkLength("a", a, rows);
            checkLength("out", out, cols);
            checkValid();
            final double[] k = buffer;
            final int nc = cols;
            final int nr = rows;
            Parallel.forBlocks(cols, work(), parallelism, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = 0;
                }
                for (int j = 0; j < nr; j++) {
                    double aj = a[j];
                    if (aj == 0) {
                        continue;
                    }
                    int r = j * nc;
                    for (int i = from; i < to; i++) {
                        out[i] += k[r + i] * aj;
                    }
                }
            });
        }
    }

    /**
     * The number of stored entries M·N of a dense kernel.
     *
     * @throws IllegalArgumentException stating the limit when M·N exceeds the largest Java array
     */
    static int entries(int rows, int cols) {
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a dense kernel of " + rows + " × " + cols + " = " + size
                    + " entries exceeds the largest array Java can hold (2^31 − 9 entries); use a kernel that"
                    + " stores nothing (LogDomainGibbsKernel) or fewer points");
        }
        return (int) size;
    }
}
