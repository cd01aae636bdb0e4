"""Finite-volume Fokker-Planck solver (ground truth).

d rho/dt = div( M (rho grad f + T grad rho) ),  M = diag(m_i(x_i)), zero flux on the box faces.
Scharfetter-Gummel fluxes, flux from cell k to neighbour l (along axis i):
    (m_face T / D^2) * ( B(df/T) rho_k - B(-df/T) rho_l ),  B(z) = z/(e^z - 1),  df = f_l - f_k
(as a rate on cell averages; D = cell width). exp(-f/T) is an exact discrete stationary state.
Time stepping: BDF2 (first step implicit Euler), scipy.sparse splu; constant dt.
Works for n = 1, 2 on a box [lo, hi]^n.
"""
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def bern(z):
    z = np.asarray(z, float)
    out = np.empty_like(z)
    small = np.abs(z) < 1e-6
    out[small] = 1 - z[small] / 2 + z[small] ** 2 / 12
    zs = z[~small]
    out[~small] = zs / np.expm1(zs)
    return out


class FPGrid:
    def __init__(self, f, mob, T, n, ncell, lo=0.0, hi=1.0):
        """f: callable (P,n)->(P,); mob: list of n callables (array of coord)->mobility."""
        self.n, self.nc, self.T = n, ncell, T
        self.lo, self.hi = lo, hi
        self.D = (hi - lo) / ncell
        c1 = lo + (np.arange(ncell) + 0.5) * self.D
        self.c1 = c1
        if n == 1:
            self.centers = c1[:, None]
        else:
            X, Y = np.meshgrid(c1, c1, indexing="ij")
            self.centers = np.stack([X.ravel(), Y.ravel()], 1)
        self.fc = f(self.centers)
        P = len(self.fc)
        idx = np.arange(P).reshape((ncell,) * n)
        rows, cols, vals = [], [], []
        diag = np.zeros(P)
        for ax in range(n):
            sl_k = [slice(None)] * n
            sl_l = [slice(None)] * n
            sl_k[ax] = slice(0, ncell - 1)
            sl_l[ax] = slice(1, ncell)
            k = idx[tuple(sl_k)].ravel()
            l = idx[tuple(sl_l)].ravel()
            xf = 0.5 * (self.centers[k, ax] + self.centers[l, ax])
            mf = mob[ax](xf)
            df = (self.fc[l] - self.fc[k]) / T
            a = mf * T / self.D ** 2
            bk = a * bern(df)      # rate k -> l multiplies rho_k
            bl = a * bern(-df)     # rate l -> k multiplies rho_l
            # d rho_k/dt += -bk rho_k + bl rho_l ; d rho_l/dt += bk rho_k - bl rho_l
            np.add.at(diag, k, -bk)
            np.add.at(diag, l, -bl)
            rows += [k, l]
            cols += [l, k]
            vals += [bl, bk]
        rows = np.concatenate(rows + [np.arange(P)])
        cols = np.concatenate(cols + [np.arange(P)])
        vals = np.concatenate(vals + [diag])
        self.A = sp.csc_matrix((vals, (rows, cols)), shape=(P, P))
        self.P = P

    def cell_average(self, dens, sub=4):
        """cell averages of a density callable (P,n)->(P,) by sub^n midpoint quadrature."""
        o = (np.arange(sub) + 0.5) / sub - 0.5
        if self.n == 1:
            offs = o[:, None]
        else:
            a, b = np.meshgrid(o, o, indexing="ij")
            offs = np.stack([a.ravel(), b.ravel()], 1)
        acc = np.zeros(self.P)
        for off in offs:
            acc += dens(self.centers + off * self.D)
        return acc / len(offs)

    def solve(self, rho0, times, dt, growth=None):
        """Integrate to each t in sorted `times`; returns list of cell-average arrays.
        dt: float (constant) or list of (t_until, dt) phases. BDF2, restarted by one implicit
        Euler step at each change of dt."""
        if np.isscalar(dt):
            phases = [(max(times), dt)]
        else:
            phases = list(dt)
        I = sp.identity(self.P, format="csc")
        out, t, r = [], 0.0, rho0.copy()
        ti = 0
        for t_until, d in phases:
            lu1 = spla.splu((I - d * self.A).tocsc(), permc_spec="MMD_AT_PLUS_A")
            lu2 = spla.splu((I - (2.0 / 3.0) * d * self.A).tocsc(), permc_spec="MMD_AT_PLUS_A")
            r_prev = None
            while ti < len(times) and t < t_until - 1e-12:
                target = min(t_until, times[ti])
                nt = int(round((target - t) / d))
                for _ in range(nt):
                    r_new = lu1.solve(r) if r_prev is None else lu2.solve((4.0 * r - r_prev) / 3.0)
                    r_prev, r = r, r_new
                t = target if nt > 0 else t
                if abs(t - times[ti]) < 1e-12:
                    out.append(r.copy())
                    ti += 1
                if abs(t - t_until) < 1e-12:
                    break
        return out

    def interp_log(self, rho, pts, f):
        """log rho at points: bilinear interpolation of log(rho) + f/T on cell centres, then - f/T."""
        g = np.log(np.maximum(rho, 1e-300)) + self.fc / self.T
        g = g.reshape((self.nc,) * self.n)
        # extrapolate linearly beyond the outermost centres (clip index)
        u = (pts - self.lo) / self.D - 0.5
        val = np.zeros(len(pts))
        i0 = np.clip(np.floor(u).astype(int), 0, self.nc - 2)
        w = u - i0
        if self.n == 1:
            gi = g
            val = gi[i0[:, 0]] * (1 - w[:, 0]) + gi[i0[:, 0] + 1] * w[:, 0]
        else:
            a, b = i0[:, 0], i0[:, 1]
            wa, wb = w[:, 0], w[:, 1]
            val = (g[a, b] * (1 - wa) * (1 - wb) + g[a + 1, b] * wa * (1 - wb)
                   + g[a, b + 1] * (1 - wa) * wb + g[a + 1, b + 1] * wa * wb)
        return val - f(pts) / self.T
