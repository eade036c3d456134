"""The paperkg ontology's terms and the namespaces the knowledge graph uses.

``PKG`` mirrors ``ontology/paperkg.ttl`` term for term (``tests/test_vocab.py``
keeps the two in step).  It is a closed rdflib ``DefinedNamespace``: a typo such
as ``PKG.Papr`` raises ``AttributeError`` instead of minting a new IRI.

Instance namespaces::

    ARXIV["2509.22611"]      -> https://arxiv.org/abs/2509.22611        (papers)
    ENTITY["aime-24"]        -> https://w3id.org/paperkg/entity/aime-24
    DIGEST["2025-09-30"]     -> https://w3id.org/paperkg/digest/2025-09-30  (also the named graph)
    MENTION[<hash>], RESULT[<hash>]

Reused vocabularies: DCTERMS, SKOS, PROV, OWL, RDF, RDFS, XSD come from
``rdflib.namespace``; ``SCHEMA`` *is* rdflib's ``SDO`` (``https://schema.org/``,
the form rdflib 7 binds to the ``schema`` prefix by default); ``FABIO``,
``MLS`` and ``OA`` are not shipped by rdflib and are plain ``Namespace`` objects
here.

Numbers: ``PKG.value`` / ``PKG.baselineValue`` are ``xsd:decimal``; build them
with ``Literal(Decimal("48.23"))`` -- ``Literal(48.23)`` would be ``xsd:double``
and fails the SHACL shapes.
"""

from __future__ import annotations

from typing import Mapping, TypeVar, Union

from rdflib import Dataset, Graph
from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

__all__ = [
    "PKG",
    "ONTOLOGY_IRI",
    "ENTITY",
    "DIGEST",
    "MENTION",
    "RESULT",
    "ARXIV",
    "SCHEMA",
    "FABIO",
    "MLS",
    "OA",
    "DCTERMS",
    "SKOS",
    "PROV",
    "OWL",
    "RDF",
    "RDFS",
    "XSD",
    "PREFIXES",
    "SPARQL_PREFIXES",
    "bind_prefixes",
]


class PKG(DefinedNamespace):
    """
    paperkg ontology -- https://w3id.org/paperkg/ontology

    Papers from daily AI-paper digests, the entities they mention, keyword
    concepts, text evidence (Web Annotation) and n-ary numeric results
    (ML-Schema model evaluations).  Source: ontology/paperkg.ttl
    """

    _fail = True

    # http://www.w3.org/2002/07/owl#Class
    Paper: URIRef  # An arXiv preprint covered by a digest (⊑ schema:ScholarlyArticle, fabio:Preprint).
    Digest: URIRef  # A daily digest; its IRI also names the digest's named graph.
    Entity: URIRef  # Abstract superclass of named things papers mention (not instantiated directly).
    Benchmark: URIRef  # A dataset, benchmark or evaluation environment (⊑ Entity, mls:Dataset).
    Model: URIRef  # A trained model or model family (⊑ Entity, mls:Model).
    Method: URIRef  # A reusable named technique (⊑ Entity, mls:Algorithm).
    Metric: URIRef  # An evaluation measure (⊑ Entity, mls:EvaluationMeasure).
    Framework: URIRef  # A paper's headline framework/system no other paper uses as a technique (⊑ Entity, not a Method).
    Keyword: URIRef  # A summary keyword (⊑ skos:Concept).
    Mention: URIRef  # Evidence that a paper's text names an entity (⊑ oa:Annotation).
    Result: URIRef  # An n-ary result fact (⊑ mls:ModelEvaluation).

    # http://www.w3.org/2002/07/owl#ObjectProperty
    mentions: URIRef  # Paper -> Entity; super-property of the five below.
    evaluatesOn: URIRef  # Paper -> Benchmark.
    usesModel: URIRef  # Paper -> Model.
    usesMethod: URIRef  # Paper -> Method.
    reportsMetric: URIRef  # Paper -> Metric.
    proposes: URIRef  # Paper -> Entity the paper itself introduces.
    hasKeyword: URIRef  # Paper -> Keyword.
    appearsIn: URIRef  # Paper -> Digest.
    variantOf: URIRef  # Entity -> Entity, e.g. Qwen2.5-VL-72B variantOf Qwen2.5-VL (transitive).
    hasResult: URIRef  # Paper -> Result.
    onBenchmark: URIRef  # Result -> Benchmark (at most one).
    inMetric: URIRef  # Result -> Metric (at most one, optional; ⊑ mls:specifiedBy).
    evaluatedEntity: URIRef  # Result -> Entity (the model/method that scored it).
    comparedWith: URIRef  # Result -> Entity (the baseline).
    baselineResult: URIRef  # Result -> Result (the baseline's own result node).
    hasEvidence: URIRef  # Result -> Mention (⊑ prov:wasDerivedFrom).

    # http://www.w3.org/2002/07/owl#DatatypeProperty
    arxivId: URIRef  # Paper, xsd:string, e.g. "2509.22611" (⊑ fabio:hasArXivId).
    digestDate: URIRef  # Paper/Digest, xsd:date; one per digest a paper appeared in.
    summary: URIRef  # Paper, xsd:string: the digest's summary text.
    value: URIRef  # Result, xsd:decimal: the number as written (48.23 for 48.23%) (⊑ mls:hasValue).
    unit: URIRef  # Result, xsd:string: "%", "points", "×", "FPS", "s", ...
    baselineValue: URIRef  # Result, xsd:decimal.
    rawText: URIRef  # Result, xsd:string: the phrase the result was read from.
    sourceFile: URIRef  # Digest, xsd:string: path of the digest file.

    _NS = Namespace("https://w3id.org/paperkg/ontology#")


#: IRI of the ontology document itself (no trailing '#').
ONTOLOGY_IRI = URIRef("https://w3id.org/paperkg/ontology")

# Instance namespaces
ENTITY = Namespace("https://w3id.org/paperkg/entity/")
DIGEST = Namespace("https://w3id.org/paperkg/digest/")
MENTION = Namespace("https://w3id.org/paperkg/mention/")
QUOTE = Namespace("https://w3id.org/paperkg/quote/")
RESULT = Namespace("https://w3id.org/paperkg/result/")
ARXIV = Namespace("https://arxiv.org/abs/")

# Reused vocabularies that rdflib does not ship (or ships under another name)
SCHEMA = SDO  # https://schema.org/ -- same object as rdflib.namespace.SDO
FABIO = Namespace("http://purl.org/spar/fabio/")
MLS = Namespace("http://www.w3.org/ns/mls#")
OA = Namespace("http://www.w3.org/ns/oa#")

#: prefix -> namespace IRI, as bound by :func:`bind_prefixes` and used in SPARQL.
PREFIXES: Mapping[str, str] = {
    "pkg": str(PKG),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "fabio": str(FABIO),
    "mls": str(MLS),
    "prov": str(PROV),
    "oa": str(OA),
    "xsd": str(XSD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
}

#: A SPARQL prologue declaring every prefix in :data:`PREFIXES`
#: (pyoxigraph's ``Store.query`` does not know graph prefix bindings).
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

G = TypeVar("G", bound=Union[Graph, Dataset])


def bind_prefixes(graph: G) -> G:
    """Bind pkg, dcterms, skos, schema, fabio, mls, prov, oa, xsd, rdf, rdfs, owl.

    Works on a ``Graph``, ``Dataset`` or ``ConjunctiveGraph`` (they share one
    namespace manager per store).  Existing bindings of these prefixes are
    replaced, and any other prefix bound to one of these namespaces is
    re-pointed, so serialisations always use the names above.  Returns the
    graph for chaining.
    """
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, Namespace(ns), override=True, replace=True)
    return graph
