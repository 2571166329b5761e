#!/usr/bin/env python3
"""Writes a shop-like Combined Log Format log for `make bench`: a mid-size fashion shop's week
(about 1,000,000 lines with the defaults), or several weeks of the same people.

The shop: about 30,000 products and 600 categories, URLs with slugs and ids under language
prefixes (/de/, /en/, /fr/), site search, filters and pages of category lists, cart, a
checkout whose confirmation page carries the order id and value in its query string
(/de/checkout/confirmation?order=...&value=..., as scripts/bench_shop.yaml reads them), account,
support and newsletter pages. People visit with 5 to 10 page views (some bounce), about 7% of
visits end with an order; logged-in customers appear in the user field. Around the page views:
static files (styles, scripts, images, fonts), crawlers and monitors, redirects, 404s and a
few server errors. Lines come out in time order, written a day at a time.

Seeded: the same arguments give the same bytes. Python standard library only.
Usage: bench_shop_log.py OUT [--weeks N] [--lines-per-week N] [--people N] [--seed N]"""
import argparse
import bisect
import math
import random
from datetime import datetime, timedelta, timezone

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LANGS = [("de", 0.62), ("en", 0.25), ("fr", 0.13)]
HOST = "shop.example.com"

BROWSERS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
]
BROWSER_WEIGHTS = [22, 8, 6, 7, 4, 18, 6, 12, 5, 3, 2, 7]
BOTS = [
    ("66.249.66.", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 30),
    ("40.77.167.", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", 15),
    ("54.36.148.", "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", 15),
    ("185.191.171.", "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)", 12),
    ("5.255.231.", "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", 6),
    ("52.167.144.", "Mozilla/5.0 (compatible; PetalBot;+https://webmaster.petalsearch.com/site/petalbot)", 5),
    ("69.162.124.", "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)", 7),
    ("34.89.12.", "python-requests/2.32.3", 4),
    ("18.197.4.", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", 4),
    ("91.207.175.", "curl/8.5.0", 2),
]
REFERRERS = [
    ("https://www.google.com/", 34), ("https://www.google.de/", 10), ("https://www.bing.com/", 4),
    ("https://duckduckgo.com/", 2), ("https://www.instagram.com/", 5), ("https://www.facebook.com/", 3),
    ("https://www.pinterest.com/", 2), ("https://www.idealo.de/preisvergleich/", 3),
    ("https://blog.modeblog.example.org/herbst-looks", 1), ("-", 36),
]
CAMPAIGNS = [
    "utm_source=newsletter&utm_medium=email&utm_campaign=autumn-sale",
    "utm_source=newsletter&utm_medium=email&utm_campaign=new-arrivals",
    "utm_source=google&utm_medium=cpc&utm_campaign=brand&gclid=",
    "utm_source=google&utm_medium=cpc&utm_campaign=shopping&gclid=",
    "utm_source=instagram&utm_medium=social&utm_campaign=influencer-nov",
    "utm_source=idealo&utm_medium=affiliate&utm_campaign=price-comparison",
]
WORDS = ["merino", "wool", "cotton", "linen", "denim", "leather", "cashmere", "organic", "slim", "relaxed",
         "classic", "vintage", "cropped", "oversized", "striped", "knit", "quilted", "hooded", "pleated", "ribbed"]
COLOURS = ["black", "white", "navy", "grey", "beige", "olive", "red", "blue", "green", "brown", "pink", "ecru"]
KINDS = ["sweater", "cardigan", "shirt", "blouse", "t-shirt", "jeans", "chinos", "dress", "skirt", "jacket",
         "coat", "parka", "scarf", "beanie", "sneaker", "boot", "loafer", "belt", "bag", "sock"]
DEPARTMENTS = ["women", "men", "kids", "shoes", "accessories", "sale"]
STATIC_ONCE = ["/static/css/main.5e2a91c.css", "/static/js/app.8b1d07f.js", "/static/js/vendor.c41a9e2.js",
               "/static/fonts/inter-var.woff2", "/favicon.ico", "/static/img/logo.svg"]


def weighted(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


class Catalog:
    """Products with slugs and ids, categories as department/kind(/word) paths."""

    def __init__(self, rng, products, categories):
        self.products = []
        for i in range(products):
            pid = 100000 + i * 7 + rng.randrange(7)
            slug = f"{rng.choice(WORDS)}-{rng.choice(KINDS)}-{rng.choice(COLOURS)}"
            price = round(math.exp(rng.gauss(3.9, 0.6)), 0) - 0.05
            self.products.append((slug, pid, max(4.95, min(price, 899.95))))
        self.categories = []
        seen = set()
        while len(self.categories) < categories:
            c = f"{rng.choice(DEPARTMENTS)}/{rng.choice(KINDS)}"
            if rng.random() < 0.7:
                c += f"/{rng.choice(WORDS + COLOURS)}"
            if c not in seen:
                seen.add(c)
                self.categories.append(c)
        # Zipf-like popularity: a few products draw most views
        self.product_cum = list(_cumulative([1 / (k + 1) ** 0.9 for k in range(products)]))
        self.category_cum = list(_cumulative([1 / (k + 1) ** 0.8 for k in range(categories)]))

    def product(self, rng):
        return self.products[bisect.bisect_left(self.product_cum, rng.random() * self.product_cum[-1])]

    def category(self, rng):
        return self.categories[bisect.bisect_left(self.category_cum, rng.random() * self.category_cum[-1])]


def _cumulative(ws):
    s = 0.0
    for w in ws:
        s += w
        yield s


class Person:
    __slots__ = ("ip", "agent", "lang", "customer", "rate", "loyal")

    def __init__(self, rng, k):
        self.ip = f"{rng.choice([31, 37, 46, 62, 77, 78, 79, 80, 84, 85, 87, 88, 89, 91, 93, 94, 95, 109, 176, 178, 188, 212, 213, 217])}." \
                  f"{rng.randrange(256)}.{rng.randrange(256)}.{1 + rng.randrange(254)}"
        self.agent = weighted(rng, BROWSERS, BROWSER_WEIGHTS)
        self.lang = weighted(rng, [l for l, _ in LANGS], [w for _, w in LANGS])
        self.customer = f"c{400000 + k}" if rng.random() < 0.3 else None
        # visits per week: most people come rarely, a few often
        self.rate = min(12.0, rng.paretovariate(1.6) * 0.55)
        self.loyal = rng.random() < 0.25


def stamp(t):
    """Combined Log Format time of a UTC datetime, written in the shop's zone (+0100 in winter)."""
    u = t + timedelta(hours=1)
    return f"{u.day:02d}/{MONTHS[u.month - 1]}/{u.year}:{u.hour:02d}:{u.minute:02d}:{u.second:02d} +0100"


class Shop:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.catalog = Catalog(self.rng, args.products, args.categories)
        self.people = [Person(self.rng, k) for k in range(args.people)]
        self.order_no = 0
        # hourly shape of a shop's day (local time): quiet nights, evening peak
        self.hour_weights = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 3.5, 4, 4.2, 4.5,
                             5, 4.8, 4.5, 4.5, 4.8, 5.2, 6, 7, 7.5, 6.5, 4.5, 2.5]

    def start_time(self, day):
        hour = weighted(self.rng, range(24), self.hour_weights)
        return day + timedelta(hours=hour - 1, seconds=self.rng.randrange(3600))

    # One visit: a list of (time, line) pairs.
    def visit(self, p, t, out):
        rng = self.rng
        L = f"/{p.lang}"
        user = p.customer if (p.customer and rng.random() < 0.55) else "-"
        referrer = weighted(rng, [r for r, _ in REFERRERS], [w for _, w in REFERRERS])
        campaign = None
        if rng.random() < 0.14:
            campaign = rng.choice(CAMPAIGNS)
            if campaign.endswith("gclid="):
                campaign += "Cj0KCQiA" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(18))
            referrer = "https://www.google.com/" if "google" in campaign else "-"
        bounce = rng.random() < 0.09
        views = 1 if bounce else rng.randint(5, 10)
        orders = (not bounce) and rng.random() < (0.14 if p.loyal else 0.055)
        pages = self.script(p, L, views, orders, rng)
        if campaign:
            path, status = pages[0]
            pages[0] = (path + ("&" if "?" in path else "?") + campaign, status)
        prev = referrer
        for i, (target, status) in enumerate(pages):
            method = "POST" if target.startswith(L + "/cart/add") or target.endswith("/sent") else "GET"
            size = 2400 + rng.randrange(38000) if status == 200 else (0 if status in (301, 302) else 512)
            out.append((t, f'{p.ip} - {user} [{stamp(t)}] "{method} {target} HTTP/1.1" {status} {size} "{prev}" "{p.agent}"'))
            page_url = f"https://{HOST}{target}"
            # assets of the page: the first view loads styles, scripts and fonts, later ones images
            # (a returning browser has them cached)
            assets = STATIC_ONCE if i == 0 and rng.random() < 0.6 else []
            if "/p/" in target or "/c/" in target or "/search" in target:
                assets = assets + [f"/media/p/{rng.randrange(100000, 310000)}-{rng.choice([400, 800])}.webp"
                                   for _ in range(rng.randint(0, 2))]
            for a in assets:
                dt = t + timedelta(milliseconds=rng.randrange(50, 1800))
                code, asize = (304, 0) if (i > 0 and rng.random() < 0.3) else (200, 800 + rng.randrange(90000))
                out.append((dt, f'{p.ip} - - [{stamp(dt)}] "GET {a} HTTP/1.1" {code} {asize} "{page_url}" "{p.agent}"'))
            prev = page_url
            t += timedelta(seconds=int(rng.expovariate(1 / 45)) + 3)

    def script(self, p, L, views, orders, rng):
        """The visit's page views as (request target, status)."""
        cat = self.catalog
        pages = []
        first = rng.random()
        if first < 0.3:
            pages.append((L + "/", 200))
        elif first < 0.45:
            pages.append((f"{L}/c/{cat.category(rng)}", 200))
        elif first < 0.5:
            pages.append(("/", 302))
            pages.append((L + "/", 200))
        else:
            s, pid, _ = cat.product(rng)
            pages.append((f"{L}/p/{s}-{pid}", 200))
        basket = []
        carts = rng.random() < 0.22
        checkout = (["/checkout/address", "/checkout/shipping", "/checkout/payment"] if orders else [])
        needed = len(checkout) + (3 if orders else 0)
        while len(pages) < views - needed or (orders and not basket):
            r = rng.random()
            if r < 0.40:
                s, pid, price = cat.product(rng)
                pages.append((f"{L}/p/{s}-{pid}", 200 if rng.random() > 0.008 else 404))
                if orders and rng.random() < 0.5 or (orders and not basket and len(pages) >= views - needed):
                    basket.append(price)
                    pages.append((f"{L}/cart/add?product={pid}&qty=1", 302))
                elif not orders and carts and rng.random() < 0.3:
                    # a cart left behind
                    pages.append((f"{L}/cart/add?product={pid}&qty=1", 302))
            elif r < 0.62:
                q = ""
                u = rng.random()
                if u < 0.2:
                    q = f"?page={rng.randint(2, 8)}"
                elif u < 0.35:
                    q = f"?color={rng.choice(COLOURS)}&sort={rng.choice(['price-asc', 'price-desc', 'new'])}"
                pages.append((f"{L}/c/{cat.category(rng)}{q}", 200))
            elif r < 0.72:
                term = "+".join(rng.sample(WORDS + COLOURS + KINDS, rng.randint(1, 3)))
                pages.append((f"{L}/search?q={term}", 200))
            elif r < 0.76:
                s, pid, _ = cat.product(rng)
                pages.append((f"{L}/p/{s}-{pid}/reviews", 200))
            elif r < 0.80:
                pages.append((L + "/cart", 200))
            elif r < 0.83:
                pages.append((L + rng.choice(["/info/shipping", "/info/returns", "/info/size-guide", "/faq"]), 200))
            elif r < 0.86:
                pages.append((L + "/wishlist", 200))
            elif r < 0.89 and p.customer:
                pages.append((L + rng.choice(["/account", "/account/orders", "/account/returns"]), 200))
            elif r < 0.905:
                pages.append((L + "/support/chat/start", 200))
                pages.append((L + "/support/chat/end", 200))
            elif r < 0.915:
                pages.append((L + "/support/contact", 200))
                pages.append((L + "/support/contact/sent", 200))
            elif r < 0.925:
                pages.append((L + "/newsletter/subscribe", 200))
            elif r < 0.93:
                pages.append((f"{L}/p/{rng.randrange(100000, 320000)}", 404))
            elif r < 0.932:
                pages.append((L + "/cart", 500))
            else:
                pages.append((L + "/", 200))
            if len(pages) > 40:
                break
        if orders:
            pages.append((L + "/cart", 200))
            pages += [(L + c, 200) for c in checkout]
            self.order_no += 1
            value = sum(basket) + (0 if sum(basket) > 50 else 4.95)
            pages.append((f"{L}/checkout/confirmation?order=SO-{2026000000 + self.order_no}&value={value:.2f}", 200))
        return pages

    def bot_lines(self, day, n, out):
        rng = self.rng
        cat = self.catalog
        bots = [(ip, ua) for ip, ua, _ in BOTS]
        weights = [w for _, _, w in BOTS]
        for _ in range(n):
            ip, ua = weighted(rng, bots, weights)
            t = day + timedelta(seconds=rng.randrange(86400))
            r = rng.random()
            lang = weighted(rng, [l for l, _ in LANGS], [w for _, w in LANGS])
            if "Uptime" in ua or "curl" in ua:
                target, status = "/", 302
            elif r < 0.6:
                s, pid, _ = cat.product(rng)
                target, status = f"/{lang}/p/{s}-{pid}", 200
            elif r < 0.85:
                target, status = f"/{lang}/c/{cat.category(rng)}", 200
            elif r < 0.9:
                target, status = "/robots.txt", 200
            elif r < 0.95:
                target, status = f"/sitemap-{lang}-{rng.randint(1, 12)}.xml", 200
            else:
                target, status = f"/{lang}/search?q={rng.choice(KINDS)}", 200
            method = "HEAD" if "Uptime" in ua else "GET"
            out.append((t, f'{ip}{rng.randrange(1, 255)} - - [{stamp(t)}] "{method} {target} HTTP/1.1" {status} {rng.randrange(300, 40000)} "-" "{ua}"'))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--weeks", type=int, default=1)
    ap.add_argument("--lines-per-week", type=int, default=1_000_000)
    ap.add_argument("--people", type=int, default=40_000)
    ap.add_argument("--products", type=int, default=30_000)
    ap.add_argument("--categories", type=int, default=600)
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--last-monday", default="2026-11-23", help="Monday of the last week (local date)")
    args = ap.parse_args()

    shop = Shop(args)
    rng = shop.rng
    last_monday = datetime.strptime(args.last_monday, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    first_day = last_monday - timedelta(weeks=args.weeks - 1)
    mean_rate = sum(p.rate for p in shop.people) / len(shop.people)
    # About 11% of lines are crawlers and monitors; human lines come from visits (about 15.1
    # lines each: page views and their static files), so the weekly visit count meets the target.
    bot_share = 0.11
    lines_per_visit = 15.1
    visits_per_week = args.lines_per_week * (1 - bot_share) / lines_per_visit
    scale = visits_per_week / (mean_rate * len(shop.people))
    rates = [p.rate * scale / 7 for p in shop.people]  # visits per day
    people_cum = list(_cumulative(rates))
    total_rate = people_cum[-1]

    written = visits = orders_before = 0
    pending = []  # lines of visits that run past midnight
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for d in range(args.weeks * 7):
            # local midnight is 23:00 UTC of the day before
            day = first_day + timedelta(days=d) - timedelta(hours=1)
            end = day + timedelta(days=1)
            lines = pending
            n_visits = _poisson(rng, total_rate)
            for _ in range(n_visits):
                p = shop.people[bisect.bisect_left(people_cum, rng.random() * total_rate)]
                shop.visit(p, shop.start_time(day + timedelta(hours=1)), lines)
            visits += n_visits
            shop.bot_lines(day, int(args.lines_per_week * bot_share / 7), lines)
            lines.sort(key=lambda x: x[0])
            cut = bisect.bisect_left([x[0] for x in lines], end)
            f.write("\n".join(x[1] for x in lines[:cut]))
            if cut:
                f.write("\n")
            written += cut
            pending = lines[cut:]
        lines = sorted(pending, key=lambda x: x[0])
        if lines:
            f.write("\n".join(x[1] for x in lines) + "\n")
        written += len(lines)
    print(f"{args.out}: {written} lines, {visits} visits, {shop.order_no} orders, "
          f"{len(shop.people)} people, {args.weeks} week(s) from {first_day.date()}")


def _poisson(rng, mean):
    # normal approximation: means are in the thousands
    return max(0, int(round(rng.gauss(mean, math.sqrt(mean)))))


if __name__ == "__main__":
    main()
