"""Stage 5: exports — RDF with rdflib (:mod:`kg.export.rdf`) and files on disk (:mod:`kg.export.files`)."""

from kg.export.files import RDF_FORMATS, write_exports
from kg.export.rdf import entity_iri, paper_iri, to_dataset, to_graph

__all__ = ["RDF_FORMATS", "entity_iri", "paper_iri", "to_dataset", "to_graph", "write_exports"]
