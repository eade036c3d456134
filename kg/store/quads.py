"""The RDF of :mod:`kg.export.rdf` (and :func:`kg.results.results_to_rdf`) as N-Quads text,
written straight from papers, a Resolution and result facts -- no NetworkX, no rdflib.

The statements are exactly those of ``to_dataset(build_graph(papers, resolution))`` plus
``results_to_rdf`` for the results (``tests/store`` checks it quad for quad); only the way of
producing them differs: plain strings, which Oxigraph parses in bulk far faster than rdflib
builds them.  One text per named graph, so a digest's graph can be fingerprinted and replaced
on its own.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from rdflib import Literal as RdfLiteral

from kg.export.terms import ENTITIES_GRAPH, ENTITY_TYPES, UNDATED, entity_iri, iri_hash, keyword_iri, paper_iri
from kg.results import result_node
from kg.vocab import DIGEST, MENTION, QUOTE, RESULT

__all__ = ["benchmark_rows", "entities_nquads", "entity_nquads", "digest_nquads", "papers_by_date", "UNDATED", "digest_graph"]

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SKOS_ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
DCT_TITLE = "<http://purl.org/dc/terms/title>"
SCHEMA_URL = "<https://schema.org/url>"
XSD = "http://www.w3.org/2001/XMLSchema#"
PKG = "https://w3id.org/paperkg/ontology#"
OA = "http://www.w3.org/ns/oa#"


# IRIs as plain strings: an rdflib Namespace item validates a new URIRef on every call
_DIGEST, _MENTION, _QUOTE, _RESULT = str(DIGEST), str(MENTION), str(QUOTE), str(RESULT)


@lru_cache(maxsize=1 << 16)
def _entity(key: str) -> str:
    """``<IRI>`` of an entity (memoised: papers name the same entities over and over)."""
    return f"<{entity_iri(key)}>"


@lru_cache(maxsize=1 << 16)
def _keyword(label: str) -> str:
    return f"<{keyword_iri(label)}>"


def _p(name: str) -> str:
    return f"<{PKG}{name}>"


def _oa(name: str) -> str:
    return f"<{OA}{name}>"


_RELATION = {r: _p(r) for r in ("evaluatesOn", "usesModel", "usesMethod", "reportsMetric", "proposes")}
_CLASS = {t: _p(cls) for t, cls in ENTITY_TYPES.items()}


def lit(text: str, datatype: str | None = None) -> str:
    s = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'
    return s + f"^^<{datatype}>" if datatype else s


def digest_graph(date: str) -> str:
    return _DIGEST + date


def entities_nquads(resolution) -> str:
    """The entities graph: class, label, altLabels, variantOf."""
    ents = resolution.entities
    return "".join(entity_nquads(ents[key], ents) for key in sorted(ents))


def entity_nquads(e, entities) -> str:
    """One entity's statements in the entities graph (``entities``: what ``variantOf`` may point at)."""
    g = f"<{ENTITIES_GRAPH}>"
    iri = f"<{entity_iri(e.key)}>"
    out = [f"{iri} {RDF_TYPE} {_CLASS[e.type]} {g} .\n", f"{iri} {RDFS_LABEL} {lit(e.label)} {g} .\n"]
    for alias in sorted(e.aliases):
        if alias != e.label:
            out.append(f"{iri} {SKOS_ALT} {lit(alias)} {g} .\n")
    if e.family and e.family in entities:
        out.append(f"{iri} {_p('variantOf')} <{entity_iri(e.family)}> {g} .\n")
    return "".join(out)


def papers_by_date(papers) -> dict[str, list]:
    """date -> the papers whose statements go into that date's graph."""
    by: dict[str, list] = defaultdict(list)
    for p in papers:
        for d in p.dates or [UNDATED]:
            by[d].append(p)
    return by


@lru_cache(maxsize=1 << 14)
def _decimal(text):
    if text is None:
        return None
    try:
        return str(RdfLiteral(Decimal(text)))  # the lexical form rdflib writes
    except InvalidOperation:
        return None


def digest_nquads(date: str, papers, links_of: dict, facts_of: dict, entities: dict) -> str:
    """One digest's graph: its papers, their links with mentions, and results first seen that day.

    ``links_of``: paper id -> its :class:`~kg.resolve.Link` s; ``facts_of``: paper id -> its
    :class:`~kg.results.ResultFact` s; ``entities``: the Resolution's entities.
    """
    G = day = f"<{_DIGEST}{date}>"
    dated = date != UNDATED
    out: list[str] = []
    add = out.append
    if dated and papers:
        dlit = lit(date, XSD + "date")
        add(f"{day} {RDF_TYPE} {_p('Digest')} {G} .\n")
        add(f"{day} {_p('digestDate')} {dlit} {G} .\n")
    keywords: set[str] = set()  # a keyword's own statements once per graph (Oxigraph would parse every copy)
    said: set = set()  # likewise a mention's and its quote's, and each of its bodies (_mention)
    for paper in papers:
        P = f"<{paper_iri(paper.arxiv_id)}>"
        add(f"{P} {RDF_TYPE} {_p('Paper')} {G} .\n")
        add(f"{P} {DCT_TITLE} {lit(paper.title)} {G} .\n")
        add(f"{P} {_p('arxivId')} {lit(paper.arxiv_id)} {G} .\n")
        add(f"{P} {SCHEMA_URL} {lit(paper.url, XSD + 'anyURI')} {G} .\n")
        if dated:
            add(f"{P} {_p('digestDate')} {dlit} {G} .\n")
            add(f"{P} {_p('appearsIn')} {day} {G} .\n")
        if paper.summary:
            add(f"{P} {_p('summary')} {lit(paper.summary)} {G} .\n")
        for kw in paper.keywords:
            K = _keyword(kw)
            add(f"{P} {_p('hasKeyword')} {K} {G} .\n")
            if K not in keywords:
                keywords.add(K)
                add(f"{K} {RDF_TYPE} {_p('Keyword')} {G} .\n")
                add(f"{K} {RDFS_LABEL} {lit(kw)} {G} .\n")
        for link in links_of.get(paper.arxiv_id, ()):
            if link.key not in entities:
                continue
            E = _entity(link.key)
            prop = _RELATION[link.relation]
            add(f"{P} {prop} {E} {G} .\n")
            add(f"{P} {_p('mentions')} {E} {G} .\n")
            _mention(add, said, P, E, link.sentence, G)
        first = (paper.dates or [UNDATED])[0]
        if first == date:
            for fact in facts_of.get(paper.arxiv_id, ()):
                _result(add, said, P, fact, entities, G)
    return "".join(out)


def _mention(add, said: set, P, E, sentence, G) -> str | None:
    """:func:`kg.export.terms.add_mention` as N-Quads: ``E`` a body of the Mention of
    ``sentence`` in paper ``P``, whose statements (and the quote's) ``said`` tells whether this
    graph has already; returns the Mention (``<IRI>``), or None (nothing written) without a
    sentence."""
    if not (sentence or "").strip():
        return None
    h = iri_hash(P[1:-1], sentence)  # kg.export.terms.mention_iri and quote_iri
    M = f"<{_MENTION}{h}>"
    if M not in said:
        said.add(M)
        T, S = f"<{_QUOTE}{h}>", f"<{_QUOTE}{h}#selector>"
        add(f"{M} {RDF_TYPE} {_p('Mention')} {G} .\n")
        add(f"{M} {_oa('hasTarget')} {T} {G} .\n")
        add(f"{T} {RDF_TYPE} {_oa('SpecificResource')} {G} .\n")
        add(f"{T} {_oa('hasSource')} {P} {G} .\n")
        add(f"{T} {_oa('hasSelector')} {S} {G} .\n")
        add(f"{S} {RDF_TYPE} {_oa('TextQuoteSelector')} {G} .\n")
        add(f"{S} {_oa('exact')} {lit(sentence)} {G} .\n")
    if (M, E) not in said:
        said.add((M, E))
        add(f"{M} {_oa('hasBody')} {E} {G} .\n")
    return M


def _evidence_body(f, entities) -> str | None:
    """The entity a result's evidence mention is about: its benchmark, else its evaluated entity,
    metric or first compared entity (those in the graph)."""
    for key in (f.benchmark, f.entity, f.metric, *f.compared_with):
        if key and key in entities:
            return key
    return None


def benchmark_rows(paper, links, facts, entities) -> list[tuple[str, str, str, str]]:
    """The rows of :class:`kg.query.index.BenchmarkIndex` for one paper: per benchmark it is
    evaluated on, ``(key, title, dates, evidence)`` with the smallest of the sentences whose
    Mention has the benchmark as a body, those of its links and of the results it is the
    evidence body of (what papers_by_benchmark_evidence.rq picks); "" if there is none."""
    sentences_of: dict[str, set] = defaultdict(set)  # entity key -> the sentences naming it in this paper
    for link in links:
        sentences_of[link.key].add(link.sentence or "")
    for fact in facts:
        for f in (fact, *fact.baselines):
            if _decimal(f.value) is not None:
                sentences_of[_evidence_body(f, entities)].add(f.sentence or "")
    out = []
    for link in links:
        if link.relation != "evaluatesOn" or link.key not in entities:
            continue
        sentences = [s for s in sentences_of[link.key] if s.strip()]
        out.append((link.key, paper.title, " ".join(sorted(set(paper.dates))), min(sentences, default="")))
    return out


def _result(add, said: set, P, fact, entities, G) -> None:
    """:func:`kg.results.results_to_rdf` for one main fact and its baseline facts."""

    def ent(key):
        return key if key and key in entities else None

    main_id = result_node(fact).split(":", 1)[1]
    nodes = [(fact, main_id, [result_node(b).split(":", 1)[1] for b in fact.baselines])]
    nodes += [(b, result_node(b).split(":", 1)[1], []) for b in fact.baselines]
    for f, rid, baselines in nodes:
        value = _decimal(f.value)
        if value is None:
            continue
        R = f"<{_RESULT}{rid}>"
        add(f"{P} {_p('hasResult')} {R} {G} .\n")
        add(f"{R} {RDF_TYPE} {_p('Result')} {G} .\n")
        add(f"{R} {_p('value')} {lit(value, XSD + 'decimal')} {G} .\n")
        if f.unit:
            add(f"{R} {_p('unit')} {lit(f.unit)} {G} .\n")
        if f.raw_text:
            add(f"{R} {_p('rawText')} {lit(f.raw_text)} {G} .\n")
        bv = _decimal(f.baseline_value)
        if bv is not None:
            add(f"{R} {_p('baselineValue')} {lit(bv, XSD + 'decimal')} {G} .\n")
        slots = {"benchmark": ent(f.benchmark), "metric": ent(f.metric), "entity": ent(f.entity)}
        for prop, k in (("onBenchmark", "benchmark"), ("inMetric", "metric"), ("evaluatedEntity", "entity")):
            if slots[k]:
                add(f"{R} {_p(prop)} {_entity(slots[k])} {G} .\n")
        compared = [k for k in f.compared_with if ent(k)]
        for k in compared:
            add(f"{R} {_p('comparedWith')} {_entity(k)} {G} .\n")
        for b in baselines:
            add(f"{R} {_p('baselineResult')} <{_RESULT}{b}> {G} .\n")
        body = _evidence_body(f, entities)
        if body is None:
            continue
        M = _mention(add, said, P, _entity(body), f.sentence, G)
        if M is not None:
            add(f"{R} {_p('hasEvidence')} {M} {G} .\n")
