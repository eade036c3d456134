"""Stage 5b: the graph as one self-contained, offline HTML explorer (vis-network from pyvis).

What pyvis 0.3.2 does well is ship a working vis-network build (9.1.2); that build is
inlined into the project's own template (``template.html``).  Its ``Network`` class is not
used: its template links Bootstrap and tom-select from a CDN even with
``cdn_resources="in_line"`` (``"local"`` writes a ``lib/`` folder into the working
directory), puts node titles into the page with ``innerHTML``, garbles non-ASCII labels in
its select menu, adds edges in quadratic time, and relies on physics that takes minutes to
settle on ~1,500 nodes.  Here instead:

* positions are precomputed (:mod:`kg.viz.layout`), physics stays off, so the page is
  interactive as soon as it is drawn;
* all text from the digests travels as JSON inside the page and is shown with
  ``textContent`` (or vis-network's ``innerText`` tooltips), never parsed as HTML; a
  Content-Security-Policy forbids any network access;
* on big graphs (more than :data:`BIG_GRAPH` nodes) entities that only one paper mentions
  start hidden, with a switch to show them.

``Result`` nodes (numbers reported by a paper: ``value``, ``unit``, ``metric``,
``benchmark``, ``entity``, ``baseline_value``, ``paper``, ``evidence``) are not drawn;
they feed the leaderboard of the benchmark they point at.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyvis

from kg.viz.layout import layout

__all__ = ["render_html", "graph_payload", "find_node", "neighbourhood", "TYPE_STYLE", "BIG_GRAPH", "NodeNotFound"]

TEMPLATE = Path(__file__).parent / "template.html"
BIG_GRAPH = 500
MANY_PAPERS = 80
#: colour-blind-friendly (Tableau 10) colours and distinct shapes, one per node type
TYPE_STYLE = {
    "Paper": {"color": "#4e79a7", "shape": "dot"},
    "Benchmark": {"color": "#e15759", "shape": "diamond"},
    "Model": {"color": "#59a14f", "shape": "triangle"},
    "Method": {"color": "#f28e2b", "shape": "square"},
    "Metric": {"color": "#b07aa1", "shape": "star"},
    "Framework": {"color": "#d4a017", "shape": "hexagon"},
    "Keyword": {"color": "#a0a0a0", "shape": "dot"},
}
#: relations that make two papers "related" (the same as ``kg related``)
RELATED_BY = ("evaluatesOn", "usesModel", "usesMethod")
_PLACEHOLDER = re.compile(r"/\*VIS_JS\*/|/\*GRAPH_JSON\*/null|\{\{TITLE\}\}")


class NodeNotFound(LookupError):
    """No node, or more than one, answers to a name (the message lists candidates)."""


@lru_cache(maxsize=1)
def _vis_js() -> str:
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return lib.read_text(encoding="utf-8")


def _drawn(g: nx.MultiDiGraph) -> list:
    return [n for n, d in g.nodes(data=True) if d.get("type") != "Result"]


def _papers_of(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for u, v in g.edges():
        if g.nodes[u].get("type") == "Paper" and g.nodes[v].get("type") not in ("Paper", "Result"):
            out.setdefault(v, set()).add(u)
    return out


def _short(title: str, n: int = 30) -> str:
    """A paper's short title: the part before a colon when it is short, else a prefix.

    >>> _short("EPO: Entropy-regularized Policy Optimization for LLM Agents")
    'EPO'
    >>> _short("A very long title without any colon that goes on and on and on")
    'A very long title without any…'
    """
    head = title.split(":", 1)[0].strip() if ":" in title[:n] else title
    return head if len(head) <= n else head[: n - 1].rstrip() + "…"


def _font_size(papers: int, type_: str, many_papers: bool = False) -> int:
    if type_ == "Paper":
        return 10 if many_papers else 17  # many papers: their labels appear when zoomed in
    if papers <= 1:
        return 8  # below the draw threshold at the overview zoom: shown when zoomed in
    return min(36, round(16 + 4.5 * (papers - 1) ** 0.5))


def _size(papers: int, type_: str) -> int:
    if type_ == "Paper":
        return 11
    return min(48, round(7 + 6 * max(papers - 1, 0) ** 0.5))


def graph_payload(g: nx.MultiDiGraph, *, hide_one_offs: bool | None = None, focus: str | None = None) -> dict:
    """Nodes (with positions), edges and results as plain JSON-able dicts for the page.

    ``hide_one_offs`` (default: when the graph has more than :data:`BIG_GRAPH` drawable
    nodes) starts the page with entities mentioned by a single paper hidden.  ``focus`` is a
    node id selected when the page opens.
    """
    drawn = _drawn(g)
    drawn_set = set(drawn)
    papers_of = _papers_of(g)
    h = nx.Graph()
    h.add_nodes_from(drawn)
    h.add_edges_from((u, v) for u, v in g.edges() if u in drawn_set and v in drawn_set and u != v)
    pos = layout(h, lambda n: g.nodes[n]["type"] == "Paper")
    if hide_one_offs is None:
        hide_one_offs = len(drawn) > BIG_GRAPH
    many_papers = sum(1 for n in drawn if g.nodes[n]["type"] == "Paper") > MANY_PAPERS
    nodes = []
    for n in sorted(drawn):
        d = g.nodes[n]
        t = d["type"]
        papers = 1 if t == "Paper" else len(papers_of.get(n, ()))
        node = {
            "id": n,
            "type": t,
            "papers": papers,
            "one": t != "Paper" and papers <= 1,
            "x": pos[n][0],
            "y": pos[n][1],
            "size": _size(papers, t),
            "font": _font_size(papers, t, many_papers),
        }
        if t == "Paper":
            node.update(
                label=f"{_short(d.get('title', ''))}\n{d.get('arxiv_id', '')}",
                name=d.get("title", ""),
                arxiv=d.get("arxiv_id", ""),
                url=d.get("url"),
                dates=list(d.get("dates", [])),
                keywords=list(d.get("keywords", [])),
                summary=(d.get("sections") or {}).get("body") or d.get("summary", ""),
            )
        else:
            node.update(label=d.get("label", n), name=d.get("label", n), aliases=list(d.get("aliases", [])))
        nodes.append(node)
    edges = []
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        if u not in drawn_set or v not in drawn_set:
            continue
        dates: dict[str, list] = {}
        for ev in d.get("evidence") or []:
            ds = dates.setdefault(ev.get("sentence") or "", [])
            if ev.get("date") and ev["date"] not in ds:
                ds.append(ev["date"])
        edges.append({"from": u, "to": v, "rel": k, "ev": [[s, ds] for s, ds in dates.items() if s]})
    results = []
    for n, d in sorted(g.nodes(data=True)):
        if d.get("type") == "Result":
            results.append(
                {k: d.get(k) for k in ("value", "unit", "metric", "benchmark", "entity", "baseline_value", "paper", "evidence", "role")}
            )
    return {
        "nodes": nodes,
        "edges": edges,
        "results": results,
        "styles": TYPE_STYLE,
        "related_by": list(RELATED_BY),
        "hide_one_offs": bool(hide_one_offs),
        "focus": focus,
        "digests": [dict(x) for x in g.graph.get("digests", [])],
    }


def _json_for_script(data) -> str:
    """JSON that cannot end the ``<script>`` element it sits in.

    >>> _json_for_script({"t": "</script><b>&"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def render_html(
    g: nx.MultiDiGraph, title: str = "paperkg", *, hide_one_offs: bool | None = None, focus: str | None = None
) -> str:
    """The explorer page for ``g`` as a string (one file, no external resources)."""
    parts = {
        "/*VIS_JS*/": _vis_js().replace("</script", "<\\/script"),
        "/*GRAPH_JSON*/null": _json_for_script(graph_payload(g, hide_one_offs=hide_one_offs, focus=focus)),
        "{{TITLE}}": title.replace("&", "&amp;").replace("<", "&lt;"),
    }
    # one pass: text inserted for one placeholder is never searched for another
    return _PLACEHOLDER.sub(lambda m: parts[m.group(0)], TEMPLATE.read_text(encoding="utf-8"))


def find_node(g: nx.MultiDiGraph, name_or_id: str) -> str:
    """The node a user means by ``name_or_id``: a node id, an arXiv id, a name or an alias.

    Exact ids win; then arXiv ids; then names and aliases (case-insensitive), entities
    before keywords.  Raises :class:`NodeNotFound` when nothing, or more than one entity,
    matches.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("paper:2509.1", type="Paper", arxiv_id="2509.1", title="T")
    >>> g.add_node("entity:vbench", type="Benchmark", label="VBench", aliases=["VBench-1"])
    >>> g.add_node("keyword:vbench", type="Keyword", label="vbench")
    >>> find_node(g, "2509.1"), find_node(g, "vbench-1"), find_node(g, "VBENCH")
    ('paper:2509.1', 'entity:vbench', 'entity:vbench')
    """
    q = name_or_id.strip()
    if q in g and g.nodes[q].get("type") != "Result":
        return q
    if f"paper:{q}" in g:
        return f"paper:{q}"
    low = q.casefold()
    tiers: list[list[str]] = [[], [], []]  # entities by name or alias, keywords, paper titles
    for n, d in g.nodes(data=True):
        t = d.get("type")
        if t == "Paper":
            if d.get("title", "").casefold() == low:
                tiers[2].append(n)
        elif t == "Keyword":
            if d.get("label", "").casefold() == low:
                tiers[1].append(n)
        elif t != "Result" and low in {s.casefold() for s in [d.get("label", ""), *d.get("aliases", [])]}:
            tiers[0].append(n)
    for tier in tiers:
        if len(tier) == 1:
            return tier[0]
        if len(tier) > 1:
            raise NodeNotFound(f"{name_or_id!r} is ambiguous: " + ", ".join(sorted(tier)))
    hint = sorted(
        n for n, d in g.nodes(data=True) if low and low in str(d.get("label", d.get("title", ""))).casefold()
    )[:8]
    raise NodeNotFound(f"no node named {name_or_id!r}" + (f" (did you mean: {', '.join(hint)}?)" if hint else ""))


def neighbourhood(g: nx.MultiDiGraph, name_or_id: str, depth: int = 1) -> tuple[nx.MultiDiGraph, str]:
    """The subgraph within ``depth`` links (either direction) of a node, and that node's id.

    Results that belong to a paper of the neighbourhood come along (for leaderboards).

    >>> g = nx.MultiDiGraph()
    >>> for n, t in [("paper:1", "Paper"), ("paper:2", "Paper"), ("entity:b", "Benchmark"), ("entity:c", "Benchmark")]:
    ...     g.add_node(n, type=t, label=n, title=n, arxiv_id=n[6:])
    >>> _ = g.add_edge("paper:1", "entity:b", key="evaluatesOn"); _ = g.add_edge("paper:2", "entity:b", key="evaluatesOn")
    >>> _ = g.add_edge("paper:2", "entity:c", key="evaluatesOn")
    >>> sub, center = neighbourhood(g, "entity:b", 1)
    >>> center, sorted(sub)
    ('entity:b', ['entity:b', 'paper:1', 'paper:2'])
    >>> sorted(neighbourhood(g, "entity:b", 2)[0])
    ['entity:b', 'entity:c', 'paper:1', 'paper:2']
    """
    center = find_node(g, name_or_id)
    drawn = set(_drawn(g))
    und = g.to_undirected(as_view=True).subgraph(drawn)
    keep = set(nx.single_source_shortest_path_length(und, center, cutoff=max(depth, 0)))
    keep |= {n for n, d in g.nodes(data=True) if d.get("type") == "Result" and d.get("paper") in keep}
    sub = g.subgraph(keep).copy()
    sub.graph.update(g.graph)
    sub.graph["focus"] = {"center": center, "depth": depth}
    return sub, center
