#!/usr/bin/env python3
"""The optimisation baseline of `hopflow optimize --baseline`: SciPy's dual_annealing on hopflow's
built-in objectives (the same formulas, on the unit cube [0,1]^n), at the same budget and target,
writing rows in the schema of hopflow's results.csv.

    python3 docs/bench/dual_annealing.py --objective himmelblau,rastrigin,ackley --dim 2 \
        --runs 10 --budget 20000 --target 1e-3 --out baseline.csv
    ./hopflow optimize --objective himmelblau,rastrigin,ackley --dim 2 --runs 10 --budget 20000 \
        --baseline baseline.csv --out runs/optimize

Every call of f counts against the budget, those of dual_annealing's local search (L-BFGS-B with
finite differences) included; a run stops at the evaluation that brings f_best - f* within the
target (evaluations_to_target is that evaluation's count), or when the budget is spent. Run r uses
seed (seed, r). Needs NumPy and SciPy (Debian: python3-scipy).
"""
import argparse
import math
import time

import numpy as np
from scipy.optimize import dual_annealing

HEADER = "objective,dim,method,run,best_value,error,evaluations,evaluations_to_target,wall_seconds,best_x"


def box(x, lo, hi):
    return lo + (hi - lo) * np.asarray(x)


def himmelblau(x):
    a, b = 10 * x[0] - 5, 10 * x[1] - 5
    return (a * a + b - 11) ** 2 + (a + b * b - 7) ** 2


def rastrigin(x):
    y = box(x, -5.12, 5.12)
    return 10 * len(y) + float(np.sum(y * y - 10 * np.cos(2 * math.pi * y)))


def ackley(x):
    y = box(x, -32.768, 32.768)
    n = len(y)
    return (-20 * math.exp(-0.2 * math.sqrt(float(np.sum(y * y)) / n))
            - math.exp(float(np.sum(np.cos(2 * math.pi * y))) / n) + 20 + math.e)


def levy(x):
    w = 1 + (box(x, -10, 10) - 1) / 4
    f = math.sin(math.pi * w[0]) ** 2
    for wi in w[:-1]:
        f += (wi - 1) ** 2 * (1 + 10 * math.sin(math.pi * wi + 1) ** 2)
    return f + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def styblinski_tang(x):
    y = box(x, -5, 5)
    return 0.5 * float(np.sum(y ** 4 - 16 * y ** 2 + 5 * y))


# the per-coordinate minimiser of Styblinski-Tang, the root of 2y^3 - 16y + 2.5 = 0 near -2.9035
_ST_Y = -2.903534027771178
OBJECTIVES = {
    "himmelblau": (himmelblau, lambda n: 0.0),
    "rastrigin": (rastrigin, lambda n: 0.0),
    "ackley": (ackley, lambda n: 0.0),
    "levy": (levy, lambda n: 0.0),
    "styblinski-tang": (styblinski_tang, lambda n: n * 0.5 * (_ST_Y ** 4 - 16 * _ST_Y ** 2 + 5 * _ST_Y)),
}


class Stop(Exception):
    pass


def run_one(name, n, run, budget, target, seed):
    f, minimum = OBJECTIVES[name]
    optimum = minimum(n)
    state = {"used": 0, "best": math.inf, "x": None, "to_target": -1}

    def counted(x):
        if state["used"] >= budget:
            raise Stop()
        state["used"] += 1
        v = f(np.clip(x, 0.0, 1.0))
        if v < state["best"]:
            state["best"], state["x"] = v, np.array(x, dtype=float)
            if v - optimum <= target:
                state["to_target"] = state["used"]
                raise Stop()
        return v

    start = time.perf_counter()
    try:
        dual_annealing(counted, bounds=[(0.0, 1.0)] * n, maxfun=budget,
                       seed=np.random.SeedSequence([seed, run]).generate_state(1)[0])
    except Stop:
        pass
    wall = time.perf_counter() - start
    best_x = " ".join(repr(float(v)) for v in state["x"])
    to_target = "" if state["to_target"] < 0 else str(state["to_target"])
    best = float(state["best"])
    return (f"{name},{n},dual_annealing,{run},{best!r},{best - optimum!r},"
            f"{state['used']},{to_target},{wall:.4f},{best_x}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--objective", default="himmelblau,rastrigin,ackley")
    p.add_argument("--dim", default="2")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--budget", type=int, default=20000)
    p.add_argument("--target", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    rows = [HEADER]
    for name in a.objective.split(","):
        if name not in OBJECTIVES:
            p.error(f"--objective {name}: known {', '.join(OBJECTIVES)}")
        for n in (int(d) for d in a.dim.split(",")):
            if name == "himmelblau" and n != 2:
                continue
            for r in range(a.runs):
                rows.append(run_one(name, n, r, a.budget, a.target, a.seed))
    with open(a.out, "w", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
