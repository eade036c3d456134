"""Stage 5: exports — RDF with rdflib (:mod:`kg.export.rdf`) and files on disk (:mod:`kg.export.files`)."""

import importlib

__all__ = ["RDF_FORMATS", "entity_iri", "paper_iri", "to_dataset", "to_graph", "write_exports"]
_WHERE = {"RDF_FORMATS": "files", "write_exports": "files", "entity_iri": "rdf", "paper_iri": "rdf",
          "to_dataset": "rdf", "to_graph": "rdf"}


def __getattr__(name: str):
    """Imported on first use: kg.store reads kg.export.terms without loading NetworkX."""
    if name not in _WHERE:
        raise AttributeError(f"module 'kg.export' has no attribute {name!r}")
    return getattr(importlib.import_module(f"kg.export.{_WHERE[name]}"), name)
