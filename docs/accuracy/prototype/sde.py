"""Particle simulation of the diffusion machine.

cube metric, m_i = 4 beta x_i(1-x_i): each coordinate is the height of a point on the unit sphere,
z_i = 1 - 2 x_i = cos y_i (y = 2 arcsin sqrt x, the isometric coordinate for beta = 1/4). The
coordinate process is Langevin on (S^2)^n with generator 4 beta (T Lap_S2 - grad_S2 f . grad_S2):
    dv = 2 beta f_x (e_z - z v) dt + sqrt(8 beta T) dB_S2(v)
integrated by projected Euler-Maruyama (tangent step, renormalise): never leaves the sphere, so
x stays in [0,1] with no barrier drift, no clipping, no reflection.
euclid metric: Euler-Maruyama.
Returns positions at every value step k = 0..K (K = round(t_end/h)); sub SDE substeps per step.
"""
import numpy as np


def simulate(case, N, seed, t_end):
    rng = np.random.default_rng(seed)
    K = int(round(t_end / case.h))
    dt = case.h / case.sub
    x0 = case.init_sample(rng, N)
    n = case.n
    X = np.empty((K + 1, N, n))
    X[0] = x0
    if case.metric == "cube":
        b = case.beta
        z = 1 - 2 * x0
        s = np.sqrt(np.clip(1 - z * z, 0, None))
        ph = rng.uniform(0, 2 * np.pi, size=z.shape)
        v = np.stack([s * np.cos(ph), s * np.sin(ph), z], -1)  # (N,n,3)
        ez = np.array([0.0, 0.0, 1.0])
        sig = np.sqrt(8 * b * T_of(case) * dt)
        for k in range(1, K + 1):
            for _ in range(case.sub):
                x = (1 - v[..., 2]) / 2
                gx = case.grad(x)                         # (N,n)
                zz = v[..., 2]
                drift = 2 * b * gx[..., None] * (ez - zz[..., None] * v)
                xi = rng.standard_normal(v.shape)
                xi -= (xi * v).sum(-1, keepdims=True) * v
                v = v + dt * drift + sig * xi
                v /= np.linalg.norm(v, axis=-1, keepdims=True)
            X[k] = (1 - v[..., 2]) / 2
    else:
        x = x0.copy()
        sig = np.sqrt(2 * T_of(case) * dt)
        for k in range(1, K + 1):
            for _ in range(case.sub):
                x = x - dt * case.grad(x) + sig * rng.standard_normal(x.shape)
            X[k] = x
    return X


def T_of(case):
    return case.T
