"""Write a graph's exports into a directory, atomically.

``graph.ttl`` (Turtle, the union of all digests), ``graph.trig`` (one named graph per digest,
what the query commands load), ``graph.html`` (the interactive explorer), and on request
``graph.nt`` (N-Triples) and ``graph.jsonld`` (JSON-LD).  Each file is written to a temporary
name and renamed into place, so a build that fails midway leaves the previous exports intact.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import networkx as nx

from kg.export.rdf import to_dataset, to_graph

__all__ = ["write_exports", "RDF_FORMATS", "atomic_write"]

RDF_FORMATS = {"turtle": "graph.ttl", "nt": "graph.nt", "json-ld": "graph.jsonld", "trig": "graph.trig"}


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_exports(g: nx.MultiDiGraph, out_dir: str | Path = "exports", formats=("turtle",), html: bool = True) -> list[Path]:
    """Serialise ``g`` into ``out_dir``; returns the paths written.

    TriG is always written (the query commands read it); ``formats`` adds Turtle
    (default), ``nt`` and ``json-ld``.
    """
    out = Path(out_dir)
    ds = to_dataset(g)
    blobs: dict[Path, bytes] = {out / "graph.trig": ds.serialize(format="trig").encode("utf-8")}
    union = None
    for fmt in formats:
        if fmt == "trig":
            continue
        if fmt not in RDF_FORMATS:
            raise ValueError(f"unknown RDF format {fmt!r} (choose from {', '.join(RDF_FORMATS)})")
        union = union if union is not None else to_graph(g)
        data = union.serialize(format=fmt)
        blobs[out / RDF_FORMATS[fmt]] = data.encode("utf-8") if isinstance(data, str) else data
    if html:
        from kg.viz.html import render_html

        blobs[out / "graph.html"] = render_html(g).encode("utf-8")
    for path, data in blobs.items():  # everything rendered first: a failure above writes nothing
        atomic_write(path, data)
    return sorted(blobs)
