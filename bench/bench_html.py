"""Benchmark: how fast the explorer of the whole development corpus becomes interactive.

    .venv/bin/python bench/bench_html.py [CORPUS] [--runs 5] [--write docs/benchmarks-html.md]

Builds the graph of ``../shared/corpus`` (``kg.build``), renders the page (default view:
one-off entities hidden; and ``--all``: everything shown), opens each from ``file://`` in
headless Chromium (Debian's /usr/bin/chromium via Playwright, network blocked) in a fresh
context per run and records:

* ready: ms from navigation start to the page's ``kg-ready`` mark (first frame drawn,
  handlers bound; the layout is precomputed, so there is nothing left to settle);
* wall: ms from ``page.goto`` to ``kgExplorer.ready`` seen by the driver;
* search: ms to type ``VBench``, press Enter and have the node selected and its panel filled;
* filter: ms to hide every paper with the type filter.

The target is ready < 3000 ms.  This is a benchmark, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine as base_machine  # noqa: E402  (bench/machine.py)
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def machine() -> str:
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return f"{base_machine()}; {chromium}"


def measure(browser, path: Path) -> dict:
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = ctx.new_page()
    blocked = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else (blocked.append(r.request.url), r.abort()))
    t0 = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("window.kgExplorer && window.kgExplorer.ready", timeout=60000, polling=10)
    wall = (time.perf_counter() - t0) * 1000
    ready = page.evaluate("performance.getEntriesByName('kg-ready')[0].startTime")
    search = page.evaluate("""() => new Promise(done => {
        const t = performance.now(), s = document.getElementById('search');
        s.value = 'VBench'; s.dispatchEvent(new Event('input'));
        s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
        const ok = kgExplorer.network.getSelectedNodes()[0] === 'entity:vbench' && document.querySelector('#panel h2').textContent === 'VBench';
        requestAnimationFrame(() => done(ok ? performance.now() - t : -1));
    })""")
    filt = page.evaluate("""() => new Promise(done => {
        const t = performance.now(), cb = document.getElementById('filter-Paper');
        cb.checked = false; cb.dispatchEvent(new Event('change'));
        requestAnimationFrame(() => done(kgExplorer.drawnIds().some(id => id.startsWith('paper:')) ? -1 : performance.now() - t));
    })""")
    drawn = page.evaluate("kgExplorer.data.nodes.length")
    ctx.close()
    assert not blocked, blocked
    return {"ready": ready, "wall": wall, "search": search, "filter": filt, "nodes": drawn}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--write", metavar="MD", help="also write the results as Markdown to this file")
    opts = ap.parse_args()

    import kg
    from kg.viz.html import render_html
    from playwright.sync_api import sync_playwright

    t = time.perf_counter()
    g = kg.build([opts.corpus])
    build_s = time.perf_counter() - t
    tmp = Path(tempfile.mkdtemp(prefix="bench-html-"))
    variants = {}
    for name, hide in (("default (one-offs hidden)", None), ("--all (everything shown)", False)):
        t = time.perf_counter()
        html = render_html(g, title="paperkg — corpus", hide_one_offs=hide)
        render_ms = (time.perf_counter() - t) * 1000
        path = tmp / f"{'all' if hide is False else 'default'}.html"
        path.write_text(html, encoding="utf-8")
        variants[name] = (path, render_ms, len(html.encode("utf-8")))
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (path, render_ms, size) in variants.items():
            runs = [measure(browser, path) for _ in range(opts.runs)]
            med = {k: statistics.median(r[k] for r in runs) for k in ("ready", "wall", "search", "filter")}
            worst = max(r["ready"] for r in runs)
            shown = browser.new_page()
            shown.goto(path.as_uri())
            shown.wait_for_function("window.kgExplorer && window.kgExplorer.ready")
            visible = shown.evaluate("kgExplorer.drawnIds().length")
            shown.close()
            rows.append((name, f"{visible}/{runs[0]['nodes']}", f"{size / 1e6:.2f}", f"{render_ms:.0f}", f"{med['ready']:.0f}",
                         f"{worst:.0f}", f"{med['wall']:.0f}", f"{med['search']:.0f}", f"{med['filter']:.0f}"))
        browser.close()
    head = ("view", "nodes drawn/total", "MB", "render ms", "ready ms (median)", "ready ms (worst)", "wall ms", "search ms", "filter ms")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    table = "\n".join([fmt(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(fmt, rows)])
    nodes, edges = g.number_of_nodes(), g.number_of_edges()
    info = (f"corpus: {opts.corpus} ({len(g.graph.get('digests', []))} digests, {nodes} nodes, {edges} edges; "
            f"kg.build {build_s:.1f} s); {opts.runs} runs per view\nmachine: {machine()}")
    print(info)
    print(table)
    if opts.write:
        cmd = "cd /work/main && .venv/bin/python bench/bench_html.py --runs %d --write %s" % (opts.runs, opts.write)
        Path(opts.write).write_text(
            "# Benchmark: the HTML explorer becomes interactive\n\n"
            "Target: the explorer of the whole development corpus (`../shared/corpus`) is interactive within 3 s "
            "in headless Chromium. *ready* is the time from navigation start to the page's `kg-ready` mark "
            "(first frame drawn, search and filters bound; positions are precomputed in Python and physics is off, "
            "so nothing settles afterwards). *wall* is `page.goto` to ready as seen by Playwright; *search* is typing "
            "`VBench` + Enter until the node is selected and the panel filled; *filter* is hiding all papers. "
            "*render* is `render_html` in Python (layout included).\n\n"
            f"Command:\n\n```\n{cmd}\n```\n\n{info.replace(chr(10), chr(10) + chr(10))}\n\n{table}\n",
            encoding="utf-8",
        )
        print(f"wrote {opts.write}")


if __name__ == "__main__":
    main()
