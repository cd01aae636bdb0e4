"""Value estimators: every function returns log-values at the current particles (up to a constant),
as densities with respect to dx (the cube's or R^n's Lebesgue measure).

Kernels for the cube metric live on the sphere picture: coordinate x_i <-> height z_i = 1 - 2 x_i
of a point on S^2 (isometric coordinate y_i = 2 arcsin sqrt(x_i) = polar angle, for beta = 1/4;
in general the isometric coordinate is u_i = y_i / (2 sqrt(beta_i))). The azimuth-averaged
von Mises-Fisher kernel with concentration kappa, as a density in x:
    K(x|x') = kappa/sinh(kappa) * exp(kappa z z') * I0(kappa s s'),  s = sqrt(1 - z^2) = 2 sqrt(x(1-x))
It is symmetric, integrates to 1 over [0,1] in either argument (boundary-correct), and is (up to
O(tau^2)) the heat kernel of T*Lap_G (the f = 0 machine) at sphere time tau with
coth(kappa) - 1/kappa = exp(-2 tau).
"""
import numpy as np
from scipy.special import i0e, logsumexp

CHUNK = 1 << 22  # pair entries per block


# ---------------------------------------------------------------- helpers
def zs(x):
    z = 1 - 2 * x
    s = 2 * np.sqrt(np.clip(x * (1 - x), 0, None))
    return z, s


def kappa_of_tau(tau):
    """solve coth(k) - 1/k = exp(-2 tau) (heat-kernel mean matching) by Newton."""
    tau = np.asarray(tau, float)
    target = np.exp(-2 * tau)
    k = 1 / (2 * tau) * (1 + tau)          # small-tau expansion as start
    k = np.maximum(k, 1e-3)
    for _ in range(50):
        cth = 1 / np.tanh(k)
        g = cth - 1 / k - target
        dg = 1 - cth ** 2 + 1 / k ** 2
        k = np.maximum(k - g / dg, 1e-6)
    return k


def log_vmf_x(xt, xs, kappa):
    """log of azimuth-averaged vMF kernel, density in x, for one coordinate.
    xt: (P,) targets, xs: (Q,) sources, kappa scalar or (1,Q)/(P,Q) broadcastable -> (P,Q)."""
    zt, st = zs(xt)
    zq, sq = zs(xs)
    c = zt[:, None] * zq[None, :] + st[:, None] * sq[None, :]   # cos(y - y')
    a = kappa * st[:, None] * sq[None, :]
    return (np.log(2 * kappa) - np.log1p(-np.exp(-2 * kappa)) + kappa * (c - 1)
            + np.log(i0e(a)))


def iso(case, x):
    if case.metric == "cube":
        return np.arcsin(np.sqrt(np.clip(x, 0, 1))) / np.sqrt(case.beta)
    return x


def pair_blocks(P, Q):
    rows = max(1, CHUNK // max(Q, 1))
    for a in range(0, P, rows):
        yield a, min(P, a + rows)


# ---------------------------------------------------------------- generic kernel sums
def log_mix(logk_fn, Xt, Xs, weights_log=None, loo=True):
    """log( sum_j w_j k(x_i | s_j) / sum_j w_j ) with j != i if loo (targets and sources share index)."""
    P, Q = len(Xt), len(Xs)
    out = np.empty(P)
    wl = np.zeros(Q) if weights_log is None else weights_log
    for a, b in pair_blocks(P, Q):
        M = logk_fn(Xt[a:b], Xs) + wl[None, :]
        if loo:
            idx = np.arange(a, b)
            M[idx - a, idx] = -np.inf
        out[a:b] = logsumexp(M, axis=1)
    if loo:
        norm = np.empty(P)
        tot = logsumexp(wl)
        # denominator sum_{j != i} w_j
        norm = np.log(np.maximum(np.exp(tot) - np.exp(wl[:P]), 1e-300)) if weights_log is not None else np.log(Q - 1) * np.ones(P)
    else:
        norm = logsumexp(wl) * np.ones(P)
    return out - norm


# ---------------------------------------------------------------- positional kernels
def logk_pos(case, b):
    """positional kernel with isometric bandwidth b (Gaussian std b in isometric coordinates)."""
    if case.metric == "cube":
        kap = 1.0 / (4 * case.beta * b * b)

        def f(xt, xs):
            acc = 0.0
            for i in range(case.n):
                acc = acc + log_vmf_x(xt[:, i], xs[:, i], kap)
            return acc
        return f

    def g(xt, xs):
        d2 = ((xt[:, None, :] - xs[None, :, :]) ** 2).sum(-1)
        return -d2 / (2 * b * b) - case.n / 2 * np.log(2 * np.pi * b * b)
    return g


def kde(case, x, b):
    return log_mix(logk_pos(case, b), x, x, loo=True)


def ratio_kde(case, x, b, logpinf):
    """baseline (b): rho_inf(x) * (1/N) sum_j K_b(x, x_j) / rho_inf(x_j)."""
    lp = logpinf(x)
    return lp + log_mix(logk_pos(case, b), x, x, weights_log=-lp, loo=True) + logsumexp(-lp) - np.log(len(x))


def bw_grid(case, x):
    s = iso(case, x).std(0).mean()
    return s * np.exp(np.linspace(np.log(0.02), np.log(1.5), 18))


def kde_cv(case, x):
    """bandwidth by leave-one-out likelihood cross-validation (kernel is normalised)."""
    best = None
    for b in bw_grid(case, x):
        lv = kde(case, x, b)
        sc = lv.mean()
        if best is None or sc > best[0]:
            best = (sc, b, lv)
    return best[2], best[1]


# ---------------------------------------------------------------- transition-density mixtures
def V_of(case, x):
    """Schroedinger potential of the ground-state transform: |grad f|_G^2/(4T) - Lap_G f / 2."""
    return case.grad2_G(x) / (4 * case.T) - 0.5 * case.lap_G(x)


def logk_girsanov(case, t, sym_V=True, heat="vmf"):
    """Strang-split Girsanov kernel:
       p_t(x|x') ~ H_t(x,x') exp(-(f(x)-f(x'))/(2T) - t (V(x)+V(x'))/2)
    H_t: heat kernel of T Lap_G (cube: product of azimuth-averaged sphere kernels at sphere time
    4 beta T t; euclid: Gaussian with variance 2 T t)."""
    T = case.T
    if case.metric == "cube":
        kap = float(kappa_of_tau(4 * case.beta * T * t))

        def H(xt, xs):
            acc = 0.0
            for i in range(case.n):
                acc = acc + log_vmf_x(xt[:, i], xs[:, i], kap)
            return acc
    else:
        v = 2 * T * t

        def H(xt, xs):
            d2 = ((xt[:, None, :] - xs[None, :, :]) ** 2).sum(-1)
            return -d2 / (2 * v) - case.n / 2 * np.log(2 * np.pi * v)

    def k(xt, xs):
        ft, fs = case.f(xt), case.f(xs)
        Vt, Vs = V_of(case, xt), V_of(case, xs)
        return H(xt, xs) - (ft[:, None] - fs[None, :]) / (2 * T) - 0.5 * t * (Vt[:, None] + Vs[None, :])
    return k


def logk_ozaki(case, t):
    """Euclid only: local-linearisation Gaussian transition (exact for OU)."""
    assert case.metric == "euclid"
    T, n = case.T, case.n

    def k(xt, xs):
        # per-source J = -Hess f (use full Hessian when available: OU has constant A)
        A = case.ou["A"]
        w, Q = np.linalg.eigh(A)
        E = Q @ np.diag(np.exp(-w * t)) @ Q.T
        Sig = T * Q @ np.diag((1 - np.exp(-2 * w * t)) / w) @ Q.T
        g = case.grad(xs)
        # mean = xs + A^{-1}(E - I) g  (b0 = -g, J = -A: J^{-1}(e^{Jt}-I) b0 = A^{-1}(I - E)(-g))
        Ai = np.linalg.inv(A)
        mean = xs - (g @ ((np.eye(n) - E) @ Ai).T)
        Si = np.linalg.inv(Sig)
        d = xt[:, None, :] - mean[None, :, :]
        q = np.einsum("pqi,ij,pqj->pq", d, Si, d)
        return -0.5 * q - 0.5 * np.log(np.linalg.det(2 * np.pi * Sig))
    return k


def mixture(case, X, k, L, kernel="girsanov", loo=True, **kw):
    """rho_k(x_i^k) ~ (1/(N-1)) sum_{j != i} p_{Lh}(x_i^k | x_j^{k-L})."""
    t = L * case.h
    if kernel == "girsanov":
        kf = logk_girsanov(case, t, **kw)
    elif kernel == "ozaki":
        kf = logk_ozaki(case, t)
    else:
        raise ValueError(kernel)
    return log_mix(kf, X[k], X[k - L], loo=loo)


# ---------------------------------------------------------------- PROXRECUR (published)
def proxrecur_run(case, X, snaps, eps=0.1, tol=1e-9, max_iter=300):
    """Caluya-Halder fixed point at every step from k=0; returns {k: log rho_k} at snapshot steps.
    rows = previous points; psi = f(x_prev); plain domain with a log-domain fallback."""
    T, h = case.T, case.h
    lr = case.init_logdens(X[0])
    rho = np.exp(lr - lr.max())
    power = 1.0 / (1.0 + eps / (T * h))
    out = {}
    K = max(snaps)
    for k in range(1, K + 1):
        u, v = iso(case, X[k - 1]), iso(case, X[k])
        C = ((u[:, None, :] - v[None, :, :]) ** 2).sum(-1)
        G = np.exp(-C / (2 * eps))
        psi = case.f(X[k - 1])
        lxi = -psi / T - 1.0
        lxi -= lxi.max()
        xi = np.exp(lxi)
        z = np.ones(len(rho))
        y = rho / (G @ z)
        for it in range(max_iter):
            zn = (xi / (G.T @ y)) ** power
            yn = rho / (G @ zn)
            dz = np.max(np.abs(np.log(zn / z)))
            z, y = zn, yn
            if dz < tol:
                break
        rho = z * (G.T @ y)
        if not np.all(np.isfinite(rho)) or rho.min() <= 0:
            raise FloatingPointError(f"proxrecur non-finite at step {k}")
        rho /= rho.max()
        if k in snaps:
            out[k] = np.log(rho)
    return out


# ---------------------------------------------------------------- self-normalised ratio propagation
def logk_sym_girsanov(case, t):
    """symmetric part of the Girsanov-Strang kernel: log H_t(x,x') - t (V(x)+V(x'))/2."""
    T = case.T
    if case.metric == "cube":
        kap = float(kappa_of_tau(4 * case.beta * T * t))

        def H(xt, xs):
            acc = 0.0
            for i in range(case.n):
                acc = acc + log_vmf_x(xt[:, i], xs[:, i], kap)
            return acc
    else:
        v = 2 * T * t

        def H(xt, xs):
            d2 = ((xt[:, None, :] - xs[None, :, :]) ** 2).sum(-1)
            return -d2 / (2 * v) - case.n / 2 * np.log(2 * np.pi * v)

    def k(xt, xs):
        return H(xt, xs) - 0.5 * t * (V_of(case, xt)[:, None] + V_of(case, xs)[None, :])
    return k


def snr_update(case, x_new, x_old, lv_old, t, loo=True):
    """One self-normalised update over time t = L h:
        rho_new(x_i) = e^{-f_i/T} * sum_j K_ij e^{f_j/2T} / sum_j K_ij e^{-f_j/2T} / rho_old_j
    (K = symmetric Girsanov part). Exact when rho_old ~ exp(-f/T); = mixture / D_i with
    D_i = (1/N) sum_j p(x_j|x_i)/rho_old(x_j) an estimate of 1 that shares the mixture's noise."""
    T = case.T
    kf = logk_sym_girsanov(case, t)
    fn, fo = case.f(x_new), case.f(x_old)
    P = len(x_new)
    num = np.empty(P); den = np.empty(P)
    wn = fo / (2 * T)
    wd = -fo / (2 * T) - lv_old
    for a, b in pair_blocks(P, len(x_old)):
        M = kf(x_new[a:b], x_old)
        if loo:
            idx = np.arange(a, b)
            M[idx - a, idx] = -np.inf
        num[a:b] = logsumexp(M + wn[None, :], axis=1)
        den[a:b] = logsumexp(M + wd[None, :], axis=1)
    return -fn / T + num - den


def snr_run(case, X, snaps, L, loo=True):
    """values by repeated self-normalised updates every L steps from the exact initial values;
    the update landing on a snapshot uses the remaining lag."""
    lv = case.init_logdens(np.clip(X[0], 1e-12, 1 - 1e-12)) if case.metric == "cube" else case.init_logdens(X[0])
    k_old, out = 0, {}
    K = max(snaps)
    marks = sorted(set(list(range(L, K + 1, L)) + list(snaps)))
    for k in marks:
        lv = snr_update(case, X[k], X[k_old], lv, (k - k_old) * case.h, loo=loo)
        lv -= lv.max()
        k_old = k
        if k in snaps:
            out[k] = lv.copy()
    return out


def fwd_update(case, x_new, x_old, lv_old, t, logcb=None, loo=True):
    """forward self-normalised update: rho_new(x_i) = c_b(x_i) * NW-average of rho_old over the
    backward footprint p(x_i|.), weights p(x_i|x_j)/rho_old(x_j). c_b(x) = int p_t(x|x') dx'."""
    T = case.T
    kf = logk_sym_girsanov(case, t)
    fo = case.f(x_old)
    P = len(x_new)
    num = np.empty(P); den = np.empty(P)
    wn = fo / (2 * T)
    wd = fo / (2 * T) - lv_old
    for a, b in pair_blocks(P, len(x_old)):
        M = kf(x_new[a:b], x_old)
        if loo:
            idx = np.arange(a, b)
            M[idx - a, idx] = -np.inf
        num[a:b] = logsumexp(M + wn[None, :], axis=1)
        den[a:b] = logsumexp(M + wd[None, :], axis=1)
    out = num - den
    if logcb is not None:
        out = out + logcb(x_new, t)
    return out


def run_recursion(case, X, snaps, L, update, **kw):
    lv = case.init_logdens(np.clip(X[0], 1e-12, 1 - 1e-12)) if case.metric == "cube" else case.init_logdens(X[0])
    k_old, out = 0, {}
    K = max(snaps)
    marks = sorted(set(list(range(L, K + 1, L)) + list(snaps)))
    for k in marks:
        lv = update(case, X[k], X[k_old], lv, (k - k_old) * case.h, **kw)
        lv -= lv.max()
        k_old = k
        if k in snaps:
            out[k] = lv.copy()
    return out


def logcb_grid(case, G=200):
    """c_b(x) = int p_t(x|x') dx' by midpoint quadrature on [0,1]^n (study only)."""
    g1 = (np.arange(G) + 0.5) / G
    if case.n == 2:
        a, b = np.meshgrid(g1, g1, indexing="ij"); grid = np.stack([a.ravel(), b.ravel()], 1)
    else:
        grid = g1[:, None]
    lw = -case.n * np.log(G)

    def f(x, t):
        kf = logk_girsanov(case, t)
        out = np.empty(len(x))
        for a0, b0 in pair_blocks(len(x), len(grid)):
            out[a0:b0] = logsumexp(kf(x[a0:b0], grid), axis=1) + lw
        return out
    return f


def cv_update(case, x_new, x_old, lv_old, s2_old, t, loo=True, jensen=True, track=True, beta_fixed=None,
              gamma=1.0):
    """Control-variate (in log space) combination of the transition mixture and the
    self-normalised ratio estimate, from the same kernel matrix:
        A_i = sum_j p(x_i|x_j)              (mixture; E = (N-1) rho_new(x_i))
        B_i = sum_j p(x_j|x_i)/rho_old(x_j) (E = (N-1) int p(x'|x_i) dx' ~ const, known up to a
                                             global constant: the scale of rho_old)
        log rho_new = log A - beta_i (log B - log C),  beta_i = Cov(dlogA, dlogB)/(Var dlogB + Var_prop)
    Var/Cov by the delta method over the sources; Var_prop = footprint average of the old values'
    tracked error variance; log C = median_i log B_i. Returns (log rho_new, error variance, beta)."""
    T = case.T
    kf = logk_sym_girsanov(case, t)
    fo, fn = case.f(x_old), case.f(x_new)
    P, Q = len(x_new), len(x_old)
    lA = np.empty(P); lB = np.empty(P); lAA = np.empty(P); lBB = np.empty(P); lAB = np.empty(P); lBs = np.empty(P)
    ls2 = np.log(np.maximum(s2_old, 1e-300))
    for a, b in pair_blocks(P, Q):
        M = kf(x_new[a:b], x_old)
        if loo:
            idx = np.arange(a, b)
            M[idx - a, idx] = -np.inf
        la = M - (fn[a:b, None] - fo[None, :]) / (2 * T)          # log p(x_i|x_j)
        lb = M + (fn[a:b, None] - fo[None, :]) / (2 * T) - lv_old[None, :]   # log p(x_j|x_i)/rho_j
        lA[a:b] = logsumexp(la, 1); lB[a:b] = logsumexp(lb, 1)
        lAA[a:b] = logsumexp(2 * la, 1); lBB[a:b] = logsumexp(2 * lb, 1); lAB[a:b] = logsumexp(la + lb, 1)
        lBs[a:b] = logsumexp(lb + ls2[None, :], 1)
    Mn = Q - 1 if loo else Q
    vA = np.maximum(np.exp(lAA - 2 * lA) - 1.0 / Mn, 0)
    vB = np.maximum(np.exp(lBB - 2 * lB) - 1.0 / Mn, 0)
    cAB = np.exp(lAB - lA - lB) - 1.0 / Mn
    vP = gamma * np.exp(lBs - lB) if track else 0.0
    if beta_fixed is None:
        beta = np.clip(cAB / np.maximum(vB + vP, 1e-300), 0.0, 1.0)
    else:
        beta = np.full(P, float(beta_fixed))
    LA = lA + (0.5 * vA if jensen else 0.0)
    LB = lB + (0.5 * vB if jensen else 0.0)
    lC = np.median(LB)
    lv = LA - beta * (LB - lC) - np.log(Mn)     # normalised: mixture scale 1/(N-1)
    s2 = np.maximum(vA - 2 * beta * cAB + beta ** 2 * (vB + vP), 0)
    return lv, s2, beta


def run_cv(case, X, snaps, L, **kw):
    lv = case.init_logdens(np.clip(X[0], 1e-12, 1 - 1e-12)) if case.metric == "cube" else case.init_logdens(X[0])
    s2 = np.zeros(len(lv))
    k_old, out = 0, {}
    K = max(snaps)
    marks = sorted(set(list(range(L, K + 1, L)) + list(snaps)))
    for k in marks:
        lv, s2, beta = cv_update(case, X[k], X[k_old], lv, s2, (k - k_old) * case.h, **kw)
        k_old = k
        if k in snaps:
            out[k] = (lv.copy(), s2.copy(), beta.copy())
    return out


def relax_rate(case, x):
    """typical relaxation rate: median over particles of max_i |m_i f_ii + m_i' f_i / 2|
    (the diagonal of the Hessian of f in isometric coordinates)."""
    l = case.mob(x) * case.hdiag(x) + 0.5 * case.dmob(x) * case.grad(x)
    return float(np.median(np.abs(l).max(1)))


def value_flow(case, X, snaps, theta=0.3, Lfixed=None, Lmax=None, update=None, **kw):
    """Anchored control-variate value flow. Anchors every L steps (L = theta/(lambda h), lambda
    from the cloud at the anchor); the values at a snapshot step k come from the newest anchor at
    least one lag back (lag in [L, 2L)), or are the anchor's own values when k is an anchor."""
    update = update or cv_update
    K = max(snaps)
    Lmax = Lmax or K
    lv0 = case.init_logdens(np.clip(X[0], 1e-12, 1 - 1e-12)) if case.metric == "cube" else case.init_logdens(X[0])
    anchors = [(0, lv0, np.zeros(len(lv0)))]
    lags = []
    while True:
        k_a, lv, s2 = anchors[-1]
        L = Lfixed or int(np.clip(round(theta / (relax_rate(case, X[k_a]) * case.h)), 1, Lmax))
        lags.append(L)
        if k_a + L > K:
            break
        lvn, s2n, _ = update(case, X[k_a + L], X[k_a], lv, s2, L * case.h, **kw)
        anchors.append((k_a + L, lvn, s2n))
    out = {}
    for k in snaps:
        hit = [a for a in anchors if a[0] == k]
        if hit and k > 0:
            out[k] = (hit[0][1], hit[0][2], lags[anchors.index(hit[0]) - 1])
            continue
        cand = [(i, a) for i, a in enumerate(anchors) if k - a[0] >= lags[i]]
        i, (k_a, lv, s2) = cand[-1] if cand else (0, anchors[0])
        lvn, s2n, _ = update(case, X[k], X[k_a], lv, s2, (k - k_a) * case.h, **kw)
        out[k] = (lvn, s2n, k - k_a)
    return out


# ---------------------------------------------------------------- local-linearisation kernels
def phi1(z):
    z = np.asarray(z, float)
    out = np.ones_like(z)
    m = np.abs(z) > 1e-8
    out[m] = np.expm1(z[m]) / z[m]
    return out


def logp_ll(case, t):
    """log p_t(x_target | x_source) by local linearisation at the source.
    cube: per coordinate, polar angle y = 2 arcsin sqrt x on the sphere; f-drift b = -2 beta f_x sin y,
          rate lam = m f_xx + m' f_x/2; mean angle mu = y + b t phi1(-lam t), angular variance
          s2 = 8 beta T t phi1(-2 lam t); kernel = azimuth-averaged vMF about mu with the
          concentration of a heat kernel of variance s2 (sphere curvature/poles exact for f = 0).
    euclid: Gaussian N(mu, S), mu = x + phi1(J t) t b, S = int_0^t e^{Ju} 2T e^{J'u} du, J = -Hess f."""
    T = case.T
    if case.metric == "cube":
        b4 = 4 * case.beta

        def k(xt, xs):
            g, hd = case.grad(xs), case.hdiag(xs)
            m, dm = case.mob(xs), case.dmob(xs)
            acc = 0.0
            for i in range(case.n):
                y = 2 * np.arcsin(np.sqrt(np.clip(xs[:, i], 0, 1)))
                bb = -0.5 * b4 * g[:, i] * np.sin(y)
                lam = m[:, i] * hd[:, i] + 0.5 * dm[:, i] * g[:, i]
                mu = y + bb * t * phi1(-lam * t)
                s2 = 2 * b4 * T * t * phi1(-2 * lam * t)
                kap = kappa_of_tau(np.maximum(s2, 1e-12) / 2)
                zq, sq = np.cos(mu), np.abs(np.sin(mu))
                zt, st = zs(xt[:, i])
                c = zt[:, None] * zq[None, :] + st[:, None] * sq[None, :]
                kq = kap[None, :]
                a = kq * st[:, None] * sq[None, :]
                acc = acc + (np.log(2 * kq) - np.log1p(-np.exp(-2 * kq)) + kq * (c - 1) + np.log(i0e(a)))
            return acc
        return k

    def k(xt, xs):
        Hs = case.hess(xs)                              # (Q,n,n)
        w, V = np.linalg.eigh(Hs)                       # J = -H = V diag(-w) V'
        b = -case.grad(xs)
        bc = np.einsum("qji,qj->qi", V, b)              # V' b
        mu = xs + np.einsum("qij,qj->qi", V, bc * t * phi1(-w * t))
        sv = 2 * T * t * phi1(-2 * w * t)               # eigen-variances
        d = xt[:, None, :] - mu[None, :, :]
        dc = np.einsum("pqi,qij->pqj", d, V)
        return -0.5 * (dc ** 2 / sv[None]).sum(-1) - 0.5 * np.log(2 * np.pi * sv).sum(-1)[None, :]
    return k


def cv_update_k(case, x_new, x_old, lv_old, s2_old, t, kernel="ll", loo=True, jensen=True, track=True):
    """cv_update with a general (not necessarily detailed-balance) kernel: a_ij = p(x_i|x_j) and
    b_ij = p(x_j|x_i)/rho_old(x_j) each from its own source point.
    kernel: 'll' (local linearisation), 'llsym' (geometric-mean DB symmetrisation of 'll'),
            'strang' (Girsanov-Strang, = cv_update)."""
    if kernel == "strang":
        return cv_update(case, x_new, x_old, lv_old, s2_old, t, loo=loo, jensen=jensen, track=track)
    T = case.T
    kf = logp_ll(case, t)
    fo, fn = case.f(x_old), case.f(x_new)
    P, Q = len(x_new), len(x_old)
    lA = np.empty(P); lB = np.empty(P); lAA = np.empty(P); lBB = np.empty(P); lAB = np.empty(P); lBs = np.empty(P)
    ls2 = np.log(np.maximum(s2_old, 1e-300))
    rows = max(1, (CHUNK // 2) // Q)
    for a in range(0, P, rows):
        b = min(P, a + rows)
        fwd = kf(x_new[a:b], x_old)              # log p(x_i | x_j)
        bwd = kf(x_old, x_new[a:b]).T            # log p(x_j | x_i)
        if kernel == "llsym":
            dfT = (fn[a:b, None] - fo[None, :]) / T
            S = 0.5 * (fwd + bwd) + 0.0
            fwd = S - 0.5 * dfT
            bwd = S + 0.5 * dfT
        if loo:
            idx = np.arange(a, b)
            fwd[idx - a, idx] = -np.inf
            bwd[idx - a, idx] = -np.inf
        la = fwd
        lb = bwd - lv_old[None, :]
        lA[a:b] = logsumexp(la, 1); lB[a:b] = logsumexp(lb, 1)
        lAA[a:b] = logsumexp(2 * la, 1); lBB[a:b] = logsumexp(2 * lb, 1); lAB[a:b] = logsumexp(la + lb, 1)
        lBs[a:b] = logsumexp(lb + ls2[None, :], 1)
    Mn = Q - 1 if loo else Q
    vA = np.maximum(np.exp(lAA - 2 * lA) - 1.0 / Mn, 0)
    vB = np.maximum(np.exp(lBB - 2 * lB) - 1.0 / Mn, 0)
    cAB = np.exp(lAB - lA - lB) - 1.0 / Mn
    vP = np.exp(lBs - lB) if track else 0.0
    beta = np.clip(cAB / np.maximum(vB + vP, 1e-300), 0.0, 1.0)
    LA = lA + (0.5 * vA if jensen else 0.0)
    LB = lB + (0.5 * vB if jensen else 0.0)
    lC = np.median(LB)
    lv = LA - beta * (LB - lC)
    s2 = np.maximum(vA - 2 * beta * cAB + beta ** 2 * (vB + vP), 0)
    return lv, s2, beta


def proxrecur_log(case, X, snaps, eps=0.1, tol=1e-9, max_iter=500, volumes=None):
    """log-domain PROXRECUR (for small eps). volumes: None (published: values used as masses) or
    'kde' (debiased variant: masses a_j = rho_j v_j with cell volumes v = 1/(N KDE(x)), the entropy
    taken of nu/v, i.e. xi_i -> v_i exp(-psi_i/T - 1), and output rho_i = nu_i / v_i)."""
    T, h = case.T, case.h
    lr = case.init_logdens(np.clip(X[0], 1e-12, 1 - 1e-12))
    power = 1.0 / (1.0 + eps / (T * h))
    out = {}
    lvol_old = None
    if volumes == "kde":
        b0 = E_bw(case, X[0])
        lvol_old = -np.log(len(X[0])) - kde(case, X[0], b0)
    for k in range(1, max(snaps) + 1):
        u, v = iso(case, X[k - 1]), iso(case, X[k])
        lG = -((u[:, None, :] - v[None, :, :]) ** 2).sum(-1) / (2 * eps)
        lxi = -case.f(X[k - 1]) / T - 1.0
        la = lr.copy()
        if volumes == "kde":
            bk = E_bw(case, X[k])
            lvol_new = -np.log(len(X[k])) - kde(case, X[k], bk)
            la = lr + lvol_old
            lxi = lxi + lvol_new
        lz = np.zeros(len(lr))
        ly = la - logsumexp(lG + lz[None, :], axis=1)
        for it in range(max_iter):
            lzn = power * (lxi - logsumexp(lG + ly[:, None], axis=0))
            ly = la - logsumexp(lG + lzn[None, :], axis=1)
            dz = np.max(np.abs(lzn - lz))
            lz = lzn
            if dz < tol:
                break
        lnu = lz + logsumexp(lG + ly[:, None], axis=0)
        if volumes == "kde":
            lr = lnu - lvol_new
            lvol_old = lvol_new
        else:
            lr = lnu
        lr -= lr.max()
        if k in snaps:
            out[k] = lr.copy()
    return out


_bw_cache = {}


def E_bw(case, x):
    """CV bandwidth, recomputed every 50 calls (cheap proxy for the debiased prox variant)."""
    key = id(case)
    c = _bw_cache.get(key, [0, None])
    if c[1] is None or c[0] % 50 == 0:
        c[1] = kde_cv(case, x)[1]
    c[0] += 1
    _bw_cache[key] = c
    return c[1]


def fresh_update(case, x_new, Z, t):
    """first anchor: rho_t(x_i) = int p_t(x_i|z) rho_0(z) dz by Monte Carlo over M fresh samples
    z ~ rho_0 (the initial density is known), not over the particles. Strang-Girsanov kernel."""
    T = case.T
    kf = logk_sym_girsanov(case, t)
    fz, fn = case.f(Z), case.f(x_new)
    P, M = len(x_new), len(Z)
    lA = np.empty(P); lAA = np.empty(P)
    for a, b in pair_blocks(P, M):
        la = kf(x_new[a:b], Z) - (fn[a:b, None] - fz[None, :]) / (2 * T)
        lA[a:b] = logsumexp(la, 1); lAA[a:b] = logsumexp(2 * la, 1)
    vA = np.maximum(np.exp(lAA - 2 * lA) - 1.0 / M, 0)
    return lA + 0.5 * vA - np.log(M), vA


def value_flow2(case, X, snaps, theta=0.3, Lfixed=None, gamma=0.5, m_fresh=10, seed=12345, **kw):
    """value_flow with the first anchor (lag from t = 0) computed from m_fresh*N fresh samples of
    the known initial density instead of the particles' own starting points."""
    K = max(snaps)
    N = X.shape[1]
    rng = np.random.default_rng(seed)
    Z = case.init_sample(rng, m_fresh * N) if m_fresh else None
    lv0 = case.init_logdens(np.clip(X[0], 1e-12, 1 - 1e-12)) if case.metric == "cube" else case.init_logdens(X[0])

    def upd(k_new, k_a, lv, s2):
        if k_a == 0 and Z is not None:
            return fresh_update(case, X[k_new], Z, (k_new - k_a) * case.h)
        r = cv_update(case, X[k_new], X[k_a], lv, s2, (k_new - k_a) * case.h, gamma=gamma, **kw)
        return r[0], r[1]

    anchors = [(0, lv0, np.zeros(N))]
    lags = []
    while True:
        k_a, lv, s2 = anchors[-1]
        L = Lfixed or int(np.clip(round(theta / (relax_rate(case, X[k_a]) * case.h)), 1, K))
        lags.append(L)
        if k_a + L > K:
            break
        lvn, s2n = upd(k_a + L, k_a, lv, s2)
        anchors.append((k_a + L, lvn, s2n))
    out = {}
    for k in snaps:
        hit = [a for a in anchors if a[0] == k]
        if hit and k > 0:
            out[k] = (hit[0][1], hit[0][2], lags[anchors.index(hit[0]) - 1])
            continue
        cand = [(i, a) for i, a in enumerate(anchors) if k - a[0] >= lags[i]]
        i, (k_a, lv, s2) = cand[-1] if cand else (0, anchors[0])
        lvn, s2n = upd(k, k_a, lv, s2)
        out[k] = (lvn, s2n, k - k_a)
    return out
