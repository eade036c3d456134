"""Stage 6: SPARQL over the exported graph, on Oxigraph -- embedded or over HTTP.

Where the graph comes from (:func:`open_store`):

* ``DIR/store/oxigraph``, the persistent store ``kg build`` writes (:mod:`kg.store`), opened
  read-only: nothing is parsed, a query on 100,000 papers starts in milliseconds;
* else ``DIR/graph.trig`` (or ``.nq``/``.ttl``/``.nt``) loaded into an in-memory store;
* or a SPARQL 1.1 Protocol endpoint (:class:`Endpoint`, ``kg query --endpoint URL``):
  any server (Oxigraph, Fuseki, GraphDB, Virtuoso) that holds what ``kg push`` uploaded.
  The queries read the union of the named graphs as their default graph: the client asks
  for it (Oxigraph's ``union-default-graph`` parameter), and other servers must be set up
  so (see the README).

The named queries live in ``kg/queries/*.rq`` so users can read and reuse them.  User
input never becomes query syntax: names and ids are bound variables, sent (to the local
store as to an endpoint) as a ``VALUES`` block at the top of every ``WHERE`` group, each value
an RDF term that Oxigraph writes and escapes, so ``"} DROP ALL #`` is just a name that
matches nothing.

>>> store = open_store("exports")                                     # doctest: +SKIP
>>> [r["id"] for r in papers_by_benchmark(store, "alfworld")]         # doctest: +SKIP
['2509.22576', '2509.22601']
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

__all__ = [
    "QUERIES",
    "GraphNotFound",
    "open_store",
    "Endpoint",
    "EndpointError",
    "load_query",
    "select",
    "papers_by_benchmark",
    "suggest_benchmarks",
    "entities_called",
    "shared_benchmarks",
    "related_papers",
]

QUERIES = Path(__file__).resolve().parent.parent / "queries"
GRAPH_FILES = ("graph.trig", "graph.nq", "graph.ttl", "graph.nt")


class GraphNotFound(FileNotFoundError):
    pass


def open_store(graph_dir: str | Path = "exports", *, endpoint: str | None = None):
    """The graph that ``kg build --out DIR`` wrote, as an Oxigraph store (or an :class:`Endpoint`).

    ``DIR/store`` (the persistent store) is opened read-only; without it the first of
    ``GRAPH_FILES`` is loaded into memory.  ``endpoint`` (a SPARQL query URL) wins over both.
    """
    if endpoint:
        return Endpoint(endpoint)
    graph_dir = Path(graph_dir)
    db = graph_dir / "store" / "oxigraph"
    if (db / "CURRENT").is_file():
        try:
            return ox.Store.read_only(str(db))
        except OSError:
            pass  # unreadable store: fall back to the files
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


def select(store, sparql: str, /, **bindings) -> tuple[list[str], list[dict]]:
    """Run a SELECT (or ASK/CONSTRUCT) query; ``bindings`` are bound variables (see module docstring).

    Strings become literals, ``ox.NamedNode``/``ox.Literal`` pass as they are.  Returns the
    variable names and the rows as dicts of plain Python values.  ``store`` is an Oxigraph
    store or an :class:`Endpoint`.
    """
    subs = {ox.Variable(k): (v if isinstance(v, (ox.NamedNode, ox.Literal)) else ox.Literal(str(v))) for k, v in bindings.items()}
    if isinstance(store, Endpoint):
        return store.select(sparql, subs)
    if subs and _WHERE.search(sparql):
        # as a VALUES block, as for an endpoint: Oxigraph plans a query before it applies
        # substitutions (SEP-0007), so with those the planner sees an unbound variable and may
        # start the join anywhere (100k papers: the leaderboard query 1.3 s -> 14 ms, related_papers
        # 4.4 -> 0.3 s); a query without a WHERE keyword keeps them
        sparql, subs = bind_values(sparql, subs), {}
    result = store.query(sparql, substitutions=subs or None, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return ["result"], [{"result": bool(result)}]
    if isinstance(result, ox.QueryTriples):
        rows = [{"subject": t.subject.value, "predicate": t.predicate.value, "object": _py(t.object)} for t in result]
        return ["subject", "predicate", "object"], rows
    names = [v.value for v in result.variables]
    return names, [{n: _py(sol[n]) for n in names} for sol in result]


# The two helpers below are copies of kg.resolve.normalize.normalize and kg.export.terms.entity_iri
# (tests/store/test_query_fast.py checks they agree): importing those modules would load spaCy
# and rdflib, which a query process never needs.
_DROP = re.compile(r"[\s\-_.'`()\[\]{}/:,（）【】：，]")
_ENTITY = "https://w3id.org/paperkg/entity/"
_PKG = "https://w3id.org/paperkg/ontology#"
_DOT_SEGMENTS = {"": "%5f", ".": "%2e", "..": "%2e%2e"}


def normalize(name: str) -> str:
    """:func:`kg.resolve.normalize.normalize` (without importing kg.resolve)."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("\u2019", "'")
    return _DROP.sub("", text)


def entity_iri(key: str) -> str:
    """:func:`kg.export.terms.entity_iri` as a string (without importing rdflib)."""
    return _ENTITY + (_DOT_SEGMENTS[key] if key in _DOT_SEGMENTS else quote(key, safe=""))


def papers_by_benchmark(store: ox.Store, name: str, index=None) -> list[dict]:
    """Papers evaluated on the benchmark called ``name`` (label or alias, any case or spacing).

    ``index``: the store's :class:`~kg.query.index.BenchmarkIndex` (``BenchmarkIndex.at(dir)``),
    which answers for a benchmark's own key without SPARQL (milliseconds for thousands of papers)."""
    key = entity_iri(normalize(name))
    rows = _papers_of(store, name, key, index)  # the normalised name is nearly always a benchmark's key
    if rows is None:  # else an alias keyed otherwise (BBEH for BIG-Bench Extra Hard): each benchmark so called
        called = (_papers_of(store, name, iri, index) or [] for iri in entities_called(store, name, "Benchmark"))
        rows = [{**r, "key": key} for r in sorted((r for rs in called for r in rs), key=lambda r: r["id"])]
    return rows


def _papers_of(store, name: str, iri: str, index) -> list[dict] | None:
    """The papers on the benchmark ``iri`` (from ``index`` if it has it), None if there are none."""
    if index is not None:
        rows = index.rows(name, iri)
        if rows is not None:
            return rows
    return _papers_by_key(store, name, ox.NamedNode(iri)) or None


def _papers_by_key(store, name: str, key) -> list[dict]:
    """``papers_by_benchmark_key.rq``, same rows, in two cheaper queries: the papers, then the
    evidence of all of them at once (the per-row evidence OPTIONAL was most of the cost, on a
    local store as on a server)."""
    rows = select(store, load_query("papers_by_benchmark_key_rows"), query=name, key=key)[1]
    if not rows:
        return rows
    evidence = smallest_sentence(select(store, load_query("papers_by_benchmark_evidence"), key=key)[1], "paper")
    for r in rows:
        r["evidence"] = evidence.get(r.pop("paper"))
    return rows


def smallest_sentence(rows: list[dict], by: str) -> dict[str, str]:
    """``row[by]`` -> the smallest ``row["exact"]`` of ``rows`` (an evidence query's answer): one
    supporting sentence each, the same on every run whatever order the engine gives."""
    out: dict[str, str] = {}
    for r in rows:
        if r[by] not in out or r["exact"] < out[r[by]]:
            out[r[by]] = r["exact"]
    return out


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


def entities_called(store, name: str, cls: str) -> list[str]:
    """The IRIs of the entities of class ``pkg:<cls>`` called ``name`` (label or alias, any case, or
    the same normalised key), in IRI order."""
    bindings = {"class": ox.NamedNode(_PKG + cls), "name": name, "key": ox.NamedNode(entity_iri(normalize(name)))}
    return [r["entity"] for r in select(store, load_query("entities_called"), **bindings)[1]]


def shared_benchmarks(store: ox.Store, index=None) -> list[dict]:
    """Benchmarks shared by two or more papers, most shared first.

    ``index``: the store's :class:`~kg.query.index.BenchmarkIndex`, which answers from its table."""
    if index is not None:
        return index.shared()
    return select(store, load_query("shared_benchmarks"))[1]


def related_papers(store: ox.Store, arxiv_id: str) -> list[dict]:
    """Papers sharing benchmarks, models or methods with ``arxiv_id``, by overlap."""
    return select(store, load_query("related_papers"), query=arxiv_id)[1]


# --------------------------------------------------------------------------------------
#  SPARQL 1.1 Protocol
# --------------------------------------------------------------------------------------


class EndpointError(RuntimeError):
    """The endpoint could not be reached or refused the query."""


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_XSD_INT = ("#integer", "#long", "#int", "#short", "#nonNegativeInteger", "#positiveInteger")


def bind_values(sparql: str, subs: dict) -> str:
    """``sparql`` with a ``VALUES`` row for ``subs`` at the top of every ``WHERE { ... }``.

    This is how bound variables travel over the protocol (which has no substitutions);
    every group, sub-selects included, sees the same values, as with SEP-0007.
    """
    if not subs:
        return sparql
    names = " ".join(str(v) for v in subs)
    row = " ".join(str(t) for t in subs.values())  # N-Triples syntax: escaped, never query text
    block = f"VALUES ({names}) {{ ({row}) }}"
    text, n = _WHERE.subn(lambda m: m.group(0) + " " + block + " ", sparql)
    if not n:
        raise EndpointError("bound variables need a query with a WHERE clause")
    return text


class Endpoint:
    """A SPARQL 1.1 Protocol query endpoint, e.g. ``http://localhost:7878/query``."""

    def __init__(self, url: str, *, timeout: float = 60.0, union_default_graph: bool = True):
        self.url = url
        self.timeout = timeout
        self.union_default_graph = union_default_graph

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r})"

    def _post(self, query: str) -> tuple[str, bytes]:
        import urllib.error
        import urllib.parse
        import urllib.request

        url = self.url
        if self.union_default_graph:  # Oxigraph's parameter; other servers ignore unknown parameters
            url += ("&" if "?" in url else "?") + "union-default-graph"
        req = urllib.request.Request(url, data=query.encode("utf-8"), method="POST", headers={
            "Content-Type": "application/sparql-query; charset=utf-8",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        })
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")[:500]
            if exc.code == 400:
                raise SyntaxError(f"{self.url}: {body.strip() or exc.reason}") from None
            raise EndpointError(f"{self.url}: HTTP {exc.code} {exc.reason}: {body.strip()}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise EndpointError(f"{self.url}: cannot reach the endpoint ({getattr(exc, 'reason', exc)})") from None

    def select(self, sparql: str, subs: dict | None = None) -> tuple[list[str], list[dict]]:
        ctype, body = self._post(bind_values(sparql, subs or {}))
        if "json" not in ctype:
            triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
            rows = [{"subject": t.subject.value, "predicate": t.predicate.value, "object": _py(t.object)} for t in triples]
            return ["subject", "predicate", "object"], rows
        import json

        data = json.loads(body)
        if "boolean" in data:
            return ["result"], [{"result": bool(data["boolean"])}]
        names = data["head"].get("vars", [])
        rows = []
        for b in data["results"]["bindings"]:
            rows.append({n: _json_py(b.get(n)) for n in names})
        return names, rows

    def query(self, sparql: str, **_ignored):
        raise TypeError("an Endpoint answers through kg.query.select(), not Store.query()")


def _json_py(term):
    if term is None:
        return None
    if term.get("type") == "literal" and term.get("datatype", "").endswith(_XSD_INT[:3]):
        return int(term["value"])
    return term["value"]
