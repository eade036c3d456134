"""Fixtures for the explorer tests: a hostile graph and the seed's page on disk."""

from __future__ import annotations

import networkx as nx
import pytest

XSS_TITLE = '<script>window.__pwned="title"</script><img src=x onerror="window.__pwned=\'img\'"> Hostile: {{TITLE}} & co'
XSS_LABEL = '<img src=x onerror="window.__pwned=\'label\'">EvilBench'
XSS_ALIAS = '<b onmouseover="window.__pwned=1">bold</b>'
XSS_SENTENCE = 'We beat <script>window.__pwned="evidence"</script> on it.'


def _paper(g, arxiv, title, dates=("2025-09-30",), keywords=()):
    g.add_node(
        f"paper:{arxiv}", type="Paper", label=title, arxiv_id=arxiv, title=title,
        url=f"https://arxiv.org/pdf/{arxiv}", dates=list(dates), keywords=list(keywords),
        summary="", sections={"body": f"Summary of {title} </script><script>window.__pwned='summary'</script>"},
        source="x.txt:1",
    )


@pytest.fixture(scope="session")
def hostile_graph() -> nx.MultiDiGraph:
    """Two papers whose every text field tries to run script, plus results for a leaderboard."""
    g = nx.MultiDiGraph()
    _paper(g, "2509.00001", XSS_TITLE, keywords=["<svg onload=alert(1)>", "视觉语言模型"])
    _paper(g, "2509.00002", "A javascript:alert(1) paper", keywords=["视觉语言模型"])
    g.nodes["paper:2509.00002"]["url"] = "javascript:window.__pwned='url'"
    g.add_node("entity:evil", type="Benchmark", label=XSS_LABEL, aliases=[XSS_ALIAS], family=None)
    g.add_node("entity:acc", type="Metric", label="accuracy", aliases=[], family=None)
    g.add_node("entity:m", type="Model", label="<i>Model</i>", aliases=[], family=None)
    for kw in ["<svg onload=alert(1)>", "视觉语言模型"]:
        g.add_node(f"keyword:{kw}", type="Keyword", label=kw)
    g.add_edge("paper:2509.00001", "keyword:<svg onload=alert(1)>", key="hasKeyword", evidence=[])
    for p in ("paper:2509.00001", "paper:2509.00002"):
        g.add_edge(p, "keyword:视觉语言模型", key="hasKeyword", evidence=[])
        g.add_edge(p, "entity:evil", key="evaluatesOn", evidence=[{"date": "2025-09-30", "sentence": XSS_SENTENCE}])
        g.add_edge(p, "entity:m", key="usesModel", evidence=[{"date": "2025-09-30", "sentence": "uses <i>Model</i>"}])
    for i, (value, paper) in enumerate([(71.5, "paper:2509.00001"), (80.25, "paper:2509.00002")]):
        g.add_node(
            f"result:{i}", type="Result", value=value, unit="%", metric="entity:acc", benchmark="entity:evil",
            entity="entity:m", baseline_value=60.0, paper=paper, evidence=f"<script>window.__pwned='result{i}'</script>",
        )
    g.graph["digests"] = [{"source": "x.txt", "date": "2025-09-30", "papers": 2}]
    return g


@pytest.fixture(scope="session")
def xss() -> dict:
    """The hostile strings of :func:`hostile_graph`."""
    return {"title": XSS_TITLE, "label": XSS_LABEL, "alias": XSS_ALIAS, "sentence": XSS_SENTENCE}


@pytest.fixture(scope="session")
def seed_graph(seed_graph):
    """The seed's graph as the explorer draws it: Result nodes only feed leaderboard tables
    (they are tested with ``hostile_graph``), so the drawing tests compare against the rest."""
    return seed_graph.subgraph([n for n, d in seed_graph.nodes(data=True) if d["type"] != "Result"]).copy()
