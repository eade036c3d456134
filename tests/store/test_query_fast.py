"""The query fast paths: same answers as the shipped .rq queries, and a ``kg`` command that
imports its modules lazily; the large-build export policy (no graph.trig rewrite per build)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.query import load_query, open_store, papers_by_benchmark, select, shared_benchmarks
from kg.query import sparql
from kg.store import build_store, export_trig


@pytest.fixture(autouse=True)
def _stable_pipeline_version(monkeypatch):
    monkeypatch.setattr("kg.store.build._pipeline_version", lambda lexicon_dir: "test")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seed_path):
    import kg.store.build as b

    out = tmp_path_factory.mktemp("fast")
    version = b._pipeline_version
    b._pipeline_version = lambda lexicon_dir: "test"
    try:
        build_store([seed_path.parent], out, progress=False, workers=1, exports=False)
    finally:
        b._pipeline_version = version
    return out


@pytest.mark.parametrize("name", ["Qwen2.5-VL-72B", "AIME’24", "a b<>\"#%", "", ".", "..", "MMLU-Pro", "蒙特卡洛（MCTS）"])
def test_query_helpers_agree_with_the_pipeline(name):
    """kg.query keeps its own copies of normalize/entity_iri (so it never imports spaCy/rdflib)."""
    from kg.export.terms import entity_iri
    from kg.resolve.normalize import normalize

    assert sparql.normalize(name) == normalize(name)
    assert sparql.entity_iri(normalize(name)) == str(entity_iri(normalize(name)))
    assert sparql.entity_iri(name) == str(entity_iri(name))


def test_papers_by_benchmark_fast_path_matches_the_shipped_query(seed_store):
    store = open_store(seed_store)
    names = [r["label"] for r in shared_benchmarks(store)]
    assert names
    for name in names:
        key = ox.NamedNode(sparql.entity_iri(sparql.normalize(name)))
        want = select(store, load_query("papers_by_benchmark_key"), query=name, key=key)[1]
        got = papers_by_benchmark(store, name)
        assert [{k: v for k, v in r.items() if k != "evidence"} for r in got] == \
               [{k: v for k, v in r.items() if k != "evidence"} for r in want]
        assert list(got[0]) == list(want[0])  # same columns, same order
        # evidence: SAMPLE in the .rq picks any supporting sentence; the fast path the smallest
        ev = select(store, load_query("papers_by_benchmark_evidence"), key=key)[1]
        for g, w in zip(got, want):
            sentences = {e["exact"] for e in ev if e["paper"].endswith("/" + g["id"])}
            assert (g["evidence"] is None) == (w["evidence"] is None)
            if sentences:
                assert g["evidence"] == min(sentences) and w["evidence"] in sentences


def test_papers_by_an_alias_keyed_otherwise_match_the_shipped_query(seed_store):
    """'2WikiMQA' normalises to no benchmark's key: every benchmark so called answers, from the
    table or from SPARQL, as papers_by_benchmark.rq (which matches every label and alias) does."""
    from kg.query import BenchmarkIndex

    store, index = open_store(seed_store), BenchmarkIndex.at(seed_store)
    alts = select(store, "PREFIX pkg: <https://w3id.org/paperkg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                         "SELECT ?b ?alt WHERE { ?b a pkg:Benchmark ; skos:altLabel ?alt }")[1]
    names = sorted({a["alt"] for a in alts if sparql.entity_iri(sparql.normalize(a["alt"])) != a["b"]})
    assert "2WikiMQA" in names
    for name in names:
        key = ox.NamedNode(sparql.entity_iri(sparql.normalize(name)))
        want = select(store, load_query("papers_by_benchmark"), query=name, key=key)[1]
        assert want, name
        for got in (papers_by_benchmark(store, name), papers_by_benchmark(store, name, index)):
            assert [{k: v for k, v in r.items() if k not in ("evidence", "dates")} for r in got] == \
                   [{k: v for k, v in r.items() if k not in ("evidence", "dates")} for r in want], name
            assert [sorted(r["dates"].split()) for r in got] == [sorted(r["dates"].split()) for r in want]
            assert all(r["evidence"] for r in got)


def test_lazy_cli_lists_and_runs_every_command(seed_store):
    from click.testing import CliRunner

    from kg.cli import COMMANDS, main

    res = CliRunner().invoke(main, ["--help"])
    assert res.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in res.output
    res = CliRunner().invoke(main, ["papers", "--benchmark", "AIME24", "--graph", str(seed_store), "--format", "json"])
    assert res.exit_code == 0 and "aime24" in res.output


def test_query_command_modules_need_no_spacy_rdflib_networkx():
    """What the query commands import besides the ``kg`` package's own __init__ (which the lead owns:
    made lazy too, a cold ``kg papers`` never loads spaCy, rdflib or NetworkX)."""
    import subprocess
    import sys
    from pathlib import Path

    import kg

    code = f"""
import sys, types, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("spacy", "rdflib", "networkx", "thinc"):
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
pkg = types.ModuleType("kg"); pkg.__path__ = [{str(Path(kg.__file__).parent)!r}]; sys.modules["kg"] = pkg
from kg.cli import main
for name in ("papers", "query", "shared", "related", "leaderboard"):
    main.get_command(None, name)
import kg.query
print("ok")
"""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.stdout.strip() == "ok", res.stderr[-2000:]


def test_large_build_writes_no_trig_unless_asked(tmp_path, seed_path, monkeypatch):
    monkeypatch.setattr("kg.store.exports.RDFLIB_EXPORT_LIMIT", 10)
    out = tmp_path / "o"
    out.mkdir()
    (out / "graph.trig").write_text("stale", encoding="utf-8")
    s = build_store([seed_path.parent], out, progress=False, workers=1)
    assert not (out / "graph.trig").exists() and s.written == []
    assert any("export_trig" in n for n in s.notes)
    path = export_trig(out)
    g = ox.Store()
    g.load(path=str(path), format=ox.RdfFormat.TRIG)
    assert len(g) == len(open_store(out))
    s = build_store([seed_path.parent], out, progress=False, workers=1, trig=True)
    assert (out / "graph.trig").is_file() and out / "graph.trig" in s.written


def test_kg_build_html_forces_the_explorer_above_its_limit(tmp_path, seed_path, monkeypatch):
    """Above HTML_LIMIT papers the explorer is skipped with a note that names --html; --html
    then writes it (and --no-html never does)."""
    from click.testing import CliRunner

    from kg.cli import main

    monkeypatch.setattr("kg.store.exports.RDFLIB_EXPORT_LIMIT", 10)
    monkeypatch.setattr("kg.store.exports.HTML_LIMIT", 10)
    out = tmp_path / "o"
    skipped = CliRunner().invoke(main, ["build", str(seed_path.parent), "--out", str(out), "--workers", "1"])
    assert skipped.exit_code == 0, skipped.output
    assert "--html" in skipped.output and not (out / "graph.html").exists()
    forced = CliRunner().invoke(main, ["build", str(seed_path.parent), "--out", str(out), "--workers", "1", "--html"])
    assert forced.exit_code == 0, forced.output
    assert (out / "graph.html").is_file() and "<html" in (out / "graph.html").read_text(encoding="utf-8")[:2000].lower()
