"""Write a graph's exports into a directory, atomically and deterministically.

``graph.ttl`` (Turtle, the union of all digests), ``graph.trig`` (one named graph per digest,
what the query commands load), ``graph.html`` (the interactive explorer), and on request
``graph.nt`` (N-Triples) and ``graph.jsonld`` (JSON-LD).

Guarantees (tested in ``tests/export``):

* **Valid**: every RDF file is parsed back with Oxigraph before anything is replaced; a
  serialisation that Oxigraph rejects, or that loses a statement, aborts the write.
* **Deterministic**: statements are added in sorted order, so the same graph gives
  byte-identical files.
* **Atomic**: every file is first written in full (and flushed to disk) under a temporary
  name ``.<name>.<pid>.partial`` in the same folder, and only then renamed over the old one.
  A build that fails or is killed before that point leaves the previous exports untouched;
  the renames themselves take microseconds.  Leftover ``.partial`` files of a killed build
  are removed by the next write.
"""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal

from kg.export.rdf import to_dataset
from kg.vocab import bind_prefixes

__all__ = ["write_exports", "RDF_FORMATS", "atomic_write", "atomic_write_all", "ExportError"]

RDF_FORMATS = {"turtle": "graph.ttl", "nt": "graph.nt", "json-ld": "graph.jsonld", "trig": "graph.trig"}
_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
}
_PARTIAL = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.partial$")


class ExportError(RuntimeError):
    """A serialisation failed its self-check; nothing was replaced."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_partials(folder: Path) -> None:
    """Delete ``.*.partial`` files left by a build that was killed (its process is gone)."""
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        m = _PARTIAL.match(entry.name)
        if m and not _pid_alive(int(m.group("pid"))):
            entry.unlink(missing_ok=True)


def _write_partial(path: Path, data: bytes) -> Path:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666 & ~_umask())
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_all(blobs: dict[Path, bytes]) -> None:
    """Write every file in full under a temporary name, then rename them all into place.

    If anything fails before the renames, no target file is touched and the temporary
    files are removed.
    """
    written: list[tuple[Path, Path]] = []
    try:
        for path in sorted(blobs):
            path.parent.mkdir(parents=True, exist_ok=True)
            _remove_stale_partials(path.parent)
            written.append((_write_partial(path, blobs[path]), path))
    except BaseException:
        for tmp, _ in written:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, path in written:
        os.replace(tmp, path)
    for folder in {path.parent for path in blobs}:
        _fsync_dir(folder)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    atomic_write_all({Path(path): data})


def _sort_key(term) -> tuple[str, str]:
    return (type(term).__name__, term.n3() if term is not None else "")


def canonical_dataset(ds: Dataset) -> Dataset:
    """A copy of ``ds`` with its named graphs and statements inserted in sorted order."""
    quads = sorted(
        ((s, p, o, c) for s, p, o, c in ds.quads((None, None, None, None))),
        key=lambda q: (_sort_key(q[3]), _sort_key(q[0]), _sort_key(q[1]), _sort_key(q[2])),
    )
    out = bind_prefixes(Dataset())
    for s, p, o, c in quads:
        out.graph(c if c is not None else out.default_graph.identifier).add((s, p, o))
    return out


def canonical_union(ds: Dataset) -> Graph:
    """The union of all named graphs, as one Graph with sorted insertion order."""
    triples = sorted({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}, key=lambda t: tuple(map(_sort_key, t)))
    out = bind_prefixes(Graph())
    for t in triples:
        out.add(t)
    return out


@contextmanager
def _final_quotes_escaped():
    """While rdflib serialises: a multi-line literal ending in a backslash and a quote is written
    with that quote escaped.  rdflib 7 leaves it bare, so four quotes end the literal and Turtle
    parsers reject it: it checks that the last quote is escaped by looking at the character
    before it, which is then the second of the doubled backslashes.  The fuzz tests found it;
    scoped to our own serialisations."""
    original = Literal._quote_encode

    def quote_encode(self) -> str:
        text = original(self)
        if text.startswith('"""') and text.endswith('""""'):
            body = text[3:-4]  # before the final quote: an even run of backslashes leaves it unescaped
            if (len(body) - len(body.rstrip("\\"))) % 2 == 0:
                return f'"""{body}\\""""'
        return text

    Literal._quote_encode = quote_encode
    try:
        yield
    finally:
        Literal._quote_encode = original


def serialize_trig(ds: Dataset) -> bytes:
    """TriG with the named graphs in sorted order (rdflib's own TriG writer orders them by hash).

    Each graph is written by rdflib's Turtle writer (which sorts subjects and objects) and
    wrapped in ``<graph> { ... }``; the prefixes are declared once at the top.
    """
    prefixes: set[str] = set()
    blocks: list[str] = []
    graphs = sorted((c for c in ds.contexts() if len(c)), key=lambda c: _sort_key(c.identifier))
    for graph in graphs:
        sub = bind_prefixes(Graph())
        for t in sorted(graph, key=lambda t: tuple(map(_sort_key, t))):
            sub.add(t)
        with _final_quotes_escaped():
            text = sub.serialize(format="turtle")
        # the prefix block comes first; everything after it is kept byte for byte (literals may
        # span lines, and must not be re-indented or split on anything but the statements)
        lines = text.split("\n")
        start = 0
        while start < len(lines) and (lines[start].startswith("@prefix ") or not lines[start].strip()):
            if lines[start].startswith("@prefix "):
                prefixes.add(lines[start])
            start += 1
        body = "\n".join(lines[start:]).rstrip("\n")
        name = graph.identifier
        head = "{" if name == ds.default_graph.identifier else f"{name.n3()} {{"
        blocks.append(f"{head}\n{body}\n}}\n")
    return ("\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)).encode("utf-8")


def _sorted_jsonld(data: bytes) -> bytes:
    doc = json.loads(data)

    def canon(value):
        if isinstance(value, dict):
            return {k: canon(value[k]) if k != "@list" else [canon(v) for v in value[k]] for k in sorted(value)}
        if isinstance(value, list):
            return sorted((canon(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return value

    doc = canon(doc)
    return (json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _check(data: bytes, fmt: str, expected: int, name: str) -> None:
    """Parse ``data`` with Oxigraph and compare the statement count: never write what others reject."""
    try:
        if fmt == "trig":
            got = len({(q.subject, q.predicate, q.object, q.graph_name) for q in ox.parse(data, format=_OX_FORMATS[fmt])})
        else:
            got = len({(t.subject, t.predicate, t.object) for t in ox.parse(data, format=_OX_FORMATS[fmt])})
    except (SyntaxError, ValueError) as exc:
        raise ExportError(f"{name}: the {fmt} serialisation does not parse in Oxigraph ({exc}); nothing written") from exc
    if got != expected:
        raise ExportError(f"{name}: the {fmt} serialisation holds {got} statements instead of {expected}; nothing written")


def render_exports(g: nx.MultiDiGraph, out_dir: str | Path = "exports", formats=("turtle",), html: bool = True) -> dict[Path, bytes]:
    """The bytes of every export file, checked, keyed by path (nothing is written)."""
    out = Path(out_dir)
    for fmt in formats:
        if fmt not in RDF_FORMATS:
            raise ValueError(f"unknown RDF format {fmt!r} (choose from {', '.join(RDF_FORMATS)})")
    ds = canonical_dataset(to_dataset(g))
    n_quads = len({(s, p, o, c) for s, p, o, c in ds.quads((None, None, None, None))})
    trig = serialize_trig(ds)
    _check(trig, "trig", n_quads, "graph.trig")
    blobs: dict[Path, bytes] = {out / "graph.trig": trig}
    union = None
    for fmt in formats:
        if fmt == "trig":
            continue
        union = union if union is not None else canonical_union(ds)
        with _final_quotes_escaped():
            data = union.serialize(format=fmt)
        data = data.encode("utf-8") if isinstance(data, str) else data
        if fmt == "nt":  # one statement per line: sort them for byte-stable output
            data = b"".join(sorted(set(data.splitlines(keepends=True))))
        elif fmt == "json-ld":  # rdflib orders nodes by hash: sort them (JSON-LD arrays are sets)
            data = _sorted_jsonld(data)
        _check(data, fmt, len(union), RDF_FORMATS[fmt])
        blobs[out / RDF_FORMATS[fmt]] = data
    if html:
        from kg.viz.html import render_html

        blobs[out / "graph.html"] = render_html(g).encode("utf-8")
    return blobs


def write_exports(g: nx.MultiDiGraph, out_dir: str | Path = "exports", formats=("turtle",), html: bool = True) -> list[Path]:
    """Serialise ``g`` into ``out_dir``; returns the paths written.

    TriG is always written (the query commands read it); ``formats`` adds Turtle
    (default), ``nt`` and ``json-ld``.  Everything is rendered and checked first, then
    replaced at once (see the module docstring); on any error the old files are intact.
    """
    blobs = render_exports(g, out_dir, formats=formats, html=html)
    atomic_write_all(blobs)
    return sorted(blobs)
