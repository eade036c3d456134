"""The persistent store: same RDF as the file exports, incremental add / re-add / change / remove,
entities merged across increments, and the query commands on it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.query import open_store, papers_by_benchmark, related_papers, shared_benchmarks
from kg.store import build_store


@pytest.fixture(autouse=True)
def _stable_pipeline_version(monkeypatch):
    """The cache is void when the extractor's sources change; keep it fixed while a test runs
    (sources may be edited during a session)."""
    monkeypatch.setattr("kg.store.build._pipeline_version", lambda lexicon_dir: "test")


def quads(store) -> set:
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in store}


def store_quads(out: Path) -> set:
    s = open_store(out)
    try:
        return quads(s)
    finally:
        del s


@pytest.fixture(scope="module")
def days(corpus_dir):
    return sorted(p for p in corpus_dir.glob("*.md") if p.stat().st_size > 100)


def test_store_holds_exactly_the_rdf_of_the_exports(tmp_path, seed_path):
    """N-Quads written straight from the records == to_dataset(build_graph(...)) + results_to_rdf."""
    from results_helper import build_all

    _, _, _, _, ds, _ = build_all([seed_path.parent])
    want = ox.Store()
    want.load(ds.serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    summary = build_store([seed_path.parent], tmp_path, progress=False, workers=1, exports=False)
    assert summary.papers == 38 and summary.extracted == 38
    got = store_quads(tmp_path)
    assert got == quads(want)


def test_exports_written_and_queries_prefer_the_store(tmp_path, seed_path):
    summary = build_store([seed_path.parent], tmp_path, progress=False, workers=1)
    names = {p.name for p in summary.written}
    assert {"graph.trig", "graph.ttl", "graph.html"} <= names
    assert isinstance(open_store(tmp_path), ox.Store)
    # the store and graph.trig answer alike
    from_store = papers_by_benchmark(open_store(tmp_path), "AIME24")
    shutil.rmtree(tmp_path / "store")
    from_trig = papers_by_benchmark(open_store(tmp_path), "AIME24")
    # (evidence may differ: the store also holds the results' evidence, graph.trig not yet)
    assert from_store and [r["id"] for r in from_store] == [r["id"] for r in from_trig]


def test_incremental_add_readd_change_remove(tmp_path, days):
    archive = tmp_path / "archive"
    archive.mkdir()
    out = tmp_path / "out"
    for d in days[:3]:
        shutil.copy(d, archive / d.name)
    first = build_store([archive], out, progress=False, workers=2, exports=False)
    assert first.extracted == first.papers > 0

    # add one day: only its papers are extracted, only its graph (and the entities) written
    shutil.copy(days[3], archive / days[3].name)
    added = build_store([archive], out, progress=False, workers=2, exports=False)
    new_ids = {p for p in _ids(days[3])}
    assert added.extracted == len(new_ids - _all_ids(days[:3]))
    assert f"https://w3id.org/paperkg/digest/{days[3].stem}" in added.graphs_replaced
    assert len([g for g in added.graphs_replaced if "/digest/" in g]) < 4
    incremental = store_quads(out)

    # same result as building from scratch
    scratch = build_store([archive], tmp_path / "scratch", progress=False, workers=1, exports=False)
    assert scratch.papers == added.papers
    assert store_quads(tmp_path / "scratch") == incremental

    # re-add (build again): nothing extracted, nothing replaced, the store unchanged
    again = build_store([archive], out, progress=False, workers=2, exports=False)
    assert (again.extracted, again.graphs_replaced, again.entities_changed) == (0, [], False)
    assert store_quads(out) == incremental

    # change a digest: the changed paper is extracted again and its day's graph replaced
    target = archive / days[1].name
    text = target.read_text(encoding="utf-8")
    i = text.index("summary:") + len("summary:")
    target.write_text(text[:i] + "本文在FrobnitzBench基准上评测。" + text[i:], encoding="utf-8")
    changed = build_store([archive], out, progress=False, workers=2, exports=False)
    assert changed.extracted == 1
    assert f"https://w3id.org/paperkg/digest/{days[1].stem}" in changed.graphs_replaced
    fresh = build_store([archive], tmp_path / "scratch2", progress=False, workers=1, exports=False)
    assert store_quads(out) == store_quads(tmp_path / "scratch2")
    assert fresh.papers == changed.papers

    # remove a digest: its graph goes
    (archive / days[0].name).unlink()
    removed = build_store([archive], out, progress=False, workers=2, exports=False)
    assert removed.graphs_removed == [f"https://w3id.org/paperkg/digest/{days[0].stem}"]
    got = store_quads(out)
    assert not any(g.value.endswith(days[0].stem) for *_, g in got)


def test_entity_merges_across_increments(tmp_path, days):
    """A benchmark seen on the first day and again on a later one is one entity with both papers."""
    archive = tmp_path / "a"
    archive.mkdir()
    out = tmp_path / "o"
    shutil.copy(days[0], archive / days[0].name)
    build_store([archive], out, progress=False, workers=1, exports=False)
    before = {r["id"] for r in papers_by_benchmark(open_store(out), "AIME 24")}
    late = days[-1]
    shutil.copy(late, archive / late.name)
    build_store([archive], out, progress=False, workers=2, exports=False)
    rows = papers_by_benchmark(open_store(out), "aime24")
    assert {r["benchmark"] for r in rows} == {"https://w3id.org/paperkg/entity/aime24"}
    after = {r["id"] for r in rows}
    assert before < after and after - before <= _ids(late)
    shared = {r["label"]: r["papers"] for r in shared_benchmarks(open_store(out))}
    assert shared["AIME'24"] == len(after)
    assert related_papers(open_store(out), sorted(after - before)[0])


def test_cli_query_commands_on_the_store(tmp_path, days):
    archive = tmp_path / "a"
    archive.mkdir()
    for d in days[:2]:
        shutil.copy(d, archive / d.name)
    build_store([archive], tmp_path / "o", progress=False, workers=1, exports=False)
    assert not (tmp_path / "o" / "graph.trig").exists()  # the store alone answers
    runner = CliRunner()
    g = str(tmp_path / "o")
    res = runner.invoke(main, ["papers", "--benchmark", "AIME24", "--graph", g, "--format", "json"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["shared", "--graph", g])
    assert res.exit_code == 0 and "ImageNet" in res.output
    res = runner.invoke(main, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/paperkg/ontology#Paper> }", "--graph", g, "--format", "json"])
    assert res.exit_code == 0 and '"n": 35' in res.output, res.output
    res = runner.invoke(main, ["papers", "--benchmark", "NoSuchBench", "--graph", g])
    assert res.exit_code != 0 and "no benchmark" in res.output


def _ids(path: Path) -> set[str]:
    from kg.parse import parse_digest

    return {p.arxiv_id for p in parse_digest(path).papers}


def _all_ids(paths) -> set[str]:
    return set().union(*(_ids(p) for p in paths))


def test_the_cache_survives_moving_the_checkout(tmp_path):
    """The pipeline version (which voids cached records when the extractor changes) hashes the
    sources by their names inside the package, not by where the checkout lies."""
    import subprocess
    import sys

    import kg

    versions = []
    for where in ("a", "b/deeper"):
        shutil.copytree(Path(kg.__file__).parent, tmp_path / where / "kg", ignore=shutil.ignore_patterns("__pycache__"))
        code = "from kg.store.build import _pipeline_version; print(_pipeline_version(None))"
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path / where,
                             env={"PYTHONPATH": str(tmp_path / where), "PATH": ""})
        assert res.returncode == 0, res.stderr[-2000:]
        versions.append(res.stdout.strip())
    assert versions[0] == versions[1] and len(versions[0]) == 16
