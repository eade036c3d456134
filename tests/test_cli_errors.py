"""``kg build`` and the query commands on bad input: clear messages, exit codes, nothing lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.export.check import check_export_dir

HEADER = "# Papers for 2025-09-30\n\n"


def entry(i: int, summary: str = "We evaluate Qwen2.5-7B on GSM8K and report 80.1% accuracy.") -> str:
    return f"## {i}.[Paper {i}](https://arxiv.org/abs/2509.{i:05d})\nsummary: {summary}\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def messy(tmp_path) -> Path:
    """A folder of every kind of bad input next to one good digest."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "2025-09-30.md").write_text(
        HEADER + entry(1) + "## 2. No link here\ntext.\n" + "## 3.[Blog](https://example.org/x)\ntext.\n" + entry(1, "Again, longer: GSM8K and MMLU.") + entry(4, "Cut off in the mid"),
        encoding="utf-8",
    )
    (d / "2025-09-29.md").write_bytes(b"\xef\xbb\xbf" + (HEADER.replace("30", "29") + entry(1) + entry(5)).replace("\n", "\r\n").encode())
    (d / "empty.md").write_bytes(b"")
    (d / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (d / "readme.md").write_text("# Notes\n\n## Todo\n\nnothing\n", encoding="utf-8")
    (d / "undated.md").write_text(entry(6), encoding="utf-8")
    return d


def test_messy_folder_builds_and_lists_every_skip(messy, tmp_path):
    out = tmp_path / "out"
    result = run("build", messy, "--out", out, "--no-html", "--format", "nt")
    assert result.exit_code == 0, result.output
    err = result.output  # CliRunner mixes stderr into output
    for needle in [
        f"skipped: {messy / 'empty.md'}: empty file",
        f"skipped: {messy / 'image.md'}: this is a PNG image, not a markdown digest",
        f"skipped: {messy / 'readme.md'}:1: not a digest",
        f"skipped: {messy / '2025-09-30.md'}:5: heading without a [title](link): '## 2. No link here'",
        f"skipped: {messy / '2025-09-30.md'}:7: link is not an arXiv paper URL: 'https://example.org/x'",
        f"skipped: {messy / 'undated.md'}:1: 2509.00006: digest has no date",
        f"warning: {messy / '2025-09-30.md'}:9: 2509.00001 listed again (first at line 3); merged",
        "2509.00004: summary seems cut off mid-sentence",
        "3 papers, 6 skipped",
    ]:
        assert needle in err, needle
    check_export_dir(out)
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert {"2509.00001", "2509.00004", "2509.00005"} == set(re.findall(r'pkg:arxivId "([^"]+)"', trig))
    ttl = (out / "graph.nt").read_text(encoding="utf-8")
    dates = re.findall(r'<https://arxiv.org/abs/2509.00001> <https://w3id.org/paperkg/ontology#digestDate> "([^"]+)"', ttl)
    assert sorted(dates) == ["2025-09-29", "2025-09-30"]


def test_strict_turns_any_skip_into_a_failure_and_writes_nothing(messy, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.trig").write_text("previous", encoding="utf-8")
    result = run("build", messy, "--out", out, "--strict")
    assert result.exit_code == 1
    assert "6 skipped entries (--strict)" in result.output and "empty file" in result.output
    assert "nothing written; the previous exports" in result.output
    assert (out / "graph.trig").read_text(encoding="utf-8") == "previous"
    ok = run("build", messy / "2025-09-29.md", "--out", out, "--strict", "--no-html")
    assert ok.exit_code == 0, ok.output
    check_export_dir(out)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d, "directory holds no digest files"),
        (lambda d: d / "missing.md", "no such file or directory"),
        (lambda d: ((d / "e.md").write_bytes(b""), d / "e.md")[1], "empty file"),
        (lambda d: ((d / "x.json").write_text('{"a": [1, 2]}'), d / "x.json")[1], "not a digest: JSON"),
    ],
)
def test_nothing_readable_is_an_error(tmp_path, make, message):
    target = make(tmp_path)
    result = run("build", target, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "Error: no paper could be read:" in result.output and message in result.output
    assert not (tmp_path / "out").exists()


def test_every_input_paper_is_in_the_graph_or_skipped(messy):
    g = kg.build([messy])
    papers = {d["arxiv_id"] for _, d in g.nodes(data=True) if d["type"] == "Paper"}
    headings = set(re.findall(r"arxiv\.org/abs/(\d{4}\.\d{5})", "".join(p.read_text(encoding="utf-8", errors="replace") for p in messy.iterdir())))
    skipped_ids = {i for s in g.graph["skipped"] for i in re.findall(r"\d{4}\.\d{5}", s)}
    assert headings == papers | skipped_ids
    assert len(g.graph["skipped"]) == 6


def test_unwritable_output_is_a_clear_error(tmp_path):
    (tmp_path / "2025-09-30.md").write_text(HEADER + entry(1), encoding="utf-8")
    (tmp_path / "out").write_text("a file, not a folder", encoding="utf-8")
    result = run("build", tmp_path / "2025-09-30.md", "--out", tmp_path / "out", "--no-html")
    assert result.exit_code == 1
    assert "cannot write the exports to" in result.output and "Traceback" not in result.output


def test_a_huge_summary_is_kept_and_extraction_is_capped(tmp_path):
    from kg.api import MAX_EXTRACT_CHARS

    big = ("We evaluate on GSM8K. " * (2 * MAX_EXTRACT_CHARS // 20))[: 2 * MAX_EXTRACT_CHARS] + "。"
    (tmp_path / "2025-09-30.md").write_text(HEADER + entry(1, big) + entry(2), encoding="utf-8")
    g = kg.build([tmp_path])
    assert len(g.nodes["paper:2509.00001"]["summary"]) > MAX_EXTRACT_CHARS
    assert any("entities are extracted from the first" in w for w in g.graph["warnings"])


# --- safe queries -------------------------------------------------------------------------------

INJECTIONS = ['"} DROP ALL #', "x' } ; DELETE WHERE { ?s ?p ?o } #", '") } UNION { ?s ?p ?o } #', "\\u0022 }", "<>", "?paper", "GSM8K\" || true || \""]


@pytest.mark.parametrize("name", INJECTIONS)
def test_benchmark_names_never_become_sparql(seed_exports, name):
    result = run("papers", "--benchmark", name, "--graph", seed_exports)
    assert result.exit_code == 1
    assert f"no benchmark called {name!r}" in result.output
    assert "Traceback" not in result.output and "syntax" not in result.output.lower()
    again = run("shared", "--graph", seed_exports, "--format", "json")
    assert again.exit_code == 0 and again.output.strip().startswith("[")


def test_related_with_a_hostile_id_is_just_unknown(seed_exports):
    result = run("related", '2509.22622"} DROP ALL #', "--graph", seed_exports)
    assert result.exit_code == 0 and "Traceback" not in result.output
