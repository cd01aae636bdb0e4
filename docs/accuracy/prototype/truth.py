"""Ground truth log rho_t at arbitrary points for each case (FV solution cached in truth_*.npz;
OU: exact Gaussian). `python3 truth.py check CASE` runs a grid/time convergence check."""
import numpy as np, os, sys, time
from fp import FPGrid
import cases as C

HERE = os.path.dirname(os.path.abspath(__file__))


def fv_truth(case, ncell=None, scale=1.0):
    """FV solution at case.times. Time steps: dt0 = case.fv_dt*scale for 200 steps, then doubling
    every 200 steps up to 32*dt0 (the transient is fastest at the start); interval ends are the
    phase edges and the snapshot times, each interval's dt adjusted to divide it."""
    ncell = ncell or case.fv_ncell
    g = FPGrid(case.f, [case.mob] * case.n, case.T, case.n, ncell, *case.box)
    r0 = g.cell_average(lambda x: np.exp(case.init_logdens(np.clip(x, 1e-12, 1 - 1e-12))), 8)
    r0 /= r0.sum() * g.D ** case.n
    t1 = max(case.times)
    d0 = case.fv_dt * scale
    edges, t, d = [], 0.0, d0
    while d < 32 * d0:
        t += 200 * d
        if t >= t1:
            break
        edges.append((t, d))
        d *= 2
    cuts = sorted(set([e[0] for e in edges]) | set(case.times))
    phases, t = [], 0.0
    for c in cuts:
        dd = next((e[1] for e in edges if e[0] >= c - 1e-15), d)
        nt = max(1, int(np.ceil((c - t) / dd - 1e-9)))
        phases.append((c, (c - t) / nt))
        t = c
    sol = g.solve(r0, list(case.times), phases)
    return g, sol


class Truth:
    def __init__(self, case):
        self.case = case
        if case.metric == "euclid":
            self.g = None
            return
        fn = os.path.join(HERE, f"truth_{case.name}.npz")
        if os.path.exists(fn):
            d = np.load(fn)
            self.g = FPGrid(case.f, [case.mob] * case.n, case.T, case.n, int(d["ncell"]), *case.box)
            self.sol = [d["s0"], d["s1"]]
        else:
            t0 = time.time()
            self.g, self.sol = fv_truth(case)
            np.savez(fn, ncell=case.fv_ncell, s0=self.sol[0], s1=self.sol[1])
            print(f"[truth] {case.name}: FV {case.fv_ncell}^{case.n} in {time.time()-t0:.1f}s", flush=True)

    def logrho(self, ti, x):
        c = self.case
        if c.metric == "euclid":
            mu, S = C.ou_exact(c.times[ti], c.T)
            return C.gauss_logpdf(x, mu, S)
        return self.g.interp_log(self.sol[ti], x, c.f)

    def logrho_inf(self, x):
        """log of exp(-f/T)/Z (Z by quadrature on the FV grid, or exact Gaussian)."""
        c = self.case
        if c.metric == "euclid":
            mu, S = C.ou_exact(1e3, c.T)
            return C.gauss_logpdf(x, mu, S)
        fc = self.g.fc
        m = fc.min()
        logZ = -m / c.T + np.log((np.exp(-(fc - m) / c.T)).sum() * self.g.D ** c.n)
        return -c.f(x) / c.T - logZ


if __name__ == "__main__":
    if sys.argv[1] == "check":
        case = C.CASES[sys.argv[2]]
        rng = np.random.default_rng(0)
        # sample points from the truth itself (weight by density) + uniform points
        res = {}
        confs = [(case.fv_ncell, 1.0), (case.fv_ncell, 0.5), (int(case.fv_ncell * 1.5), 1.0)]
        for nc, sc in confs:
            t0 = time.time()
            g, sol = fv_truth(case, nc, sc)
            res[(nc, sc)] = (g, sol)
            print(f"nc={nc} dt-scale={sc}: {time.time()-t0:.1f}s mass={[float(s.sum()*g.D**case.n) for s in sol]}"
                  f" max={[float(s.max()) for s in sol]}", flush=True)
        gr, solr = res[confs[-1]]
        for ti in range(2):
            # points sampled from the reference solution
            p = solr[ti] / solr[ti].sum()
            idx = rng.choice(len(p), 5000, p=p)
            pts = gr.centers[idx] + (rng.uniform(size=(5000, case.n)) - 0.5) * gr.D
            ref = gr.interp_log(solr[ti], pts, case.f)
            for k, (g, sol) in res.items():
                d = g.interp_log(sol[ti], pts, case.f) - ref
                print(f"t={case.times[ti]} {k}: at density-sampled points: max|dlog|={np.abs(d).max():.2e} "
                      f"MAD-shift={np.median(np.abs(d-np.median(d))):.2e}", flush=True)
