"""Result nodes of the graph (:mod:`kg.results`) as RDF: ``pkg:Result`` n-ary facts.

Each Result sits in the named graph of its paper's first digest date, with its value as an
``xsd:decimal`` (the number as written), unit and raw text, links to its Benchmark, Metric,
evaluated Model/Method and compared entities, a ``pkg:baselineResult`` per compared value,
and the ``pkg:Mention`` of its sentence as ``pkg:hasEvidence``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import networkx as nx
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF

from kg.export.terms import UNDATED as _UNDATED
from kg.export.terms import add_mention, entity_iri
from kg.vocab import DIGEST, PKG, RESULT

__all__ = ["results_to_rdf"]


def _decimal(text: str | None) -> Literal | None:
    if text is None:
        return None
    try:
        return Literal(Decimal(text))  # xsd:decimal, as written
    except InvalidOperation:
        return None


def _iri(node: str) -> URIRef:
    return entity_iri(node.split(":", 1)[1])


def results_to_rdf(g: nx.MultiDiGraph, dataset: Dataset) -> Dataset:
    """Add every ``Result`` node of ``g`` to ``dataset`` in the named graph of its paper's first digest."""
    from kg.export.rdf import paper_iri

    for node, data in sorted(g.nodes(data=True)):
        if data.get("type") != "Result":
            continue
        pdata = g.nodes[data["paper"]]
        dates = pdata.get("dates") or [_UNDATED]
        date = dates[0]
        day = dataset.graph(DIGEST[date])
        paper = paper_iri(pdata["arxiv_id"])
        res = RESULT[node.split(":", 1)[1]]
        value = _decimal(data["value"])
        if value is None:
            continue
        day.add((paper, PKG.hasResult, res))
        day.add((res, RDF.type, PKG.Result))
        day.add((res, PKG.value, value))
        if data.get("unit"):
            day.add((res, PKG.unit, Literal(data["unit"])))
        if data.get("raw_text"):
            day.add((res, PKG.rawText, Literal(data["raw_text"])))
        if data.get("baseline_value") is not None and _decimal(data["baseline_value"]) is not None:
            day.add((res, PKG.baselineValue, _decimal(data["baseline_value"])))
        for prop, key in ((PKG.onBenchmark, "benchmark"), (PKG.inMetric, "metric"), (PKG.evaluatedEntity, "entity")):
            if data.get(key):
                day.add((res, prop, _iri(data[key])))
        for target in data.get("compared") or []:
            day.add((res, PKG.comparedWith, _iri(target)))
        for b in data.get("baseline_results") or []:
            day.add((res, PKG.baselineResult, RESULT[b.split(":", 1)[1]]))
        # evidence: the Mention of the sentence (with one of the result's entities as a body)
        body = next((data[k] for k in ("benchmark", "entity", "metric") if data.get(k)), None) or (data.get("compared_with"))
        if body is None:
            continue
        mention = add_mention(day, paper, _iri(body), data.get("evidence") or "")
        if mention is not None:
            day.add((res, PKG.hasEvidence, mention))
    return dataset
