"""``kg validate``: pySHACL over an export, violations printed, exit status 0/1/2."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main
from kg.validate import load_export, validate_graph, validate_path


def test_seed_export_conforms(seed_exports):
    report = validate_path(seed_exports)
    assert report.conforms, "\n".join(map(str, report.violations[:10]))
    result = CliRunner().invoke(main, ["validate", str(seed_exports), str(seed_exports / "graph.ttl"), str(seed_exports / "graph.jsonld")])
    assert result.exit_code == 0, result.output
    assert result.output.count("conforms") == 3


BROKEN = """
@prefix pkg: <https://w3id.org/paperkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://arxiv.org/abs/2509.00001> a pkg:Paper ; dcterms:title "One", "Two" ; pkg:arxivId "2509.00001v2" ;
    pkg:digestDate "2025-09-30"^^xsd:date ; pkg:evaluatesOn <https://w3id.org/paperkg/entity/untyped> .
<https://w3id.org/paperkg/entity/m> a pkg:Model ; rdfs:label "A", "B" .
<https://w3id.org/paperkg/result/r1> a pkg:Result ; pkg:value "high" .
"""


def test_violations_are_listed_with_focus_path_and_message(tmp_path):
    (tmp_path / "graph.ttl").write_text(BROKEN, encoding="utf-8")
    report = validate_path(tmp_path / "graph.ttl")
    assert not report.conforms
    text = "\n".join(map(str, report.violations))
    assert "<https://arxiv.org/abs/2509.00001> dcterms:title: A paper has exactly one non-empty dcterms:title." in text
    assert "pkg:arxivId" in text and "'2509.00001v2'" in text
    assert "<https://arxiv.org/abs/2509.00001> pkg:evaluatesOn: The object of pkg:evaluatesOn must be a pkg:Benchmark." in text
    assert "<https://w3id.org/paperkg/entity/m> rdfs:label: An entity has exactly one non-empty rdfs:label" in text
    assert "pkg:value" in text and "pkg:hasEvidence" in text
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "graph.ttl")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'graph.ttl'}: {len(report.violations)} violations" in result.output
    assert "must be a pkg:Benchmark" in result.output
    result = CliRunner().invoke(main, ["validate", "--limit", "1", str(tmp_path / "graph.ttl")])
    assert "more (--limit 0 shows all)" in result.output


def test_result_without_a_metric_is_valid():
    """Product decision (ontology/shapes.ttl): an overall score may have no named metric."""
    data = Graph().parse(
        data="""@prefix pkg: <https://w3id.org/paperkg/ontology#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix oa: <http://www.w3.org/ns/oa#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:r> a pkg:Result ; pkg:value "90.67"^^xsd:decimal ; pkg:hasEvidence <urn:m> .
        <urn:m> a pkg:Mention ; oa:hasBody <urn:b> ; oa:hasTarget <urn:t> .
        <urn:b> a pkg:Benchmark ; rdfs:label "OmniDocBench" .
        <urn:t> oa:hasSource <https://arxiv.org/abs/2509.00001> ; oa:hasSelector <urn:s> . <urn:s> oa:exact "90.67 on OmniDocBench" .""",
        format="turtle",
    )
    report = validate_graph(data)
    assert report.conforms, report.violations


def test_unreadable_inputs_exit_2_with_a_message(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2 and "no export found" in result.output
    (tmp_path / "graph.ttl").write_text("this is not turtle <", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2 and "not valid turtle" in result.output
    result = runner.invoke(main, ["validate", "--shapes", str(tmp_path / "none.ttl"), str(tmp_path)])
    assert result.exit_code == 2


def test_union_of_named_graphs_is_validated(seed_exports, tmp_path):
    shutil.copy(seed_exports / "graph.trig", tmp_path / "graph.trig")
    union = load_export(tmp_path)
    assert len(union) == len(load_export(seed_exports / "graph.ttl"))
