"""store/papers_by_benchmark.sqlite answers papers_by_benchmark and shared_benchmarks exactly as
SPARQL does, after a full build and after days are added."""

from __future__ import annotations

import shutil

import pytest

from kg.query import BenchmarkIndex, open_store, papers_by_benchmark, select, shared_benchmarks
from kg.store import build_store


@pytest.fixture(autouse=True)
def _stable_pipeline_version(monkeypatch):
    monkeypatch.setattr("kg.store.build._pipeline_version", lambda lexicon_dir: "test")


def _sorted_dates(rows):
    return [{**r, "dates": " ".join(sorted(r["dates"].split()))} for r in rows]


def _check_every_benchmark(out) -> int:
    store = open_store(out)
    index = BenchmarkIndex.at(out)
    assert index is not None
    labels = select(store, "PREFIX pkg: <https://w3id.org/paperkg/ontology#> "
                           "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                           "SELECT ?label WHERE { ?b a pkg:Benchmark ; rdfs:label ?label }")[1]
    assert labels
    for r in labels:
        want = _sorted_dates(papers_by_benchmark(store, r["label"]))
        got = papers_by_benchmark(store, r["label"], index)
        assert got == want, r["label"]
    want = [{**r, "ids": " ".join(sorted(r["ids"].split()))} for r in shared_benchmarks(store)]  # (GROUP_CONCAT: any order)
    assert want and shared_benchmarks(store, index) == want
    return len(labels)


def _parts_per_key(out) -> list[int]:
    index = BenchmarkIndex.at(out)
    return [n for (n,) in index.conn.execute("SELECT COUNT(*) FROM answers GROUP BY key")]


@pytest.mark.parametrize("part_rows", [500, 1])
def test_index_equals_sparql_after_full_and_incremental_builds(tmp_path, corpus_dir, monkeypatch, part_rows):
    """With parts of one row, a benchmark of three or more papers has its answer split, and
    the adds rewrite and split parts: the answers stay those of SPARQL."""
    monkeypatch.setattr("kg.query.index.PART_ROWS", part_rows)
    days = sorted(p for p in corpus_dir.glob("*.md") if p.stat().st_size > 100)
    archive, out = tmp_path / "a", tmp_path / "o"
    archive.mkdir()
    for d in days[:4]:
        shutil.copy(d, archive / d.name)
    build_store([archive], out, progress=False, workers=1, exports=False)
    assert _check_every_benchmark(out) > 20
    for d in days[4:]:  # each added by the incremental path
        shutil.copy(d, archive / d.name)
        summary = build_store([archive], out, progress=False, workers=1, exports=False)
        assert any(n.startswith("added ") for n in summary.notes)
    _check_every_benchmark(out)
    assert (max(_parts_per_key(out)) > 1) == (part_rows == 1)


def test_unknown_key_falls_back_to_sparql(tmp_path, seed_path):
    build_store([seed_path.parent], tmp_path, progress=False, workers=1, exports=False)
    index = BenchmarkIndex.at(tmp_path)
    assert index.rows("no such bench", "https://w3id.org/paperkg/entity/nosuchbench") is None
    store = open_store(tmp_path)
    assert papers_by_benchmark(store, "AIME'24", index) == _sorted_dates(papers_by_benchmark(store, "AIME'24"))


def test_parts_written_as_lists_still_answer(tmp_path, seed_path):
    """A store written before the parts were columns (each part a pickled list of rows) answers
    the same until its next full build."""
    import pickle
    import sqlite3

    build_store([seed_path.parent], tmp_path, progress=False, workers=1, exports=False)
    index = BenchmarkIndex.at(tmp_path)
    store = open_store(tmp_path)
    want = papers_by_benchmark(store, "AIME'24", index)
    index.close()
    conn = sqlite3.connect(str(tmp_path / "store" / "papers_by_benchmark.sqlite"))
    parts = conn.execute("SELECT key, part, rows FROM answers").fetchall()
    assert parts and all(isinstance(pickle.loads(blob), tuple) for _, _, blob in parts)
    conn.executemany("UPDATE answers SET rows = ? WHERE key = ? AND part = ?",
                     [(pickle.dumps(list(zip(*pickle.loads(blob)))), key, part) for key, part, blob in parts])
    conn.commit()
    conn.close()
    assert len(want) > 1 and papers_by_benchmark(store, "AIME'24", BenchmarkIndex.at(tmp_path)) == want
