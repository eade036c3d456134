"""Validate exports against the paperkg SHACL shapes (``ontology/shapes.ttl``) with pySHACL.

The shapes are checked on the union of all named graphs (an entity's type and label live in
the entities graph, the links that point at it in each digest's graph), without inference,
exactly as ``ontology/shapes.ttl`` describes.

>>> report = validate_path("exports")                  # doctest: +SKIP
>>> report.conforms, report.violations[:1]              # doctest: +SKIP
(True, [])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import Graph
from rdflib.namespace import RDF, SH

__all__ = ["SHAPES", "Violation", "Report", "ValidationSetupError", "shapes_graph", "validate_graph", "validate_path", "load_export"]

#: The shapes shipped with the project (``ontology/shapes.ttl`` next to the ``kg`` package).
SHAPES = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"
_FORMATS = {".trig": "trig", ".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld", ".json": "json-ld"}
EXPORT_FILES = ("graph.trig", "graph.ttl", "graph.nt", "graph.jsonld")


class ValidationSetupError(RuntimeError):
    """The shapes or the data could not be loaded (the message says which and why)."""


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the focus node, the path, the value and the shape's message."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    shape: str = ""

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}{value}"


@dataclass
class Report:
    source: str
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)


def _require_pyshacl():
    try:
        import pyshacl
    except ImportError:  # pragma: no cover - depends on the installation
        raise ValidationSetupError("pySHACL is not installed: pip install pyshacl") from None
    return pyshacl


def shapes_graph(path: str | Path | None = None) -> Graph:
    path = Path(path) if path else SHAPES
    if not path.is_file():
        raise ValidationSetupError(f"{path}: SHACL shapes not found (pass --shapes FILE)")
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # noqa: BLE001 - any parser error is a setup error
        raise ValidationSetupError(f"{path}: cannot parse the shapes: {exc}") from None
    return g


def load_export(path: str | Path) -> Graph:
    """The union of all statements of an export file (or of the main export in a directory)."""
    path = Path(path)
    if path.is_dir():
        for name in EXPORT_FILES:
            if (path / name).is_file():
                path = path / name
                break
        else:
            raise ValidationSetupError(f"{path}: no export found ({', '.join(EXPORT_FILES)}); run 'kg build --out {path}'")
    if not path.is_file():
        raise ValidationSetupError(f"{path}: no such file")
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValidationSetupError(f"{path}: unknown RDF format (expected {', '.join(_FORMATS)})")
    union = Graph()
    try:
        if fmt in ("trig", "nquads"):
            ds = rdflib.Dataset()
            ds.parse(path, format=fmt)
            for s, p, o, _ in ds.quads((None, None, None, None)):
                union.add((s, p, o))
        else:
            union.parse(path, format=fmt)
    except Exception as exc:  # noqa: BLE001 - report, do not crash
        raise ValidationSetupError(f"{path}: not valid {fmt}: {exc}") from None
    return union


def _str(term) -> str:
    if term is None:
        return ""
    if isinstance(term, rdflib.Literal):
        text = str(term)
        return repr(text if len(text) <= 80 else text[:77] + "...")
    return str(term)


def validate_graph(data: Graph, shapes: Graph | None = None, source: str = "<graph>") -> Report:
    """Run pySHACL on ``data`` (no inference) and return its violations, sorted."""
    pyshacl = _require_pyshacl()
    shapes = shapes if shapes is not None else shapes_graph()
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    violations = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(r, SH.resultPath)
        sev = results.value(r, SH.resultSeverity)
        violations.append(
            Violation(
                focus=_str(results.value(r, SH.focusNode)),
                path=path.n3(data.namespace_manager) if isinstance(path, rdflib.URIRef) else ("(complex path)" if path else ""),
                message=str(results.value(r, SH.resultMessage) or ""),
                value=_str(results.value(r, SH.value)),
                severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
                shape=_str(results.value(r, SH.sourceShape)),
            )
        )
    return Report(source=source, conforms=bool(conforms), triples=len(data), violations=sorted(violations))


def validate_path(path: str | Path, shapes: str | Path | None = None) -> Report:
    """Validate an export file, or the export in a ``kg build --out`` directory."""
    data = load_export(path)
    return validate_graph(data, shapes_graph(shapes), source=str(path))
