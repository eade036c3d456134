"""Evidence as Web Annotations: each pkg:Mention targets the paper's quote of a sentence, and a
sentence that names several entities is quoted once (kg.export.terms.quote_iri)."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox

from kg.export.rdf import to_dataset

PREFIXES = "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX pkg: <https://w3id.org/paperkg/ontology#> "


def _store(seed_graph) -> ox.Store:
    store = ox.Store()
    store.load(to_dataset(seed_graph).serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return store


def test_mentions_quoting_one_sentence_share_its_quote(seed_graph):
    store = _store(seed_graph)
    rows = list(store.query(PREFIXES + """
        SELECT ?g ?m ?t ?paper ?exact WHERE { GRAPH ?g {
            ?m a pkg:Mention ; oa:hasTarget ?t .
            ?t a oa:SpecificResource ; oa:hasSource ?paper ; oa:hasSelector ?s .
            ?s a oa:TextQuoteSelector ; oa:exact ?exact } }"""))
    mentions = {(r["g"], r["m"]) for r in rows}
    assert len(rows) == len(mentions) > 100  # every mention has exactly one complete quote
    uses = Counter((r["g"], r["t"]) for r in rows)
    assert max(uses.values()) >= 3  # a sentence naming several entities is quoted once
    # in a graph, one quote per paper and sentence; a quote's IRI names one paper and one sentence
    quotes = {(r["g"], r["t"]): (r["paper"], r["exact"]) for r in rows}
    assert len({(g, v) for (g, _), v in quotes.items()}) == len(quotes)
    of_iri: dict = {}
    for (_, t), v in quotes.items():
        of_iri.setdefault(t, set()).add(v)
    assert all(len(v) == 1 for v in of_iri.values())
