"""The product end to end: the seed and the corpus in, RDF, HTML and answers out (issue 2's 'done when')."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]


def kg_cli(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_seed_turtle_parses_in_rdflib_and_oxigraph_with_all_papers(seed_exports, seed_path):
    ttl = seed_exports / "graph.ttl"
    g = rdflib.Graph().parse(ttl)
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(g)
    titles = {str(t) for t in g.objects(None, rdflib.URIRef("http://purl.org/dc/terms/title"))}
    heading_titles = re.findall(r"^## (?:\d+\.)?\[(.*)\]\(", seed_path.read_text(encoding="utf-8"), re.M)
    assert len(heading_titles) == 38
    assert set(heading_titles) <= titles
    papers = {str(s) for s in g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/paperkg/ontology#Paper"))}
    assert len(papers) == 38
    assert "https://arxiv.org/abs/2509.22622" in papers


def test_other_serialisations_parse(seed_exports):
    nt = rdflib.Graph().parse(seed_exports / "graph.nt", format="nt")
    jsonld = rdflib.Graph().parse(seed_exports / "graph.jsonld", format="json-ld")
    ds = rdflib.Dataset().parse(seed_exports / "graph.trig", format="trig")
    assert len(nt) == len(jsonld) > 0
    graphs = {str(c.identifier) for c in ds.contexts()}
    assert "https://w3id.org/paperkg/digest/2025-09-30" in graphs


def test_corpus_builds_every_day_including_the_empty_one(corpus_dir, tmp_path):
    files = sorted(corpus_dir.glob("*.md"))
    assert len(files) == 8
    result = kg_cli("build", *map(str, files), "--out", str(tmp_path), "--no-html")
    assert result.exit_code == 0, result.output
    assert "8 digest(s), 186 papers, 0 skipped" in result.output
    store = ox.Store()
    store.load(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG)
    # the seed day is also a corpus day: papers in both keep both dates (none here), every day has a graph
    days = {q.graph_name.value for q in store.quads_for_pattern(None, None, None) if "digest/" in getattr(q.graph_name, "value", "")}
    assert len(days) == 7  # 2025-10-01 is empty


@pytest.fixture(scope="module")
def seed_graph_dir(seed_exports):
    return str(seed_exports)


def test_papers_by_benchmark_alias_and_case_insensitive(seed_graph_dir):
    result = kg_cli("papers", "--benchmark", "alfworld", "--graph", seed_graph_dir, "--format", "json")
    ids = {row["id"] for row in json.loads(result.output)}
    assert ids == {"2509.22576", "2509.22601"}  # EPO and SPEAR
    for name in ("AIME'24", "aime 2024", "AIME24"):
        result = kg_cli("papers", "--benchmark", name, "--graph", seed_graph_dir, "--format", "json")
        assert {r["id"] for r in json.loads(result.output)} == {"2509.22611", "2509.19894"}, name


def test_papers_unknown_benchmark_suggests(seed_graph_dir):
    result = CliRunner().invoke(main, ["papers", "--benchmark", "ALFWrld", "--graph", seed_graph_dir])
    assert result.exit_code == 1
    assert "did you mean" in result.output and "ALFWorld" in result.output


def test_shared_lists_both_benchmarks(seed_graph_dir):
    rows = json.loads(kg_cli("shared", "--graph", seed_graph_dir, "--format", "json").output)
    labels = {r["label"]: r for r in rows}
    assert {"ALFWorld", "AIME'24"} <= set(labels)
    assert labels["ALFWorld"]["papers"] == 2


def test_related_ranks_by_overlap(seed_graph_dir):
    rows = json.loads(kg_cli("related", "2509.22576", "--graph", seed_graph_dir, "--format", "json").output)
    assert rows[0]["id"] == "2509.22601"  # SPEAR shares ALFWorld with EPO


def test_query_runs_a_select_from_a_file(seed_graph_dir, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text(
        "PREFIX pkg: <https://w3id.org/paperkg/ontology#>\n"
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a pkg:Paper }\n",
        encoding="utf-8",
    )
    for fmt, check in (("json", lambda out: json.loads(out)[0]["n"] == 38), ("csv", lambda out: out.splitlines() == ["n", "38"])):
        assert check(kg_cli("query", str(q), "--graph", seed_graph_dir, "--format", fmt).output)


def test_shipped_queries_folder_runs(seed_graph_dir):
    out = kg_cli("query", str(ROOT / "kg" / "queries" / "counts_by_type.rq"), "--graph", seed_graph_dir, "--format", "json").output
    counts = {r["class"].rsplit("#", 1)[1]: r["count"] for r in json.loads(out)}
    assert counts["Paper"] == 38 and counts["Benchmark"] > 10


def test_html_is_self_contained(seed_exports):
    html = (seed_exports / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)


def test_module_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("build", "query", "papers", "shared", "related", "eval"):
        assert command in out
