"""Stage 6: SPARQL over the exported graph, on Oxigraph.

The named queries live in ``kg/queries/*.rq`` so users can read and reuse them.  User
input never becomes query text: names and ids are passed as bound variables
(SPARQL substitutions, SEP-0007), so ``"} DROP ALL #`` is just a name that matches nothing.

>>> store = open_store("exports")                                     # doctest: +SKIP
>>> [r["id"] for r in papers_by_benchmark(store, "alfworld")]         # doctest: +SKIP
['2509.22576', '2509.22601']
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.export.rdf import entity_iri
from kg.resolve.normalize import normalize

__all__ = [
    "QUERIES",
    "GraphNotFound",
    "open_store",
    "load_query",
    "select",
    "papers_by_benchmark",
    "suggest_benchmarks",
    "shared_benchmarks",
    "related_papers",
]

QUERIES = Path(__file__).resolve().parent.parent / "queries"
GRAPH_FILES = ("graph.trig", "graph.nq", "graph.ttl", "graph.nt")


class GraphNotFound(FileNotFoundError):
    pass


def open_store(graph_dir: str | Path = "exports") -> ox.Store:
    """An in-memory Oxigraph store loaded from the exports that ``kg build --out DIR`` wrote."""
    graph_dir = Path(graph_dir)
    for name in GRAPH_FILES:
        path = graph_dir / name
        if path.is_file():
            store = ox.Store()
            store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:]))
            return store
    raise GraphNotFound(f"{graph_dir}: no graph found (run 'kg build --out {graph_dir}' first)")


@lru_cache(maxsize=None)
def load_query(name: str) -> str:
    """The text of ``kg/queries/<name>.rq``."""
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def _py(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#long", "#int")):
            return int(term.value)
        return term.value
    return term.value


def select(store: ox.Store, sparql: str, /, **bindings) -> tuple[list[str], list[dict]]:
    """Run a SELECT (or ASK/CONSTRUCT) query; ``bindings`` are substituted as variables.

    Strings become literals, ``ox.NamedNode``/``ox.Literal`` pass as they are.  Returns the
    variable names and the rows as dicts of plain Python values.
    """
    subs = {ox.Variable(k): (v if isinstance(v, (ox.NamedNode, ox.Literal)) else ox.Literal(str(v))) for k, v in bindings.items()}
    result = store.query(sparql, substitutions=subs or None, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return ["result"], [{"result": bool(result)}]
    if isinstance(result, ox.QueryTriples):
        rows = [{"subject": t.subject.value, "predicate": t.predicate.value, "object": _py(t.object)} for t in result]
        return ["subject", "predicate", "object"], rows
    names = [v.value for v in result.variables]
    return names, [{n: _py(sol[n]) for n in names} for sol in result]


def papers_by_benchmark(store: ox.Store, name: str) -> list[dict]:
    """Papers evaluated on the benchmark called ``name`` (label or alias, any case or spacing)."""
    key = ox.NamedNode(str(entity_iri(normalize(name))))
    return select(store, load_query("papers_by_benchmark"), query=name, key=key)[1]


def suggest_benchmarks(store: ox.Store, name: str, n: int = 5) -> list[str]:
    """Benchmark labels whose names look like ``name`` (for a did-you-mean)."""
    rows = select(store, load_query("benchmark_names"))[1]
    by_norm: dict[str, str] = {}
    for r in rows:
        by_norm.setdefault(normalize(r["name"]), r["label"])
    want = normalize(name)
    close = difflib.get_close_matches(want, list(by_norm), n=n * 2, cutoff=0.6)
    contains = [k for k in by_norm if want and (want in k or k in want)]
    out: list[str] = []
    for k in contains + close:
        if by_norm[k] not in out:
            out.append(by_norm[k])
    return out[:n]


def shared_benchmarks(store: ox.Store) -> list[dict]:
    """Benchmarks shared by two or more papers, most shared first."""
    return select(store, load_query("shared_benchmarks"))[1]


def related_papers(store: ox.Store, arxiv_id: str) -> list[dict]:
    """Papers sharing benchmarks, models or methods with ``arxiv_id``, by overlap."""
    return select(store, load_query("related_papers"), query=arxiv_id)[1]
