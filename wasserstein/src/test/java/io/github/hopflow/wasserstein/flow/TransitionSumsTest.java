package io.github.hopflow.wasserstein.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.hopflow.geometry.metric.DiagonalMetric;
import io.github.hopflow.geometry.metric.EuclideanMetric;
import io.github.hopflow.geometry.metric.HopfieldMetric;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pruned, stabilised kernel sums against a plain double loop in the log domain with the
 * series Bessel function: the cell grid, the one-exponential shortcut and the cutoff may change
 * no sum by more than the cutoff's bound.
 */
class TransitionSumsTest {

    @ParameterizedTest(name = "{0}: N = {1}, M = {2}, spread {3}, weight range {4}")
    @CsvSource({
        "hopfield, 300, 300, 0.01, 3",
        "hopfield, 1500, 1024, 0.002, 40",
        "hopfield, 900, 800, 0.2, 2000",
        "euclidean, 1200, 1200, 0.05, 10",
        "euclidean, 400, 100, 1.0, 1"})
    void prunedSumsEqualThePlainLoop(String metricName, int count, int sources, double spread, double range) {
        int n = 2;
        DiagonalMetric metric = metricName.equals("hopfield") ? HopfieldMetric.paperExample(n, 0.25)
                : EuclideanMetric.of(n);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(count * 31L + sources);
        double[] x = new double[count * n];
        for (int i = 0; i < x.length; i++) {
            // clustered points, some at the faces: the cells then prune
            double centre = (i / n) % 3 == 0 ? 0.2 : 0.75;
            double v = centre + 0.08 * gaussian(rng);
            x[i] = metricName.equals("hopfield") ? Math.min(1, Math.max(0, v)) : 4 * v;
        }
        double[] y = new double[sources * n];
        for (int i = 0; i < y.length; i++) {
            double v = x[i] + 0.03 * gaussian(rng);
            y[i] = metricName.equals("hopfield") ? Math.min(1, Math.max(0, v)) : v;
        }
        double[] alpha = new double[sources];
        double[] beta = new double[sources];
        double[] variance = new double[sources];
        for (int j = 0; j < sources; j++) {
            alpha[j] = range * (rng.nextDouble() - 0.5);
            beta[j] = -alpha[j] + range * 0.3 * (rng.nextDouble() - 0.5);
            variance[j] = 0.01 * rng.nextDouble();
        }
        HeatKernel[] kernels = new HeatKernel[n];
        for (int c = 0; c < n; c++) {
            kernels[c] = HeatKernel.of(metric, c);
        }
        TransitionSums sums = new TransitionSums(kernels, 2);
        sums.prepare(spread);
        // a larger call first: its buffers, left larger than this call needs, must not leak into it
        double[] twice = new double[2 * x.length];
        System.arraycopy(x, 0, twice, 0, x.length);
        System.arraycopy(x, 0, twice, x.length, x.length);
        double[] twiceSums = new double[2 * count];
        sums.compute(twice, 2 * count, y, sources, alpha, beta, variance, false, twiceSums, twiceSums.clone(),
                new double[TransitionSums.STRIDE * 2 * count]);
        double[] logA = new double[count];
        double[] logB = new double[count];
        double[] ratios = new double[TransitionSums.STRIDE * count];
        sums.compute(x, count, y, sources, alpha, beta, variance, true, logA, logB, ratios);

        double[] kappa = new double[n];
        double[] scale = new double[n];
        for (int c = 0; c < n; c++) {
            double sc = kernels[c].spread(spread);
            if (kernels[c].sphere()) {
                kappa[c] = HeatKernel.concentration(sc);
            } else {
                scale[c] = 1 / (2 * sc);
            }
        }
        double[] la = new double[sources];
        double[] lb = new double[sources];
        for (int i = 0; i < count; i += 7) {
            int terms = 0;
            for (int j = 0; j < sources; j++) {
                if (j == i) {
                    continue;
                }
                double lk = 0;
                for (int c = 0; c < n; c++) {
                    double u = x[i * n + c];
                    double v = y[j * n + c];
                    if (kernels[c].sphere()) {
                        double z = 1 - 2 * u;
                        double zv = 1 - 2 * v;
                        double s = 2 * Math.sqrt(u * (1 - u));
                        double sv = 2 * Math.sqrt(v * (1 - v));
                        lk += kappa[c] * (z * zv + s * sv - 1) + Math.log(HeatKernel.scaledBessel(kappa[c] * s * sv));
                    } else {
                        lk -= (u - v) * (u - v) * scale[c];
                    }
                }
                la[terms] = lk + alpha[j];
                lb[terms] = lk + beta[j];
                terms++;
            }
            double ma = max(la, terms);
            double mb = max(lb, terms);
            double a1 = 0;
            double b1 = 0;
            double a2 = 0;
            double b2 = 0;
            double ab = 0;
            double bs = 0;
            for (int j = 0, t = 0; j < sources; j++) {
                if (j == i) {
                    continue;
                }
                double ta = Math.exp(la[t] - ma);
                double tb = Math.exp(lb[t] - mb);
                a1 += ta;
                b1 += tb;
                a2 += ta * ta;
                b2 += tb * tb;
                ab += ta * tb;
                bs += tb * variance[j];
                t++;
            }
            String at = "row " + i;
            // the pruned sums use the A&S Bessel polynomials (2e-7) and skip terms below e^-30 of
            // the row's largest; a ratio enters the update beside 1/M, so 1e-12 absolute is exact
            assertEquals(ma + Math.log(a1), logA[i], 1e-6, at);
            assertEquals(mb + Math.log(b1), logB[i], 1e-6, at);
            assertEquals(a2 / (a1 * a1), ratios[TransitionSums.STRIDE * i], 1e-6 * a2 / (a1 * a1), at);
            assertEquals(b2 / (b1 * b1), ratios[TransitionSums.STRIDE * i + 1], 1e-6 * b2 / (b1 * b1), at);
            assertEquals(ab / (a1 * b1), ratios[TransitionSums.STRIDE * i + 2], 1e-6 * ab / (a1 * b1) + 1e-12, at);
            assertEquals(bs / b1, ratios[TransitionSums.STRIDE * i + 3], 1e-6 * bs / b1 + 1e-12, at);
        }
    }

    private static double max(double[] a, int count) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    private static double gaussian(UniformRandomProvider rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
