"""Evidence as Web Annotations: one pkg:Mention per paper and sentence, whose bodies are the
entities the sentence names and whose target is the paper's quote of it (kg.export.terms)."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox

from kg.export.rdf import to_dataset

PREFIXES = "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX pkg: <https://w3id.org/paperkg/ontology#> "


def _store(seed_graph) -> ox.Store:
    store = ox.Store()
    store.load(to_dataset(seed_graph).serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return store


def test_one_mention_per_paper_and_sentence_with_a_body_per_entity(seed_graph):
    store = _store(seed_graph)
    rows = list(store.query(PREFIXES + """
        SELECT ?g ?m ?t ?paper ?exact WHERE { GRAPH ?g {
            ?m a pkg:Mention ; oa:hasTarget ?t .
            ?t a oa:SpecificResource ; oa:hasSource ?paper ; oa:hasSelector ?s .
            ?s a oa:TextQuoteSelector ; oa:exact ?exact } }"""))
    mentions = {(r["g"], r["m"]) for r in rows}
    assert len(rows) == len(mentions) > 100  # every mention has exactly one complete quote
    # a mention's IRI names one paper and one sentence, and so does its quote's
    of_iri: dict = {}
    for r in rows:
        of_iri.setdefault(r["m"], set()).add((r["paper"], r["exact"], r["t"]))
    assert all(len(v) == 1 for v in of_iri.values())
    bodies = Counter(r["m"] for r in store.query(PREFIXES + "SELECT ?m ?e WHERE { GRAPH ?g { ?m oa:hasBody ?e } }"))
    assert set(bodies) == set(of_iri)
    assert max(bodies.values()) >= 3  # a sentence naming several entities is one mention


def test_every_link_has_its_sentence_among_the_mentions_of_its_entity(seed_graph):
    """The link 'paper P evaluatesOn B' (and every other paper-entity link) is supported by a
    mention of P with body B: the sentence the link came from."""
    store = _store(seed_graph)
    missing = list(store.query(PREFIXES + """
        SELECT ?paper ?p ?e WHERE { GRAPH ?g {
            VALUES ?p { pkg:evaluatesOn pkg:usesModel pkg:usesMethod pkg:reportsMetric pkg:proposes }
            ?paper ?p ?e .
            FILTER NOT EXISTS { ?m oa:hasBody ?e ; oa:hasTarget/oa:hasSource ?paper } } }"""))
    linked = list(store.query(PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?paper pkg:evaluatesOn ?e } }"))
    assert int(linked[0]["n"].value) > 20
    assert missing == []
