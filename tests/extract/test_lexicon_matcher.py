"""paperkg_lexicon on a lexicon of its own: longest match, multi-word and Chinese forms,
case-sensitive entries, and two entries that share a form."""

import json

import pytest

from kg.extract.pipeline import make_nlp


def _lexicon(tmp_path, **files):
    for name, entries in files.items():
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return str(tmp_path)


def _found(nlp, text):
    return [(s.text, s.label_, s.kb_id_) for s in nlp(text).spans["lexicon"]]


def test_longest_form_multiword_alias_and_case_sensitive_entry(tmp_path):
    nlp = make_nlp(_lexicon(
        tmp_path,
        benchmarks=[{"label": "MMLU"}, {"label": "MMLU-Pro", "aliases": ["MMLU Pro"]},
                    {"label": "ARC", "case_sensitive": True}],
        models=[{"label": "Qwen3-8B", "aliases": ["千问3 8B", "qwen3 8b"]}],
        metrics=[{"label": "accuracy", "aliases": ["准确率"]}],
    ))
    found = _found(nlp, "千问3 8B在MMLU Pro和ARC上的准确率提升，QWEN3 8B亦然；the arc of progress.")
    assert found == [("千问3 8B", "model", "Qwen3-8B"), ("MMLU Pro", "benchmark", "MMLU-Pro"),
                     ("ARC", "benchmark", "ARC"), ("准确率", "metric", "accuracy"),
                     ("QWEN3 8B", "model", "Qwen3-8B")]  # (lower case 'arc' is not the case-sensitive ARC)


@pytest.mark.parametrize("text, expected", [
    ("在ARC上评测", [("ARC", "benchmark", "ARC")]),
    ("以Arc优化器训练", [("Arc", "method", "Arc")]),
    ("以arc训练", [("arc", "metric", "arc")]),  # (a form without case matches every spelling: here, no other does)
])
def test_entries_sharing_a_form_keep_apart_by_spelling(tmp_path, text, expected):
    nlp = make_nlp(_lexicon(
        tmp_path,
        benchmarks=[{"label": "ARC", "case_sensitive": True}],
        methods=[{"label": "Arc", "case_sensitive": True}],
        metrics=[{"label": "arc"}],
    ))
    assert _found(nlp, text) == expected
