"""Test cases: objective (f, grad, per-coordinate second derivatives), metric, T, step, initial law,
snapshot times, and the ground truth.

metric 'cube': m_i(x) = 4 beta_i x_i (1 - x_i) on (0,1)^n (the paper's Hopfield metric)
metric 'euclid': m = 1 on R^n
"""
import numpy as np
from dataclasses import dataclass, field
from typing import Callable, Optional


@dataclass
class Case:
    name: str
    n: int
    metric: str
    f: Callable
    grad: Callable
    hdiag: Callable          # (P,n) -> (P,n) second derivatives d^2 f / dx_i^2
    T: float
    h: float                 # value step (the library's step)
    sub: int                 # SDE substeps per value step
    times: tuple             # (early, late)
    beta: float = 0.25
    init_sample: Callable = None   # (rng, N) -> (N,n)
    init_logdens: Callable = None  # (P,n) -> (P,)
    fv_ncell: int = 160
    fv_dt: float = 1e-5
    ou: Optional[dict] = None       # euclid OU exact: A, c, mu0, S0
    box: tuple = (0.0, 1.0)
    hessf: Optional[Callable] = None   # (P,n) -> (P,n,n) full Hessian (euclid LL kernel)

    def hess(self, x):
        if self.hessf is not None:
            return self.hessf(x)
        return np.stack([np.diag(r) for r in self.hdiag(x)])

    def mob(self, x):
        if self.metric == "cube":
            return 4 * self.beta * x * (1 - x)
        return np.ones_like(x)

    def dmob(self, x):
        if self.metric == "cube":
            return 4 * self.beta * (1 - 2 * x)
        return np.zeros_like(x)

    def lap_G(self, x):
        """Laplace-Beltrami of f w.r.t. Lebesgue reference: sum_i d_i (m_i d_i f)."""
        return (self.mob(x) * self.hdiag(x) + self.dmob(x) * self.grad(x)).sum(1)

    def grad2_G(self, x):
        return (self.mob(x) * self.grad(x) ** 2).sum(1)


# ---------- scaled Himmelblau (paper eq. 59) ----------
def hb_f(x):
    a, b = 10 * x[:, 0] - 5, 10 * x[:, 1] - 5
    return (a ** 2 + b - 11) ** 2 + (a + b ** 2 - 7) ** 2


def hb_grad(x):
    a, b = 10 * x[:, 0] - 5, 10 * x[:, 1] - 5
    p, q = a ** 2 + b - 11, a + b ** 2 - 7
    return np.stack([10 * (4 * a * p + 2 * q), 10 * (2 * p + 4 * b * q)], axis=1)


def hb_hdiag(x):
    a, b = 10 * x[:, 0] - 5, 10 * x[:, 1] - 5
    p, q = a ** 2 + b - 11, a + b ** 2 - 7
    faa = 4 * p + 8 * a * a + 2
    fbb = 2 + 4 * q + 8 * b * b
    return 100 * np.stack([faa, fbb], axis=1)


def uniform_sampler(n):
    return lambda rng, N: rng.uniform(size=(N, n))


def uniform_logdens(x):
    return np.zeros(len(x))


# ---------- quadratic ----------
QC = np.array([0.3, 0.6])
QK = 1.0


def q_f(x):
    return 0.5 * QK * ((x - QC) ** 2).sum(1)


def q_grad(x):
    return QK * (x - QC)


def q_hdiag(x):
    return QK * np.ones_like(x)


# ---------- tilted double well (2-D): s = (x1-1/2)/0.25 ----------
DW_H, DW_TILT, DW_K = 1.0, 0.3, 20.0


def dw_f(x):
    s = (x[:, 0] - 0.5) / 0.25
    return DW_H * (s * s - 1) ** 2 + DW_TILT * s + 0.5 * DW_K * (x[:, 1] - 0.5) ** 2


def dw_grad(x):
    s = (x[:, 0] - 0.5) / 0.25
    g1 = (DW_H * 4 * s * (s * s - 1) + DW_TILT) / 0.25
    g2 = DW_K * (x[:, 1] - 0.5)
    return np.stack([g1, g2], 1)


def dw_hdiag(x):
    s = (x[:, 0] - 0.5) / 0.25
    h1 = DW_H * (12 * s * s - 4) / 0.0625
    return np.stack([h1, DW_K * np.ones_like(h1)], 1)


# ---------- 1-D tilted double well, Beta(2,5) start: s = (x-1/2)/0.3 ----------
def d1_f(x):
    s = (x[:, 0] - 0.5) / 0.3
    return (s * s - 1) ** 2 + 0.4 * s


def d1_grad(x):
    s = (x[:, 0] - 0.5) / 0.3
    return ((4 * s * (s * s - 1) + 0.4) / 0.3)[:, None]


def d1_hdiag(x):
    s = (x[:, 0] - 0.5) / 0.3
    return ((12 * s * s - 4) / 0.09)[:, None]


def beta25_sample(rng, N):
    return rng.beta(2, 5, size=(N, 1))


def beta25_logdens(x):
    u = np.clip(x[:, 0], 1e-300, 1 - 1e-16)
    return np.log(30.0) + np.log(u) + 4 * np.log1p(-u)


# ---------- Euclidean OU ----------
OU_A = np.array([[2.0, 0.8], [0.8, 1.0]])
OU_C = np.array([0.0, 0.0])
OU_MU0 = np.array([1.5, -1.0])
OU_S0 = 0.05 * np.eye(2)


def ou_f(x):
    d = x - OU_C
    return 0.5 * np.einsum("pi,ij,pj->p", d, OU_A, d)


def ou_grad(x):
    return (x - OU_C) @ OU_A.T


def ou_hdiag(x):
    return np.tile(np.diag(OU_A), (len(x), 1))


def ou_sample(rng, N):
    return rng.multivariate_normal(OU_MU0, OU_S0, size=N)


def gauss_logpdf(x, mu, S):
    d = x - mu
    Si = np.linalg.inv(S)
    return -0.5 * np.einsum("pi,ij,pj->p", d, Si, d) - 0.5 * np.log(np.linalg.det(2 * np.pi * S))


def ou_logdens0(x):
    return gauss_logpdf(x, OU_MU0, OU_S0)


def ou_exact(t, T):
    w, Q = np.linalg.eigh(OU_A)
    E = Q @ np.diag(np.exp(-w * t)) @ Q.T
    mu = OU_C + E @ (OU_MU0 - OU_C)
    Sinf = T * Q @ np.diag(1 / w) @ Q.T
    S = E @ OU_S0 @ E.T + Sinf - E @ Sinf @ E.T
    return mu, S


CASES = {
    "himmelblau": Case("himmelblau", 2, "cube", hb_f, hb_grad, hb_hdiag, T=25.0, h=1e-4, sub=8,
                       times=(0.01, 0.1), init_sample=uniform_sampler(2), init_logdens=uniform_logdens,
                       fv_ncell=160, fv_dt=5e-6),
    "quadratic": Case("quadratic", 2, "cube", q_f, q_grad, q_hdiag, T=0.02, h=5e-3, sub=2,
                      times=(0.5, 4.0), init_sample=uniform_sampler(2), init_logdens=uniform_logdens,
                      fv_ncell=160, fv_dt=1e-3),
    "doublewell": Case("doublewell", 2, "cube", dw_f, dw_grad, dw_hdiag, T=0.2, h=1e-3, sub=2,
                       times=(0.05, 0.5), init_sample=uniform_sampler(2), init_logdens=uniform_logdens,
                       fv_ncell=160, fv_dt=1e-4),
    "dw1d": Case("dw1d", 1, "cube", d1_f, d1_grad, d1_hdiag, T=0.25, h=1e-3, sub=2,
                 times=(0.05, 0.3), init_sample=beta25_sample, init_logdens=beta25_logdens,
                 fv_ncell=2000, fv_dt=1e-4),
    "ou": Case("ou", 2, "euclid", ou_f, ou_grad, ou_hdiag, T=0.5, h=1e-3, sub=2,
               times=(0.1, 1.5), init_sample=ou_sample, init_logdens=ou_logdens0,
               ou=dict(A=OU_A, c=OU_C), hessf=lambda x: np.tile(OU_A, (len(x), 1, 1))),
}
