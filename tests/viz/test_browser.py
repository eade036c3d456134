"""The explorer in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

The page is opened from ``file://`` with every other request aborted and recorded, so a
page that tried to reach the network fails here.  A screenshot of the seed's explorer is
saved to ``test-artifacts/explorer-seed.png`` (set ``KG_UPDATE_DOCS_SCREENSHOT=1`` to also
refresh ``docs/explorer.png``, the README's picture).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.viz.html import neighbourhood, render_html

CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
VIEWPORT = {"width": 1600, "height": 1000}

if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium: scripts/setup.sh --with-browser)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the [test] extras")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Opened:
    """A loaded explorer page with what it logged and what it tried to fetch."""

    def __init__(self, browser, path: Path):
        self.console, self.errors, self.requests, self.dialogs = [], [], [], []
        self.page = browser.new_page(viewport=VIEWPORT)
        self.page.set_default_timeout(5000)
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kgExplorer && window.kgExplorer.ready", timeout=15000)

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg)

    def drawn(self) -> list[str]:
        return self.js("kgExplorer.drawnIds()")

    def panel(self) -> str:
        return self.page.inner_text("#panel")


@pytest.fixture(scope="module")
def pages(tmp_path_factory, seed_graph, hostile_graph):
    out = tmp_path_factory.mktemp("html")
    sub, center = neighbourhood(seed_graph, "VBench", 1)
    files = {
        "seed": render_html(seed_graph, title="paperkg — seed digest 2025-09-30"),
        "seed-hidden": render_html(seed_graph, hide_one_offs=True),
        "focus": render_html(sub, focus=center),
        "hostile": render_html(hostile_graph, title="<script>window.__pwned='page title'</script>"),
    }
    for name, html in files.items():
        (out / f"{name}.html").write_text(html, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def seed_page(browser, pages):
    opened = Opened(browser, pages / "seed.html")
    yield opened
    opened.page.close()


def test_loads_offline_without_errors_or_requests(seed_page):
    assert seed_page.errors == []
    assert [m for m in seed_page.console if m.startswith(("error", "warning"))] == []
    assert seed_page.requests and all(u.startswith("file://") for u in seed_page.requests), seed_page.requests
    assert seed_page.page.locator("#legend input").count() == 7


def test_draws_every_node_inside_the_view(seed_page, seed_graph):
    assert sorted(seed_page.drawn()) == sorted(seed_graph.nodes)
    outside = seed_page.js("""() => {
        const net = kgExplorer.network, box = document.getElementById('graph').getBoundingClientRect();
        return Object.entries(net.getPositions()).filter(([id, p]) => {
            const d = net.canvasToDOM(p); return d.x < 0 || d.y < 0 || d.x > box.width || d.y > box.height;
        }).map(([id]) => id);
    }""")
    assert outside == []


def test_screenshot_of_the_seed(seed_page):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "explorer-seed.png"
    seed_page.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 50_000
    if os.environ.get("KG_UPDATE_DOCS_SCREENSHOT"):
        shutil.copy(shot, ROOT / "docs" / "explorer.png")


def test_search_vbench_selects_it_and_lists_its_papers(seed_page, seed_graph):
    page = seed_page.page
    page.fill("#search", "VBench")
    assert page.locator("#hits button").first.get_attribute("data-id") == "entity:vbench"
    page.press("#search", "Enter")
    assert seed_page.js("kgExplorer.network.getSelectedNodes()") == ["entity:vbench"]
    assert page.inner_text("#panel h2") == "VBench"
    papers = [seed_graph.nodes[p]["title"] for p in seed_graph.predecessors("entity:vbench")]
    assert papers and all(t in seed_page.panel() for t in papers)
    links = page.locator("#panel ul.papers a")
    assert links.count() == len(papers) and links.first.get_attribute("href").startswith("https://arxiv.org/")
    assert "“" in seed_page.panel()  # the evidence sentences


def test_clicking_a_paper_shows_keywords_entities_and_related(seed_page, seed_graph):
    pid = "paper:2509.22576"
    pos = seed_page.js(f"(() => {{ const n = kgExplorer.network; n.moveTo({{position: n.getPositions(['{pid}'])['{pid}'], scale: 1.5}});"
                       f" return n.canvasToDOM(n.getPositions(['{pid}'])['{pid}']); }})()")
    box = seed_page.page.locator("#graph").bounding_box()
    seed_page.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    text = seed_page.panel()
    assert seed_graph.nodes[pid]["title"] in text
    assert "Keywords" in text and "Entities" in text and "Related papers" in text
    assert all(k in text for k in seed_graph.nodes[pid]["keywords"])
    assert "ALFWorld" in text


def test_type_filter_hides_papers(seed_page, seed_graph):
    page = seed_page.page
    total = seed_graph.number_of_nodes()
    papers = sum(1 for _, d in seed_graph.nodes(data=True) if d["type"] == "Paper")
    page.uncheck("#filter-Paper")
    drawn = seed_page.drawn()
    assert len(drawn) == total - papers and not any(n.startswith("paper:") for n in drawn)
    page.check("#filter-Paper")
    assert len(seed_page.drawn()) == total


def test_chinese_labels_round_trip(seed_page):
    page = seed_page.page
    page.fill("#search", "视觉语言模型")
    page.press("#search", "Enter")
    assert seed_page.js("kgExplorer.network.getSelectedNodes()") == ["keyword:视觉语言模型"]
    assert page.inner_text("#panel h2") == "视觉语言模型"


def test_one_offs_switch(browser, pages, seed_graph):
    opened = Opened(browser, pages / "seed-hidden.html")
    data = opened.js("kgExplorer.data")
    one_offs = {n["id"] for n in data["nodes"] if n["one"]}
    assert one_offs and set(opened.drawn()) == set(seed_graph.nodes) - one_offs
    opened.page.check("#show-one-offs")
    assert len(opened.drawn()) == seed_graph.number_of_nodes()
    opened.page.uncheck("#show-one-offs")
    opened.page.fill("#search", "函数调用")  # a one-off keyword: searching reveals it
    opened.page.press("#search", "Enter")
    assert "keyword:函数调用" in opened.drawn() and opened.errors == []
    opened.page.close()


def test_focus_page_opens_on_its_node(browser, pages, seed_graph):
    opened = Opened(browser, pages / "focus.html")
    assert opened.js("kgExplorer.network.getSelectedNodes()") == ["entity:vbench"]
    assert opened.page.inner_text("#panel h2") == "VBench"
    assert len(opened.drawn()) == 1 + len(set(seed_graph.predecessors("entity:vbench")))
    opened.page.close()


def test_hostile_text_renders_literally_and_runs_nothing(browser, pages, xss):
    opened = Opened(browser, pages / "hostile.html")
    page = opened.page
    for query in ("Hostile", "EvilBench", "bold", "javascript", "<svg"):
        page.fill("#search", query)
        page.press("#search", "Enter")
        page.hover("#panel h2")
    page.fill("#search", "EvilBench")
    page.press("#search", "Enter")
    text = opened.panel()
    assert xss["label"] in text and xss["alias"] in text and xss["sentence"] in text and xss["title"] in text
    rows = page.locator("#panel table.board tr")
    assert rows.count() == 3 and "80.25%" in rows.nth(1).inner_text()  # header + 2 results, best first
    opened.js("kgExplorer.select('paper:2509.00002')")
    assert page.locator("#panel h2 a").count() == 0  # a javascript: URL is not made a link
    page.hover("#graph", position={"x": 300, "y": 300})
    assert opened.js("window.__pwned") is None
    assert opened.js("document.querySelectorAll('img, svg, b, i, iframe').length") == 0
    assert page.title() == "<script>window.__pwned='page title'</script>"
    assert opened.dialogs == [] and opened.errors == []
    assert all(u.startswith("file://") for u in opened.requests)
    opened.page.close()


def test_benchmark_panel_shows_its_leaderboard_from_the_real_graph(browser, tmp_path):
    """The full seed graph, Result nodes included: AndroidWorld's panel lists D-Artemis's 75.8% success rate."""
    import kg

    path = tmp_path / "with-results.html"
    path.write_text(render_html(kg.build([ROOT / "seeds"])), encoding="utf-8")
    opened = Opened(browser, path)
    try:
        opened.page.fill("#search", "AndroidWorld")
        opened.page.press("#search", "Enter")
        panel = opened.panel()
        assert "75.8" in panel and "success rate" in panel and "D-Artemis" in panel
        assert opened.errors == []
    finally:
        opened.page.close()
