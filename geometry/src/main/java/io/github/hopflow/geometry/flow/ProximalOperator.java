package io.github.hopflow.geometry.flow;

/**
 * A proximal map P_γ of a convex, closed, proper function g, used by the firing-rate flow
 * ẋ = −x + P_γ(x − γ∇f(x)). For the Euclidean entries of the catalogue
 * P_γ(v) = prox_{γg}(v) = argmin_x γg(x) + ½‖x − v‖²:
 * <ul>
 *   <li>{@link #box}: g the indicator of a box — projection (clipping);
 *   <li>{@link #l1}: g = λ‖x‖₁ — soft thresholding sign(v)·max(|v| − γλ, 0);
 *   <li>{@link #nonNegativeL1}: g = λ‖x‖₁ + indicator of x ≥ 0 — the shifted ReLU max(v − γλ, 0);
 *   <li>{@link #identity}: g = 0.
 * </ul>
 * The entropic entry {@link #softmax} is the proximal map of g = Σ x_i log x_i + indicator of the
 * probability simplex Δ in the entropic (linear-coupling) sense used by softmax firing-rate networks:
 * P_γ(v) = argmin_{x∈Δ} γ Σ x_i log x_i − ⟨v, x⟩ = softmax(v/γ). It is not the Euclidean prox of g.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ProximalOperator {

    /**
     * out = P_γ(v).
     *
     * @param v the argument. Not modified (may be the same array as {@code out}).
     * @param gamma γ &gt; 0
     * @param out the result, same length as v. Modified.
     */
    void apply(double[] v, double gamma, double[] out);

    /**
     * g(x), +∞ outside the domain of g.
     *
     * @param x a point. Not modified.
     */
    double penalty(double[] x);

    /** A short description, e.g. {@code l1(lambda=0.1)}. */
    String name();

    /** g = 0: P_γ is the identity and the firing-rate flow is the gradient flow ẋ = −γ∇f. */
    static ProximalOperator identity() {
        return ProximalOperators.Identity.INSTANCE;
    }

    /** g = indicator of the box [lower, upper]^n (same bounds in every coordinate, ±∞ allowed). */
    static ProximalOperator box(double lower, double upper) {
        return ProximalOperators.Box.of(new double[] {lower}, new double[] {upper}, true);
    }

    /**
     * g = indicator of the box ∏[lower_i, upper_i].
     *
     * @param lower lower bounds (−∞ allowed); copied
     * @param upper upper bounds (+∞ allowed), upper_i ≥ lower_i; copied
     */
    static ProximalOperator box(double[] lower, double[] upper) {
        return ProximalOperators.Box.of(lower, upper, false);
    }

    /** g = λ‖x‖₁ with λ ≥ 0: soft thresholding. */
    static ProximalOperator l1(double lambda) {
        return new ProximalOperators.L1(lambda, false);
    }

    /** g = λ‖x‖₁ + indicator of x ≥ 0 with λ ≥ 0: the shifted ReLU max(v − γλ, 0). */
    static ProximalOperator nonNegativeL1(double lambda) {
        return new ProximalOperators.L1(lambda, true);
    }

    /** The entropic proximal map of the negative entropy on the simplex: softmax(v/γ). */
    static ProximalOperator softmax() {
        return ProximalOperators.Softmax.INSTANCE;
    }
}
