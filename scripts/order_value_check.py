"""Independent count of orders, revenue and AOV, written from docs/definitions.md (order values,
key figures) and not from the code, on a generated access log with values written many ways,
unreadable, missing and implausible ones; compared with `journeys report` on the same log.
Usage: python3 scripts/order_value_check.py [seed]   (after `swift build`)"""
import os, random, re, json, subprocess, sys, tempfile, urllib.parse
from decimal import Decimal, ROUND_HALF_UP
from datetime import datetime, timedelta, timezone

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
CEIL = Decimal("100000.00")
UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"

def read_money(s):
    """docs: What counts as a page view / order value. Returns ('missing'|'unreadable'|'cents', value)."""
    s = s.strip(" \t\u00a0\u202f\u2009")
    if s in ("", "-"): return ("missing", None)
    if s.startswith("+"): s = s[1:]
    elif s.startswith("-"): return ("unreadable", None)
    m = re.match(r"^([A-Za-z]{3}|[€$£¥])[ \t\u00a0\u202f\u2009]*(?![A-Za-z])(.*)$", s)
    if m and not (len(m.group(1)) == 3 and len(s) <= 3): s = m.group(2)
    else:
        m = re.match(r"^(.*?)(?<![A-Za-z])[ \t\u00a0\u202f\u2009]*([A-Za-z]{3}|[€$£¥])$", s)
        if m and m.group(1): s = m.group(1)
    if not s: return ("unreadable", None)
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        if s.count(dec) != 1: return ("unreadable", None)
    elif dots == 1: dec = "."
    elif commas == 1:
        m = re.match(r"^([1-9]\d{0,2}),(\d{3})$", s)
        dec = None if m else ","
    else: dec = None
    if dec:
        i = s.rfind(dec); intpart, frac = s[:i], s[i+1:]
        if not re.fullmatch(r"\d+", frac): return ("unreadable", None)
    else: intpart, frac = s, ""
    groups = re.split(r"[ ,.'\u00a0\u202f\u2009]", intpart)
    seps = set(re.findall(r"[ ,.'\u00a0\u202f\u2009]", intpart))
    if len(seps) > 1: return ("unreadable", None)
    if len(groups) > 1:
        if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]): return ("unreadable", None)
    if not all(re.fullmatch(r"\d*", g) for g in groups): return ("unreadable", None)
    digits = "".join(groups)
    if not digits and not frac: return ("unreadable", None)
    v = Decimal((digits or "0") + ("." + frac if frac else ""))
    return ("cents", v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

values = ["89.90", "89,90", "1,234.56", "1.234,56", "1 234,56", "+3", "12.5EUR", "EUR 12.50", "€12,50", "12.50 €", "$5",
          "19.999", "0.005", "1,234", "1e2", "-3", "abc", "", None, "9999999999999.99", "100000.00", "100000.01", "0,005"]
berlin = timezone(timedelta(hours=1))
start = datetime(2026, 11, 16, 0, 5, tzinfo=berlin)
lines = []
def line(ip, t, target, status=200):
    lines.append(f'{ip} - - [{t.strftime("%d/%b/%Y:%H:%M:%S")} +0100] "GET {target} HTTP/1.1" {status} 100 "-" "{UA}"')
line("198.51.100.1", start, "/")
order_ids = [f"o{i}" for i in range(60)]
for k in range(300):
    ip = f"10.0.{k // 200}.{k % 200}"
    t = start + timedelta(minutes=random.randrange(0, 7 * 24 * 60 - 30))
    line(ip, t, "/p/x")
    if random.random() < 0.7:
        oid = random.choice(order_ids)
        v = random.choice(values)
        q = "order=" + oid + ("" if v is None else "&value=" + urllib.parse.quote(v, safe=""))
        line(ip, t + timedelta(minutes=1), "/checkout/done?" + q, status=random.choice([200, 302]))
line("198.51.100.2", datetime(2026, 11, 22, 23, 55, tzinfo=berlin), "/")
lines.sort(key=lambda l: datetime.strptime(l.split("[")[1].split(" ")[0], "%d/%b/%Y:%H:%M:%S"))
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
WORK = tempfile.mkdtemp(prefix="order-value-check-")
open(WORK + "/access.log", "w").write("\n".join(lines) + "\n")

# count from the docs: a visit per device (IP + UA); 30-min timeout irrelevant here (2 lines a minute apart);
# each order id once, first seen in time order; an implausible value is no order; unreadable or missing: order without value
seen = {}
for l in lines:
    m = re.search(r'GET /checkout/done\?(\S+) HTTP', l)
    if not m: continue
    q = dict(urllib.parse.parse_qsl(m.group(1), keep_blank_values=True))
    kind, v = read_money(q["value"]) if "value" in q else ("missing", None)
    if kind == "cents" and v > CEIL: continue
    if q["order"] in seen: continue
    seen[q["order"]] = v if kind == "cents" else None
valued = [v for v in seen.values() if v is not None]
revenue = sum(valued, Decimal(0))
aov = (revenue / len(valued)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if valued else None
r = subprocess.run([ROOT + "/.build/debug/journeys", "report", "--pipeline", ROOT + "/pipelines/weekly.yaml",
                    "--input", WORK + "/access.log", "--period", "2026-W47", "--output", WORK + "/out",
                    "--history", WORK + "/history.sqlite", "--quiet"], cwd=ROOT, capture_output=True, text=True)
if r.returncode: print(r.stderr); sys.exit(1)
k = json.load(open(WORK + "/out/2026-W47/report.json"))["kpis"]
print("python : orders", len(seen), "revenue", revenue, "aov", aov, "valued", len(valued))
print("journeys: orders", k["orders"]["value"], "revenue", k["revenue"]["value"], "aov", k["aov"]["value"])
ok = k["orders"]["value"] == len(seen) and Decimal(str(k["revenue"]["value"])) == revenue and \
     (aov is None and k["aov"]["value"] is None or Decimal(str(k["aov"]["value"])) == aov)
print("AGREE" if ok else "DISAGREE")
sys.exit(0 if ok else 1)
