"""Stage 3: resolve mentions into entities, one per real-world thing, across the corpus.

Input: the extraction Docs of all papers.  Output: :class:`Resolution` with

* ``entities``: key -> :class:`Entity` (type, canonical label, every surface form seen,
  family), one per thing, whatever paper or digest it came from;
* ``links``: the paper–entity links with the sentence that supports each.

Rules (``ANNOTATION.md`` and the issue's "Resolve" section):

* identity is the normalised name (case, spaces and ``-_.'()[]{}/:,`` do not count), so
  ``AIME'24``/``AIME 24``/``aime24`` meet, while a digit or suffix keeps names apart
  (``Qwen2.5-VL-7B`` ≠ ``Qwen2.5-VL-72B``, ``MMLU`` ≠ ``MMLU-Pro``): there is no fuzzy matching;
* lexicon aliases and abbreviation definitions (``蒙特卡洛树搜索（MCTS）``) map other
  surface forms onto one key;
* a type is one decision per entity: the lexicon's, else the one with the most cue weight
  pooled over every paper that names it (a name cued as a benchmark in one paper is a
  benchmark in another, even where that paper gives no cue);
* a paper's own headline is typed by what the paper calls it (model, dataset), else
  ``framework``; its own "X方法/框架" cues do not make it a reusable method.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc

from kg.extract.names import DESCRIBING_SUFFIX, shape_kinds
from kg.extract.spans import doc_text, doc_value, group_spans, sentence_of, span_value
from kg.resolve.normalize import normalize
from kg.resolve.resolver import LEXICON_WEIGHT, RELATION_OF_TYPE

__all__ = ["Entity", "Link", "Mention", "PaperMentions", "Proposal", "Resolution", "resolve", "resolve_records", "paper_mentions", "RELATION_OF_TYPE"]

_REPORTED = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|分|点|倍|ms|s\b|秒|FPS|fps|×|x\b)|\d+\.\d+|\d{1,3}(?:,\d{3})+|\b(?:of|at|is|was)\s+\$?\d|提升|提高|优于|超过|超越|降低|降至|高出|领先|达到|可达|高达|"
    r"接近|逼近|媲美|持平|匹敌|comparable|on par|\bmatch(?:es|ing)\b|\brivals?\b|"  # a result without its number
    r"improv|outperform|higher|lower|better|surpass|achiev|reach|lift|rais|boost|cut|reduc|decreas|\bfrom\s+\$?\d|"
    r"评估|评测|衡量|evaluat",  # (the measure the text evaluates in: '采用准确率和ECE进行评估')
    re.I,
)
_METRIC_GLOSS = re.compile(r"\s*[（(]\s*[A-Za-z][\w.\-]*@[\w.]+\s*[）)]")
# a Chinese measure glossed by a qualified English one: '引用精确率（citation precision）', '首字延迟（first-token
# latency）', '平均准确率（Average Accuracy, AA）'; the gloss is the measure the text names, and its head
# word (the lexicon's 'precision') is no measure of its own there
_QUALIFIED_GLOSS = re.compile(r"\s*[（(]\s*(?P<gloss>[A-Za-z][A-Za-z\-]*(?: [A-Za-z][A-Za-z\-]*)+)\s*(?:[,，]\s*(?P<acronym>[A-Z][\w@\-]*)\s*)?[）)]")
_PLAIN_QUALIFIER = re.compile(r"^(?:average|mean|overall|total|final|top-1)\s", re.I)  # ('average accuracy' is accuracy)


def _qualified_gloss(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the qualified English gloss of the lexicon measure at [start, end) stands (see
    ``_QUALIFIED_GLOSS``): the one after a Chinese measure, or the one the English measure ends.

    >>> t = "引用精确率（citation precision）从61.7%提升到88.2%"
    >>> _qualified_gloss(t, 2, 5), _qualified_gloss(t, 15, 24)
    ((6, 24), (6, 24))
    """
    if text[start:start + 1].isascii():
        opening = max(text.rfind("（", max(0, start - 40), start), text.rfind("(", max(0, start - 40), start))
        if opening < 1 or not "\u4e00" <= text[opening - 1] <= "\u9fff":
            return None
        m = _QUALIFIED_GLOSS.match(text, opening)
        if m is None or m.end("gloss") != end:
            return None
    else:
        m = _QUALIFIED_GLOSS.match(text, end)
        if m is None or not text[m.start("gloss"):m.end("gloss")].isascii():
            return None
    if _PLAIN_QUALIFIER.match(m.group("gloss")) and not m.group("acronym"):
        return None
    return m.start("gloss"), m.end("gloss")


# the measure's value right after it, in any unit: '吞吐量约为每秒22个词', '单卡吞吐量约为每秒450万原子步'
_VALUE_IN_ANY_UNIT = re.compile(r"\s*(?:[（(][^（）()]{0,30}[）)])?\s*(?:约|大约|仅)?(?:为|达|是)[^，。；,;]{0,6}?\d")
# the text calls it the measure it evaluates in: 'scores planners with the EPDMS metric', '以EPDMS指标'
_NAMED_A_MEASURE = re.compile(r"\s*(?:metrics?\b|指标)")


def _reported_near(text: str, start: int, end: int) -> bool:
    """A value or a comparison close to a metric name, within its sentence."""
    left = re.split(r"[。！？\n]", text[max(0, start - 25) : start])[-1]
    right = re.split(r"[。！？\n]", text[end : end + 40])[0]
    return bool(_REPORTED.search(left + " " + right) or re.search(r"\d\s*(?:个|张|块)?\s*$", left) or _VALUE_IN_ANY_UNIT.match(right)
                or _NAMED_A_MEASURE.match(right))


# a Chinese rate or accuracy the text qualifies by what it measures ('编辑成功率', '引用准确率'), not by how it
# is aggregated or where it is taken ('平均准确率', '相对准确率', '测试准确率', '任务成功率': the measure itself)
_COMPOUND_HEADS = frozenset(["准确率", "成功率", "正确率", "通过率", "完成率"])
_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,6}$")
_TOP_K_BEFORE = re.compile(r"(?<![A-Za-z0-9-])[Tt]op-?(?:\d+|k)\s*$")
_NOT_A_QUALIFIER = re.compile(  # function words, and verbs and adjectives that take the measure ('显著提升准确率', '相同准确率')
    r"(?:提升|提高|采用|保持|通过|按照|按|降低|实现|达到|获得|取得|增加|减少|改善|优化|相同|相近|更高|更低|较高|较低|评估|衡量|报告|计算|使用|提出|定义|引入|"
    r"的|在|上|和|与|及|或|将|对|为|以|从|其|中|了|使|让|把|被|达|较|比|是|即|均|并|且|而|但|后|前|时|下|内|外)")
_AGGREGATE_START = re.compile(r"^(?:平均|总体|整体|最终|最高|最佳|最优|相对|绝对|综合|实际|渐近)")
_AGGREGATE_END = re.compile(
    r"(?:平均|总体|整体|总|最终|最高|最佳|最优|相对|绝对|模型|方法|测试|验证|训练|任务|综合|基准|回答|答案|答题|预测|分类|识别|推理|问答|"
    r"样本|单步|整句|首次|一次|严格|宽松|模式|设置|加权|原始|基线|人工|人类|总计|各项|单项|集|"
    r"系统|管线|流水线|管道|框架|方案|智能体)$")  # (集: where it is taken, '验证集通过率'; 管线: the system measured, 'RAG管线准确率')


def _compound_metric_start(text: str, start: int, end: int) -> int | None:
    """Where a compound measure starts ('编辑成功率' for the lexicon's '成功率' at [start, end), 'top-2
    hit rate' for 'hit rate'), or None: a cut-off before it, else the last two to four characters
    of the run before it, up to a function word (five where a function word or a non-Chinese
    character bounds them: '其方向一致性准确率'), unless they say how the measure is aggregated or taken."""
    top = _TOP_K_BEFORE.search(text, max(0, start - 8), start)
    if top and (text[start:end] in _COMPOUND_HEADS or text[top.end() - 1] == " "):
        return top.start()  # 'top-1准确率', 'a 91% top-2 hit rate': the measure at a cut-off is one of its own
    if text[start:end] not in _COMPOUND_HEADS:
        return None
    run = _HAN_BEFORE.search(text, max(0, start - 6), start)
    if run is None:
        return None
    parts = _NOT_A_QUALIFIER.split(run.group())
    bounded = len(parts) > 1 or run.start() == 0 or not _HAN.match(text, run.start() - 1)
    words = _AGGREGATE_START.sub("", parts[-1])
    words = words if bounded and len(words) <= 5 else words[-4:]
    if len(words) < 2 or _AGGREGATE_END.search(words):
        return None
    return start - len(words)


_FAMILY_SPLIT = re.compile(r"[-_ ](?=\d|[A-Z]|v\d|mini|base|instruct|chat)", re.I)


@dataclass
class Entity:
    key: str
    type: str  # benchmark | model | method | metric | framework
    label: str
    aliases: set[str] = field(default_factory=set)
    family: str | None = None  # key of the family entity (Qwen2.5-VL-72B -> qwen25vl)
    in_lexicon: bool = False


@dataclass(frozen=True)
class Link:
    paper_id: str
    key: str
    relation: str  # evaluatesOn | usesModel | usesMethod | reportsMetric | proposes
    sentence: str


@dataclass
class Resolution:
    entities: dict[str, Entity]
    links: list[Link]


@dataclass
class Mention:
    """One name in one paper, as plain data (picklable: caches and worker processes can hold it)."""

    paper_id: str
    surface: str
    key: str
    votes: dict[str, int]
    sentence: str
    canonical: str | None = None
    family: str | None = None


@dataclass
class Proposal:
    paper_id: str
    surface: str
    kind: str  # model | benchmark | method | metric | framework
    headline: bool
    sentence: str


@dataclass
class PaperMentions:
    """What resolution needs from one paper's Doc: mentions, proposals, abbreviation pairs."""

    paper_id: str
    mentions: list[Mention]
    proposals: list[Proposal]
    abbreviations: list[tuple[str, str]]


_ARCHITECTURE_WORDS = ("结构", "架构")


def paper_mentions(doc: Doc) -> PaperMentions:
    """Read the extraction results off one Doc (see :mod:`kg.extract.spans`)."""
    pid = doc_value(doc, "paper_id")
    text = doc_text(doc)  # span texts by slicing (Span.text rebuilds them from tokens)
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    # plain copies of the spans: a Span's label_ and kb_id_ are string look-ups on every access
    lexicon = [_Sp(s.start_char, s.end_char, s.label_, s.kb_id_) for s in group_spans(doc, "lexicon")]
    names = group_spans(doc, "names")  # (a name has no label)
    longer_names = [*names, *group_spans(doc, "proposed")]
    names_at: dict[int, list] = {}  # by start: only a name starting where a lexicon name does can be its variant
    for n in names:
        names_at.setdefault(n.start_char, []).append(n)
    variant_of: dict[tuple[int, int], _Sp] = {}  # a name that is a lexicon name plus a version -> that lexicon name
    versioned: dict[tuple[int, int], _Sp] = {}  # a lexicon model with the version after it -> the lexicon model
    pairs = doc_value(doc, "abbreviations")
    long_forms = [(lf.start_char, lf.end_char) for _, lf in pairs if _HAN.search(text, lf.start_char, lf.end_char)]
    # the English long forms the paper spells its acronyms out with: a technique the lexicon knows inside
    # one is only part of the paper's own name ('Layout-Aware Token Merging (LATM)' names no token merging)
    coined = [(lf.start_char, lf.end_char) for _, lf in pairs if " " in text[lf.start_char : lf.end_char]
              and not _HAN.search(text, lf.start_char, lf.end_char)]
    # a compound Chinese measure ('编辑成功率') is one of its own, unless the paper also reports the bare
    # measure ('准确率'): then the compound is that measure qualified ('定位准确率' beside '准确率')
    compound_at, plain_heads = {}, set()
    for span in lexicon:
        if span.label_ != "metric":
            continue
        at = _compound_metric_start(text, span.start_char, span.end_char)
        if at is not None:
            compound_at[span.start_char] = at
        elif text[span.start_char : span.end_char] in _COMPOUND_HEADS:
            plain_heads.add(text[span.start_char : span.end_char])
    lexicon_at = {(span.start_char, span.end_char) for span in lexicon}  # (a gloss the lexicon knows whole is its own name)
    for span in lexicon:
        start, end = span.start_char, span.end_char
        if _part_of_another_name(text, span, long_forms):
            taken.append((start, end))  # (nor is the name finder's span of it a name)
            continue
        if span.label_ == "model" and text.startswith(_ARCHITECTURE_WORDS, end):
            taken.append((start, end))  # 'T5结构的检索模型', 'DiT架构': the shape of the paper's own network, no model used
            continue
        longer = [n for n in names_at.get(start, ()) if _variant_of(text[n.start_char : n.end_char], span, n)]
        if longer:  # 'Arena Hard v2' is not 'Arena Hard': the longer name (a version of it) wins
            for n in longer:
                variant_of.setdefault((n.start_char, n.end_char), span)
            continue
        if span.label_ == "model" and any(n.start_char < start and end <= n.end_char for n in longer_names):
            continue  # 'Audio Flamingo 4' names no Flamingo: the longer name (or title name) is a variant of the family
        if span.label_ == "method" and (_head_of_variant(text, start, end, longer_names)
                                        or any(a <= start and end <= b and (a, b) != (start, end) for a, b in coined)):
            taken.append((start, end))  # 'Action-Conditioned Flow Matching' names no flow matching: the
            continue  # guide's 'a name that occurs only inside another name is not annotated on its own'
        sentence = sentence_of(doc, start, end)
        version = _FAMILY_VERSION.match(text, end) if span.label_ in ("model", "benchmark") else None
        if version and span.label_ == "benchmark" and version.group()[-1] in "BM":
            version = None  # a size names a model's checkpoint; after a dataset it counts ('FineWeb 100B tokens')
        if version:  # English 'Grok 5 (27.8%)', 'on Terminal-Bench 3 it': the name finder takes no lone 'Grok'
            mentions.append(Mention(pid, text[start : version.end()], normalize(text[start : version.end()]),
                                    {span.label_: 3}, sentence, family=span.kb_id_))
            taken.append((start, version.end()))
            versioned[(start, version.end())] = span
            continue
        if span.label_ == "metric" and not _reported_near(text, start, end):
            taken.append((start, end))  # (nor is the name finder's 'Pass@1' there a metric of its own)
            continue  # a metric counts where a result is reported in it, not where it is discussed
        if span.label_ == "metric" and _METRIC_GLOSS.match(text, end):
            continue  # '准确率（Acc@8）': the bracketed name is the metric meant
        if span.label_ == "metric" and (gloss := _qualified_gloss(text, start, end)) and gloss not in lexicon_at:
            if gloss[0] >= end:
                continue  # the Chinese measure: the gloss after it names it
            mentions.append(Mention(pid, text[gloss[0]:gloss[1]], normalize(text[gloss[0]:gloss[1]]), {"metric": 3}, sentence))
            taken.append(gloss)
            continue
        compound = compound_at.get(start) if text[start:end] not in plain_heads else None
        if compound is not None:  # '编辑成功率', '引用准确率': a measure of its own, named by the text
            mentions.append(Mention(pid, text[compound:end], normalize(text[compound:end]), {"metric": 3}, sentence))
            taken.append((compound, end))
            continue
        mentions.append(Mention(pid, text[start:end], normalize(span.kb_id_), {span.label_: LEXICON_WEIGHT}, sentence, canonical=span.kb_id_))
        taken.append((start, end))
    for m in _SIZES_AFTER_SLASH.finditer(text):  # 'Qwen2.5-Math-1.5B/7B': the 7B model is named too
        for size in m.group("more").split("/")[1:]:
            surface = m.group("stem") + size
            mentions.append(Mention(pid, surface, normalize(surface), {"model": 2}, sentence_of(doc, m.start(), m.end())))
    lexicon_spans = {(s.start_char, s.end_char): s for s in lexicon} | versioned
    for span in names:
        start, end = span.start_char, span.end_char
        inside = [t for t in taken if t[0] >= start and t[1] <= end] if taken else []
        if inside and inside[0] == (start, end):
            continue  # the lexicon has it
        if len(inside) == 1 and inside[0][1] == end and _DESCRIBED.fullmatch(text, start, inside[0][0]):
            continue  # 'LLM-based Chain-of-Thought' is Chain-of-Thought, described
        if taken and any(t[0] < end and start < t[1] for t in taken if t not in inside):
            continue  # crosses a lexicon name: trust the lexicon
        votes = dict(span_value(doc, span, "votes") or {})
        family = None
        lex = lexicon_spans[inside[0]] if inside else variant_of.get((start, end))
        if lex is not None and lex.label_ != "benchmark" and "benchmark" in shape_kinds(text[start:end]):
            lex = None  # 'Chronos Benchmark II' around lexicon 'Chronos': a benchmark, of no model's family
        if lex is not None:  # 'Claude 4.1 Opus' around lexicon 'Claude', 'HMMT Feb 2026' after 'HMMT': of the family
            votes[lex.label_] = max(votes.get(lex.label_, 0), 3)
            family = lex.kb_id_
        mentions.append(Mention(pid, text[start:end], normalize(text[start:end]), votes, sentence_of(doc, start, end), family=family))
    proposals = [
        Proposal(pid, text[s.start_char : s.end_char], s.label_, bool(span_value(doc, s, "headline", False)), sentence_of(doc, s.start_char, s.end_char))
        for s in group_spans(doc, "proposed")
    ]
    abbreviations = [(text[a.start_char : a.end_char], text[b.start_char : b.end_char]) for a, b in pairs]
    return PaperMentions(pid, mentions, proposals, abbreviations)


# a version number after a lexicon model or benchmark, its size and the edition words that may follow
# it ('Gemma 4 27B', 'Gemini 3 Pro', 'Kimi K3'; not a count: 'SWE-bench 2,294 tasks'; not a GPU: 'H20', 'A100')
_FAMILY_VERSION = re.compile(r" (?:\d+(?:\.\d+)?[BM]|[A-Z]\d(?:\.\d+)?(?=[\s,;.)）]|$)|(?!\d{2,}\.\d)v?\d+(?:\.\d+)*(?:-[A-Za-z0-9.]*[A-Za-z0-9])*(?: \d+(?:\.\d+)?[BM])?)(?: (?:Pro|Flash|Opus|Sonnet|Haiku|Ultra|Max|Plus|Lite|Mini|mini|Nano|nano|Turbo|Thinking|Instruct))*"
                             r"(?![\w%-]|\.\w|,\d|\s*[×xX]\s*\d)")  # (no score: 'MMStar 64.2 vs. 63.9'; no resolution: 'ImageNet 256×256')

_HAN = re.compile(r"[\u4e00-\u9fff]")
# a model's name with its size, then more sizes after slashes: 'Qwen2.5-Math-1.5B/7B', 'Orchid-1.5B/7B/32B'
_SIZES_AFTER_SLASH = re.compile(
    r"(?<![A-Za-z0-9.\-])(?P<stem>[A-Za-z][A-Za-z0-9.\-]*?-)\d+(?:\.\d+)?[BM](?P<more>(?:/\d+(?:\.\d+)?[BM])+)(?![A-Za-z0-9.])"
)


_PLAIN_TECHNIQUE = re.compile(r"^(?:(?:vanilla|standard|original|naive|plain|conventional|classic|classical|baseline|the|a|an)\s+)+$", re.I)


def _head_of_variant(text: str, start: int, end: int, names) -> bool:
    """Whether the lexicon technique at [start, end) ends a longer name of the paper that names a variant
    of it, here or (the same words) elsewhere: the title's '… with Lyric-Aligned Flow Matching' when the
    summary names 'Lyric-Aligned Flow Matching'."""
    for n in names:
        length = n.end_char - n.start_char
        if length > end - start and end >= length and text.startswith(text[start:end], n.end_char - (end - start)):
            name = text[n.start_char : n.end_char]
            if text.startswith(name, end - length) and _qualifies(name[: length - (end - start)], proposed=bool(n.label_)):
                return True
    return False


def _qualifies(words: str, proposed: bool = False) -> bool:
    """Whether the words before a lexicon technique name a variant of it ('Lyric-Aligned ', 'Discrete '),
    not the technique itself ('Vanilla ', 'LLM-based '); in a part the paper ``proposed``, any words but
    plain ones do ('Chunk-wise Flow Matching' is its own, however '-wise' reads).

    >>> _qualifies("Lyric-Aligned "), _qualifies("Vanilla "), _qualifies("LLM-based "), _qualifies("Chunk-wise ", proposed=True)
    (True, False, False, True)
    """
    return not _PLAIN_TECHNIQUE.match(words) and (proposed or not _DESCRIBED.fullmatch(words))


_AT_CUT_OFF = re.compile(r"[A-Za-z]@\d+(?:\.\d+)?%$")


def _part_of_another_name(text: str, span, chinese_long_forms) -> bool:
    """Whether a lexicon name is only part of another name: a model inside the Chinese long form
    of the paper's own acronym ('DeepSeek稀疏注意力（DSA）' names no model DeepSeek; '步骤成功率(SR)'
    does name success rate), or the organisation of a Hugging Face id, which its model's name
    repeats ('Qwen/Qwen4-14B-Base'; not 'RLHF/RLAIF'), or the rate a cut-off is taken at ('TPR@0.1%FPR')."""
    start, end = span.start_char, span.end_char
    if span.label_ == "model" and any(a <= start and end <= b and (start, end) != (a, b) for a, b in chinese_long_forms):
        return True
    if _AT_CUT_OFF.search(text, max(0, start - 12), start):
        return True
    return text.startswith("/", end) and text[end + 1 : 2 * end - start + 1].casefold() == text[start:end].casefold()

# words before a lexicon name that only describe it: 'LLM-based ', 'Training-free '
_DESCRIBED = re.compile(rf"(?:[\w.+-]+{DESCRIBING_SUFFIX} )+", re.I)


class _Sp(NamedTuple):
    start_char: int
    end_char: int
    label_: str
    kb_id_: str


_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})(?!.*[a-z]{3})[A-Za-z][A-Za-z0-9\-]{1,8}$")  # ("Search-R1" is a word, no acronym)


def _spelled_out(record: PaperMentions) -> list[tuple[str, str]]:
    """(acronym, phrase) pairs of one paper where a multi-word English phrase it proposes spells
    out an acronym it uses (title 'Variance-Aware Sampling', summary 'VAS'):
    the acronym's capitals are the initials of the phrase's words, in order, at most one word left over."""
    phrases = {p.surface for p in record.proposals if " " in p.surface.strip() and p.surface.isascii()}
    acronyms = {m.surface for m in record.mentions if _ACRONYM.match(m.surface)}
    acronyms |= {p.surface for p in record.proposals if _ACRONYM.match(p.surface)}
    pairs = []
    for phrase in phrases:
        initials = [w[0].lower() for part in phrase.split() for w in part.split("-") if w]
        for acro in acronyms:
            capitals = [c.lower() for c in acro if c.isupper()]
            if len(initials) - len(capitals) <= 1 and _subsequence(capitals, initials):
                pairs.append((acro, phrase))
    return pairs


def _subsequence(short: list, long: list) -> bool:
    it = iter(long)
    return bool(short) and short[0] == long[0] and all(c in it for c in short)


# up to four words: 'Gemini' -> 'Gemini 3 Deep Think', 'Claude' -> 'Claude Opus 7 Thinking', 'Grok' -> 'Grok 3-mini-beta'
_VERSION_TAIL = re.compile(r"^[\s\-]*(?:v?\d[\w.]*(?:-[\w.]+)*|[A-Z][\w.]*\+{0,2})(?:[\s\-]+(?:v?\d[\w.]*|[A-Z][\w.]*\+{0,2})){0,3}$")  # ('SWE-bench Pro++')


_POINT_RELEASE = re.compile(r"\.\d+")


def _variant_of(name: str, lex_span, name_span) -> bool:
    """True if ``name`` is the lexicon name plus a version or size ('Claude' -> 'Claude 4.1 Opus')."""
    if name_span.start_char != lex_span.start_char or name_span.end_char <= lex_span.end_char:
        return False
    head, tail = name[: lex_span.end_char - lex_span.start_char], name[lex_span.end_char - lex_span.start_char :]
    if head[-1:].isdigit() and (point := _POINT_RELEASE.match(tail)):
        tail = tail[point.end():]  # 'Llama 3.1-8B-Instruct' after 'Llama 3': another release, not Llama 3
        if not tail:
            return True
    return bool(_VERSION_TAIL.match(tail))


def resolve(docs: list[Doc], lexicon=()) -> Resolution:
    """Pool the mentions of all docs into entities and links (see module docstring)."""
    return resolve_records([paper_mentions(doc) for doc in docs], lexicon)


def resolve_records(records: list[PaperMentions], lexicon=()) -> Resolution:
    """:func:`resolve` on plain records: a :class:`~kg.resolve.resolver.Resolver` fold over all of them."""
    from kg.resolve.resolver import LexiconIndex, Resolver, paper_links

    resolver = Resolver(LexiconIndex.build(lexicon))
    resolver.define(records)
    evs = resolver.fold(records)
    entities = {}
    for key in sorted(resolver.tallies):
        e = resolver.entity(key)
        if e is not None:
            entities[key] = e
    links = [link for ev in evs for link in paper_links(ev, entities.get)]
    return Resolution(entities, sorted(links, key=lambda l: (l.paper_id, l.key, l.relation)))


def _canonical(forms: Counter) -> str:
    """The most used surface form; ties go to the one with more capitals (MinerU over mineru)."""
    return max(sorted(forms), key=lambda f: (forms[f], sum(c.isupper() for c in f) > 0, -len(f)))
