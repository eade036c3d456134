"""Stage 5b: the graph as one self-contained, offline HTML page (vis-network from pyvis).

pyvis 0.3.2 links Bootstrap and tom-select from a CDN even with ``cdn_resources="in_line"``
and puts node titles into the page with ``innerHTML``; so the page uses pyvis's bundled
vis-network build, inlined, with the project's own template.  All text from the digests
travels as JSON data and is shown with ``textContent``, never parsed as HTML.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyvis

__all__ = ["render_html", "graph_payload", "TYPE_STYLE"]

TEMPLATE = Path(__file__).parent / "template.html"
TYPE_STYLE = {
    "Paper": {"color": "#4e79a7", "shape": "dot"},
    "Benchmark": {"color": "#e15759", "shape": "diamond"},
    "Model": {"color": "#59a14f", "shape": "triangle"},
    "Method": {"color": "#f28e2b", "shape": "square"},
    "Metric": {"color": "#b07aa1", "shape": "star"},
    "Framework": {"color": "#edc948", "shape": "hexagon"},
    "Keyword": {"color": "#bab0ac", "shape": "dot"},
}


@lru_cache(maxsize=1)
def _vis_js() -> str:
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return lib.read_text(encoding="utf-8")


def graph_payload(g: nx.MultiDiGraph) -> dict:
    """Nodes and edges as plain JSON-able dicts for the page."""
    papers_of: dict[str, set[str]] = {}
    for u, v, k in g.edges(keys=True):
        if g.nodes[u]["type"] == "Paper":
            papers_of.setdefault(v, set()).add(u)
    nodes = []
    for n, d in sorted(g.nodes(data=True)):
        style = TYPE_STYLE.get(d["type"], TYPE_STYLE["Keyword"])
        degree = len(papers_of.get(n, ())) if d["type"] != "Paper" else 1
        label = d["label"] if d["type"] != "Paper" else f"{d['arxiv_id']}\n{_short(d['title'])}"
        nodes.append(
            {
                "id": n,
                "label": label,
                "type": d["type"],
                "shape": style["shape"],
                "color": style["color"],
                "value": 1 + degree,
                "aliases": d.get("aliases", []),
                "title_text": d.get("title", d["label"]),
                "url": d.get("url"),
                "dates": d.get("dates", []),
                "keywords": d.get("keywords", []),
            }
        )
    edges = []
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        ev = d.get("evidence") or []
        edges.append({"from": u, "to": v, "rel": k, "evidence": ev[0]["sentence"] if ev else "", "date": ev[0]["date"] if ev else None})
    return {"nodes": nodes, "edges": edges, "styles": TYPE_STYLE}


def _short(title: str, n: int = 40) -> str:
    head = title.split(":", 1)[0] if ":" in title[:40] else title
    return head if len(head) <= n else head[: n - 1] + "…"


def _json_for_script(data) -> str:
    # inside <script>, '</' would end the element and '<!--' open a comment: escape '<', '>' and '&'
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(g: nx.MultiDiGraph, title: str = "paperkg") -> str:
    """The explorer page for ``g`` as a string (no external resources)."""
    page = TEMPLATE.read_text(encoding="utf-8")
    return (
        page.replace("/*VIS_JS*/", _vis_js().replace("</script", "<\\/script"))
        .replace("/*GRAPH_JSON*/null", _json_for_script(graph_payload(g)))
        .replace("{{TITLE}}", title.replace("<", "&lt;"))
    )
