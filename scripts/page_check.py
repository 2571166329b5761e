#!/usr/bin/env python3
"""Looks at a published page the way its readers do: in headless Chromium, driven through the
DevTools protocol (the page itself stays free of scripts).

    page_check.py width PAGE [--width 390] [--dark]      prints {"scrollWidth": .., "innerWidth": ..}
    page_check.py charts PAGE [--width 390] [--dark]     prints {"charts": .., "scrolling": [..], "smallestText": .., "textOutside": [..]}
    page_check.py shot PAGE OUT.png [--width 1400] [--dark] [--first-screen]
    page_check.py pdf PAGE OUT.pdf                       prints {"pages": .., "a4": pages of A4 size}
    page_check.py measure PAGE [--width 1400] [--dark] [--summary]
                            prints the page's height, its open and closed sections and what the
                            first screen holds (as JSON; --summary: as one line for people)

`charts` looks at every chart figure (`figure.chart`): the sections whose figure scrolls sideways
or holds a drawing wider than itself, the smallest text of the drawings shown, in CSS px as
drawn (font size times the drawing's scale), and the texts that run out of their drawing or out
of their box (a `g.node`'s text beyond its `rect.node-box`), as [section, text].

PAGE is a path to an HTML file. Chromium comes from $JOURNEYS_CHROMIUM, else `chromium` on the
PATH; the protocol client is PyPI's websocket-client (the project's .venv has it).
"""
import argparse
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    def __init__(self):
        binary = os.environ.get("JOURNEYS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
        if not binary:
            sys.exit("page_check: chromium not found (apt-get install chromium, or set JOURNEYS_CHROMIUM)")
        self.profile = tempfile.mkdtemp(prefix="journeys-chromium-")
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--disable-extensions", "--remote-allow-origins=*", f"--remote-debugging-port={self.port}",
             f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        target = None
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=1) as r:
                    pages = [t for t in json.load(r) if t.get("type") == "page"]
                if pages:
                    target = pages[0]
                    break
            except OSError:
                pass
            time.sleep(0.1)
        if target is None:
            self.close()
            sys.exit("page_check: chromium did not open its DevTools port")
        self.ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait_for(self, event):
        while True:
            message = json.loads(self.ws.recv())
            if message.get("method") == event:
                return message

    def open(self, page, width, height, dark, mobile):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        self.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
        self.call("Page.enable")
        self.call("Page.navigate", url="file://" + os.path.abspath(page))
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"]["value"]

    def close(self):
        try:
            self.process.terminate()
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# The charts as shown: per figure.chart, whether it scrolls sideways (its content wider than its
# box) or a drawing shown in it is wider than it; the smallest text of the shown drawings.
CHARTS = """JSON.stringify((() => {
  const figures = [...document.querySelectorAll('figure.chart')];
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const scrolling = [], sizes = [], outside = [];
  for (const f of figures) {
    const where = (f.closest('section') || {}).id || '?';
    const box = f.getBoundingClientRect();
    let wide = f.scrollWidth > f.clientWidth + 1;
    for (const svg of f.querySelectorAll('svg')) {
      if (!shown(svg)) continue;
      const r = svg.getBoundingClientRect();
      if (r.width > box.width + 1) wide = true;
      const scale = r.width / svg.viewBox.baseVal.width;
      const width = svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent.trim() || !shown(t)) continue;
        sizes.push(parseFloat(getComputedStyle(t).fontSize) * scale);
        const b = t.getBBox();
        if (b.x < -0.5 || b.x + b.width > width + 0.5) outside.push([where, t.textContent]);
      }
      for (const g of svg.querySelectorAll('g.node')) {
        const box = g.querySelector('rect.node-box');
        if (!box) continue;
        const r = box.getBBox();
        for (const t of g.querySelectorAll('text')) {
          const b = t.getBBox();
          if (b.x < r.x - 0.5 || b.x + b.width > r.x + r.width + 0.5) outside.push([where, t.textContent]);
        }
      }
    }
    if (wide) scrolling.push(where);
  }
  return {charts: figures.length, scrolling: scrolling,
          smallestText: sizes.length ? Math.round(Math.min(...sizes) * 10) / 10 : null, textOutside: outside};
})())"""


# The page as its reader meets it: its height, each open section of <main> with its top and height,
# the sections folded into a closed <details> (the appendix), and the open sections that begin on
# the first screen (900 px).
MEASURE = """JSON.stringify((() => {
  const top = e => Math.round(e.getBoundingClientRect().top + window.scrollY);
  const main = document.querySelector('main') || document.body;
  const open = [...main.querySelectorAll(':scope > section[id]')].map(e =>
    ({id: e.id, top: top(e), height: Math.round(e.getBoundingClientRect().height)}));
  const closed = [...main.querySelectorAll('section[id]')].filter(e => {
    const fold = e.firstElementChild;
    return fold && fold.tagName === 'DETAILS' && !fold.open;
  }).map(e => e.id);
  return {scrollHeight: document.documentElement.scrollHeight, innerWidth: window.innerWidth,
          openSections: open.length, closedSections: closed.length,
          firstScreen: open.filter(s => s.top < 900).map(s => s.id),
          sections: open, appendix: closed};
})())"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["width", "charts", "shot", "pdf", "measure"])
    parser.add_argument("page")
    parser.add_argument("out", nargs="?")
    parser.add_argument("--width", type=int)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--summary", action="store_true", help="measure: one line for people instead of JSON")
    parser.add_argument("--first-screen", action="store_true", help="shot: only the first 900 px, as the page opens")
    args = parser.parse_args()
    if not os.path.isfile(args.page):
        sys.exit(f"page_check: {args.page}: no such file")
    if args.action in ("shot", "pdf") and not args.out:
        sys.exit(f"page_check: {args.action} needs an output file")
    width = args.width or (390 if args.action in ("width", "charts") else 1400)
    browser = Browser()
    try:
        # mobile=False keeps the layout viewport at `width`: a phone would widen it to fit the content.
        browser.open(args.page, width, 900, args.dark, mobile=False)
        if args.action == "width":
            sizes = browser.evaluate("JSON.stringify({scrollWidth: document.documentElement.scrollWidth,"
                                     " innerWidth: window.innerWidth})")
            print(sizes)
        elif args.action == "charts":
            print(browser.evaluate(CHARTS))
        elif args.action == "measure":
            measure = browser.evaluate(MEASURE)
            if args.summary:
                m = json.loads(measure)
                print(f"{args.page} at {width} px: {m['scrollHeight']:,} px tall, {m['openSections']} sections open,"
                      f" {m['closedSections']} folded in the appendix; first screen: {', '.join(m['firstScreen'])}")
            else:
                print(measure)
        elif args.action == "shot":
            if args.first_screen:
                shot = browser.call("Page.captureScreenshot", format="png")
            else:
                height = browser.evaluate("document.documentElement.scrollHeight")
                browser.call("Emulation.setDeviceMetricsOverride", width=width, height=min(height, 16000),
                             deviceScaleFactor=1, mobile=False)
                shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            with open(args.out, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        else:
            pdf = base64.b64decode(browser.call("Page.printToPDF", printBackground=True, preferCSSPageSize=True)["data"])
            with open(args.out, "wb") as f:
                f.write(pdf)
            # Chromium writes one page object per printed page, each with its MediaBox in points
            sizes = [tuple(round(float(v)) for v in m.split()[2:4])
                     for m in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)]
            a4 = sum(1 for size in sizes if sorted(size) == [595, 842])
            print(json.dumps({"pages": len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)), "a4": a4}))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
