"""Stage 4: the knowledge graph as a NetworkX ``MultiDiGraph``.

Nodes (``type`` attribute):

* ``Paper`` — id ``paper:<arxiv id>``; ``arxiv_id``, ``title``, ``url``, ``dates`` (every
  digest date), ``keywords``, ``summary``, ``source`` (file:line);
* ``Benchmark`` / ``Model`` / ``Method`` / ``Metric`` / ``Framework`` — id ``entity:<key>``
  where key is the normalised name; ``label``, ``aliases`` (sorted), ``family`` (entity id or None);
* ``Keyword`` — id ``keyword:<text>``; ``label``.

Edges go from a paper, keyed by relation (``evaluatesOn``, ``usesModel``, ``usesMethod``,
``reportsMetric``, ``proposes``, ``hasKeyword``), with ``evidence``: a list of
``{"date": digest date, "sentence": supporting sentence}``.  Model variants point at
their family with a ``variantOf`` edge.
"""

from __future__ import annotations

import networkx as nx

from kg.export.terms import ENTITY_TYPES  # re-exported: kg.graph.ENTITY_TYPES
from kg.parse import Paper
from kg.resolve import Resolution

__all__ = ["build_graph", "paper_node", "entity_node", "ENTITY_TYPES"]



def paper_node(arxiv_id: str) -> str:
    return f"paper:{arxiv_id}"


def entity_node(key: str) -> str:
    return f"entity:{key}"


def build_graph(papers: list[Paper], resolution: Resolution) -> nx.MultiDiGraph:
    """Papers and resolved entities as a typed multigraph (see module docstring).

    >>> from kg.resolve import Resolution, Entity, Link
    >>> from kg.parse import Paper
    >>> p = Paper("2509.22576", "EPO", "https://arxiv.org/pdf/2509.22576", ["2025-09-30"], "…")
    >>> r = Resolution({"alfworld": Entity("alfworld", "benchmark", "ALFWorld")},
    ...                [Link("2509.22576", "alfworld", "evaluatesOn", "在ALFWorld基准上提升了19.8%")])
    >>> g = build_graph([p], r)
    >>> list(g.successors("paper:2509.22576"))
    ['entity:alfworld']
    """
    g = nx.MultiDiGraph()
    dates = {}
    for paper in papers:
        dates[paper.arxiv_id] = list(paper.dates)
        g.add_node(
            paper_node(paper.arxiv_id),
            type="Paper",
            label=paper.title,
            arxiv_id=paper.arxiv_id,
            title=paper.title,
            url=paper.url,
            dates=list(paper.dates),
            keywords=list(paper.keywords),
            summary=paper.summary,
            sections=dict(paper.sections),
            source=f"{paper.source}:{paper.line}",
        )
        for kw in paper.keywords:
            kid = f"keyword:{kw}"
            if kid not in g:
                g.add_node(kid, type="Keyword", label=kw)
            g.add_edge(paper_node(paper.arxiv_id), kid, key="hasKeyword", evidence=[])
    for key, e in sorted(resolution.entities.items()):
        g.add_node(
            entity_node(key),
            type=ENTITY_TYPES[e.type],
            label=e.label,
            aliases=sorted(e.aliases),
            family=entity_node(e.family) if e.family else None,
            in_lexicon=e.in_lexicon,
        )
    for key, e in sorted(resolution.entities.items()):
        if e.family and entity_node(e.family) in g:
            g.add_edge(entity_node(key), entity_node(e.family), key="variantOf", evidence=[])
    for link in resolution.links:
        u, v = paper_node(link.paper_id), entity_node(link.key)
        if u not in g or v not in g:
            continue
        evidence = [{"date": d, "sentence": link.sentence} for d in dates[link.paper_id]] or [
            {"date": None, "sentence": link.sentence}
        ]
        if g.has_edge(u, v, key=link.relation):
            g.edges[u, v, link.relation]["evidence"].extend(evidence)
        else:
            g.add_edge(u, v, key=link.relation, evidence=evidence)
    return g
