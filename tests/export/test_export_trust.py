"""Exports: valid RDF for any name, valid against the SHACL shapes, deterministic, atomic.

Every export a test here writes goes through :func:`kg.export.check.check_export_dir`:
parsed by rdflib *and* pyoxigraph, the two results isomorphic, and SHACL-valid.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

import kg
from kg.export import entity_iri, write_exports
from kg.export.check import check_export_dir
from kg.graph import build_graph
from kg.parse import Paper
from kg.resolve import Entity, Link, Resolution

ROOT = Path(__file__).resolve().parents[2]
ALL = ("turtle", "nt", "json-ld")

WEIRD_NAMES = [
    "plain",
    "with space",
    'double "quotes"',
    "single 'quotes'",
    "<angle> & brackets",
    "hash # tag",
    "per%cent %41",
    "back\\slash",
    "emoji 🚀🤖",
    "中文基准",
    "x" * 5000,
    "{curly}|pipe^caret`tick",
    "",
    ".",
    "..",
    "...",
    "/slash/",
    "?query=1&b",
    "Ünïcödé NFC é vs e\u0301",
    "zero\u200bwidth",
    "new\nline\ttab",
]


@pytest.mark.parametrize("name", WEIRD_NAMES)
def test_entity_iri_is_a_valid_iri_for_any_name(name):
    iri = entity_iri(name)
    ox.NamedNode(str(iri))  # raises on an invalid IRI
    assert rdflib.URIRef(str(iri)) == iri
    assert str(iri).startswith("https://w3id.org/paperkg/entity/") and len(str(iri)) > len("https://w3id.org/paperkg/entity/")
    assert not any(c in str(iri) for c in ' <>"{}|\\^`#\n\t')


def test_entity_iris_never_collide():
    iris = [entity_iri(n) for n in WEIRD_NAMES + ["_", "%5f", "-", "%2e"]]
    assert len(set(iris)) == len(iris)


def weird_graph():
    """A real graph (kg.graph.build_graph) whose entities and texts carry every awkward name."""
    papers = [
        Paper("2509.00001", 'Title with "quotes", <tags> & 🚀', "https://arxiv.org/abs/2509.00001", ["2025-09-30"], 'Summary """ with \\ and \'\'\'.', keywords=["中文", "a,b", '"q"']),
        Paper("hep-th/9901001", "旧式编号", "https://arxiv.org/abs/hep-th/9901001", ["2025-09-29", "2025-09-30"], "Old style id."),
    ]
    types = ["benchmark", "model", "method", "metric", "framework"]
    entities = {n: Entity(n, types[i % 5], n or "(empty)", {n + " alias", n.upper()}) for i, n in enumerate(WEIRD_NAMES)}
    links = [
        Link(p.arxiv_id, n, {"benchmark": "evaluatesOn", "model": "usesModel", "method": "usesMethod", "metric": "reportsMetric", "framework": "proposes"}[e.type], f"Sentence naming {n!r}.")
        for p in papers
        for n, e in entities.items()
    ]
    return build_graph(papers, Resolution(entities, links))


def test_awkward_names_give_valid_consistent_exports(tmp_path):
    g = weird_graph()
    write_exports(g, tmp_path, formats=ALL, html=False)
    counts = check_export_dir(tmp_path)
    assert counts["graph.ttl"] == counts["graph.nt"] == counts["graph.jsonld"] > 300
    labels = {str(o) for o in rdflib.Graph().parse(tmp_path / "graph.ttl").objects(None, rdflib.RDFS.label)}
    assert {n for n in WEIRD_NAMES if n} <= labels


@pytest.mark.parametrize("summary", ['\n\\"', 'first line\nends in \\\\"', 'line\n\\"quoted\\""'])
def test_a_multiline_text_ending_in_backslash_quote_exports_valid_files(tmp_path, summary):
    """rdflib writes such a literal's final quote bare (found by test_fuzz); the exports escape it."""
    papers = [Paper("2509.00001", "T", "https://arxiv.org/abs/2509.00001", ["2025-09-30"], summary)]
    write_exports(build_graph(papers, Resolution({}, [])), tmp_path, formats=ALL, html=False)
    check_export_dir(tmp_path)
    summaries = {str(o) for o in rdflib.Graph().parse(tmp_path / "graph.ttl").objects(None, rdflib.URIRef("https://w3id.org/paperkg/ontology#summary"))}
    assert summaries == {summary}


def test_seed_exports_are_valid_everywhere(seed_exports):
    counts = check_export_dir(seed_exports)
    assert counts["graph.ttl"] > 1000


def test_exports_are_readable_by_others(tmp_path):
    old = os.umask(0o022)
    try:
        write_exports(weird_graph(), tmp_path, formats=("turtle",), html=False)
    finally:
        os.umask(old)
    assert (tmp_path / "graph.ttl").stat().st_mode & 0o777 == 0o644


# --- determinism ------------------------------------------------------------------------------

DIGESTS = {
    "2025-09-29.md": "# Papers for 2025-09-29\n\n## 0.[Alpha](https://arxiv.org/abs/2509.00001)\nsummary: We evaluate Qwen2.5-7B on GSM8K and MMLU with LoRA, reaching 80.1% accuracy.\n"
    "## 1.[Beta](https://arxiv.org/abs/2509.00002)\nsummary: **核心关键词**：强化学习，数学推理  **主要成果**：在AIME24上提升了5.2%。\n",
    "2025-09-30.md": "# Papers for 2025-09-30\n\n## 0.[Alpha again](https://arxiv.org/abs/2509.00001)\nsummary: We evaluate Qwen2.5-7B on GSM8K, MATH and MMLU with LoRA and DPO, reaching 80.1% accuracy.\n"
    "## 1.[Gamma](https://arxiv.org/abs/2509.00003)\nsummary: A new benchmark, SWE-bench Verified, with GPT-4o and Llama-3-8B baselines.\n",
}


def write_digests(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in DIGESTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder / n for n in DIGESTS)


def read_all(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_inputs_in_any_order_give_identical_bytes(tmp_path):
    files = write_digests(tmp_path / "in")
    outs = []
    for i, paths in enumerate([files, files[::-1], [tmp_path / "in"], [files[1], tmp_path / "in", files[0]]]):
        g = kg.build(paths)
        out = tmp_path / f"out{i}"
        write_exports(g, out, formats=ALL, html=True)
        check_export_dir(out)
        outs.append(read_all(out))
    assert all(o == outs[0] for o in outs[1:])
    assert set(outs[0]) == {"graph.trig", "graph.ttl", "graph.nt", "graph.jsonld", "graph.html"}


def _build_in_child(tmp_path: Path, seed: str, out: Path) -> dict[str, bytes]:
    code = f"import kg; g = kg.build([{str(tmp_path / 'in')!r}]); kg.write_exports(g, {str(out)!r}, formats={ALL!r})"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT, timeout=300)
    return read_all(out)


@pytest.fixture(scope="module")
def two_hash_seeds(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("det")
    write_digests(tmp_path / "in")
    return _build_in_child(tmp_path, "1", tmp_path / "a"), _build_in_child(tmp_path, "2", tmp_path / "b")


def test_rdf_exports_do_not_depend_on_hash_seed(two_hash_seeds):
    a, b = two_hash_seeds
    for name in ("graph.trig", "graph.ttl", "graph.nt", "graph.jsonld"):
        assert a[name] == b[name], name


def test_html_export_does_not_depend_on_hash_seed(two_hash_seeds):
    a, b = two_hash_seeds
    assert a["graph.html"] == b["graph.html"]


# --- atomicity --------------------------------------------------------------------------------


def test_failed_serialisation_leaves_previous_exports_intact(tmp_path, monkeypatch):
    files = write_digests(tmp_path / "in")
    out = tmp_path / "out"
    write_exports(kg.build(files[:1]), out, formats=ALL, html=False)
    before = read_all(out)
    g = kg.build(files)

    real = rdflib.Graph.serialize

    def half_then_fail(self, *args, **kwargs):
        if kwargs.get("format") == "json-ld":
            real(self, *args, **kwargs)  # does the work, then dies
            raise MemoryError("simulated failure in the middle of the export")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(rdflib.Graph, "serialize", half_then_fail)
    with pytest.raises(MemoryError):
        write_exports(g, out, formats=ALL, html=False)
    assert read_all(out) == before
    monkeypatch.undo()

    import kg.export.files as files_mod

    # disk full while writing the temporary files: nothing replaced, nothing left behind
    calls = []
    real_fsync = os.fsync

    def disk_full(fd):
        calls.append(fd)
        if len(calls) == 3:  # third file: the data did not fit
            raise OSError(28, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(files_mod.os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_exports(g, out, formats=ALL, html=False)
    assert read_all(out) == before
    check_export_dir(out)


KILLER = textwrap.dedent(
    """
    import sys, kg
    g = kg.build([sys.argv[1]])
    print("ready", flush=True)
    while True:  # write again and again until killed
        kg.write_exports(g, sys.argv[2], formats=("turtle", "nt", "json-ld"), html=False)
    """
)


def test_build_killed_midway_leaves_complete_exports(tmp_path):
    """SIGKILL a process that keeps rewriting the exports, at random moments: every file is
    always a complete, valid export (old or new), and stale temporary files get cleaned up."""
    files = write_digests(tmp_path / "in")
    out = tmp_path / "out"
    write_exports(kg.build(files[:1]), out, formats=ALL, html=False)
    old = read_all(out)
    new_dir = tmp_path / "expected"
    write_exports(kg.build([tmp_path / "in"]), new_dir, formats=ALL, html=False)
    new = read_all(new_dir)
    killed_mid_write = 0
    for delay in (0.0, 0.019, 0.047, 0.09):
        proc = subprocess.Popen([sys.executable, "-c", KILLER, str(tmp_path / "in"), str(out)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        killed_mid_write += any(p.name.endswith(".partial") for p in out.iterdir())
        for name in old:
            assert (out / name).read_bytes() in (old[name], new[name]), name
    write_exports(kg.build([tmp_path / "in"]), out, formats=ALL, html=False)  # next build cleans up
    assert read_all(out) == new
    check_export_dir(out)
