#!/usr/bin/env python3
"""Builds a benchmark log the demo generator did not write: a real Combined Log Format sample
repeated until it has LINES lines, each copy with its own client addresses (other people) and
shifted by whole days, so that the log covers about five weeks like the demo's. Lines come out
in time order. With PEOPLE, copy k takes the client addresses of copy k mod PEOPLE: a longer log
of the same people (4,000,000 lines with PEOPLE 100 holds the people of 1,000,000 lines).
Usage: bench_apache_log.py SAMPLE OUT [LINES [PEOPLE]]"""
import sys
from datetime import datetime, timedelta

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def main():
    sample, out = sys.argv[1], sys.argv[2]
    wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    people = int(sys.argv[4]) if len(sys.argv) > 4 else None
    rows = []
    with open(sample, "rb") as f:
        for raw in f:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            a, b = line.find("["), line.find("]")
            if a < 0 or b < a:
                continue
            try:
                t = datetime.strptime(line[a + 1:b], "%d/%b/%Y:%H:%M:%S %z")
            except ValueError:
                continue
            rows.append((t, line, a, b))
    if not rows:
        sys.exit(f"{sample}: no Combined Log Format lines")
    first = min(r[0] for r in rows)
    span_days = (max(r[0] for r in rows) - first).days + 1
    copies = -(-wanted // len(rows))
    lines = []
    for k in range(copies):
        shift = timedelta(days=(k % (35 // span_days)) * span_days + 365 * 11)
        p = k % people if people else k
        for t, line, a, b in rows:
            space = line.find(" ")
            host = line[:space]
            parts = host.split(".")
            if len(parts) == 4 and all(p.isdigit() for p in parts):
                # another network per copy: other people, same behaviour
                host = f"{(int(parts[0]) + p) % 223 + 1}.{(int(parts[1]) + 7 * p) % 256}.{parts[2]}.{parts[3]}"
            else:
                host = f"c{p}-{host}"
            u = t + shift
            stamp = f"{u.day:02d}/{MONTHS[u.month - 1]}/{u.year}:{u.hour:02d}:{u.minute:02d}:{u.second:02d} +0000"
            lines.append((u, k, host + line[space:a + 1] + stamp + line[b:]))
            if len(lines) >= wanted:
                break
        if len(lines) >= wanted:
            break
    lines.sort(key=lambda x: (x[0], x[1]))
    with open(out, "w", encoding="utf-8") as f:
        for _, _, line in lines:
            f.write(line + "\n")
    print(f"{out}: {len(lines)} lines from {len(rows)} of {sample}, {copies} copies")


if __name__ == "__main__":
    main()
