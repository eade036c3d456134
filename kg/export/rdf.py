"""Stage 5a: the NetworkX graph as RDF (rdflib), one named graph per digest.

Layout of the RDF (see ``ontology/paperkg.ttl`` for the terms):

* ``<https://w3id.org/paperkg/graph/entities>`` holds every entity: its class, one
  ``rdfs:label`` (canonical name), ``skos:altLabel`` for every other surface form, and
  ``pkg:variantOf`` links to a family.
* ``<https://w3id.org/paperkg/digest/DATE>`` holds what that day's digest says: its papers
  (class, title, arXiv id, URL, digest date, keywords), their links to entities, and for each
  link the ``pkg:Mention`` (an ``oa:Annotation``) of the sentence that supports it: one per
  paper and sentence, its ``oa:TextQuoteSelector`` quoting the sentence, its bodies the
  entities the sentence is evidence for.  Replacing a day is replacing one named graph.

``to_dataset`` gives the quads; ``to_graph`` the union as one graph (what ``graph.ttl`` holds).
"""

from __future__ import annotations

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.export.terms import ENTITIES_GRAPH, UNDATED, add_mention, entity_iri, keyword_iri, paper_iri
from kg.export.results_rdf import results_to_rdf
from kg.vocab import DIGEST, PKG, SCHEMA, bind_prefixes

__all__ = ["to_dataset", "to_graph", "entity_iri", "paper_iri", "ENTITIES_GRAPH"]

_RELATIONS = {
    "evaluatesOn": PKG.evaluatesOn,
    "usesModel": PKG.usesModel,
    "usesMethod": PKG.usesMethod,
    "reportsMetric": PKG.reportsMetric,
    "proposes": PKG.proposes,
}
_CLASSES = {
    "Benchmark": PKG.Benchmark,
    "Model": PKG.Model,
    "Method": PKG.Method,
    "Metric": PKG.Metric,
    "Framework": PKG.Framework,
}




def _node_key(node: str) -> str:
    return node.split(":", 1)[1]


def to_dataset(g: nx.MultiDiGraph) -> Dataset:
    """Quads: entities in their own graph, each digest's statements in the digest's graph."""
    ds = bind_prefixes(Dataset())
    ents = ds.graph(ENTITIES_GRAPH)
    for node, data in sorted(g.nodes(data=True)):
        cls = _CLASSES.get(data["type"])
        if cls is None:
            continue
        iri = entity_iri(_node_key(node))
        ents.add((iri, RDF.type, cls))
        ents.add((iri, RDFS.label, Literal(_label(data, node))))
        for alias in data.get("aliases", ()):
            if alias != data["label"]:
                ents.add((iri, SKOS.altLabel, Literal(alias)))
    for u, v, rel in g.edges(keys=True):
        if rel == "variantOf":
            ents.add((entity_iri(_node_key(u)), PKG.variantOf, entity_iri(_node_key(v))))

    for node, data in sorted(g.nodes(data=True)):
        if data["type"] != "Paper":
            continue
        paper = paper_iri(data["arxiv_id"])
        for date in data["dates"] or [UNDATED]:
            day = ds.graph(DIGEST[date])
            day.add((paper, RDF.type, PKG.Paper))
            day.add((paper, DCTERMS.title, Literal(data["title"])))
            day.add((paper, PKG.arxivId, Literal(data["arxiv_id"])))
            day.add((paper, SCHEMA.url, Literal(data["url"], datatype=XSD.anyURI)))
            if date != UNDATED:
                day.add((paper, PKG.digestDate, Literal(date, datatype=XSD.date)))
                day.add((paper, PKG.appearsIn, DIGEST[date]))
                day.add((DIGEST[date], RDF.type, PKG.Digest))
                day.add((DIGEST[date], PKG.digestDate, Literal(date, datatype=XSD.date)))
            if data.get("summary"):
                day.add((paper, PKG.summary, Literal(data["summary"])))
        for _, target, rel, edata in sorted(g.out_edges(node, keys=True, data=True), key=lambda e: (e[2], e[1])):
            if rel == "hasKeyword":
                kw = keyword_iri(g.nodes[target]["label"])
                for date in data["dates"] or [UNDATED]:
                    day = ds.graph(DIGEST[date])
                    day.add((paper, PKG.hasKeyword, kw))
                    day.add((kw, RDF.type, PKG.Keyword))
                    day.add((kw, RDFS.label, Literal(g.nodes[target]["label"])))
                continue
            prop = _RELATIONS.get(rel)
            if prop is None:
                continue
            entity = entity_iri(_node_key(target))
            for ev in edata.get("evidence", []):
                date = ev.get("date") or UNDATED
                day = ds.graph(DIGEST[date])
                day.add((paper, prop, entity))
                day.add((paper, PKG.mentions, entity))
                add_mention(day, paper, entity, ev["sentence"])
    results_to_rdf(g, ds)  # Result nodes (kg.results), in the digest graph of their paper
    return ds


def _label(data: dict, node: str) -> str:
    """The entity's label; never blank (the shapes require one non-empty rdfs:label)."""
    if data.get("label", "").strip():
        return data["label"]
    for alias in data.get("aliases", ()):
        if alias.strip():
            return alias
    return _node_key(node).strip() or "(unnamed)"


def to_graph(g: nx.MultiDiGraph) -> Graph:
    """The union of all named graphs as one rdflib Graph (for Turtle, N-Triples, JSON-LD)."""
    out = bind_prefixes(Graph())
    for s, p, o, _ in to_dataset(g).quads((None, None, None, None)):
        out.add((s, p, o))
    return out
