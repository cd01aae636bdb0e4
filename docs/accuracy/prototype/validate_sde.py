"""Check the particle law against the FV truth: coarse-bin probabilities vs empirical fractions."""
import numpy as np, sys, time
import cases as C, truth as TR
from sde import simulate

name = sys.argv[1]; N = int(sys.argv[2]) if len(sys.argv) > 2 else 40000
case = C.CASES[name]
tr = TR.Truth(case)
t0 = time.time()
X = simulate(case, N, 123, max(case.times))
print(f"{name}: simulate N={N} in {time.time()-t0:.1f}s")
for ti, t in enumerate(case.times):
    k = int(round(t / case.h))
    x = X[k]
    if case.metric == "euclid":
        # compare standardized moments with exact
        mu, S = C.ou_exact(t, case.T)
        print(f" t={t}: mean err {x.mean(0)-mu}, cov err {np.cov(x.T)-S} (MC se ~{np.sqrt(np.diag(S)/N)})")
        continue
    g, sol = tr.g, tr.sol[ti]
    nb = 16 if case.n == 2 else 40
    # bin probabilities from FV cells (cells nest in bins when ncell divisible by nb)
    r = sol.reshape((g.nc,) * case.n) * g.D ** case.n
    f = g.nc // nb
    if case.n == 2:
        P = r.reshape(nb, f, nb, f).sum((1, 3)).ravel()
        H = np.histogramdd(x, bins=nb, range=[(0, 1)] * 2)[0].ravel() / N
    else:
        P = r.reshape(nb, f).sum(1)
        H = np.histogram(x[:, 0], bins=nb, range=(0, 1))[0] / N
    sel = P * N > 50
    z = (H[sel] - P[sel]) / np.sqrt(P[sel] / N)
    print(f" t={t}: bins with >50 expected: {sel.sum()}, chi2/dof={np.mean(z**2):.2f}, max|z|={np.abs(z).max():.1f}, "
          f"max|log H/P|={np.abs(np.log(np.maximum(H[sel],1e-12)/P[sel])).max():.3f}, mass outside sel {P[~sel].sum():.2e}")
