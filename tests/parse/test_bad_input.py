"""Bad input, file by file: each case is read or reported with a clear reason, never a crash.

These tests run the real parser on real bytes written to disk (no mocks); the whole
pipeline on the same inputs is exercised in ``tests/test_cli_errors.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.parse import DigestError, arxiv_id_from_url, collect_inputs, merge_papers, parse_digest, parse_text

HEADER = "# Papers for 2025-09-30\n\n"


def entry(i: int, title: str | None = None, summary: str = "We evaluate on GSM8K and report 80.1% accuracy.") -> str:
    return f"## {i}.[{title or f'Paper number {i}'}](https://arxiv.org/pdf/2509.{i:05d})\nsummary: {summary}\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def reasons(items) -> str:
    return "\n".join(str(s) for s in items)


# --- files that are not digests -------------------------------------------------------------


def test_empty_file_is_an_error_with_its_name(tmp_path):
    p = write(tmp_path, "2025-09-30.md", b"")
    with pytest.raises(DigestError, match=r"2025-09-30\.md: empty file"):
        parse_digest(p)
    p = write(tmp_path, "blank.md", b"  \n\r\n\t\n")
    with pytest.raises(DigestError, match="only whitespace"):
        parse_digest(p)


def test_digest_with_only_its_date_line_is_an_empty_day_not_an_error(tmp_path):
    d = parse_digest(write(tmp_path, "2025-10-01.md", "\n\n# Papers for 2025-10-01\n\n"))
    assert (d.date, d.papers, d.skipped) == ("2025-10-01", [], [])


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "JPEG image"),
        ("paper.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        ("blob.md", b"abc\x00def" * 10, "binary file"),
        ("latin1.md", "Résumé für Straße, ça coûte ".encode("latin-1") * 5, "not UTF-8 text"),
    ],
)
def test_binary_files_are_rejected_with_what_they_are(tmp_path, name, data, message):
    with pytest.raises(DigestError, match=message) as exc:
        parse_digest(write(tmp_path, name, data))
    assert name in str(exc.value)


def test_a_nul_byte_is_reported_on_its_line(tmp_path):
    """A digest that is text but for one NUL byte (found by the fuzz tests in a title) is
    rejected naming the line of the byte, as every other bad input is."""
    data = "# Papers for 2025-09-30\n\n## [A\x00B](https://arxiv.org/abs/2509.00001)\nsummary: x\n".encode()
    with pytest.raises(DigestError, match="NUL byte") as exc:
        parse_digest(write(tmp_path, "nul.md", data))
    assert exc.value.line == 3 and ":3: " in str(exc.value)


def test_json_file_is_not_a_digest(tmp_path):
    d = parse_digest(write(tmp_path, "2025-09-30.json", '{"papers": [{"title": "x", "url": "https://arxiv.org/abs/2509.00001"}]}'))
    assert d.papers == []
    assert "not a digest: JSON" in reasons(d.skipped)


def test_random_markdown_page_is_one_clear_skip(tmp_path):
    readme = "# My project\n\nSome text.\n\n## Installation\n\npip install x\n\n## Usage\n\nRun [it](https://example.org).\n"
    d = parse_digest(write(tmp_path, "README.md", readme))
    assert d.papers == []
    assert len(d.skipped) == 1
    assert "README.md:1: not a digest: markdown/text with no paper headings" in reasons(d.skipped)


# --- headings ---------------------------------------------------------------------------------


def test_headings_without_links_or_with_non_arxiv_links_are_skipped_by_line(tmp_path):
    text = (
        HEADER
        + entry(0)
        + "## 1. A heading with no link\nsome text.\n"
        + "## 2.[Blog post](https://example.org/post.html)\ntext.\n"
        + "## 3.[Fake](https://example.org/arxiv.org/abs/2509.00003)\ntext.\n"
        + "## 4.[]( https://arxiv.org/abs/2509.00004)\ntext.\n"
        + "## 5.[No url]()\ntext.\n"
        + entry(6)
    )
    d = parse_text(text, source="d.md")
    assert [p.arxiv_id for p in d.papers] == ["2509.00000", "2509.00006"]
    r = reasons(d.skipped)
    assert "d.md:5: heading without a [title](link): '## 1. A heading with no link'" in r
    assert "d.md:7: link is not an arXiv paper URL: 'https://example.org/post.html' (title 'Blog post')" in r
    assert "d.md:9: link is not an arXiv paper URL" in r
    assert "d.md:11:" in r and "d.md:13: no link (title 'No url')" in r
    assert len(d.skipped) == 5


def test_every_heading_level_with_an_arxiv_link_is_a_paper_and_list_entries_are_reported():
    text = HEADER + "# [Top](https://arxiv.org/abs/2509.00001)\nA.\n##[Tight](arxiv.org/abs/2509.00002)\nB.\n#### 3) [Deep](https://arxiv.org/abs/2509.00003)\nC.\n- [In a list](https://arxiv.org/abs/2509.00004)\n"
    d = parse_text(text, source="d.md")
    assert [p.arxiv_id for p in d.papers] == ["2509.00001", "2509.00002", "2509.00003"]
    assert "d.md:9: looks like a paper entry but is not a '## [Title](link)' heading" in reasons(d.skipped)


@pytest.mark.parametrize(
    "url, arxiv_id",
    [
        ("https://arxiv.org/pdf/2509.22622", "2509.22622"),
        ("https://arxiv.org/pdf/2509.22622v3.pdf", "2509.22622"),
        ("http://export.arxiv.org/abs/2509.22622?context=cs", "2509.22622"),
        ("https://www.arxiv.org/html/2509.22622v1#S2", "2509.22622"),
        ("arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("https://arxiv.org/abs/MATH.ag/0101001v2", "math.AG/0101001"),
        ("https://example.org/arxiv.org/abs/2509.22622", None),
        ("https://huggingface.co/papers/2509.22622", "2509.22622"),  # paper sites named by the arXiv id
        ("https://hf.co/papers/2601.01234", "2601.01234"),
        ("https://www.alphaxiv.org/abs/2509.22622v2", "2509.22622"),
        ("https://huggingface.co/papers/trending", None),
        ("https://arxiv.org/list/cs.AI/recent", None),
        ("javascript:alert(1)//arxiv.org/abs/2509.22622", None),
        ("", None),
    ],
)
def test_arxiv_urls(url, arxiv_id):
    assert arxiv_id_from_url(url) == arxiv_id


# --- duplicates ---------------------------------------------------------------------------------


def test_duplicate_heading_in_one_digest_is_merged_and_reported():
    text = HEADER + entry(1, summary="Short.") + entry(2) + entry(1, summary="A longer summary of the same paper, on MMLU.")
    d = parse_text(text, source="d.md")
    assert [p.arxiv_id for p in d.papers] == ["2509.00001", "2509.00002"]
    assert d.papers[0].summary.startswith("A longer summary")
    assert "d.md:7: 2509.00001 listed again (first at line 3); merged" in reasons(d.warnings)


def test_same_paper_across_digests_keeps_every_date(tmp_path):
    a = parse_digest(write(tmp_path, "a.md", "# Papers for 2025-09-29\n\n" + entry(1, title="Old title", summary="Short.")))
    b = parse_digest(write(tmp_path, "b.md", "# Papers for 2025-09-30\n\n" + entry(1, title="New title", summary="Longer summary text.")))
    c = parse_digest(write(tmp_path, "c.md", "# Papers for 2025-09-22\n\n" + entry(1, title="Old title", summary="Short.")))
    for order in ([a, b, c], [c, b, a], [b, a, c]):
        (paper,) = merge_papers(order)
        assert paper.dates == ["2025-09-22", "2025-09-29", "2025-09-30"]
        assert (paper.title, paper.summary) == ("New title", "Longer summary text.")


# --- damaged text ---------------------------------------------------------------------------------


def test_summary_cut_off_mid_sentence_is_kept_with_a_warning():
    d = parse_text(HEADER + entry(1) + entry(2, summary="该论文提出了一个名为LONGLIVE的帧级自回归框架，通过集成KV-re"), source="d.md")
    assert len(d.papers) == 2 and d.papers[1].summary.endswith("KV-re")
    assert "d.md:5: 2509.00002: summary seems cut off mid-sentence (ends with" in reasons(d.warnings)
    assert "2509.00001" not in reasons(d.warnings)


def test_invalid_utf8_keeps_the_papers_and_says_where(tmp_path):
    data = (HEADER + entry(1)).encode() + b"## 2.[Bad \xff\xfe bytes](https://arxiv.org/abs/2509.00002)\nsummary: ok.\n"
    d = parse_digest(write(tmp_path, "2025-09-30.md", data))
    assert [p.arxiv_id for p in d.papers] == ["2509.00001", "2509.00002"]
    assert d.papers[1].title == "Bad \ufffd\ufffd bytes"
    assert "2025-09-30.md:5: invalid UTF-8: 2 byte(s) replaced by U+FFFD, first 0xff at offset" in reasons(d.warnings)


def test_file_truncated_inside_a_utf8_character(tmp_path):
    data = (HEADER + entry(1, summary="长视频生成。")).encode()[:-5]  # cuts "。" and a byte of "成"
    d = parse_digest(write(tmp_path, "2025-09-30.md", data))
    assert d.papers[0].summary == "长视频生"
    r = reasons(d.warnings)
    assert "file ends in the middle of a UTF-8 character" in r and "cut off mid-sentence" in r


def test_utf8_bom_utf16_bom_and_windows_line_endings(tmp_path):
    text = HEADER + entry(1) + entry(2, title="中文标题 🚀")
    plain = parse_digest(write(tmp_path, "plain.md", text))
    variants = {
        "bom.md": b"\xef\xbb\xbf" + text.encode(),
        "crlf.md": text.replace("\n", "\r\n").encode(),
        "bom-crlf.md": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
        "cr.md": text.replace("\n", "\r").encode(),
        "utf16.md": text.replace("\n", "\r\n").encode("utf-16"),
    }
    for name, data in variants.items():
        d = parse_digest(write(tmp_path, name, data))
        assert d.date == "2025-09-30", name
        assert [(p.arxiv_id, p.title, p.summary) for p in d.papers] == [(p.arxiv_id, p.title, p.summary) for p in plain.papers], name
        assert d.skipped == [] and d.warnings == [], name


def test_control_characters_and_lone_surrogates_are_removed_with_a_warning():
    d = parse_text(HEADER + entry(1, title="Ti\x00tle\x1b[31m", summary="Sum\x07mary.\ud800"), source="d.md")
    assert d.papers[0].title == "Title[31m"
    assert d.papers[0].summary == "Summary.\ufffd"
    r = reasons(d.warnings)
    assert "control character(s) removed" in r and "surrogates replaced" in r


def test_lookalike_hyphens_spaces_and_fullwidth_latin_are_read_as_ascii():
    """LLM-written digests put non-breaking hyphens and spaces inside names ('GPT‑5', 'Claude 4.5')
    and may write Latin in fullwidth ('ＧＳＭ８Ｋ'): folded to ASCII (zero-width characters removed),
    so names read as typed elsewhere; Chinese punctuation stays (the extractor reads it), and the
    title is folded alike."""
    text = "# Papers for 2025-09-30\n\n## [MMLU\u2011Pro Test](https://arxiv.org/abs/2509.00001)\nsummary:GPT\u20115在ＧＳＭ８Ｋ上的准确率为９０．１％，优于Qwen3\u22128B。\n"
    (paper,) = parse_text(text, date="2025-09-30").papers
    assert paper.title == "MMLU-Pro Test"
    assert paper.summary == "GPT-5在GSM8K上的准确率为90．1%，优于Qwen3-8B。"
    text = "# Papers for 2025-09-30\n\n## [T](https://arxiv.org/abs/2509.00001)\nsummary:Claude\u00a04.5\u00a0Opus与GPT\u200b-5相比。\n"
    assert parse_text(text, date="2025-09-30").papers[0].summary == "Claude 4.5 Opus与GPT-5相比。"
    text = "# Papers for 2025-09-30\n\n## [Nova™-Reasoner](https://arxiv.org/abs/2509.00001)\nsummary:Acme AI® ships Nova™.\n"
    (paper,) = parse_text(text, date="2025-09-30").papers  # (trademark signs are no part of a name)
    assert (paper.title, paper.summary) == ("Nova-Reasoner", "Acme AI ships Nova.")


def test_missing_or_invalid_date(tmp_path):
    d = parse_digest(write(tmp_path, "digest.md", entry(1)))
    assert d.papers == []
    assert "digest.md:1: 2509.00001: digest has no date (add a '# Papers for YYYY-MM-DD' line" in reasons(d.skipped)
    d = parse_digest(write(tmp_path, "digest.md", "# Papers for 2025-13-45\n\n" + entry(1)))
    assert "digest date '2025-13-45' is not a valid YYYY-MM-DD date" in reasons(d.warnings)
    assert d.papers == []
    dated_dir = tmp_path / "2025-09-30"
    dated_dir.mkdir()
    d = parse_digest(write(dated_dir, "digest.md", entry(1)))  # the folder's name gives the date
    assert d.date == "2025-09-30" and len(d.papers) == 1


# --- inputs: directories, missing and unreadable files ----------------------------------------


def test_directory_with_no_digests_and_missing_paths_are_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    write(tmp_path / "other", "notes.json", "{}")
    good = write(tmp_path, "2025-09-30.md", HEADER + entry(1))
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")
    files, skipped = collect_inputs([tmp_path / "empty", tmp_path / "other", tmp_path / "nope.md", good, str(good), tmp_path / "dangling.md"])
    assert files == [good]
    r = reasons(skipped)
    assert f"{tmp_path / 'empty'}: directory holds no digest files (.md, .markdown, .txt)" in r
    assert f"{tmp_path / 'other'}: directory holds no digest files" in r
    assert f"{tmp_path / 'nope.md'}: no such file or directory" in r
    assert f"{tmp_path / 'dangling.md'}: cannot read: broken link" in r


def test_directory_given_as_a_digest_file(tmp_path):
    (tmp_path / "fake.md").mkdir()
    with pytest.raises(DigestError, match="is a directory"):
        parse_digest(tmp_path / "fake.md")


def test_unreadable_file(tmp_path):
    p = write(tmp_path, "2025-09-30.md", HEADER + entry(1))
    p.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(DigestError, match=r"2025-09-30\.md: cannot read: Permission denied"):
            parse_digest(p)
        return
    # root reads anything: check for real as an unprivileged user in a child process
    tmp_path.chmod(0o755)
    code = "import sys; from kg.parse import parse_digest, DigestError\ntry: parse_digest(sys.argv[1])\nexcept DigestError as e: print(e)"
    try:
        out = subprocess.run(
            [sys.executable, "-c", code, str(p)], user=65534, capture_output=True, text=True, timeout=60,
            cwd=Path(__file__).resolve().parents[2],
        )
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot switch to an unprivileged user to test permissions: {exc}")
    if "Permission denied" not in out.stdout and out.returncode != 0:
        pytest.skip(f"unprivileged child could not run: {out.stderr.strip()[-200:]}")
    assert f"{p}: cannot read: Permission denied" in out.stdout


# --- big inputs -----------------------------------------------------------------------------------


def test_ten_thousand_papers_in_one_file_all_accounted_for(tmp_path):
    n = 10_000
    body = "".join(entry(i) if i % 1000 else f"## {i}.[Not a paper](https://example.org/{i})\nx.\n" for i in range(n))
    p = write(tmp_path, "2025-09-30.md", HEADER + body + entry(1, summary="Duplicate of paper 1, longer than the first."))
    t = time.perf_counter()
    d = parse_digest(p)
    elapsed = time.perf_counter() - t
    assert len(d.papers) == n - 10
    assert len(d.skipped) == 10 and all("not an arXiv paper URL" in s.reason for s in d.skipped)
    assert len(d.papers) + len(d.skipped) + sum("listed again" in w.reason for w in d.warnings) == n + 1
    assert elapsed < 30, f"parsing 10,000 papers took {elapsed:.1f}s"


def test_fifty_megabyte_digest(tmp_path):
    # 2,000 papers of ~25 KB each (Chinese and English text, bold labels), 50 MB in all
    para = "**主要成果**：在GSM8K上达到80.1%的准确率，比基线提高3.2个百分点。 We evaluate Qwen2.5-7B on MMLU with LoRA. "
    summary = "**核心关键词**：长视频生成，实时交互  " + para * (25_000 // len(para.encode()) + 1)
    body = "".join(entry(i, summary=summary) for i in range(2000))
    data = (HEADER + body).encode()
    assert len(data) > 50_000_000
    p = write(tmp_path, "2025-09-30.md", data)
    t = time.perf_counter()
    d = parse_digest(p)
    elapsed = time.perf_counter() - t
    assert len(d.papers) == 2000 and d.skipped == []
    assert d.papers[0].keywords == ["长视频生成", "实时交互"]
    assert elapsed < 60, f"parsing 50 MB took {elapsed:.1f}s"


def test_fifty_megabyte_single_line_is_not_a_digest(tmp_path):
    p = write(tmp_path, "2025-09-30.md", b"x" * 50_000_000)
    t = time.perf_counter()
    d = parse_digest(p)
    assert d.papers == [] and "not a digest" in reasons(d.skipped)
    assert time.perf_counter() - t < 20
