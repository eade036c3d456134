"""Property-based tests (hypothesis) over generated digests: no crash, valid RDF, nothing lost.

Three levels, from fast to slow:

* the parser alone on random digests (random Unicode, random markdown structure, broken
  headings, duplicates, random bytes): every generated paper heading is a paper, a merged
  duplicate, or a skipped entry at its own line;
* the export alone on real graphs (:func:`kg.graph.build_graph`) whose entity names are
  random Unicode: rdflib and pyoxigraph read every file and agree, SHACL conforms;
* the whole pipeline (``kg.build`` + ``write_exports``) on small random digests.

``KG_FUZZ_SCALE`` multiplies the number of examples (``bench/fuzz_long.py`` runs them with
a scale of 20 or more).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.export import write_exports
from kg.export.check import check_export_dir
from kg.graph import build_graph
from kg.parse import DigestError, Paper, decode_digest, parse_text
from kg.resolve import Entity, Link, Resolution

SCALE = float(os.environ.get("KG_FUZZ_SCALE", "1"))


def examples(n: int) -> settings:
    return settings(
        max_examples=max(1, int(n * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


# --- generated digests ---------------------------------------------------------------------------

any_text = st.text(st.characters(codec="utf-8"), max_size=60)  # every code point UTF-8 can hold
one_line = any_text.map(lambda s: re.sub(r"[\r\n]", " ", s))
words = st.sampled_from(
    ["GSM8K", "MMLU", "Qwen2.5-7B", "LoRA", "accuracy", "准确率", "强化学习", "**核心关键词**：", "**主要成果**：", "Summary:", "i)", "。", ".", "，", "  ", "\n", "🚀", '"', "<>", "#", "%", "\\", "](", "[", "**", "`"]
)
markdown_line = st.one_of(
    one_line,
    st.builds(lambda w, t: f"{w} {t}", st.sampled_from(["-", "*", "1.", ">", "####", "```", "|", "# Papers for", "##"]), one_line),
    st.lists(words, max_size=12).map("".join),
)
summary = st.lists(markdown_line, max_size=6).map("\n".join)


@st.composite
def digests(draw, max_entries: int = 8):
    """(text, expected) where expected maps each generated paper id to its heading line."""
    date = draw(st.dates(min_value=__import__("datetime").date(2000, 1, 1))).isoformat()
    parts = [draw(st.sampled_from(["", "\n", "\ufeff"])), f"# Papers for {date}\n\n"]
    expected: dict[str, int] = {}
    n = draw(st.integers(0, max_entries))
    ids = [f"2509.{i:05d}" for i in draw(st.lists(st.integers(0, 99999), min_size=n, max_size=n))]
    for i, arxiv_id in enumerate(ids):
        kind = draw(st.sampled_from(["paper", "paper", "paper", "old", "nolink", "other", "noise"]))
        title = draw(one_line)
        line = "".join(parts).replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        number = draw(st.sampled_from(["", f"{i}.", f"{i}) ", f"{i}、"]))
        level = draw(st.sampled_from(["##", "###", "## ", "# "]))
        if kind in ("paper", "old"):
            pid = arxiv_id if kind == "paper" else f"hep-th/{int(arxiv_id[5:]):07d}"
            version = draw(st.sampled_from(["", "v2", ".pdf"])) if kind == "paper" else ""
            url = draw(st.sampled_from(["https://arxiv.org/pdf/", "http://arxiv.org/abs/", "arxiv.org/html/"])) + pid + version
            parts.append(f"{level}{number}[{title}]({url})\n")
            expected.setdefault(pid, line)
        elif kind == "nolink":
            parts.append(f"## {number}{title}\n")
        elif kind == "other":
            parts.append(f"## {number}[{title}](https://example.org/{i})\n")
        parts.append(draw(st.sampled_from(["summary:", "summary：", ""])) + draw(summary) + "\n")
    text = "".join(parts)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text, expected


def accounted(digest, expected: dict[str, int]) -> list[str]:
    """Generated papers that are neither read, merged, nor skipped at their own line."""
    read = {p.arxiv_id for p in digest.papers}
    lines = {s.line for s in digest.skipped}
    merged = {w.reason.split(" ", 1)[0] for w in digest.warnings if "listed again" in w.reason}
    return [pid for pid, line in expected.items() if pid not in read and pid not in merged and line not in lines]


# --- 1. the parser --------------------------------------------------------------------------------


@examples(500)
@given(digests(max_entries=10))
def test_parser_never_crashes_and_loses_nothing(case):
    text, expected = case
    d = parse_text(text, source="fuzz.md")
    assert accounted(d, expected) == []
    for p in d.papers:
        assert p.title.strip() and p.dates and "\n" not in p.title
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]", p.title + p.summary)


@examples(300)
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_rejected_with_a_reason(data):
    try:
        text, _ = decode_digest(data, "fuzz.md")
    except DigestError as exc:
        assert str(exc).startswith("fuzz.md") and exc.reason
        return
    d = parse_text(text, source="fuzz.md")
    assert all(s.reason for s in d.skipped)


@examples(200)
@given(digests(max_entries=4), st.binary(max_size=8), st.integers(0, 10_000))
def test_corrupted_bytes_anywhere(case, junk, where):
    text, _ = case
    raw = text.encode("utf-8")
    where = where % (len(raw) + 1)
    raw = raw[:where] + junk + raw[where:]
    try:
        decoded, _ = decode_digest(raw, "fuzz.md")
    except DigestError as exc:
        assert exc.reason
        return
    parse_text(decoded, source="fuzz.md")


# --- 2. the export --------------------------------------------------------------------------------

names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=40)
TYPES = ["benchmark", "model", "method", "metric", "framework"]
RELATION = {"benchmark": "evaluatesOn", "model": "usesModel", "method": "usesMethod", "metric": "reportsMetric", "framework": "proposes"}


@examples(100)
@given(
    st.dictionaries(names, st.tuples(st.sampled_from(TYPES), names.filter(lambda s: s.strip()), st.sets(names, max_size=3)), max_size=6),
    st.lists(st.tuples(one_line.filter(lambda s: s.strip()), summary, st.lists(one_line, max_size=3)), min_size=1, max_size=3),
)
def test_random_names_give_valid_rdf(entities, papers_spec):
    papers = [
        Paper(f"2509.{i:05d}", title.strip(), f"https://arxiv.org/abs/2509.{i:05d}", ["2025-09-30", "2025-10-01"][: 1 + i % 2], text, keywords=[k.strip() for k in kws if k.strip()])
        for i, (title, text, kws) in enumerate(papers_spec)
    ]
    ents = {k: Entity(k, t, label, set(aliases)) for k, (t, label, aliases) in entities.items()}
    links = [Link(p.arxiv_id, k, RELATION[e.type], p.summary[:80]) for p in papers for k, e in ents.items()]
    g = build_graph(papers, Resolution(ents, links))
    with tempfile.TemporaryDirectory() as out:
        write_exports(g, out, formats=("turtle", "nt", "json-ld"), html=False)
        check_export_dir(out)
        trig = (Path(out) / "graph.trig").read_text(encoding="utf-8")
        assert all(f'"{p.arxiv_id}"' in trig for p in papers)


# --- 3. the whole pipeline ------------------------------------------------------------------------


@examples(60)
@given(digests(max_entries=3), digests(max_entries=2))
def test_whole_pipeline_on_random_digests(one, two):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        expected = {}
        for name, (text, exp) in (("a.md", one), ("b.md", two)):
            (tmp / "in" / name).write_bytes(text.encode("utf-8", "surrogatepass"))
            expected.update(exp)
        try:
            g = kg.build([tmp / "in"])
        except kg.BuildError as exc:
            assert exc.skipped or not expected  # nothing readable: said why
            return
        graph_ids = {d["arxiv_id"] for _, d in g.nodes(data=True) if d["type"] == "Paper"}
        skipped = "\n".join(g.graph["skipped"])
        warnings = "\n".join(g.graph["warnings"])
        for pid in expected:
            assert pid in graph_ids or f"{pid} listed again" in warnings or re.search(r":\d+: ", skipped), pid
        write_exports(g, tmp / "out", formats=("turtle", "json-ld"), html=False)
        check_export_dir(tmp / "out")
