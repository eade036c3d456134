"""Score an extraction against gold annotations (``ANNOTATION.md``, "How an extraction is scored").

The prediction is read back from the RDF export — the same thing other tools see —
with one SPARQL query per type over an Oxigraph store:

* benchmarks / models / methods / metrics: entities the paper links with ``evaluatesOn`` /
  ``usesModel`` / ``usesMethod`` / ``reportsMetric``;
* proposed: entities it links with ``proposes``.

An extracted entity matches a gold entity when any of its names (``rdfs:label`` or
``skos:altLabel``) normalises to any of the gold surface forms; each gold entity matches
at most once per paper.  Precision, recall and F1 are micro-averaged over papers, per
type and over the four entity types together ("any"), and for the pairs of papers that
share a benchmark.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox

from kg.resolve.normalize import normalize

__all__ = ["Score", "evaluate", "predictions_from_store", "load_gold"]

TYPES = ("benchmarks", "models", "methods", "metrics", "proposed")
PROPERTY = {
    "benchmarks": "evaluatesOn",
    "models": "usesModel",
    "methods": "usesMethod",
    "metrics": "reportsMetric",
    "proposed": "proposes",
}
_QUERY = """
PREFIX pkg: <https://w3id.org/paperkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?prop ?id ?e ?name ?rank WHERE {
  ?paper ?prop ?e ; pkg:arxivId ?id .
  { ?e rdfs:label ?name BIND(0 AS ?rank) } UNION { ?e skos:altLabel ?name BIND(1 AS ?rank) }
}
ORDER BY ?rank ?name
"""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(paths) -> list[dict]:
    """The papers of one or more gold files (``{"digest": ..., "papers": [...]}``)."""
    papers = []
    for path in paths:
        papers.extend(json.loads(Path(path).read_text(encoding="utf-8"))["papers"])
    return papers


def predictions_from_store(store: ox.Store) -> dict[str, dict[str, list[list[str]]]]:
    """``{arxiv_id: {type: [[label, alias, ...], ...]}}`` read from the RDF."""
    out: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(dict))
    for kind, prop in PROPERTY.items():
        subs = {ox.Variable("prop"): ox.NamedNode(f"https://w3id.org/paperkg/ontology#{prop}")}
        for sol in store.query(_QUERY, substitutions=subs, use_default_graph_as_union=True):
            out[sol["id"].value][kind].setdefault(sol["e"].value, []).append(sol["name"].value)
    return {pid: {k: sorted(v.values()) for k, v in kinds.items()} for pid, kinds in out.items()}


def _match(gold: list[list[str]], pred: list[list[str]]):
    """(true positives, missed gold entities, unmatched predicted entities)."""
    gold_norm = [{normalize(f) for f in forms} for forms in gold]
    used = [False] * len(gold)
    unmatched = []
    for names in pred:
        norm = {normalize(n) for n in names}
        hit = next((i for i, g in enumerate(gold_norm) if not used[i] and g & norm), None)
        if hit is None:
            unmatched.append(names)
        else:
            used[hit] = True
    missed = [gold[i] for i, u in enumerate(used) if not u]
    return sum(used), missed, unmatched


def evaluate(gold_papers: list[dict], predicted: dict) -> dict[str, Score]:
    """Scores per type, ``any`` (the four entity types together) and ``shared_pairs``."""
    scores = {t: Score() for t in (*TYPES, "any", "shared_pairs")}
    for paper in gold_papers:
        pid = paper["arxiv"]
        pred = predicted.get(pid, {})
        for kind in TYPES:
            tp, missed, extra = _match(paper.get(kind, []), pred.get(kind, []))
            s = scores[kind]
            s.tp += tp
            s.fn += len(missed)
            s.fp += len(extra)
            s.misses += [(pid, m[0]) for m in missed]
            s.false_positives += [(pid, e[0]) for e in extra]
        gold_any = _dedupe([f for k in TYPES[:4] for f in paper.get(k, [])])
        pred_any = _dedupe([f for k in TYPES[:4] for f in pred.get(k, [])])
        tp, missed, extra = _match(gold_any, pred_any)
        scores["any"].tp += tp
        scores["any"].fn += len(missed)
        scores["any"].fp += len(extra)
    gold_pairs = _pairs({p["arxiv"]: p.get("benchmarks", []) for p in gold_papers})
    ids = {p["arxiv"] for p in gold_papers}
    pred_pairs = _pairs({pid: predicted.get(pid, {}).get("benchmarks", []) for pid in ids})
    s = scores["shared_pairs"]
    s.tp = len(gold_pairs & pred_pairs)
    s.fp = len(pred_pairs - gold_pairs)
    s.fn = len(gold_pairs - pred_pairs)
    s.misses = sorted(gold_pairs - pred_pairs)
    s.false_positives = sorted(pred_pairs - gold_pairs)
    return scores


def _dedupe(entities: list[list[str]]) -> list[list[str]]:
    """An entity listed under two types counts once in 'any'."""
    out, seen = [], []
    for forms in entities:
        norm = {normalize(f) for f in forms}
        if any(norm & s for s in seen):
            continue
        seen.append(norm)
        out.append(forms)
    return out


def _pairs(benchmarks_of: dict[str, list[list[str]]]) -> set[tuple[str, str]]:
    """Unordered pairs of papers whose benchmark lists share an entity (by any name)."""
    norm = {pid: [{normalize(f) for f in forms} for forms in ents] for pid, ents in benchmarks_of.items()}
    pairs = set()
    for a, b in combinations(sorted(norm), 2):
        if any(x & y for x in norm[a] for y in norm[b]):
            pairs.add((a, b))
    return pairs
