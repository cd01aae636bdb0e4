#!/usr/bin/env python3
"""POT baseline for the hopflow Sinkhorn benchmark (BENCHMARKS.md).

W_G between two uniform clouds of N points in (0,1)^n under the paper's metric (beta = 1/4):
cost d_G^2 = |asin(sqrt x)/sqrt(beta) - asin(sqrt y)/sqrt(beta)|^2, uniform weights,
entropic regularisation eps, POT's log-domain solver ot.bregman.sinkhorn_log stopping when the
2-norm of the column-marginal error is below tol (POT checks it every 10 iterations).
Prints one JSON line: the median wall time of `repeats` solves (cost matrix excluded).

Usage: python3 pot_sinkhorn.py [N] [n] [eps] [tol] [repeats]
"""
import json, sys, time
import numpy as np
import ot

n_pts = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
dim = int(sys.argv[2]) if len(sys.argv) > 2 else 2
eps = float(sys.argv[3]) if len(sys.argv) > 3 else 0.01
tol = float(sys.argv[4]) if len(sys.argv) > 4 else 1e-6
repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 3
rng = np.random.default_rng(1)
x = rng.uniform(size=(n_pts, dim))
y = rng.uniform(size=(n_pts, dim))
u = np.arcsin(np.sqrt(x)) / np.sqrt(0.25)
v = np.arcsin(np.sqrt(y)) / np.sqrt(0.25)
M = ot.dist(u, v)  # squared Euclidean
a = np.full(n_pts, 1.0 / n_pts)
b = np.full(n_pts, 1.0 / n_pts)
times = []
for _ in range(repeats):
    t = time.perf_counter()
    P, log = ot.bregman.sinkhorn_log(a, b, M, eps, numItermax=100000, stopThr=tol, log=True)
    times.append(time.perf_counter() - t)
cost = float((P * M).sum())
print(json.dumps({"impl": "pot-sinkhorn_log", "pot": ot.__version__, "particles": n_pts, "dim": dim,
                  "eps": eps, "tol": tol, "iterations": int(log["niter"]), "cost": cost,
                  "median_ms": 1e3 * float(np.median(times))}))
