"""Validation of the FV Fokker-Planck solver: mass, discrete stationarity of exp(-f/T),
1-D OU against the closed form, grid/time convergence on the example (and the other cases)."""
import numpy as np, time, sys
from fp import FPGrid
import cases as C

# 1. 1-D OU: f = a x^2/2, m = 1, box [-6, 6], start N(1.5, 0.05)
a, T = 2.0, 0.5
f = lambda x: 0.5 * a * x[:, 0] ** 2
mu0, s0 = 1.5, 0.05
for nc, dt in [(400, 1e-3), (800, 5e-4), (1600, 2.5e-4)]:
    g = FPGrid(f, [lambda x: np.ones_like(x)], T, 1, nc, -6, 6)
    rho0 = g.cell_average(lambda x: np.exp(-(x[:, 0] - mu0) ** 2 / (2 * s0)) / np.sqrt(2 * np.pi * s0), 8)
    ts = [0.1, 1.0]
    sol = g.solve(rho0, ts, dt)
    out = []
    for t, r in zip(ts, sol):
        m = mu0 * np.exp(-a * t)
        v = s0 * np.exp(-2 * a * t) + T / a * (1 - np.exp(-2 * a * t))
        ex = g.cell_average(lambda x: np.exp(-(x[:, 0] - m) ** 2 / (2 * v)) / np.sqrt(2 * np.pi * v), 8)
        sel = ex > 1e-8 * ex.max()
        out.append((r.sum() * g.D, np.abs(np.log(r[sel] / ex[sel])).max()))
    print(f"OU1d nc={nc} dt={dt}: (mass, max|dlog| where rho>1e-8 max) at t=0.1,1:",
          [(f"{mm:.12f}", f"{e:.2e}") for mm, e in out], flush=True)

# 2. stationarity + mass on the example
cs = C.CASES["himmelblau"]
g = FPGrid(cs.f, [cs.mob, cs.mob], cs.T, 2, 80)
pinf = np.exp(-(g.fc - g.fc.min()) / cs.T)
print("example 80^2: max|A exp(-f/T)|/max =", np.abs(g.A @ pinf).max() / pinf.max(),
      " max |column sum of A| (mass) =", np.abs(np.asarray(g.A.sum(0))).max(), flush=True)
