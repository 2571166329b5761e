#!/usr/bin/env python3
"""Counts the journey map's returns across visits (docs/definitions.md "Returns") from the logs,
without journeys' code, and compares them with a report.json.

Reads the demo shop's Combined Log Format files (`journeys sample`) with pipelines/weekly.yaml's
filters and touchpoint rules, and sessions of a 30-minute timeout, a 24-hour maximum and a new
visit for another logged-in customer; device = IP address + user agent. Campaign and midnight
splits are left out, so the report to compare with is made with

    sessions: { new_visit_on_campaign_change: false, split_at_midnight: false }

    python3 scripts/map_returns_check.py 'LOGS/access.log-*' 2026-11-16 2026-11-23 OUT/2026-W47/report.json

(the period's first day and the day after its last, in Europe/Berlin). Prints the returns it
counted, and exits 1 when a link's count or median days differ from the report's.
"""
import sys, re, gzip, glob, json, statistics
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

files, period_start, period_end, report = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
tz = ZoneInfo("Europe/Berlin")
p0 = int(datetime.fromisoformat(period_start).replace(tzinfo=tz).timestamp())
p1 = int(datetime.fromisoformat(period_end).replace(tzinfo=tz).timestamp())
BOTS = "bot crawler spider slurp crawl mediapartners facebookexternalhit bingpreview uptimerobot pingdom statuscake site24x7 newrelicpinger datadog monitor headlesschrome phantomjs selenium puppeteer playwright lighthouse curl/ wget/ python-requests python-urllib aiohttp go-http-client java/ okhttp libwww-perl apache-httpclient node-fetch axios/ httpclient scrapy".split()
ASSETS = set("avif css eot gif ico jpeg jpg js map mp4 otf png svg ttf txt webm webp woff woff2 xml".split())
RULES = [("/", "Home"), ("/refer", "Refer a friend"), ("/c/*", "Category"), ("/search", "Search"),
         ("/p/*/reviews/new", "Write review"), ("/p/*/reviews", "Reviews"), ("/p/*", "Product"),
         ("/info/shipping", "Shipping info"), ("/info/returns", "Returns info"), ("/info/size-guide", "Size guide"),
         ("/faq", "FAQ"), ("/wishlist", "Wish list"), ("/cart/add", "Add to cart"), ("/cart", "Cart"),
         ("/checkout/confirmation", "Order confirmation"), ("/checkout/*", "Checkout"), ("/account/orders/*", "Order status"),
         ("/account/returns", "Returns"), ("/account", "Account"), ("/support/chat/**", "Support chat"),
         ("/support/contact/**", "Contact form"), ("/support/callback/**", "Call-back"), ("/newsletter/**", "Newsletter"),
         ("/survey", "Survey")]
def glob_re(g):
    out = ""
    i = 0
    while i < len(g):
        if g.startswith("**", i): out += ".*"; i += 2
        elif g[i] == "*": out += "[^/]*"; i += 1
        elif g[i] == "?": out += "[^/]"; i += 1
        else: out += re.escape(g[i]); i += 1
    return re.compile(out + r"\Z")
RULES = [(glob_re(g), name) for g, name in RULES]
def touchpoint(path):
    for r, name in RULES:
        if r.match(path): return name
    return "(other)"

LINE = re.compile(r'(\S+) \S+ (\S+) \[([^\]]+)\] "(\S+) (\S+)[^"]*" (\d{3}) \S+ "[^"]*" "([^"]*)"')
rows = []
for f in sorted(glob.glob(files)):
    opener = gzip.open if f.endswith(".gz") else open
    with opener(f, "rt", errors="replace") as fh:
        for line in fh:
            m = LINE.match(line)
            if not m: continue
            ip, user, ts, method, url, status, ua = m.groups()
            if method not in ("GET", "POST") or int(status) >= 400: continue
            if any(b in ua.lower() for b in BOTS): continue
            path = re.sub(r"^[a-z]+://[^/]+", "", url).split("?")[0].split("#")[0]
            last = path.rsplit("/", 1)[-1]
            if "." in last and last.rsplit(".", 1)[1].lower() in ASSETS: continue
            try: t = int(datetime.strptime(ts, "%d/%b/%Y:%H:%M:%S %z").timestamp())
            except ValueError: continue
            rows.append((t, ip + " " + ua, None if user == "-" else user, touchpoint(path)))
rows.sort(key=lambda r: r[0])  # stable: lines of one second keep the order of the files

visits = []  # [device, customer, start, end, [touchpoints]]
open_visit = {}
for t, dev, cust, tp in rows:
    v = open_visit.get(dev)
    if v is None or t - v[3] >= 1800 or t - v[2] >= 86400 or (cust and v[1] and cust != v[1]):
        v = [dev, cust, t, t, []]
        visits.append(v); open_visit[dev] = v
    if cust and not v[1]: v[1] = cust
    v[3] = t; v[4].append(tp)

customers_of = {}
for v in visits:
    if v[1]: customers_of.setdefault(v[0], set()).add(v[1])
def person(v):
    if v[1]: return "c:" + v[1]
    cs = customers_of.get(v[0], set())
    return "c:" + next(iter(cs)) if len(cs) == 1 else "d:" + v[0]
by_person = {}
for v in visits: by_person.setdefault(person(v), []).append(v)
returns, gaps = {}, {}
views = {}
for v in visits:
    if p0 <= v[2] < p1:
        for tp in v[4]: views[tp] = views.get(tp, 0) + 1
for vs in by_person.values():
    vs.sort(key=lambda v: v[2])
    for a, b in zip(vs, vs[1:]):
        if p0 <= a[2] < p1 and p0 <= b[2] < p1 and b[2] - a[3] <= 30 * 86400:
            key = f"{a[4][-1]} -> {b[4][0]}"
            returns[key] = returns.get(key, 0) + 1
            gaps.setdefault(key, []).append(b[2] - a[3])
out = {k: {"count": c, "medianDays": round(statistics.median(gaps[k]) / 86400, 2)} for k, c in returns.items()}
with open(report) as fh:
    theirs = {k: {"count": v["count"], "medianDays": v["medianDays"]} for k, v in json.load(fh)["journeyMap"]["returns"].items()}
differ = sorted(k for k in set(out) | set(theirs) if out.get(k) != theirs.get(k))
print(json.dumps({"visits": sum(1 for v in visits if p0 <= v[2] < p1), "returns": sum(returns.values()), "links": len(out),
                  "differ": {k: {"counted": out.get(k), "report": theirs.get(k)} for k in differ}}, sort_keys=True, indent=1))
sys.exit(1 if differ else 0)
