#!/usr/bin/env python3
"""The reference fixture for the CLV fits: customers simulated from BG/NBD and Gamma-Gamma with
known parameters, and the parameters PyPI `lifetimes` fits on them.

Installs nothing. Run it in a virtual env that has lifetimes:

    python3 -m venv .venv-clv && .venv-clv/bin/pip install lifetimes
    # on a Python where that fails: .venv-clv/bin/pip install lifetimes==0.11.3 'numpy<2' 'pandas<2' scipy autograd
    .venv-clv/bin/python scripts/clv_reference.py Tests/CLVModelsTests/Fixtures

Writes into the folder:
- simulated_clv_summaries.csv: `x,tx_days,T_days,repeat_cents,count`, the customers grouped by
  identical summaries. x repeat purchase days, tx_days and T_days the days from the first purchase
  day to the last and to the as-of day (weeks are days / 7), repeat_cents the sum of the repeat
  purchase days' values in cents (the mean value is repeat_cents / 100 / x), count the customers.
- simulated_clv_lifetimes.csv: `model,parameter,value` for BetaGeoFitter (r, alpha, a, b) and
  GammaGammaFitter (p, q, v) fitted on those customers, without penalty, tol 1e-9 (BFGS's gradient
  tolerance on the mean log-likelihood; 1e-12 ends in scipy's "precision loss"),
  and the generating parameters (`truth`). (lifetimes' BG/NBD log-likelihood is in rescaled
  time, so it is not written; the test compares likelihoods at both parameter sets itself.)

The simulation follows Fader, Hardie and Lee: a customer's first purchase is at 0; while alive,
purchases come at rate lambda ~ Gamma(r, alpha) per week; after each repeat purchase they drop out
with probability p ~ Beta(a, b). Purchase times are cut to days, and purchases on one day are one
purchase day whose value is the sum. Each purchase is worth Gamma(p, nu) (rate nu),
nu ~ Gamma(q, v), rounded to cents. Watched for 1 to 78 weeks (a whole number of days).
"""
import csv
import os
import sys
from collections import Counter

import numpy as np
from lifetimes import BetaGeoFitter, GammaGammaFitter

SEED = 20261207
CUSTOMERS = 20_000
TRUTH = {"r": 0.6, "alpha": 8.0, "a": 0.9, "b": 3.0, "p": 6.0, "q": 4.0, "v": 15.0}


def simulate(rng):
    t = TRUTH
    groups = Counter()
    for _ in range(CUSTOMERS):
        watched_days = int(rng.integers(7, 547))
        weeks = watched_days / 7
        rate = rng.gamma(t["r"], 1 / t["alpha"])
        drop = rng.beta(t["a"], t["b"])
        nu = rng.gamma(t["q"], 1 / t["v"])
        value_by_day = {0: int(round(rng.gamma(t["p"], 1 / nu) * 100))}
        now = 0.0
        while True:
            now += rng.exponential(1 / rate) if rate > 0 else float("inf")
            if now > weeks:
                break
            day = min(int(now * 7), watched_days)
            value_by_day[day] = value_by_day.get(day, 0) + int(round(rng.gamma(t["p"], 1 / nu) * 100))
            if rng.random() < drop:
                break
        days = sorted(value_by_day)
        x = len(days) - 1
        repeat_cents = sum(value_by_day[d] for d in days[1:])
        groups[(x, days[-1], watched_days, repeat_cents)] += 1
    return groups


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "Tests/CLVModelsTests/Fixtures"
    rng = np.random.default_rng(SEED)
    groups = simulate(rng)
    rows = sorted(groups.items())
    with open(os.path.join(folder, "simulated_clv_summaries.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x", "tx_days", "T_days", "repeat_cents", "count"])
        for (x, tx, T, cents), n in rows:
            w.writerow([x, tx, T, cents, n])

    # One entry per customer, as lifetimes takes them.
    x = np.array([k[0] for k, n in rows for _ in range(n)], dtype=float)
    tx = np.array([k[1] / 7 for k, n in rows for _ in range(n)])
    T = np.array([k[2] / 7 for k, n in rows for _ in range(n)])
    cents = np.array([k[3] for k, n in rows for _ in range(n)], dtype=float)

    bgf = BetaGeoFitter(penalizer_coef=0.0)
    bgf.fit(x, tx, T, tol=1e-9)
    repeat = (x > 0) & (cents > 0)
    monetary = cents[repeat] / 100 / x[repeat]
    ggf = GammaGammaFitter(penalizer_coef=0.0)
    ggf.fit(x[repeat], monetary, tol=1e-9)

    with open(os.path.join(folder, "simulated_clv_lifetimes.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["model", "parameter", "value"])
        for name in ["r", "alpha", "a", "b"]:
            w.writerow(["bgnbd", name, repr(float(bgf.params_[name]))])
        for name in ["p", "q", "v"]:
            w.writerow(["gammaGamma", name, repr(float(ggf.params_[name]))])
        for name, value in TRUTH.items():
            w.writerow(["truth", name, repr(value)])
        w.writerow(["simulation", "seed", SEED])
        w.writerow(["simulation", "customers", CUSTOMERS])
    print(f"{len(rows)} rows; BG/NBD {dict(bgf.params_)}; Gamma-Gamma {dict(ggf.params_)}")


if __name__ == "__main__":
    main()
