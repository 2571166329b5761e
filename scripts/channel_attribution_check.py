#!/usr/bin/env python3
"""Cross-check journeys' attribution models against the ChannelAttribution package.

Run by hand, not by CI; the Swift test `ChannelAttributionFixtureTests` reads only the files this
script wrote into Tests/ScoreTests/Fixtures/channel-attribution/.

    # once: a virtual environment with the peer (it compiles C++; g++ is enough)
    python3 -m venv /tmp/ca-venv
    /tmp/ca-venv/bin/pip install ChannelAttribution matplotlib   # its import needs matplotlib

    # the paths fixture (deterministic: same seed, same file; standard library only)
    python3 scripts/channel_attribution_check.py generate

    # the peer's numbers for that fixture
    /tmp/ca-venv/bin/python scripts/channel_attribution_check.py run

`generate` writes paths.csv: one distinct channel path a line, as ChannelAttribution reads it:
`path` (channel names joined by " > "), `total_conversions`, `total_conversion_value`, `total_null`.

`run` reads it, runs ChannelAttribution's `heuristic_models` and `markov_model(order=1)` and writes
reference.json with the numbers they produced, plus (under "exact", clearly apart) the Markov
removal effects solved exactly with numpy by this script, which is no peer: it checks that the
exact solution and the peer's simulation agree.
"""

import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "ScoreTests", "Fixtures", "channel-attribution")
DEFAULT_PATHS = os.path.normpath(os.path.join(FIXTURES, "paths.csv"))
DEFAULT_OUT = os.path.normpath(os.path.join(FIXTURES, "reference.json"))

# Our channels, in journeys' order (JourneysCore.Channel raw values).
CHANNELS = ["organic_search", "paid_search", "paid_social", "organic_social", "email", "referral", "direct"]

# How journeys start: share of first visits per channel.
FIRST = {"organic_search": 28, "paid_search": 18, "paid_social": 16, "organic_social": 10,
         "email": 8, "referral": 8, "direct": 12}
# Where the next visit comes from, given the last one: people come back directly or through search,
# newsletter readers click the next newsletter, social ads are followed by a search.
NEXT = {
    "organic_search": {"organic_search": 30, "paid_search": 10, "direct": 30, "email": 8, "organic_social": 6, "paid_social": 6, "referral": 10},
    "paid_search":    {"organic_search": 20, "paid_search": 25, "direct": 30, "email": 8, "organic_social": 4, "paid_social": 5, "referral": 8},
    "paid_social":    {"organic_search": 25, "paid_search": 15, "direct": 20, "email": 5, "organic_social": 10, "paid_social": 20, "referral": 5},
    "organic_social": {"organic_search": 20, "paid_search": 8, "direct": 25, "email": 5, "organic_social": 25, "paid_social": 12, "referral": 5},
    "email":          {"organic_search": 10, "paid_search": 5, "direct": 30, "email": 45, "organic_social": 3, "paid_social": 2, "referral": 5},
    "referral":       {"organic_search": 20, "paid_search": 10, "direct": 30, "email": 5, "organic_social": 5, "paid_social": 5, "referral": 25},
    "direct":         {"organic_search": 15, "paid_search": 8, "direct": 50, "email": 15, "organic_social": 4, "paid_social": 3, "referral": 5},
}
# Chance that a journey converts after a visit from this channel (and then ends), and that it
# goes on to another visit otherwise.
CONVERT = {"organic_search": 0.06, "paid_search": 0.08, "paid_social": 0.02, "organic_social": 0.02,
           "email": 0.10, "referral": 0.05, "direct": 0.12}
GO_ON = 0.45
MAX_VISITS = 14


def pick(rng, weights):
    total = sum(weights.values())
    x = rng.random() * total
    for name in CHANNELS:  # fixed order: the same seed gives the same journeys
        w = weights.get(name, 0)
        if x < w:
            return name
        x -= w
    return CHANNELS[-1]


def generate(args):
    rng = random.Random(args.seed)
    paths = {}
    order = []
    for _ in range(args.journeys):
        visits = [pick(rng, FIRST)]
        converted = False
        while True:
            if rng.random() < CONVERT[visits[-1]]:
                converted = True
                break
            if len(visits) >= MAX_VISITS or rng.random() >= GO_ON:
                break
            visits.append(pick(rng, NEXT[visits[-1]]))
        key = " > ".join(visits)
        if key not in paths:
            paths[key] = [0, 0, 0]  # conversions, value in cents, nulls
            order.append(key)
        if converted:
            paths[key][0] += 1
            # order values in cents, lognormal around 55 EUR
            paths[key][1] += int(round(rng.lognormvariate(4.0, 0.5) * 100))
        else:
            paths[key][2] += 1
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("path,total_conversions,total_conversion_value,total_null\n")
        for key in order:
            conv, cents, nulls = paths[key]
            f.write(f"{key},{conv},{cents // 100}.{cents % 100:02d},{nulls}\n")
    conv = sum(p[0] for p in paths.values())
    print(f"{args.out}: {len(order)} paths, {args.journeys} journeys, {conv} conversions", file=sys.stderr)


def exact_markov(rows):
    """Removal effects by absorbing-chain linear algebra (this script's own, not the peer's)."""
    import numpy as np

    counts = {}
    value_last = {}
    present = set()
    for path, conv, value, nulls in rows:
        chans = [c.strip() for c in path.split(">")]
        w = conv + nulls
        if w == 0:
            continue
        prev = "(start)"
        for c in chans:
            if c == prev:
                continue  # consecutive repeats collapse, as in ChannelAttribution
            counts.setdefault(prev, {}).setdefault(c, 0)
            counts[prev][c] += w
            present.add(c)
            prev = c
        if conv:
            counts.setdefault(prev, {}).setdefault("(conversion)", 0)
            counts[prev]["(conversion)"] += conv
            value_last[chans[-1]] = value_last.get(chans[-1], 0.0) + value
        if nulls:
            counts.setdefault(prev, {}).setdefault("(null)", 0)
            counts[prev]["(null)"] += nulls
    chans = [c for c in CHANNELS if c in present]

    def prob(a, b):
        row = counts.get(a, {})
        t = sum(row.values())
        return row.get(b, 0) / t if t else 0.0

    def mean_value(c):
        n = counts.get(c, {}).get("(conversion)", 0)
        return value_last.get(c, 0.0) / n if n else 0.0

    def absorb(removed):
        kept = [c for c in chans if c != removed]
        q = np.array([[prob(a, b) for b in kept] for a in kept])
        s = np.array([prob("(start)", c) for c in kept])
        y = np.linalg.solve((np.eye(len(kept)) - q).T, s)
        conv = sum(y[i] * prob(c, "(conversion)") for i, c in enumerate(kept))
        val = sum(y[i] * prob(c, "(conversion)") * mean_value(c) for i, c in enumerate(kept))
        return conv, val

    base_conv, base_val = absorb(None)
    total_conv = sum(r[1] for r in rows)
    total_val = sum(r[2] for r in rows)
    re = {c: 1 - absorb(c)[0] / base_conv for c in chans}
    rev = {c: 1 - absorb(c)[1] / base_val for c in chans}
    s1, s2 = sum(re.values()), sum(rev.values())
    return {
        "note": "exact removal effects solved with numpy by channel_attribution_check.py itself (not the peer)",
        "conversion_probability": base_conv,
        "expected_value": base_val,
        "channels": {c: {"total_conversions": re[c] / s1 * total_conv,
                         "total_conversion_value": rev[c] / s2 * total_val,
                         "removal_effects_conversion": re[c],
                         "removal_effects_conversion_value": rev[c]} for c in chans},
    }


def run(args):
    import numpy as np
    import pandas as pd
    import ChannelAttribution as ca
    from importlib.metadata import version

    data = pd.read_csv(args.paths, sep=",", dtype={"path": str})
    rows = [(r.path, int(r.total_conversions), float(r.total_conversion_value), int(r.total_null))
            for r in data.itertuples()]

    heur = ca.heuristic_models(data, "path", "total_conversions", var_value="total_conversion_value",
                               flg_pro=False)
    markov = ca.markov_model(data, "path", "total_conversions", var_value="total_conversion_value",
                             var_null="total_null", order=1, nsim_start=args.nsim, out_more=True,
                             seed=args.seed, verbose=False, flg_pro=False)

    # The transition matrix names channels by number: the n-th distinct channel met, reading the
    # paths top to bottom and left to right.
    first_seen = []
    for path, *_ in rows:
        for c in (x.strip() for x in path.split(">")):
            if c not in first_seen:
                first_seen.append(c)

    def state(name):
        name = str(name)
        return first_seen[int(name) - 1] if name.isdigit() else name

    def num(x):
        return float(x)

    out = {
        "peer": {
            "package": "ChannelAttribution (PyPI)",
            "version": version("ChannelAttribution"),
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "heuristic_models": {"var_value": "total_conversion_value"},
            "markov_model": {"order": 1, "var_null": "total_null", "var_value": "total_conversion_value",
                             "nsim_start": args.nsim, "seed": args.seed, "out_more": True},
        },
        "paths_file": os.path.basename(args.paths),
        "paths": len(rows),
        "total_conversions": sum(r[1] for r in rows),
        "total_conversion_value": sum(r[2] for r in rows),
        "total_null": sum(r[3] for r in rows),
        "heuristic_models": {
            r.channel_name: {
                "first_touch_conversions": num(r.first_touch_conversions),
                "first_touch_value": num(r.first_touch_value),
                "last_touch_conversions": num(r.last_touch_conversions),
                "last_touch_value": num(r.last_touch_value),
                "linear_touch_conversions": num(r.linear_touch_conversions),
                "linear_touch_value": num(r.linear_touch_value),
            } for r in heur.itertuples()
        },
        "markov_model": {},
        "transition_matrix": [],
    }
    res = markov["result"].set_index("channel_name")
    rem = markov["removal_effects"].set_index("channel_name")
    for c in res.index:
        out["markov_model"][c] = {
            "total_conversions": num(res.loc[c, "total_conversions"]),
            "total_conversion_value": num(res.loc[c, "total_conversion_value"]),
            "removal_effects_conversion": num(rem.loc[c, "removal_effects_conversion"]),
            "removal_effects_conversion_value": num(rem.loc[c, "removal_effects_conversion_value"]),
        }
    for r in markov["transition_matrix"].itertuples():
        out["transition_matrix"].append({"from": state(r.channel_from), "to": state(r.channel_to),
                                         "probability": num(r.transition_probability)})
    out["exact"] = exact_markov(rows)

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")

    # A short comparison on the terminal: peer's simulation vs the exact solution.
    tc = out["total_conversions"]
    print(f"{'channel':16} {'peer markov':>12} {'exact':>12} {'diff % of conv':>15}", file=sys.stderr)
    for c in CHANNELS:
        if c in out["markov_model"]:
            p = out["markov_model"][c]["total_conversions"]
            e = out["exact"]["channels"][c]["total_conversions"]
            print(f"{c:16} {p:12.3f} {e:12.3f} {100 * (p - e) / tc:15.3f}", file=sys.stderr)
    print(f"wrote {args.out}", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate", help="write the deterministic channel-paths fixture (standard library only)")
    g.add_argument("--seed", type=int, default=20240506)
    g.add_argument("--journeys", type=int, default=6000)
    g.add_argument("--out", default=DEFAULT_PATHS)
    r = sub.add_parser("run", help="run ChannelAttribution on a paths file and write its numbers as JSON")
    r.add_argument("--paths", default=DEFAULT_PATHS)
    r.add_argument("--out", default=DEFAULT_OUT)
    r.add_argument("--nsim", type=int, default=10_000_000,
                   help="markov_model's nsim_start (split into 10 folds; the result is one fold's)")
    r.add_argument("--seed", type=int, default=0, help="markov_model's seed")
    args = p.parse_args()
    generate(args) if args.command == "generate" else run(args)


if __name__ == "__main__":
    main()
