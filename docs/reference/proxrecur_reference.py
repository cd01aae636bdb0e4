#!/usr/bin/env python3
"""NumPy reference for the diffusion-machine density flow (not part of the product).

Written from the equations in docs of Halder-Caluya-Travacca-Moura (HNN flow, eqs. 39, 54, 58)
and Caluya-Halder (proximal recursion, Algorithm 1), with the corrections listed in
the Javadoc of the wasserstein.prox package. It exists for two reasons:
  1. fixtures: `fixtures` writes small input/output files that pin down conventions;
  2. a peer baseline: `bench` times the same algorithm in vectorised NumPy on this machine.

Usage:  python3 proxrecur_reference.py fixtures OUTDIR
        python3 proxrecur_reference.py bench [N] [d] [steps]
Needs numpy (Debian: apt-get install python3-numpy).
"""
import json, sys, time
import numpy as np

BETA_ACT = 0.25      # activation gain beta_i (paper Sec. V-C)
TEMP = 25.0          # temperature T
H = 1e-4             # time step h
EPS = 0.1            # entropic regularisation epsilon


def himmelblau(x):
    """Scaled Himmelblau on [0,1]^2, paper eq. (59)."""
    a, b = 10 * x[:, 0] - 5, 10 * x[:, 1] - 5
    return (a ** 2 + b - 11) ** 2 + (a + b ** 2 - 7) ** 2


def himmelblau_grad(x):
    a, b = 10 * x[:, 0] - 5, 10 * x[:, 1] - 5
    p, q = a ** 2 + b - 11, a + b ** 2 - 7
    return np.stack([10 * (4 * a * p + 2 * q), 10 * (2 * p + 4 * b * q)], axis=1)


def mobility(x, beta=BETA_ACT):
    """Inverse metric diagonal g^{ii} = 4 beta x (1-x), eq. (57)."""
    return 4 * beta * x * (1 - x)


def iso(x, beta=BETA_ACT):
    """Isometric coordinates: d_G(x,y) = |iso(x) - iso(y)|_2 (eq. 30 with the sqrt(beta) fix)."""
    return np.arcsin(np.sqrt(np.clip(x, 0, 1))) / np.sqrt(beta)


def em_step(x, grad, rng, T=TEMP, h=H, beta=BETA_ACT):
    """Explicit Euler-Maruyama for eq. (58); clipped to [0,1] (the reference keeps it simple)."""
    m = mobility(x, beta)
    drift = -m * grad(x) + 4 * beta * T * (1 - 2 * x)
    noise = np.sqrt(2 * T * m * h) * rng.standard_normal(x.shape)
    return np.clip(x + h * drift + noise, 0.0, 1.0)


def prox_step(rho_prev, x_prev, x_new, psi_prev, T=TEMP, h=H, eps=EPS, beta=BETA_ACT,
              tol=1e-12, max_iter=1000):
    """Caluya-Halder proximal recursion, Algorithm 1.
    Rows index previous points, columns new points: C[j, i] = d_G(x_prev[j], x_new[i])^2.
    Returns the un-normalised vector rho_new = z * (Gamma^T y) and the iteration count.
    """
    u, v = iso(x_prev, beta), iso(x_new, beta)
    C = ((u[:, None, :] - v[None, :, :]) ** 2).sum(-1)
    G = np.exp(-C / (2 * eps))
    inv_temp = 1.0 / T
    xi = np.exp(-inv_temp * psi_prev - 1.0)
    z = np.ones(len(x_new))
    y = rho_prev / (G @ z)
    power = 1.0 / (1.0 + inv_temp * eps / h)
    for it in range(1, max_iter + 1):
        z_new = (xi / (G.T @ y)) ** power
        y_new = rho_prev / (G @ z_new)
        done = np.max(np.abs(np.log(z_new / z))) < tol and np.max(np.abs(np.log(y_new / y))) < tol
        z, y = z_new, y_new
        if done:
            break
    return z * (G.T @ y), it


def fixtures(outdir):
    rng = np.random.default_rng(20261123)
    n = 64
    x_prev = rng.uniform(0.02, 0.98, size=(n, 2))
    rho_prev = np.exp(-himmelblau(x_prev) / TEMP)
    rho_prev /= rho_prev.mean()
    x_new = em_step(x_prev, himmelblau_grad, rng)
    psi_prev = himmelblau(x_prev)
    rho_new, iters = prox_step(rho_prev, x_prev, x_new, psi_prev)
    case = {
        "description": "One Caluya-Halder proximal step on the scaled Himmelblau problem. "
                       "Metric g^ii = 1/(4 beta x(1-x)); cost = squared geodesic distance "
                       "|asin(sqrt(x))/sqrt(beta) - asin(sqrt(y))/sqrt(beta)|^2; rows = previous points; "
                       "psi evaluated at previous points; z0 = 1; converged to 1e-12 in the "
                       "Thompson metric; rho_new is NOT renormalised (sum is conserved).",
        "beta_activation": BETA_ACT, "temperature": TEMP, "h": H, "epsilon": EPS,
        "iterations": iters,
        "x_prev": x_prev.tolist(), "rho_prev": rho_prev.tolist(), "psi_prev": psi_prev.tolist(),
        "x_new": x_new.tolist(), "rho_new": rho_new.tolist(),
    }
    with open(f"{outdir}/prox_step_himmelblau.json", "w") as fh:
        json.dump(case, fh)
    print("wrote prox_step_himmelblau.json, iterations", iters)


def bench(n=500, d=2, steps=200):
    rng = np.random.default_rng(1)
    if d == 2:
        f, grad = himmelblau, himmelblau_grad
    else:
        f = lambda x: ((10 * x - 5) ** 2).sum(1)
        grad = lambda x: 20 * (10 * x - 5)
    x = rng.uniform(size=(n, d))
    rho = np.ones(n)
    t0 = time.perf_counter()
    times = []
    for _ in range(steps):
        s = time.perf_counter()
        x_new = em_step(x, grad, rng)
        rho, _ = prox_step(rho, x, x_new, f(x), tol=1e-6, max_iter=300)
        rho /= np.mean(1.0 / rho)  # harmonic normalisation on the unit cube
        x = x_new
        times.append(time.perf_counter() - s)
    print(json.dumps({"impl": "numpy-reference", "particles": n, "dim": d, "steps": steps,
                      "median_ms_per_step": 1e3 * float(np.median(times)),
                      "total_s": time.perf_counter() - t0}))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "fixtures":
        fixtures(sys.argv[2])
    elif len(sys.argv) >= 2 and sys.argv[1] == "bench":
        a = [int(v) for v in sys.argv[2:]]
        bench(*a)
    else:
        print(__doc__)
