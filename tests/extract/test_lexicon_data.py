"""Format and consistency tests of the lexicon data files (kg/extract/lexicon/)."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from kg.extract.lexicon_data import (
    STOPLIST_REASONS,
    TYPES,
    LexiconEntry,
    lexicon_dir,
    load_lexicon,
    load_stoplist,
    normalize_name,
    read_generated_file,
)

CURATED = {
    "benchmarks.jsonl": "benchmark",
    "models.jsonl": "model",
    "methods.jsonl": "method",
    "metrics.jsonl": "metric",
}

# The guide's closed list of Chinese-only method names (ANNOTATION.md, Decisions/Methods).
CHINESE_METHOD_NAMES = {
    "SFT": {"监督微调", "有监督微调"},
    "CoT": {"思维链", "链式思考"},
    "DPO": {"直接偏好优化"},
    "PPO": {"近端策略优化"},
    "GRPO": {"组相对策略优化", "群组相对策略优化", "群体相对策略优化"},
    "RLHF": {"基于人类反馈的强化学习", "人类反馈强化学习"},
    "RLVR": {"可验证奖励强化学习", "基于可验证奖励的强化学习"},
    "RAG": {"检索增强生成"},
    "MCTS": {"蒙特卡洛树搜索"},
    "LoRA": {"低秩适配", "低秩适应"},
}

# Normalized names deliberately present in two types, with the reason.
CROSS_TYPE_EXCEPTIONS: dict[str, str] = {
    # none at present; add e.g. "comet": "COMET is both a metric and ..." with a reason.
}

# Names the guide says are never entities (architectures, field words, unnamed scores).
NEVER_NAMES = {
    "transformer", "attention", "mlp", "moe", "diffusion model", "vae", "llm", "vlm", "mllm",
    "dllm", "agent", "rl", "reinforcement learning", "强化学习", "fine-tuning", "微调",
    "distillation", "蒸馏", "pretraining", "in-context learning", "test-time scaling", "elbo",
    "kl divergence", "entropy", "cross-entropy", "megatron", "vllm", "python", "mcp",
    "得分", "综合得分", "平均得分", "score",
}

CJK = re.compile(r"[\u3400-\u9fff]")


def _lines(path):
    with open(path, encoding="utf-8") as handle:
        return [(n, line) for n, line in enumerate(handle, 1) if line.strip()]


@pytest.fixture(scope="module")
def entries() -> list[LexiconEntry]:
    return load_lexicon()


@pytest.fixture(scope="module")
def stoplist() -> frozenset[str]:
    return load_stoplist()


@pytest.mark.parametrize("filename", sorted(CURATED))
def test_curated_lines_parse_with_required_keys(filename):
    path = lexicon_dir() / filename
    rows = _lines(path)
    assert len(rows) >= 100, f"{filename} looks truncated"
    for number, line in rows:
        obj = json.loads(line)
        where = f"{filename}:{number}"
        assert set(obj) <= {"label", "aliases", "family", "case_sensitive"}, where
        assert isinstance(obj["label"], str) and obj["label"].strip() == obj["label"] != "", where
        assert isinstance(obj["aliases"], list), where
        assert all(isinstance(a, str) and a.strip() == a != "" for a in obj["aliases"]), where
        assert obj["label"] not in obj["aliases"], where
        if "family" in obj:
            assert isinstance(obj["family"], str) and obj["family"], where
        if "case_sensitive" in obj:
            assert obj["case_sensitive"] is True, f"{where}: write case_sensitive only when true"


def test_types_valid_and_all_present(entries):
    assert {e.type for e in entries} == set(TYPES)
    for entry in entries:
        assert entry.type in TYPES
        assert entry.label


def test_no_duplicate_normalized_names_within_a_type(entries):
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for entry in entries:
        for key in {normalize_name(n) for n in entry.names}:
            assert key, f"{entry.label!r} has a name that normalizes to nothing"
            other = seen.setdefault((entry.type, key), entry.label)
            if other != entry.label:
                problems.append((entry.type, key, other, entry.label))
    assert not problems, problems


def test_no_name_in_two_types_unless_listed(entries):
    types_of: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for name in entry.names:
            types_of[normalize_name(name)].add(entry.type)
    clashes = {k: v for k, v in types_of.items() if len(v) > 1 and k not in CROSS_TYPE_EXCEPTIONS}
    assert not clashes, clashes


def test_no_name_is_in_the_stoplist(entries, stoplist):
    hits = [(e.type, e.label, n) for e in entries for n in e.names if n.casefold() in stoplist]
    assert not hits, hits


def test_guide_negatives_are_not_entries(entries):
    hits = [(e.type, n) for e in entries for n in e.names if n.casefold() in NEVER_NAMES]
    assert not hits, hits


def test_guide_negatives_are_in_the_stoplist(stoplist):
    for text in ("transformer", "moe", "llm", "vlm", "rl", "强化学习", "微调", "蒸馏", "sota",
                 "api", "gpu", "h100", "vllm", "megatron", "python", "mcp", "kl divergence"):
        assert text in stoplist, text


def test_stoplist_lines_parse():
    path = lexicon_dir() / "not_entities.jsonl"
    texts = set()
    for number, line in _lines(path):
        obj = json.loads(line)
        assert set(obj) == {"text", "reason"}, f"not_entities.jsonl:{number}"
        assert obj["reason"] in STOPLIST_REASONS, f"not_entities.jsonl:{number}"
        key = obj["text"].casefold()
        assert key not in texts, f"not_entities.jsonl:{number}: duplicate {obj['text']!r}"
        texts.add(key)


def test_chinese_method_aliases_belong_to_the_closed_list(entries):
    allowed = {name for names in CHINESE_METHOD_NAMES.values() for name in names}
    found: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.type != "method":
            continue
        for name in entry.names:
            if CJK.search(name):
                assert name in allowed, f"{entry.label}: Chinese name {name!r} not in the guide's list"
                assert name in CHINESE_METHOD_NAMES.get(entry.label, ()), (entry.label, name)
                found[entry.label].add(name)
    assert found == CHINESE_METHOD_NAMES


def test_chinese_metric_names_have_english_canonical_label(entries):
    for entry in entries:
        if entry.type == "metric":
            assert not CJK.search(entry.label), entry.label


# An alias that is its label plus a version, size or edition names another release ('FlashAttention-2'
# is not FlashAttention: versions are distinct entities, ANNOTATION.md), so it is an entry of its own
# with the label as its family.  These aliases are the one release the label names, with or without
# its size or edition.
SAME_RELEASE_ALIASES = {
    "ARC-AGI-1", "Oxford Flowers-102", "DL3DV-10K", "EPIC-Kitchens-100", "EPIC-KITCHENS-100", "Atari 2600", "Atari-57",
    "BLEU-4", "QVQ-72B", "DeepSeek-R1-671B", "Mistral-7B-v0.1", "Kimi-VL-A3B", "Seedance 1.0", "Seed-OSS-36B",
    "GOT-OCR2.0", "GOT-OCR 2.0", "RDT-1B", "GPT-NeoX-20B", "Fuyu-8B", "HiDream-I1", "E5-Mistral-7B",
}
_RELEASE_TAIL = re.compile(r"^[\s\-_]*(?:\d+(?:\.\d+)?[BbMmKk]|v?\d+(?:\.\d+)*|[A-Z]\d+[Bb]?)$")
# likewise a post-trained or later checkpoint of the label's model ('Qwen2.5-Coder-7B-Instruct', the
# gold's name, is not Qwen2.5-Coder-7B; 'DeepSeek-V3.1-Terminus' is not DeepSeek-V3.1)
_VARIANT_TAIL = re.compile(r"^[\s\-_](?:Instruct|Base|Chat|Preview|high|Turbo|Terminus|Exp)$", re.I)


def test_no_alias_is_another_release_of_its_label(entries):
    clashes = []
    for e in entries:
        for alias in e.aliases:
            tail = alias[len(e.label):] if alias.casefold().startswith(e.label.casefold()) else ""
            release = re.search(r"\d", tail) and _RELEASE_TAIL.match(tail) and alias not in SAME_RELEASE_ALIASES
            if tail and (release or _VARIANT_TAIL.match(tail)):
                clashes.append((e.label, alias))
    assert not clashes, clashes


def test_families_refer_to_entries_of_the_same_type(entries):
    labels = {(e.type, e.label) for e in entries}
    missing = [(e.label, e.family) for e in entries if e.family and (e.type, e.family) not in labels]
    assert not missing, missing


@pytest.mark.parametrize(
    "name,etype",
    [
        ("AIME 2024", "benchmark"), ("AIME'25", "benchmark"), ("维基百科", "benchmark"),
        ("SWE-bench Verified", "benchmark"), ("τ-bench", "benchmark"), ("HLE", "benchmark"),
        ("GPT-40", "model"), ("Claude-3.5-Sonnet", "model"), ("Gemini-2.5-Pro", "model"),
        ("DeepSeek R1", "model"), ("FLUX.1", "model"), ("Kimi-K2", "model"), ("o3-mini", "model"),
        ("Monte Carlo Tree Search", "method"), ("组相对策略优化", "method"), ("beam search", "method"),
        ("准确率", "metric"), ("GPU小时", "metric"), ("F1分数", "metric"), ("皮尔逊相关系数", "metric"),
    ],
)
def test_known_names_are_found(entries, name, etype):
    key = normalize_name(name)
    assert any(e.type == etype and key in {normalize_name(n) for n in e.names} for e in entries), name


def test_curated_wins_over_generated(tmp_path):
    (tmp_path / "benchmarks.jsonl").write_text(
        '{"label": "MMLU", "aliases": []}\n', encoding="utf-8")
    gen = tmp_path / "generated"
    gen.mkdir()
    (gen / "benchmarks_x.jsonl").write_text(
        '{"_meta": {"source": "x", "version": "1"}}\n'
        '{"label": "mmlu", "aliases": []}\n'
        '{"label": "HellaSwag", "aliases": ["hellaswag"]}\n', encoding="utf-8")
    got = load_lexicon(tmp_path)
    assert [(e.label, e.source) for e in got] == [("MMLU", "curated"), ("HellaSwag", "x 1")]


def test_generated_files_have_meta_with_source_and_version():
    gen = lexicon_dir() / "generated"
    files = sorted(gen.glob("*.jsonl")) if gen.is_dir() else []
    assert files, "no generated lexicon file"
    for path in files:
        first = json.loads(_lines(path)[0][1])
        assert first["_meta"]["source"] and first["_meta"]["version"], path.name
        meta, items = read_generated_file(path)
        assert meta == first["_meta"]
        assert items, path.name


def test_generated_lm_eval_has_no_ordinary_lowercase_words():
    path = lexicon_dir() / "generated" / "benchmarks_lm_eval.jsonl"
    _, items = read_generated_file(path)
    names = {n for e in items for n in e.names}
    for word in ("race", "arithmetic", "copa", "story", "logic", "translation", "pile", "squad"):
        assert word not in names, word


@pytest.mark.parametrize(
    "content,line",
    [
        ('{"label": "A", "aliases": []}\n{"label": "B", "aliases": [}\n', 2),
        ('{"label": "A", "aliases": []}\n\n{"aliases": ["x"]}\n', 3),
        ('{"label": "A", "aliases": "x"}\n', 1),
        ('["A"]\n', 1),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path, content, line):
    path = tmp_path / "models.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_lexicon(tmp_path)
    assert f"models.jsonl:{line}" in str(info.value)


def test_generated_without_meta_is_rejected(tmp_path):
    gen = tmp_path / "generated"
    gen.mkdir()
    (gen / "benchmarks_x.jsonl").write_text('{"label": "X", "aliases": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="benchmarks_x.jsonl:1"):
        load_lexicon(tmp_path)


def test_malformed_stoplist_line(tmp_path):
    (tmp_path / "not_entities.jsonl").write_text(
        '{"text": "LLM", "reason": "architecture"}\n{"text": "X", "reason": "nope"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="not_entities.jsonl:2"):
        load_stoplist(tmp_path)
