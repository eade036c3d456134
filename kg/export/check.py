"""Read an export back with both rdflib and pyoxigraph and check that they agree.

Used by the test suite and by ``bench/fuzz_long.py``; handy when loading the exports into
another tool::

    >>> from kg.export.check import roundtrip
    >>> roundtrip("exports/graph.trig")                     # doctest: +SKIP
    12345
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.compare import isomorphic

__all__ = ["roundtrip", "RoundtripError", "FORMATS"]

#: file suffix -> (rdflib format, pyoxigraph format, has named graphs)
FORMATS = {
    ".ttl": ("turtle", ox.RdfFormat.TURTLE, False),
    ".nt": ("nt", ox.RdfFormat.N_TRIPLES, False),
    ".jsonld": ("json-ld", ox.RdfFormat.JSON_LD, False),
    ".trig": ("trig", ox.RdfFormat.TRIG, True),
    ".nq": ("nquads", ox.RdfFormat.N_QUADS, True),
}


class RoundtripError(AssertionError):
    pass


def _to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return rdflib.Literal(term.value, datatype=None if dt.endswith("#string") else rdflib.URIRef(dt))
    if isinstance(term, ox.DefaultGraph) or term is None:
        return None
    raise RoundtripError(f"unexpected term {term!r}")


def _lexical(g: rdflib.Graph) -> rdflib.Graph:
    """Literals compared by lexical form and datatype (rdflib may normalise values)."""
    out = rdflib.Graph()
    for s, p, o in g:
        if isinstance(o, rdflib.Literal):
            o = rdflib.Literal(str(o), lang=o.language, datatype=o.datatype if o.datatype != rdflib.XSD.string else None)
        out.add((s, p, o))
    return out


def roundtrip(path: str | Path) -> int:
    """Parse ``path`` with rdflib and with pyoxigraph; raise :class:`RoundtripError` unless both
    succeed and give isomorphic graphs (graph by graph for TriG/N-Quads).  Returns the number
    of statements."""
    path = Path(path)
    rfmt, ofmt, quads = FORMATS[path.suffix]
    data = path.read_bytes()
    try:
        oxq = list(ox.parse(data, format=ofmt))
    except (SyntaxError, ValueError) as exc:
        raise RoundtripError(f"{path}: pyoxigraph rejects it: {exc}") from exc
    try:
        if quads:
            rd = rdflib.Dataset()
            rd.parse(data=data, format=rfmt)
        else:
            rd = rdflib.Graph()
            rd.parse(data=data, format=rfmt)
    except Exception as exc:  # noqa: BLE001
        raise RoundtripError(f"{path}: rdflib rejects it: {exc}") from exc
    by_graph_ox: dict = {}
    for q in oxq:
        gname = _to_rdflib(getattr(q, "graph_name", None)) if quads else None
        by_graph_ox.setdefault(gname, rdflib.Graph()).add(tuple(_to_rdflib(t) for t in (q.subject, q.predicate, q.object)))
    by_graph_rd: dict = {}
    if quads:
        for s, p, o, c in rd.quads((None, None, None, None)):
            name = None if c is None or c == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else c
            by_graph_rd.setdefault(name, rdflib.Graph()).add((s, p, o))
    else:
        by_graph_rd[None] = rd
    by_graph_rd = {k: v for k, v in by_graph_rd.items() if len(v)}
    if set(by_graph_ox) != set(by_graph_rd):
        raise RoundtripError(f"{path}: named graphs differ: {sorted(map(str, set(by_graph_ox) ^ set(by_graph_rd)))[:5]}")
    total = 0
    for name, og in by_graph_ox.items():
        rg = by_graph_rd[name]
        if not isomorphic(_lexical(og), _lexical(rg)):
            only_ox = set(_lexical(og)) - set(_lexical(rg))
            only_rd = set(_lexical(rg)) - set(_lexical(og))
            raise RoundtripError(
                f"{path}: graph {name}: rdflib and pyoxigraph disagree; only in oxigraph {list(only_ox)[:3]}, only in rdflib {list(only_rd)[:3]}"
            )
        total += len(og)
    return total


def check_export_dir(out_dir: str | Path, shacl: bool = True) -> dict[str, int]:
    """Round-trip every RDF file in ``out_dir`` (see :func:`roundtrip`), check that they all
    hold the same statements, and (``shacl=True``) validate the union against the SHACL
    shapes.  Returns ``{file name: statements}``; raises :class:`RoundtripError` on any problem."""
    out_dir = Path(out_dir)
    counts = {p.name: roundtrip(p) for p in sorted(out_dir.iterdir()) if p.suffix in FORMATS}
    if not counts:
        raise RoundtripError(f"{out_dir}: no RDF export found")
    union_sizes = {n for name, n in counts.items() if FORMATS[Path(name).suffix][2] is False}
    if len(union_sizes) > 1:
        raise RoundtripError(f"{out_dir}: the files hold different numbers of statements: {counts}")
    leftovers = [p.name for p in out_dir.iterdir() if p.name.endswith(".partial")]
    if leftovers:
        raise RoundtripError(f"{out_dir}: temporary files left behind: {leftovers}")
    if shacl:
        from kg.validate import validate_path

        main = next(out_dir / n for n in ("graph.trig", "graph.ttl", "graph.nt", "graph.jsonld") if (out_dir / n).is_file())
        report = validate_path(main)
        if not report.conforms:
            raise RoundtripError(f"{main}: SHACL violations:\n  " + "\n  ".join(map(str, report.violations[:20])))
    return counts
