"""Terms shared by the RDF writers: entity IRIs, and evidence as a ``pkg:Mention``
(an ``oa:Annotation``) quoting the sentence that supports a statement."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.vocab import ARXIV, ENTITY, MENTION, OA, PKG, QUOTE

__all__ = ["ENTITIES_GRAPH", "ENTITY_TYPES", "UNDATED", "add_mention", "entity_iri", "iri_hash", "keyword_iri",
           "mention_iri", "paper_iri", "quote_iri"]

UNDATED = "undated"
ENTITIES_GRAPH = URIRef("https://w3id.org/paperkg/graph/entities")
#: entity type (as resolution decides it) -> ontology class name
ENTITY_TYPES = {"benchmark": "Benchmark", "model": "Model", "method": "Method", "metric": "Metric", "framework": "Framework"}


def paper_iri(arxiv_id: str) -> URIRef:
    return ARXIV[arxiv_id]


def keyword_iri(label: str) -> URIRef:
    return URIRef(f"https://w3id.org/paperkg/keyword/{quote(label.casefold(), safe='')}")


def iri_hash(*parts: str) -> str:
    """The hash that names a mention or a quote after what it is made of (both RDF writers use it)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity from its normalised key; any name gives a valid IRI.

    >>> str(entity_iri("aime24")), str(entity_iri('a b<>"#%'))
    ('https://w3id.org/paperkg/entity/aime24', 'https://w3id.org/paperkg/entity/a%20b%3C%3E%22%23%25')
    """
    if key in _DOT_SEGMENTS:
        return ENTITY[_DOT_SEGMENTS[key]]
    return ENTITY[quote(key, safe="")]


# "", "." and ".." would give the namespace itself or a dot segment that IRI resolution
# removes; ``quote`` only writes upper-case escapes, so these lower-case ones cannot collide.
_DOT_SEGMENTS = {"": "%5f", ".": "%2e", "..": "%2e%2e"}


def quote_iri(paper: str, sentence: str) -> str:
    """The IRI of the ``oa:SpecificResource`` that quotes ``sentence`` in ``paper`` (its
    TextQuoteSelector is ``IRI#selector``): one per paper and sentence."""
    return str(QUOTE) + iri_hash(paper, sentence)


def mention_iri(paper: str, sentence: str) -> str:
    """The IRI of the ``pkg:Mention`` of ``sentence`` in ``paper``: one per paper and sentence,
    whose bodies are every entity that sentence is the evidence for (a sentence naming four
    entities is one annotation with four bodies, not four annotations)."""
    return str(MENTION) + iri_hash(paper, sentence)


def add_mention(day: Graph, paper: URIRef, entity: URIRef, sentence: str) -> URIRef | None:
    """Add ``entity`` as a body of the Mention of ``sentence`` in ``paper`` (:func:`mention_iri`,
    targeting the paper's quote of the sentence: :func:`quote_iri`, an oa:SpecificResource with
    a TextQuoteSelector), and return the Mention.  None (and nothing added) when there is no
    quotable sentence: the statement then stands without evidence."""
    if not (sentence or "").strip():
        return None
    mention = URIRef(mention_iri(str(paper), sentence))
    target = URIRef(quote_iri(str(paper), sentence))
    selector = URIRef(f"{target}#selector")
    day.add((mention, RDF.type, PKG.Mention))
    day.add((mention, OA.hasBody, entity))
    day.add((mention, OA.hasTarget, target))
    day.add((target, RDF.type, OA.SpecificResource))
    day.add((target, OA.hasSource, paper))
    day.add((target, OA.hasSelector, selector))
    day.add((selector, RDF.type, OA.TextQuoteSelector))
    day.add((selector, OA.exact, Literal(sentence)))
    return mention
