package io.github.hopflow.geometry.mirror;

import io.github.hopflow.geometry.activation.Activation;
import io.github.hopflow.geometry.metric.HopfieldMetric;

/**
 * The separable mirror map of a Hopfield network (HNN paper, Sec. III): ψ(z) = Σ ψ_i(z_i) with
 * ∇ψ = σ on the hidden (dual) variables z, its Legendre conjugate ψ*(x) = sup_z x·z − ψ(z) (17) with
 * ∇ψ* = σ⁻¹ (18a) and ∇²ψ* = G (4), and the Bregman divergences D_ψ (14), (37) and D_ψ* (35),
 * related by D_ψ(z, z̃) = D_ψ*(∇ψ(z̃), ∇ψ(z)) (18b).
 *
 * <p>Closed forms, for the logistic σ(s) = 1/(1 + e^{−gs}): ψ(z) = log(1 + e^{gz})/g,
 * ψ*(x) = (x log x + (1 − x) log(1 − x))/g. For the paper's example σ(s) = ½tanh(2β(s − ½)) + ½,
 * which is the logistic with g = 4β shifted by ½ in the hidden variable:
 * ψ(z) = log(1 + e^{4β(z − ½)})/(4β) and ψ*(x) = (x log x + (1 − x) log(1 − x))/(4β) + x/2. The
 * shift makes ∇ψ = σ exactly; it adds the linear term x/2 to the entropy (32) (κ = c = 0), which
 * leaves the Bregman divergence (35) unchanged. D_ψ is eq. (37) divided by 4β: eq. (37), like
 * eq. (38), drops the factor 1/(4β) (and uses z − ½ for z with this activation).
 *
 * <p>Any other activation: ψ(z) = ∫₀^z σ, ψ*(x) = xσ⁻¹(x) − ψ(σ⁻¹(x)) and the divergences as
 * integrals of σ − σ(z̃) over the hidden variable, by Gauss–Legendre quadrature.
 *
 * <p>Immutable. Array arguments are not modified; {@code out} arguments are.
 */
public final class MirrorMap {

    private final ScalarMirrorMap[] maps;

    private MirrorMap(ScalarMirrorMap[] maps) {
        this.maps = maps;
    }

    /** The mirror map of the activations of {@code metric}. */
    public static MirrorMap of(HopfieldMetric metric) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        ScalarMirrorMap[] m = new ScalarMirrorMap[metric.dimension()];
        for (int i = 0; i < m.length; i++) {
            m[i] = ScalarMirrorMap.of(metric.activation(i));
        }
        return new MirrorMap(m);
    }

    /** The mirror map of the given activations, one per coordinate. */
    public static MirrorMap of(Activation... activations) {
        return of(HopfieldMetric.of(activations));
    }

    /**
     * The mirror map computed by quadrature whatever the activations (also for those with closed
     * forms; used to check the closed forms).
     */
    public static MirrorMap byQuadrature(HopfieldMetric metric) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        ScalarMirrorMap[] m = new ScalarMirrorMap[metric.dimension()];
        for (int i = 0; i < m.length; i++) {
            m[i] = new ScalarMirrorMap.Quadrature(metric.activation(i));
        }
        return new MirrorMap(m);
    }

    /** The dimension n. */
    public int dimension() {
        return maps.length;
    }

    private void requireLength(String name, double[] a) {
        if (a == null || a.length != maps.length) {
            throw new IllegalArgumentException(name + " must have dimension " + maps.length + ", got "
                    + (a == null ? "null" : String.valueOf(a.length)));
        }
    }

    private void requireFinite(String name, double[] z) {
        requireLength(name, z);
        for (int i = 0; i < z.length; i++) {
            if (!Double.isFinite(z[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + z[i]);
            }
        }
    }

    private void requireInRange(String name, double[] x, boolean closed) {
        requireLength(name, x);
        for (int i = 0; i < x.length; i++) {
            Activation a = maps[i].activation;
            double lo = a.lowerBound();
            double hi = a.upperBound();
            boolean ok = closed ? (x[i] >= lo && x[i] <= hi) : (x[i] > lo && x[i] < hi);
            if (!ok) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + x[i] + " is outside the "
                        + (closed ? "closed" : "open") + " range " + (closed ? "[" : "(") + lo + ", " + hi
                        + (closed ? "]" : ")"));
            }
        }
    }

    /** ψ(z) for hidden variables z. */
    public double psi(double[] z) {
        requireFinite("z", z);
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            s += maps[i].psi(z[i]);
        }
        return s;
    }

    /** ψ*(x) for x in the open range of σ (the closed range for the closed forms' entropy). */
    public double psiConjugate(double[] x) {
        requireInRange("x", x, false);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += maps[i].psiConjugate(x[i]);
        }
        return s;
    }

    /** ∇ψ(z) = σ(z) into out. */
    public void gradientPsi(double[] z, double[] out) {
        requireFinite("z", z);
        requireLength("out", out);
        for (int i = 0; i < z.length; i++) {
            out[i] = maps[i].activation.value(z[i]);
        }
    }

    /** ∇ψ*(x) = σ⁻¹(x) into out (eq. (18a)). */
    public void gradientPsiConjugate(double[] x, double[] out) {
        requireInRange("x", x, false);
        requireLength("out", out);
        for (int i = 0; i < x.length; i++) {
            out[i] = maps[i].activation.inverse(x[i]);
        }
    }

    /** The diagonal of ∇²ψ*(x) = G(x), g_ii = 1/m_i(x_i), into out. */
    public void hessianPsiConjugateDiagonal(double[] x, double[] out) {
        requireInRange("x", x, false);
        requireLength("out", out);
        for (int i = 0; i < x.length; i++) {
            out[i] = 1 / maps[i].activation.mobility(x[i]);
        }
    }

    /** D_ψ(z, z̃) = ψ(z) − ψ(z̃) − (z − z̃)·σ(z̃) ≥ 0 (eqs. (14), (37)). */
    public double bregmanPsi(double[] z, double[] zTilde) {
        requireFinite("z", z);
        requireFinite("zTilde", zTilde);
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            s += maps[i].bregmanPsi(z[i], zTilde[i]);
        }
        return s;
    }

    /** D_ψ*(ξ, η) = ψ*(ξ) − ψ*(η) − (ξ − η)·σ⁻¹(η) ≥ 0 (eq. (35)); ξ in the closed, η in the open range. */
    public double bregmanPsiConjugate(double[] xi, double[] eta) {
        requireInRange("eta", eta, false);
        requireInRange("xi", xi, true);
        double s = 0;
        for (int i = 0; i < xi.length; i++) {
            s += maps[i].bregmanPsiConjugate(xi[i], eta[i]);
        }
        return s;
    }
}
