"""Adding days to the store gives the store a full build gives: the incremental resolver
(kg.store.add.add_digests over kg.store.state) against building from scratch."""

from __future__ import annotations

import random
import shutil

import pytest

from kg.store import build_store
from kg.store.state import StateDB

from test_store import store_quads


@pytest.fixture(autouse=True)
def _stable_pipeline_version(monkeypatch):
    monkeypatch.setattr("kg.store.build._pipeline_version", lambda lexicon_dir: "test")


def _build(archive, out, **kw):
    return build_store([archive], out, progress=False, **{"workers": 1, "exports": False, **kw})


def _incremental(summary) -> bool:
    return any(n.startswith("added ") for n in summary.notes)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_days_added_in_any_order_equal_a_full_build(tmp_path, corpus_dir, seed_path, seed):
    days = sorted(p for p in corpus_dir.glob("*.md") if p.stat().st_size > 100) + [seed_path]
    random.Random(seed).shuffle(days)
    archive, out = tmp_path / "a", tmp_path / "o"
    archive.mkdir()
    for d in days[:2]:
        shutil.copy(d, archive / d.name)
    _build(archive, out)
    paths = []
    for i, d in enumerate(days[2:]):
        shutil.copy(d, archive / d.name)
        summary = _build(archive, out)
        paths.append(_incremental(summary))
        if i == 0 or i == len(days) - 3:  # compare along the way and at the end
            _build(archive, tmp_path / f"scratch{i}")
            assert store_quads(out) == store_quads(tmp_path / f"scratch{i}")
    assert sum(paths) >= len(paths) - 1, paths  # the incremental path, bar a rare fallback


DAY = """# {date}

## [{title}](https://arxiv.org/abs/{id})
summary:{summary}
"""


def _digest(path, date, papers):
    path.write_text("\n".join(DAY.format(date=date, title=t, id=i, summary=s).split("\n", 1)[1] if n else
                              DAY.format(date=date, title=t, id=i, summary=s) for n, (i, t, s) in enumerate(papers)),
                    encoding="utf-8")


def test_a_later_day_retypes_a_name_in_an_earlier_days_graph(tmp_path):
    """A name with too little evidence on day 1 becomes a model on day 2: day 1's paper gets
    the link too, its graph is rewritten, and the store equals a full build."""
    archive, out = tmp_path / "a", tmp_path / "o"
    archive.mkdir()
    _digest(archive / "2031-01-05.md", "2031-01-05", [
        ("2101.00001", "Sparse Wombat Attention", "我们提出Sparse Wombat Attention，并采用QuuxNova。"),
    ])
    _build(archive, out)
    _digest(archive / "2031-01-06.md", "2031-01-06", [
        ("2101.00002", "Gated Numbat Memory", "在QuuxNova模型上，Gated Numbat Memory准确率提升5%。"),
        ("2101.00003", "Lazy Quokka Decoding", "以QuuxNova模型为基座，Lazy Quokka Decoding优于基线。"),
    ])
    added = _build(archive, out)
    assert _incremental(added)
    _build(archive, tmp_path / "scratch")
    assert store_quads(out) == store_quads(tmp_path / "scratch")
    rows = [q for q in store_quads(out) if q[0].value.endswith("2101.00001") and q[2].value.endswith("/quuxnova")]
    assert rows, "day 1's paper is linked to the model day 2 established"
    assert "https://w3id.org/paperkg/digest/2031-01-05" in added.graphs_replaced


def test_a_new_alias_for_a_name_already_used_falls_back_to_a_full_build(tmp_path):
    archive, out = tmp_path / "a", tmp_path / "o"
    archive.mkdir()
    _digest(archive / "2031-02-02.md", "2031-02-02", [
        ("2102.00001", "Tidal Policy Optimization", "我们提出Tidal Policy Optimization方法，用于强化学习。"),
        ("2102.00002", "Reef Models", "我们使用Tidal Policy Optimization方法训练Reef模型。"),
    ])
    _build(archive, out)
    _digest(archive / "2031-02-03.md", "2031-02-03", [
        ("2102.00003", "Kelp Agents", "基于Tidal Policy Optimization（TPO）方法，我们训练Kelp智能体，TPO优于PPO。"),
    ])
    added = _build(archive, out)
    _build(archive, tmp_path / "scratch")
    assert store_quads(out) == store_quads(tmp_path / "scratch")
    db = StateDB(out / "store")
    try:
        assert "tidalpolicyoptimization" in db.raw_seen
    finally:
        db.close()
    assert not _incremental(added)  # the old papers' name now means TPO: everything was resolved again


def test_a_full_build_in_small_batches_equals_one_batch(tmp_path, corpus_dir, monkeypatch):
    """The full build reads the archive a batch at a time (bounded memory); batches of a few
    papers, with papers repeated across digests of other dates, give the same store, also
    with two workers (extraction, and the fold of pass 2, split over forked processes)."""
    archive = tmp_path / "a"
    archive.mkdir()
    days = sorted(p for p in corpus_dir.glob("*.md") if p.stat().st_size > 100)
    for d in days:
        shutil.copy(d, archive / d.name)
    # a later digest repeating the first three papers of the first day (merged across dates)
    text = days[0].read_text(encoding="utf-8")
    blocks = text.split("\n## ")[1:4]
    (archive / "2026-01-05.md").write_text("# Papers for 2026-01-05\n\n## " + "\n## ".join(blocks), encoding="utf-8")
    one = _build(archive, tmp_path / "one")
    monkeypatch.setattr("kg.store.full.BATCH_PAPERS", 25)
    many = _build(archive, tmp_path / "many")
    assert (many.papers, many.counts, many.links) == (one.papers, one.counts, one.links)
    assert store_quads(tmp_path / "many") == store_quads(tmp_path / "one")
    two = _build(archive, tmp_path / "two", workers=2)
    assert (two.papers, two.counts, two.links, two.warnings) == (one.papers, one.counts, one.links, one.warnings)
    assert store_quads(tmp_path / "two") == store_quads(tmp_path / "one")
    repeated = {q[0].value for q in store_quads(tmp_path / "one") if q[2].value.endswith("/digest/2026-01-05")}
    assert len(repeated) >= 3  # the repeated papers appear in the later digest's graph too


def test_the_store_build_does_not_load_networkx():
    """An add pays for spaCy (it extracts the new day) but not for NetworkX or the file exports."""
    import subprocess
    import sys

    code = "import sys, kg.store.build; print('networkx' in sys.modules, 'kg.export.files' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.stdout.split() == ["False", "False"], res.stderr[-2000:]


def test_a_fallen_back_add_reports_each_skipped_entry_once(tmp_path, seed_path):
    """An add that falls back to a full build (here: a paper seen before) lists the new file's
    skipped entries once, and counts the papers it extracted before falling back."""
    archive, out = tmp_path / "a", tmp_path / "o"
    archive.mkdir()
    _digest(archive / "2031-03-02.md", "2031-03-02", [("2103.00001", "Otter Nets", "我们提出Otter Nets模型。")])
    _build(archive, out)
    (archive / "2031-03-03.md").write_text(
        "# 2031-03-03\n\n## [Otter Nets](https://arxiv.org/abs/2103.00001)\nsummary:我们提出Otter Nets模型。\n\n"
        "## [Beaver Maps](https://arxiv.org/abs/2103.00002)\nsummary:在BeaverBench基准上评测。\n\n"
        "## a heading that is no paper\nsummary:nothing\n", encoding="utf-8")
    summary = _build(archive, out)
    assert not _incremental(summary)
    lines = [s for s in summary.skipped if "2031-03-03.md" in s]
    assert len(lines) == len(set(lines)) >= 1, summary.skipped
    assert summary.extracted >= 1


def test_strict_add_with_an_unreadable_new_file_fails(tmp_path, seed_path):
    from kg.api import BuildError

    archive, out = tmp_path / "a", tmp_path / "o"
    archive.mkdir()
    _digest(archive / "2031-04-01.md", "2031-04-01", [("2104.00001", "Heron Codes", "我们提出Heron Codes方法。")])
    _build(archive, out)
    (archive / "2031-04-02.md").write_bytes(b"\x00\x01\x02 not a digest")
    with pytest.raises(BuildError):
        _build(archive, out, strict=True)
