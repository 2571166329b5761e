#!/usr/bin/env python3
"""Writes the order table of a large shop for `make bench`: ORDERS orders of CUSTOMERS customers
(defaults 10,000,000 and 1,000,000) over the three years before the shop-like log's weeks, in the
columns `journeys history import` reads (customer_id,order_id,ordered_at,value). Customer ids
are those of scripts/bench_shop_log.py (c400000 on), so the logged-in customers of its weeks have
a history. Customers differ in how often they buy (a gamma-distributed rate) and in what they
spend; each customer's orders fall between their first order and the table's end. Seeded, written
row by row in customer order. Python standard library only.
Usage: bench_history_orders.py OUT [--orders N] [--customers N] [--end YYYY-MM-DD] [--seed N]"""
import argparse
import random
from datetime import datetime, timedelta, timezone


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--orders", type=int, default=10_000_000)
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--end", default="2026-11-01", help="the day after the table's last order")
    ap.add_argument("--seed", type=int, default=23)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    end = datetime.strptime(args.end, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    span = 3 * 365 * 86400
    start = end - timedelta(seconds=span)
    # rates with mean 1 scaled so that the orders add up to about ORDERS
    rates = [rng.gammavariate(0.8, 1 / 0.8) for _ in range(args.customers)]
    scale = args.orders / sum(rates)
    written = 0
    number = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("customer_id,order_id,ordered_at,value\n")
        rows = []
        for k, rate in enumerate(rates):
            n = max(1, round(rate * scale + rng.random() - 0.5))
            first = rng.randrange(span)
            mean_value = rng.lognormvariate(4.0, 0.5)
            times = sorted([first] + [first + rng.randrange(span - first) for _ in range(n - 1)])
            for t in times:
                number += 1
                stamp = (start + timedelta(seconds=t)).strftime("%Y-%m-%dT%H:%M:%SZ")
                value = max(4.95, rng.gauss(mean_value, mean_value * 0.3))
                rows.append(f"c{400000 + k},H{number:09d},{stamp},{value:.2f}\n")
            if len(rows) > 100_000:
                f.write("".join(rows))
                written += len(rows)
                rows = []
        f.write("".join(rows))
        written += len(rows)
    print(f"{args.out}: {written} orders of {args.customers} customers, {start.date()} to {end.date()}")


if __name__ == "__main__":
    main()
