"""Independent count of the outlier rule for order values, written from docs/definitions.md
(order values: the outlier bound from the history's orders of the 365 days before the period) and
not from the code: an order table with orders over more than a year, of values around a random
median, imported into a history; a week's access log with orders near the bound and above the
ceiling; orders, revenue, AOV and the notes compared with `journeys report`.
Usage: python3 scripts/order_outlier_check.py [seed]   (after `swift build`)"""
import json, os, random, subprocess, sys, tempfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, ROUND_HALF_UP

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
random.seed(seed)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BIN = os.environ.get("JOURNEYS", ROOT + "/.build/debug/journeys")
WORK = tempfile.mkdtemp(prefix="order-outlier-check-")
FACTOR, MIN_ORDERS, CEIL = 20, 30, 10_000_000  # weekly.yaml: outlier_factor, outlier_min_orders, max_value in cents
UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
berlin = timezone(timedelta(hours=1))
period_start = datetime(2026, 11, 16, tzinfo=berlin)  # 2026-W47, Europe/Berlin (CET in November)

# the order table: days from 420 days before the period to the day before it; some values 0
median_cents = random.randrange(1_000, 30_000)
n = random.choice([10, 29, 30, 31, 200])
rows = []
for i in range(n):
    day = (period_start - timedelta(days=random.randrange(1, 421))).date()
    cents = 0 if random.random() < 0.1 else max(1, int(random.lognormvariate(0, 0.6) * median_cents))
    rows.append((f"c{i % 50}", f"h{i}", day, cents))
with open(WORK + "/orders.csv", "w") as f:
    f.write("customer_id,order_id,ordered_at,value\n")
    for c, o, d, v in rows:
        f.write(f"{c},{o},{d.isoformat()},{v // 100}.{v % 100:02d}\n")

# the bound, as docs/definitions.md states it: orders in [start - 365 days, start) with a value above 0;
# an imported order's time is the first instant of its day in the config's time zone
window = [v for c, o, d, v in rows
          if period_start - timedelta(days=365) <= datetime(d.year, d.month, d.day, tzinfo=berlin) < period_start and v > 0]
bound = None
if len(window) >= MIN_ORDERS:
    s = sorted(window)
    a, b = s[(len(s) - 1) // 2], s[len(s) // 2]
    bound = FACTOR * (a + b) // 2
    if bound >= CEIL: bound = None

# the week's log: orders of random values, some at the bound and a cent either side, one above the ceiling
targets = [random.randrange(100, 3 * median_cents) for _ in range(40)]
if bound is not None: targets += [bound - 1, bound, bound + 1, bound * 2]
targets += [CEIL + 1]
lines = [f'198.51.100.1 - - [16/Nov/2026:00:05:00 +0100] "GET / HTTP/1.1" 200 100 "-" "{UA}"']
for k, cents in enumerate(targets):
    t = period_start + timedelta(minutes=10 + 97 * k)
    stamp = t.strftime("%d/%b/%Y:%H:%M:%S")
    lines.append(f'10.1.{k // 200}.{k % 200} - - [{stamp} +0100] "GET /checkout/done?order=w{k}&value={cents // 100}.{cents % 100:02d} HTTP/1.1" 200 100 "-" "{UA}"')
lines.append(f'198.51.100.2 - - [22/Nov/2026:23:55:00 +0100] "GET / HTTP/1.1" 200 100 "-" "{UA}"')
open(WORK + "/access.log", "w").write("\n".join(lines) + "\n")

kept = [c for c in targets if c <= CEIL and (bound is None or c <= bound)]
outliers = sum(1 for c in targets if c <= CEIL and bound is not None and c > bound)
implausible = sum(1 for c in targets if c > CEIL)
revenue = Decimal(sum(kept)) / 100
aov = (revenue / len(kept)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if kept else None

def run(*args):
    r = subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, text=True)
    if r.returncode:
        print(r.stderr)
        sys.exit(1)
    return r.stdout.strip()

pipeline = ROOT + "/pipelines/weekly.yaml"
history = WORK + "/history.sqlite"
run("history", "import", "--pipeline", pipeline, "--history", history, "--orders", WORK + "/orders.csv")
printed = run("order-bound", "--pipeline", pipeline, "--period", "2026-W47", "--history", history)
run("report", "--pipeline", pipeline, "--input", WORK + "/access.log", "--period", "2026-W47", "--output", WORK + "/out",
    "--history", history, "--quiet")
report = json.load(open(WORK + "/out/2026-W47/report.json"))
k = report["kpis"]
reasons = {r["reason"]: r["count"] for r in report["input"]["reasons"]}
print(f"seed {seed}: {n} imported orders, {len(window)} in the year before, median about {median_cents} cents")
print("python  : bound", bound, "orders", len(kept), "revenue", revenue, "aov", aov, "outliers", outliers, "implausible", implausible)
print("journeys: bound", printed, "orders", k["orders"]["value"], "revenue", k["revenue"]["value"], "aov", k["aov"]["value"],
      "outliers", reasons.get("order_value_outlier", 0), "implausible", reasons.get("order_value_implausible", 0))
ok = printed == (str(bound) if bound is not None else "none") and k["orders"]["value"] == len(kept) and \
     Decimal(str(k["revenue"]["value"])) == revenue and \
     (aov is None and k["aov"]["value"] is None or Decimal(str(k["aov"]["value"])) == aov) and \
     reasons.get("order_value_outlier", 0) == outliers and reasons.get("order_value_implausible", 0) == implausible
print("AGREE" if ok else "DISAGREE")
sys.exit(0 if ok else 1)
