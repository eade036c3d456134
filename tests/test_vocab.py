"""Keep kg/vocab.py, ontology/paperkg.ttl and ontology/shapes.ttl in step."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
import rdflib.namespace as rns
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, get_annotations

import kg.vocab as vocab
from kg.vocab import (
    ARXIV,
    DIGEST,
    ENTITY,
    FABIO,
    MENTION,
    MLS,
    OA,
    ONTOLOGY_IRI,
    PKG,
    PREFIXES,
    RESULT,
    SPARQL_PREFIXES,
    bind_prefixes,
)

# rdflib's SDO and XSD are warn-on-unknown DefinedNamespaces; pytest probes module
# globals with getattr() during collection, which would emit UserWarnings, so they
# are reached through their modules rather than imported as globals here.

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "paperkg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"

DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


# --------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def pkg_terms() -> set[str]:
    return {name for name in get_annotations(PKG) if not name.startswith("_")}


def declared_pkg_terms(onto: Graph) -> dict[URIRef, set[URIRef]]:
    ns = str(PKG)
    out: dict[URIRef, set[URIRef]] = {}
    for kind in DECLARATION_TYPES:
        for s in onto.subjects(RDF.type, kind):
            if isinstance(s, URIRef) and str(s).startswith(ns):
                out.setdefault(s, set()).add(kind)
    return out


# --------------------------------------------------------------------------
# vocab.py  <->  paperkg.ttl
# --------------------------------------------------------------------------

EXPECTED_CLASSES = {
    "Paper", "Digest", "Entity", "Benchmark", "Model", "Method", "Metric",
    "Framework", "Keyword", "Mention", "Result",
}
EXPECTED_OBJECT_PROPERTIES = {
    "mentions", "evaluatesOn", "usesModel", "usesMethod", "reportsMetric",
    "proposes", "hasKeyword", "appearsIn", "variantOf",
    "hasResult", "onBenchmark", "inMetric", "evaluatedEntity", "comparedWith",
    "baselineResult", "hasEvidence",
}
EXPECTED_DATATYPE_PROPERTIES = {
    "arxivId", "digestDate", "summary", "value", "unit", "baselineValue",
    "rawText", "sourceFile",
}


def test_pkg_term_list_is_the_agreed_one():
    assert pkg_terms() == (
        EXPECTED_CLASSES | EXPECTED_OBJECT_PROPERTIES | EXPECTED_DATATYPE_PROPERTIES
    )


def test_every_pkg_term_is_declared_in_the_ontology(onto):
    declared = declared_pkg_terms(onto)
    missing = sorted(t for t in pkg_terms() if PKG[t] not in declared)
    assert not missing, f"in kg/vocab.py but not declared in paperkg.ttl: {missing}"


def test_every_declared_term_is_in_pkg(onto):
    extra = sorted(str(t) for t in declared_pkg_terms(onto) if t not in PKG)
    assert not extra, f"declared in paperkg.ttl but missing from PKG: {extra}"


def test_no_undeclared_pkg_iris_used_in_ontology(onto):
    """Any pkg: IRI appearing anywhere in the ttl must be a PKG term."""
    ns = str(PKG)
    used = {
        t
        for triple in onto
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(ns)
    }
    assert {str(t) for t in used if t not in PKG} == set()


@pytest.mark.parametrize(
    "names,kind",
    [
        (EXPECTED_CLASSES, OWL.Class),
        (EXPECTED_OBJECT_PROPERTIES, OWL.ObjectProperty),
        (EXPECTED_DATATYPE_PROPERTIES, OWL.DatatypeProperty),
    ],
)
def test_terms_have_the_right_kind(onto, names, kind):
    declared = declared_pkg_terms(onto)
    for name in names:
        assert declared.get(PKG[name]) == {kind}, name


def test_every_term_has_label_and_comment(onto):
    for name in pkg_terms():
        term = PKG[name]
        labels = list(onto.objects(term, RDFS.label))
        assert len(labels) == 1, name
        comments = list(onto.objects(term, RDFS.comment)) + list(
            onto.objects(term, SKOS.definition)
        )
        assert comments, name


def test_object_and_datatype_properties_have_domain_and_range(onto):
    for name in EXPECTED_OBJECT_PROPERTIES | EXPECTED_DATATYPE_PROPERTIES:
        assert onto.value(PKG[name], RDFS.domain) is not None, name
        assert onto.value(PKG[name], RDFS.range) is not None, name


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto


def test_key_alignments(onto):
    sub = lambda a, b: (a, RDFS.subClassOf, b) in onto  # noqa: E731
    subp = lambda a, b: (a, RDFS.subPropertyOf, b) in onto  # noqa: E731
    assert sub(PKG.Paper, vocab.SCHEMA.ScholarlyArticle)
    assert sub(PKG.Paper, FABIO.Preprint)
    assert sub(PKG.Benchmark, MLS.Dataset) and sub(PKG.Benchmark, PKG.Entity)
    assert sub(PKG.Model, MLS.Model) and sub(PKG.Model, PKG.Entity)
    assert sub(PKG.Method, MLS.Algorithm) and sub(PKG.Method, PKG.Entity)
    assert sub(PKG.Metric, MLS.EvaluationMeasure) and sub(PKG.Metric, PKG.Entity)
    assert sub(PKG.Framework, PKG.Entity) and not sub(PKG.Framework, PKG.Method)
    assert sub(PKG.Keyword, SKOS.Concept)
    assert sub(PKG.Mention, OA.Annotation)
    assert sub(PKG.Result, MLS.ModelEvaluation)
    assert subp(PKG.arxivId, FABIO.hasArXivId)
    for p in ("evaluatesOn", "usesModel", "usesMethod", "reportsMetric", "proposes"):
        assert subp(PKG[p], PKG.mentions), p


# --------------------------------------------------------------------------
# vocab.py mechanics
# --------------------------------------------------------------------------


def test_typo_raises_attribute_error():
    with pytest.raises(AttributeError):
        PKG.Papr  # noqa: B018
    with pytest.raises(AttributeError):
        PKG["evaluatesON"]


def test_iris():
    assert PKG.Paper == URIRef("https://w3id.org/paperkg/ontology#Paper")
    assert ARXIV["2509.22611"] == URIRef("https://arxiv.org/abs/2509.22611")
    assert ENTITY["aime-24"] == URIRef("https://w3id.org/paperkg/entity/aime-24")
    assert DIGEST["2025-09-30"] == URIRef("https://w3id.org/paperkg/digest/2025-09-30")
    assert str(MENTION).endswith("/mention/") and str(RESULT).endswith("/result/")
    # schema.org as rdflib 7 binds it by default
    assert str(vocab.SCHEMA) == "https://schema.org/"
    assert dict(Graph().namespaces())["schema"] == URIRef(str(vocab.SCHEMA))


def test_bind_prefixes():
    g = Graph()
    g.bind("schema", "http://schema.org/", override=True, replace=True)
    assert bind_prefixes(g) is g
    bound = {p: str(n) for p, n in g.namespaces()}
    for p in ("pkg", "dcterms", "skos", "schema", "fabio", "mls", "prov", "oa",
              "xsd", "rdfs", "owl"):
        assert bound[p] == PREFIXES[p], p
    g.add((ARXIV["2509.22611"], RDF.type, PKG.Paper))
    assert "pkg:Paper" in g.serialize(format="turtle")


def test_sparql_prefixes_work_in_pyoxigraph():
    store = pyoxigraph.Store()
    store.load(ONTOLOGY.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    rows = list(
        store.query(SPARQL_PREFIXES + "SELECT ?c WHERE { ?c rdfs:subClassOf pkg:Entity }")
    )
    assert {r["c"].value for r in rows} == {
        str(PKG[n]) for n in ("Benchmark", "Model", "Method", "Metric", "Framework")
    }


# --------------------------------------------------------------------------
# parsing
# --------------------------------------------------------------------------


def test_ontology_parses_in_rdflib_and_pyoxigraph_alike(onto):
    with ONTOLOGY.open("rb") as fh:
        ox = list(pyoxigraph.parse(fh, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(ox) == len(onto) > 0


def test_shapes_parse_and_are_valid_shacl(shapes):
    with SHAPES.open("rb") as fh:
        ox = list(pyoxigraph.parse(fh, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(ox) == len(shapes) > 0
    # shapes graph is itself well-formed SHACL (SHACL-SHACL meta validation)
    conforms, _, text = validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


# --------------------------------------------------------------------------
# SHACL on hand-written data
# --------------------------------------------------------------------------

P = ARXIV["2509.22611"]
AIME = ENTITY["aime-24"]
QWEN = ENTITY["qwen3-8b-base"]
PASS1 = ENTITY["pass-at-1"]
QAE = ENTITY["qae"]
M = MENTION["9b1d04aa"]
R = RESULT["3f2a9c1e"]
SENTENCE = "在AIME'24基准测试上，该方法使Qwen3-8B-Base模型的pass@1得分相较于基线方法提升了21.5%（从39.69%到48.23%）。"


def valid_graph() -> Graph:
    g = bind_prefixes(Graph())
    g.add((P, RDF.type, PKG.Paper))
    g.add((P, DCTERMS.title, Literal("Quantile Advantage Estimation for Entropy-Safe Reasoning")))
    g.add((P, PKG.arxivId, Literal("2509.22611")))
    g.add((P, vocab.SCHEMA.url, P))
    g.add((P, PKG.digestDate, Literal("2025-09-30", datatype=rns.XSD.date)))
    g.add((P, PKG.appearsIn, DIGEST["2025-09-30"]))
    g.add((DIGEST["2025-09-30"], RDF.type, PKG.Digest))
    g.add((DIGEST["2025-09-30"], PKG.digestDate, Literal("2025-09-30", datatype=rns.XSD.date)))

    g.add((AIME, RDF.type, PKG.Benchmark))
    g.add((AIME, RDFS.label, Literal("AIME 2024")))
    g.add((AIME, SKOS.altLabel, Literal("AIME'24")))
    g.add((QWEN, RDF.type, PKG.Model))
    g.add((QWEN, RDFS.label, Literal("Qwen3-8B-Base")))
    g.add((PASS1, RDF.type, PKG.Metric))
    g.add((PASS1, RDFS.label, Literal("pass@1")))
    g.add((QAE, RDF.type, PKG.Framework))
    g.add((QAE, RDFS.label, Literal("Quantile Advantage Estimation")))
    g.add((QAE, SKOS.altLabel, Literal("QAE")))

    g.add((P, PKG.evaluatesOn, AIME))
    g.add((P, PKG.usesModel, QWEN))
    g.add((P, PKG.reportsMetric, PASS1))
    g.add((P, PKG.proposes, QAE))
    g.add((P, PKG.hasResult, R))

    target, selector = BNode(), BNode()
    g.add((M, RDF.type, PKG.Mention))
    g.add((M, OA.hasBody, AIME))
    g.add((M, OA.hasBody, QWEN))
    g.add((M, OA.hasTarget, target))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, P))
    g.add((target, OA.hasSelector, selector))
    g.add((selector, RDF.type, OA.TextQuoteSelector))
    g.add((selector, OA.exact, Literal(SENTENCE)))

    g.add((R, RDF.type, PKG.Result))
    g.add((R, PKG.value, Literal(Decimal("48.23"))))
    g.add((R, PKG.unit, Literal("%")))
    g.add((R, PKG.baselineValue, Literal(Decimal("39.69"))))
    g.add((R, PKG.inMetric, PASS1))
    g.add((R, PKG.onBenchmark, AIME))
    g.add((R, PKG.evaluatedEntity, QWEN))
    g.add((R, PKG.rawText, Literal("从39.69%到48.23%")))
    g.add((R, PKG.hasEvidence, M))
    return g


def run_shacl(data: Graph, shapes: Graph, **kw):
    conforms, report, text = validate(data, shacl_graph=shapes, **kw)
    return conforms, report, text


def violations(report: Graph) -> list[tuple]:
    """(focus node, path) of each sh:Violation result."""
    out = []
    for res in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(res, SH.resultSeverity) == SH.Violation:
            out.append((report.value(res, SH.focusNode), report.value(res, SH.resultPath)))
    return out


def test_valid_graph_conforms(shapes):
    conforms, _, text = run_shacl(valid_graph(), shapes)
    assert conforms, text


def test_valid_graph_conforms_with_ontology_and_rdfs_inference(shapes, onto):
    conforms, _, text = run_shacl(valid_graph(), shapes, ont_graph=onto, inference="rdfs")
    assert conforms, text


def test_result_without_metric_or_benchmark_is_allowed(shapes):
    # product decision: "90.67 on OmniDocBench" has no named metric
    g = valid_graph()
    g.remove((R, PKG.inMetric, None))
    conforms, _, text = run_shacl(g, shapes)
    assert conforms, text
    g.remove((R, PKG.onBenchmark, None))
    conforms, _, text = run_shacl(g, shapes)
    assert conforms, text


def test_documented_example_conforms(shapes):
    """The commented Turtle EXAMPLE at the top of paperkg.ttl is valid data."""
    text = ONTOLOGY.read_text(encoding="utf-8")
    block = text.split("EXAMPLE (Turtle)", 1)[1].split("-- END EXAMPLE --", 1)[0]
    lines = [re.sub(r"^#  ?", "", ln) for ln in block.splitlines()[2:]]
    data = Graph().parse(data="\n".join(lines), format="turtle")
    assert (P, RDF.type, PKG.Paper) in data
    assert data.value(RESULT["3f2a9c1e"], PKG.value) == Literal(Decimal("48.23"))
    conforms, _, report = run_shacl(data, shapes)
    assert conforms, report
    for s, p, _ in data:
        for t in (s, p):
            if isinstance(t, URIRef) and str(t).startswith(str(PKG)):
                assert t in PKG, t


def _two_titles(g: Graph):
    g.add((P, DCTERMS.title, Literal("Another title")))
    return P, DCTERMS.title


def _entity_without_label(g: Graph):
    g.remove((AIME, RDFS.label, None))
    return AIME, RDFS.label


def _evaluates_on_untyped(g: Graph):
    g.add((P, PKG.evaluatesOn, ENTITY["mystery-bench"]))
    return P, PKG.evaluatesOn


def _evaluates_on_wrong_type(g: Graph):
    g.add((P, PKG.evaluatesOn, QWEN))  # a Model, not a Benchmark
    return P, PKG.evaluatesOn


def _result_string_value(g: Graph):
    g.set((R, PKG.value, Literal("48.23")))
    return R, PKG.value


def _result_float_value(g: Graph):
    g.set((R, PKG.value, Literal(48.23)))  # xsd:double, not xsd:decimal
    return R, PKG.value


def _result_two_values(g: Graph):
    g.add((R, PKG.value, Literal(Decimal("39.69"))))
    return R, PKG.value


def _result_without_evidence(g: Graph):
    g.remove((R, PKG.hasEvidence, None))
    return R, PKG.hasEvidence


def _result_two_metrics(g: Graph):
    other = ENTITY["accuracy"]
    g.add((other, RDF.type, PKG.Metric))
    g.add((other, RDFS.label, Literal("accuracy")))
    g.add((R, PKG.inMetric, other))
    return R, PKG.inMetric


def _bad_arxiv_id(g: Graph):
    g.set((P, PKG.arxivId, Literal("2509.22611v2")))
    return P, PKG.arxivId


def _no_digest_date(g: Graph):
    g.remove((P, PKG.digestDate, None))
    return P, PKG.digestDate


def _proposes_untyped(g: Graph):
    g.add((P, PKG.proposes, ENTITY["untyped-thing"]))
    return P, PKG.proposes


def _mention_without_exact(g: Graph):
    g.remove((None, OA.exact, None))
    return M, OA.hasTarget


def _mention_without_body(g: Graph):
    g.remove((M, OA.hasBody, None))
    return M, OA.hasBody


@pytest.mark.parametrize(
    "breaker",
    [
        _two_titles,
        _entity_without_label,
        _evaluates_on_untyped,
        _evaluates_on_wrong_type,
        _result_string_value,
        _result_float_value,
        _result_two_values,
        _result_without_evidence,
        _result_two_metrics,
        _bad_arxiv_id,
        _no_digest_date,
        _proposes_untyped,
        _mention_without_exact,
        _mention_without_body,
    ],
)
def test_broken_variants_violate(shapes, breaker):
    g = valid_graph()
    focus, path = breaker(g)
    conforms, report, text = run_shacl(g, shapes)
    assert not conforms, f"{breaker.__name__} should not conform"
    assert (focus, path) in violations(report), text


def test_old_style_arxiv_id_is_accepted(shapes):
    g = valid_graph()
    g.set((P, PKG.arxivId, Literal("hep-th/9901001")))
    assert run_shacl(g, shapes)[0]
    g.set((P, PKG.arxivId, Literal("math.AG/0101001")))
    assert run_shacl(g, shapes)[0]
