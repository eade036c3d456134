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

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract import extract_docs
from kg.extract.lexicon_data import load_lexicon
from kg.parse import DigestError, Skipped, collect_inputs, merge_papers, parse_digest
from kg.resolve import resolve
from kg.results import add_results_to_graph, resolve_results

if TYPE_CHECKING:  # (NetworkX is imported by build() alone: the store's daily add reads this module too)
    import networkx as nx

__all__ = ["build", "BuildError"]


class BuildError(ValueError):
    """Nothing usable was read, or ``strict=True`` and something was skipped.

    The message lists every reason, file by file; ``skipped`` holds them as strings.
    """

    def __init__(self, message: str, skipped=()):
        super().__init__(message)
        self.skipped = [str(s) for s in skipped]


#: The extractor reads at most this many characters of one summary (spaCy's limit is 1,000,000;
#: longer texts are kept whole in the graph and the exports, and a warning says so).
MAX_EXTRACT_CHARS = 100_000


def build(paths=("seeds",), *, strict: bool = False, lexicon_dir: str | None = None) -> nx.MultiDiGraph:
    """Build the knowledge graph of the digests under ``paths`` (files or directories).

    Returns a ``networkx.MultiDiGraph`` (see :mod:`kg.graph.build` for its schema) whose
    ``graph`` dict holds ``digests`` (file, date, paper count), ``skipped`` and ``warnings``
    (lists of ``"file:line: reason"``).  Every paper heading of the input ends up either in
    the graph or in ``skipped`` with its reason.  Raises :class:`BuildError` when no paper
    could be read from any input, or with ``strict=True`` when anything was skipped.
    """
    files, skipped = collect_inputs(paths)
    digests = []
    for path in files:
        try:
            digests.append(parse_digest(path))
        except DigestError as exc:
            skipped.append(Skipped(exc.source, exc.line, exc.reason))
    papers, warnings = gather_papers(digests, skipped, strict)
    lexicon = load_lexicon(lexicon_dir)
    from kg.extract.pipeline import make_nlp, default_nlp

    nlp = make_nlp(lexicon_dir) if lexicon_dir else default_nlp()
    docs = _extract(papers, nlp, warnings)
    from kg.graph import build_graph

    resolution = resolve(docs, lexicon)
    g = build_graph(papers, resolution)
    add_results_to_graph(g, resolve_results(docs, resolution, lexicon))
    g.graph["digests"] = [{"source": d.source, "date": d.date, "papers": len(d.papers)} for d in digests]
    g.graph["skipped"] = [str(s) for s in skipped]
    g.graph["warnings"] = [str(w) for w in warnings]
    return g


def gather_papers(digests, skipped: list, strict: bool = False) -> tuple[list, list]:
    """Merge the digests' papers (adding their skipped entries to ``skipped``); returns
    ``(papers, warnings)``.  Raises :class:`BuildError` when no paper could be read, or with
    ``strict`` when anything was skipped."""
    for d in digests:
        skipped.extend(d.skipped)
    warnings = [w for d in digests for w in d.warnings]
    papers = merge_papers(digests)
    check_readable(len(papers), skipped, strict)
    return papers, warnings


def check_readable(n_papers: int, skipped: list, strict: bool = False) -> None:
    """Raise :class:`BuildError` when no paper could be read, or with ``strict`` when anything was skipped."""
    if not n_papers and skipped:
        raise BuildError("no paper could be read:\n  " + "\n  ".join(map(str, skipped)), skipped)
    if strict and skipped:
        n = len(skipped)
        raise BuildError(f"{n} skipped entr{'y' if n == 1 else 'ies'} (--strict):\n  " + "\n  ".join(map(str, skipped)), skipped)


def _extract(papers, nlp, warnings) -> list:
    """Run the extractor paper by paper, so one pathological text cannot stop the build.

    A paper whose text the extractor cannot process stays in the graph (title, summary,
    keywords, dates) without entity links, and a warning says so.
    """
    trimmed = []
    for paper in papers:
        if len(paper.summary) > MAX_EXTRACT_CHARS:
            warnings.append(
                Skipped(paper.source, paper.line, f"{paper.arxiv_id}: summary has {len(paper.summary):,} characters; "
                        f"entities are extracted from the first {MAX_EXTRACT_CHARS:,} only")
            )
            paper = replace(paper, summary=paper.summary[:MAX_EXTRACT_CHARS])
        trimmed.append(paper)
    docs = []
    for start in range(0, len(trimmed), 64):  # batches for speed; a failing batch is redone paper by paper
        batch = trimmed[start : start + 64]
        try:
            docs.extend(extract_docs(batch, nlp))
            continue
        except Exception:  # noqa: BLE001 - narrowed down below, never silent
            pass
        for paper in batch:
            try:
                docs.extend(extract_docs([paper], nlp))
            except Exception as exc:  # noqa: BLE001 - reported, never silent
                warnings.append(
                    Skipped(paper.source, paper.line, f"{paper.arxiv_id}: entity extraction failed ({type(exc).__name__}: {exc}); "
                            "paper kept without entity links")
                )
    return docs
