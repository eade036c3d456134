"""Result facts: who scored what, on which benchmark, in which metric.

Three pure steps after extraction (``doc._.results``, see :mod:`kg.extract.results`):

* :func:`resolve_results` maps every slot of a candidate to an entity key of the
  :class:`~kg.resolve.Resolution` and keeps it only when the entity has the slot's type
  (benchmark -> Benchmark, metric -> Metric, evaluated/compared -> Model, Method or
  Framework); otherwise the slot stays empty -- an empty slot is better than a wrong one.
* :func:`add_results_to_graph` adds ``Result`` nodes and their edges to the NetworkX graph.
* :func:`results_to_rdf` writes them as ``pkg:Result`` nodes (n-ary ML-Schema model
  evaluations) into the digest's named graph.

A compared entity given with its own value (``优于基线模型GPT-4o的74.4``) becomes a second
result node (role ``baseline``) linked by ``pkg:baselineResult``; with a single such
baseline, its value is also the main node's ``pkg:baselineValue``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.resolve.normalize import normalize

if TYPE_CHECKING:  # NetworkX only in annotations: the store's build never loads it
    import networkx as nx

__all__ = ["ResultFact", "resolve_results", "add_results_to_graph", "result_node", "SLOT_TYPES"]

SLOT_TYPES = {
    "benchmark": {"benchmark"},
    "metric": {"metric"},
    "entity": {"model", "method", "framework"},
    "compared": {"model", "method", "framework"},
}


@dataclass
class ResultFact:
    paper_id: str
    value: str  # the number as written: "48.23"
    unit: str | None = None
    metric: str | None = None  # entity keys (normalised names) or None
    benchmark: str | None = None
    entity: str | None = None
    baseline_value: str | None = None
    compared_with: list[str] = field(default_factory=list)
    raw_text: str = ""
    sentence: str = ""
    role: str = "reported"  # reported | baseline
    offset: int = 0  # character offset of the value in the paper's text
    baselines: list["ResultFact"] = field(default_factory=list)
    compared_text: str | None = None  # surface of the compared name (baseline results)


def _alias_index(resolution, lexicon=()) -> dict[str, str]:
    index: dict[str, str] = {}
    for key in resolution.entities:
        index[key] = key
    for key, e in sorted(resolution.entities.items()):
        index.setdefault(normalize(e.label), key)
        for a in sorted(e.aliases):
            index.setdefault(normalize(a), key)
    for entry in lexicon:
        k = normalize(entry.label)
        if k in resolution.entities:
            for a in entry.aliases:
                index.setdefault(normalize(a), k)
    return index


def _widest(variants, group_span):
    """The variants lying inside one listed name, as candidates (longest first)."""
    a, b = group_span
    inside = sorted({v for v in variants if a <= v[0] and v[1] <= b}, key=lambda v: v[0] - v[1])
    return inside or [group_span]


def _last_list(text: str, named: list) -> list[str]:
    """Of ``named`` ((offsets, key or None) in text order), the distinct keys of the last list
    of named ones: the last one, and those before it while each gap is short, holds a list word
    and no clause break (``A、B和C``, ``A / B / C``, ``Google的A和xAI的B``; not ``使用A作为骨干时，B``).  What
    分别 distributes over, slot by slot: in '如SD3和UltraEdit…，例如SD3模型的X和Y分别达到…' the models'
    last list is SD3 alone."""
    named = [(o, k) for o, k in named if k]
    run = named[-1:]
    for o, k in reversed(named[:-1]):
        if not _LIST_GAP.fullmatch(text, o[1], run[0][0][0]):
            break
        run.insert(0, (o, k))
    return list(dict.fromkeys(k for _, k in run))


_LIST_GAP = re.compile(r"[^，。；;：:]{0,6}?(?:、|和|与|及|以及|或|,|/|and|or)[^，。；;：:,]{0,10}")


_RES_FIRST = re.compile(r"^(\d+\s?[×x]\s?\d+)\s+(.+)$")


def resolve_results(docs, resolution, lexicon=(), index=None) -> list[ResultFact]:
    """Result facts of every doc with slots mapped to typed entity keys (see module docstring).

    ``index`` (name -> entity key) defaults to the one built from ``resolution`` and ``lexicon``;
    the store passes its own, which looks names up on demand."""
    if index is None:
        index = _alias_index(resolution, lexicon)
    facts: list[ResultFact] = []
    for doc in docs:
        cands = doc._.results if doc.has_extension("results") else None
        if not cands:
            continue
        text = doc.text
        lex = {}
        if "lexicon" in doc.spans:
            lex = {(s.start_char, s.end_char): normalize(s.kb_id_) for s in doc.spans["lexicon"] if s.kb_id_}

        def key_of(off) -> str | None:
            if off is None:
                return None
            if off in lex and lex[off] in resolution.entities:
                return lex[off]
            surface = text[off[0]:off[1]]
            forms = [surface]
            m = _RES_FIRST.match(surface)
            if m:  # "256×256 ImageNet" is "ImageNet 256×256"
                forms.append(f"{m.group(2)} {m.group(1)}")
            for f in forms:
                k = index.get(normalize(f))
                if k:
                    return k
            return None

        def typed(off, slot) -> str | None:
            k = key_of(off)
            if k and resolution.entities[k].type in SLOT_TYPES[slot]:
                return k
            return None

        def pick(offs, slot, exclude=(), lists=()) -> str | None:
            for off in offs:
                k = typed(off, slot)
                if k and k not in exclude:
                    for group in lists:  # one of several listed names of the slot's type: ambiguous
                        if any(a <= off[0] and off[1] <= b for a, b in group):
                            keys = {next((t for t in (typed(v, slot) for v in _widest(doc_variants, g)) if t), None) for g in group} - {None}
                            if len(keys) >= 2:
                                return None
                    return k
            return None

        seen = set()
        for c in cands:
            resp = {}
            if c.respectively:
                i, n = c.respectively
                for slot in ("benchmark", "metric", "entity"):
                    keys = _last_list(text, [(o, typed(o, slot)) for o in c.respectively_candidates])
                    if len(keys) == n:
                        resp[slot] = keys[i]
                    elif len(keys) == 1:
                        resp[slot] = keys[0]
                    elif len(keys) > 1:
                        resp[slot] = None  # ambiguous: leave empty
            listed = set(c.respectively_candidates)
            doc_variants = c.metric_candidates + c.benchmark_candidates + c.entity_candidates
            lists = c.lists if not c.respectively else ()
            metric = resp["metric"] if "metric" in resp else pick([o for o in c.metric_candidates if o not in listed], "metric", lists=lists)
            benchmark = resp["benchmark"] if "benchmark" in resp else pick([o for o in c.benchmark_candidates if o not in listed], "benchmark", lists=lists)
            compared = []
            for comp in c.compared:
                k = pick(comp.candidates, "compared")
                compared.append((comp, k))
            cmp_keys = {k for _, k in compared if k}
            entity = resp["entity"] if "entity" in resp else pick(c.entity_candidates, "entity", exclude=cmp_keys, lists=lists)
            if c.requires_metric and metric is None:
                continue
            if metric is None and benchmark is None and entity is None:
                continue
            fact = ResultFact(
                paper_id=doc._.paper_id,
                value=c.value,
                unit=c.unit,
                metric=metric,
                benchmark=benchmark,
                entity=entity,
                baseline_value=c.baseline_value,
                compared_with=[k for _, k in compared if k and k != entity],
                raw_text=c.raw_text,
                sentence=c.sentence,
                offset=c.value_span[0],
            )
            valued = [(comp, k) for comp, k in compared if comp.value is not None]
            for comp, k in valued:
                if comp.unit and c.unit and comp.unit != c.unit:
                    continue
                if metric is None and benchmark is None and (k is None or k == entity):
                    continue  # nothing to hang a baseline result on; its value stays on the main result
                fact.baselines.append(
                    ResultFact(
                        paper_id=fact.paper_id, value=comp.value, unit=comp.unit or c.unit, metric=metric, benchmark=benchmark,
                        entity=k if k != entity else None, raw_text=c.raw_text, sentence=c.sentence, role="baseline",
                        offset=comp.value_span[0], compared_text=text[comp.span[0]:comp.span[1]] if comp.span else None,
                    )
                )
            if fact.baseline_value is None and len(valued) == 1:
                fact.baseline_value = valued[0][0].value
            sig = (fact.value, fact.unit, fact.metric, fact.benchmark, fact.entity)
            if sig in seen:
                continue
            seen.add(sig)
            facts.append(fact)
    return facts


# --------------------------------------------------------------------------------------
#  NetworkX
# --------------------------------------------------------------------------------------


def _hash(*parts) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def result_node(fact: ResultFact) -> str:
    return f"result:{_hash(fact.paper_id, fact.offset, fact.value, fact.role)}"


def add_results_to_graph(g: nx.MultiDiGraph, facts: list[ResultFact]) -> nx.MultiDiGraph:
    """Add ``Result`` nodes: paper -hasResult-> result -onBenchmark/inMetric/evaluatedEntity/comparedWith-> entities.

    Node attributes: ``value`` (the decimal as written), ``unit``, ``raw_text``, ``metric``,
    ``benchmark``, ``entity`` (entity node ids or None), ``baseline_value``, ``compared_with``
    (the first compared entity node or None; all of them in ``compared``), ``paper``,
    ``evidence`` (the sentence), ``role`` (reported | baseline), ``baseline_results``.
    Slots naming an entity absent from the graph are left empty.
    """
    for fact in facts:
        paper = f"paper:{fact.paper_id}"
        if paper not in g:
            continue
        main = _add_fact(g, fact, paper)
        for b in fact.baselines:
            bn = _add_fact(g, b, paper)
            g.nodes[main]["baseline_results"].append(bn)
            g.add_edge(main, bn, key="baselineResult")
    return g


def _ent(g, key) -> str | None:
    if not key:
        return None
    node = f"entity:{key}"
    return node if node in g else None


def _add_fact(g: nx.MultiDiGraph, fact: ResultFact, paper: str) -> str:
    node = result_node(fact)
    compared = [n for n in (_ent(g, k) for k in fact.compared_with) if n]
    attrs = dict(
        type="Result",
        label=f"{fact.value}{' ' + fact.unit if fact.unit else ''}",
        value=fact.value,
        unit=fact.unit,
        raw_text=fact.raw_text,
        metric=_ent(g, fact.metric),
        benchmark=_ent(g, fact.benchmark),
        entity=_ent(g, fact.entity),
        baseline_value=fact.baseline_value,
        compared_with=compared[0] if compared else None,
        compared=compared,
        paper=paper,
        evidence=fact.sentence,
        role=fact.role,
        baseline_results=[],
        compared_text=fact.compared_text,
    )
    g.add_node(node, **attrs)
    g.add_edge(paper, node, key="hasResult")
    for rel, target in (("onBenchmark", attrs["benchmark"]), ("inMetric", attrs["metric"]), ("evaluatedEntity", attrs["entity"])):
        if target:
            g.add_edge(node, target, key=rel)
    for target in compared:
        g.add_edge(node, target, key="comparedWith")
    return node


# --------------------------------------------------------------------------------------
#  RDF
# --------------------------------------------------------------------------------------
