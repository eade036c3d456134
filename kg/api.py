"""The Python API: digests in, a knowledge graph out.

>>> import kg
>>> g = kg.build(["seeds"])                                   # doctest: +SKIP
>>> kg.write_exports(g, "exports")                            # doctest: +SKIP
>>> sorted(n for n, d in g.nodes(data=True) if d["type"] == "Benchmark")[:2]   # doctest: +SKIP

``build`` runs the stages parse -> extract -> resolve -> graph; ``write_exports`` writes the
RDF and HTML.  What was skipped or merged is kept on the graph (``g.graph["skipped"]``,
``g.graph["warnings"]``) so nothing is lost silently.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.extract import extract_docs
from kg.extract.lexicon_data import load_lexicon
from kg.graph import build_graph
from kg.parse import DigestError, Skipped, collect_digests, merge_papers, parse_digest
from kg.resolve import resolve

__all__ = ["build", "BuildError"]


class BuildError(ValueError):
    """Nothing usable was read (the message lists why, file by file)."""


def build(paths=("seeds",), *, strict: bool = False, lexicon_dir: str | None = None) -> nx.MultiDiGraph:
    """Build the knowledge graph of the digests under ``paths`` (files or directories).

    Returns a ``networkx.MultiDiGraph`` (see :mod:`kg.graph.build` for its schema) whose
    ``graph`` dict holds ``digests`` (file, date, paper count), ``skipped`` and ``warnings``
    (lists of ``"file:line: reason"``).  Raises :class:`BuildError` when no paper could be read
    from any input, or with ``strict=True`` when anything was skipped.
    """
    digests, skipped = [], []
    for path in collect_digests(paths):
        try:
            digests.append(parse_digest(path))
        except DigestError as exc:
            skipped.append(Skipped(exc.source, exc.line, exc.reason))
    for d in digests:
        skipped.extend(d.skipped)
    warnings = [w for d in digests for w in d.warnings]
    papers = merge_papers(digests)
    if not papers and skipped:
        raise BuildError("no paper could be read:\n  " + "\n  ".join(map(str, skipped)))
    if strict and skipped:
        raise BuildError("skipped entries (--strict):\n  " + "\n  ".join(map(str, skipped)))
    lexicon = load_lexicon(lexicon_dir)
    from kg.extract.pipeline import make_nlp, default_nlp

    nlp = make_nlp(lexicon_dir) if lexicon_dir else default_nlp()
    docs = list(extract_docs(papers, nlp))
    g = build_graph(papers, resolve(docs, lexicon))
    g.graph["digests"] = [{"source": d.source, "date": d.date, "papers": len(d.papers)} for d in digests]
    g.graph["skipped"] = [str(s) for s in skipped]
    g.graph["warnings"] = [str(w) for w in warnings]
    return g
