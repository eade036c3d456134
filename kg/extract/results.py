"""The ``paperkg_results`` component: numeric result candidates in a summary.

It runs after the name components and writes ``doc._.results``: a list of
:class:`ResultCandidate`, one per reported number, with character offsets for every slot.
It does not decide what a name *is* -- that is the resolver's job: for each slot it lists
the candidate name spans in order of preference (nearest first, the scoping frame first),
and :func:`kg.results.resolve_results` keeps the first that resolved to an entity of the
slot's type, or leaves the slot empty.

What is read from a sentence (Chinese and English)::

    在AIME'24基准测试上，该方法使Qwen3-8B-Base模型的pass@1得分…（从39.69%到48.23%）
      benchmark frame        evaluated entity   metric          baseline -> value
    FID达到了40.3，显著优于基线模型GPT-40的74.4          value; cue + compared entity + its value
    在AndroidWorld和WebArena上分别取得了75.8%和60.1%     "respectively": ith value, ith name
    achieves 48.2% pass@1 on AIME 2024, outperforming DAPO (41.0%)

Numbers that are not scores are skipped: parts of names (``GPT-4o``, ``Qwen3-8B``), sizes and
counts (``7B``, ``30个步骤``, ``12亿参数``), resolutions (``256×256``), ranges (``20%-50%``),
conditions (``当压缩率为20%时``, ``在20%的压缩率下``) and improvements (``提升了21.5%``,
``improves by 3 points``; an ``×`` speed-up is kept, it is a reported measure).  A percentage,
a score in points or a bare number also needs a metric or score word, or a benchmark frame
with a result verb, in its clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.spans import CueScanner, doc_text, doc_value, group_spans, set_doc_value, span_value

__all__ = ["ResultCandidate", "Comparison", "ResultsExtractor", "extract_results", "UNITS"]

Offsets = tuple[int, int]

if not Doc.has_extension("results"):
    Doc.set_extension("results", default=None)


@dataclass
class Comparison:
    """A compared-with name in a comparison phrase and, where given, its value."""

    span: Offsets | None  # the name (None for a generic "the baseline")
    candidates: list[Offsets] = field(default_factory=list)  # variants of the name, longest first
    value: str | None = None
    value_span: Offsets | None = None
    unit: str | None = None


@dataclass
class ResultCandidate:
    value: str  # the number as written (no thousands separators): "48.23"
    value_span: Offsets
    unit: str | None  # "%", "points", "×", "FPS", "s", "ms", "min", "h" or None
    sentence: str
    sentence_span: Offsets
    raw_text: str  # the clause(s) the value was read from
    metric: Offsets | None = None  # first candidate of each slot (the resolver may take a later one)
    metric_candidates: list[Offsets] = field(default_factory=list)
    benchmark: Offsets | None = None
    benchmark_candidates: list[Offsets] = field(default_factory=list)
    entity: Offsets | None = None
    entity_candidates: list[Offsets] = field(default_factory=list)
    baseline_value: str | None = None  # from "从A到B" / "from A to B" (A)
    baseline_span: Offsets | None = None
    compared: list[Comparison] = field(default_factory=list)
    respectively: tuple[int, int] | None = None  # (index of this value, number of values)
    respectively_candidates: list[Offsets] = field(default_factory=list)
    requires_metric: bool = False  # only a result if the metric slot resolves (weak cue)
    lists: list[list[Offsets]] = field(default_factory=list)  # enumerations (A、B和C): one name each

    @property
    def compared_with(self) -> Offsets | None:
        return next((c.span for c in self.compared if c.span), None)


# --------------------------------------------------------------------------------------
#  Lexical patterns (Chinese and English)
# --------------------------------------------------------------------------------------

UNITS = {
    "%": "%", "％": "%",
    "个百分点": "pp", "百分点": "pp", "percentage points": "pp", "percentage point": "pp", "pp": "pp",
    "分": "points", "points": "points", "point": "points", "pts": "points",
    "倍": "×", "×": "×", "x": "×",
    "fps": "FPS", "帧/秒": "FPS",
    "ms": "ms", "毫秒": "ms",
    "秒": "s", "s": "s", "seconds": "s", "second": "s", "sec": "s",
    "分钟": "min", "min": "min", "minutes": "min",
    "小时": "h", "hours": "h", "hour": "h", "h": "h",
}
_UNIT_RE = (
    r"个百分点|百分点|percentage points?\b|pp\b|%|％|分钟|分(?![别数布析类支解割辨阶段层配享之子散区])"
    r"|points?\b|pts\b|倍|×|x\b|FPS\b|fps\b|帧/秒|ms\b|毫秒|秒|seconds?\b|sec\b|s\b|min\b|minutes\b|小时|hours?\b|h\b"
)
# a number (group 1) not glued to a name, and its unit (group 2); the checks on the character
# before come after the first digit, so that the pattern starts with a character class (\d)
# and the regex engine scans fast
_NUMBER = re.compile(
    r"(\d(?<![A-Za-z0-9_.\-'’@/×#$±]\d)(?<!± \d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))(?:\s?(" + _UNIT_RE + r"))?"
)
# what may not follow a score: a letter (7B, 10K), a classifier, a dimension, a range
_NOT_AFTER = re.compile(
    r"\s?(?:[A-Za-z]|[个步张条种次轮天年月日层维亿万千百名项类篇位块组台帧字词元样例倍款家所道轮份]|×\s?\d|x\d|[-~～–]\s?\d|/\d)"
)
# an ordinal or cut-off ('第3', 'top-5'), or a bound ('均低于40%', 'below 40%'): no value reported
# an English word that may follow a score ('an FVD of 98 on the test split', '41.0 vs. 38.2')
_WORD_AFTER_SCORE = re.compile(r" (?:on|in|at|for|with|and|or|vs\.?|versus|than|across|compared|while|when|after|under|from|to)\b")
_NOT_BEFORE = re.compile(r"(?:第|top-?|Top-?|前|低于|不足|少于|below |less than |under )$")
_DELTA_BEFORE = re.compile(
    r"(?:提升|提高|增加|增长|上升|改善|改进|降低|下降|减少|缩短|节省|节约|高出|超出|领先|超过了?|多出|加速|提速|增益|"
    r"improv\w*|boost\w*|gains?|increas\w*|reduc\w*|decreas\w*|lower\w*|rais\w*|cut\w*|outperform\w*|surpass\w*|by|"
    r"高|低)"
    r"(?:\s*(?:了|达|约|近|超|逾|超过|高达|多达|达到了?|up to|over|of|by|nearly|about|approximately|roughly|around|an average of|average|平均)){0,2}"
    r"\s*$",  # (two qualifiers: '提高了约9.4%', 'improves by about 3%')
    re.I,
)
_DELTA_AFTER = re.compile(
    r"^\s*(?:以上|左右)?\s*(?:的)?\s*(?:相对|绝对|平均|性能|显著|巨大|大幅)?\s*(?:提升|提高|增益|改进|增长|改善|下降|降低|减少|"
    r"improvement|gain|increase|reduction|decrease|boost|higher|lower|better|fewer|more|less|drop|speed-?up)",
    re.I,
)
_CONDITION_AFTER = re.compile(r"^\s*(?:的)?[^，,。；;]{0,8}?(?:下|时)(?=[，,、]|$)")
_SCORE_WORDS = re.compile(
    r"得分|分数|评分|均分|平均分|准确率|正确率|精度|成功率|胜率|通过率|召回率|精确率|解决率|完成率|错误率|误差|指标|"
    r"score|accuracy|success rate|win rate|pass rate|error|\bacc\b|precision|recall",
    re.I,
)
_RESULT_VERB = re.compile(r"达到|达|取得|获得|实现|刷新|得分|拿到|创下|录得|为|achiev|reach|attain|obtain|scor|record|yield|deliver|resolv|solv", re.I)
_TIME_CUE = re.compile(r"延迟|时延|耗时|用时|时间|速度|latency|time|runtime|speed|throughput|吞吐", re.I)
_FROM = re.compile(r"(?:从|由|from)(?:[^，。；,;\d]{1,16}的)?\s*$", re.I)  # (and '从基线Retro*的79.5%')
_FROM_TO_BETWEEN = re.compile(
    r"^\s*(?:的)?\s*(?:[^，,。；;\d%]{0,4}?(?:提升|提高|增加|增长|上升|改善|降低|下降|减少|缩短|跃升|升|降|增|提)\s*(?:了)?\s*)?"
    r"(?:到|至|为|to|→|->|⟶)\s*$",
    re.I,
)
_VALUE_LIST_GAP = re.compile(r"\s*(?:[、,，]|和|与|及|以及|and|, and)\s*")
_ARROW = re.compile(r"^\s*(?:→|->|⟶)\s*$")
# comparison cues: the compared names follow the cue up to the end of the clause
_CMP_AFTER = CueScanner(
    r"优于|高于|超过了?|超越了?|胜过|领先于?|好于|强于|低于|相较于|相比于|相对于|对比|较之?|比",
    r"\bthan\b|\bover\b|\boutperform(?:s|ing|ed)?\b|\bsurpass(?:es|ing|ed)?\b|\bbeat(?:s|ing)?\b|"
    r"\bcompared (?:to|with)\b|\bvs\.?|\bversus\b|\brelative to\b|\bagainst\b",
    ("than", "over", "outperform", "surpass", "beat", "compared", "vs", "versus", "relative", "against"),
    re.I,
)
# "与X相比": the compared names lie between the two cue parts
_CMP_AROUND = re.compile(r"(?:与|和|同|跟)([^，,。；;]{1,60}?)(?:相比|相较|比较|对比)")
_GENERIC_BASELINE = re.compile(
    r"(?:(?:原始|原有|原|基础|现有)?(?:基线|基准方法|基准模型|baselines?|原模型|原始模型)(?:方法|模型|系统)?|the baseline|prior (?:art|methods?)|previous (?:best|SOTA|state[- ]of[- ]the[- ]art))",
    re.I,
)
_RESPECTIVELY = CueScanner(r"分别|各自", r"respectively", ("respectively",), re.I)
# ('其' not after 尤/极: the check follows the character, so that every Chinese cue starts with one)
_ANAPHOR = CueScanner(
    r"该(?:方法|模型|框架|系统|算法|技术|智能体|策略|方案|架构|工作|网络|代理)|本(?:文|研究)?(?:提出的)?(?:方法|模型|框架|系统)|"
    r"所提(?:出)?的?(?:方法|模型|框架|系统)|我们的(?:方法|模型|框架|系统)|其(?<![尤极]其)(?![他它中余次实])|它",
    r"\b(?:this|the proposed|our|the new) (?:method|model|framework|approach|system|agent|technique)\b|\bits\b|\bit\b",
    ("this", "the", "our", "it"),
    re.I,
)
# a name in a benchmark frame: 在X上 / X基准 / on X
_FRAME_BEFORE = re.compile(r"(?:在|于|\bon\b|\bin\b)\s*(?:[^，,。；;]{0,6}?)$", re.I)
_FRAME_AFTER = re.compile(
    r"^\s*(?:(?:基准测试|基准|测评|评测|数据集|测试集|榜单|任务|环境|基准集|benchmarks?|dataset|test set|leaderboard)\s*)?"
    r"(?:真实世界|合成)?(?:数据集|基准测试|基准)?(?:的(?:验证集|测试集|开发集|子集))?\s*(?:上|中|里|之上|当中)",
    re.I,
)
_TRAIN_AFTER = re.compile(r"^\s*(?:基准|数据集|数据)?(?:上|中)?\s*(?:进行)?(?:训练|微调|预训练|后训练|train|fine-?tun)", re.I)
_LATIN_WORD = r"[A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*(?:[-_.'’+/@×][A-Za-z0-9]+)*"
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9])(?:\d+\s?[×x]\s?\d+\s?)?(?=[A-Za-z0-9]*[A-Za-z])" + _LATIN_WORD + r"'?"
    r"(?:\s(?!\d+(?:\.\d+)?\s?(?:[%％分倍×]|points?\b|pts\b|FPS\b))" + _LATIN_WORD + r")*"
)
# where a _LATIN_NAME match can start: a letter or digit not right after one (see _latin_names)
_WORD_START = re.compile(r"[A-Za-z0-9](?<![A-Za-z0-9].)")
_MODIFIERS = re.compile(r"(?:平均|整体|总体|综合|总|average|mean|overall|avg\.?)\s?$", re.I)
# a sentence end: 。！？；;, a newline, or a period before a space or the end and not after a
# digit ('3.5'), unless an English sentence follows ('MRR@10 is 40.2. On LoTTE, …'); written
# as one character class first, so that the regex engine scans fast
_SENT_END = re.compile(r"[。！？；;\n.](?:(?<!\d\.)(?:(?<!\.)|(?=\s|$))|(?<=\d\.)(?=\s+[A-Z]))")
_CLAUSE_END = re.compile(r"[，,；;：:](?!\d)|(?<=[^\d]),")
# what _clauses looks at: brackets and clause ends; and an English 'and' between a value and a new
# name ('improves GSM8K accuracy from 78.1% to 84.6% and MATH-500 accuracy from 41.0% to 49.3%')
_CLAUSE_CHARS = re.compile(r"[（(）)，；;：:,]|(?<=[\d%]) and (?=[A-Z])")
_WORDS = re.compile(r"\S+")
_RESOLUTION_AFTER = re.compile(r"\s?\d")
_COMPOUND_AFTER = re.compile(r"-[A-Za-z\u4e00-\u9fff]")
_RANGE_AFTER = re.compile(r"[-~～–]\s?\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_BEFORE_CUE = re.compile(r"相较|相比|相对|对比|compared|relative", re.I)
_VALUE_OF = re.compile(r"\s*(?:的|'s|’s|:|：|\(|（|of|为|是|达到了?|取得了?|仅为|仅|只有|为止)?\s*(?:的)?\s*", re.I)
_IN_FRAME_BEFORE = re.compile(r"(?:在|于)[^在于上中，,]{0,10}$")
_IN_FRAME_AFTER = re.compile(r"[^，,上中]{0,8}(?:上|中)")
_ON_BEFORE = re.compile(r"(?:\bon|\bin|\bacross)\s+(?:the\s+)?$", re.I)
_ON_INSIDE = re.compile(r"(?:On|In|Across) (?=\S)")  # a sentence's 'On X' read as one run of capitalised words


# --------------------------------------------------------------------------------------
#  The component
# --------------------------------------------------------------------------------------


@Language.factory("paperkg_results")
def make_results_component(nlp: Language, name: str) -> "ResultsExtractor":
    return ResultsExtractor()


class ResultsExtractor:
    """Writes ``doc._.results`` (see module docstring); reads lexicon/names/proposed spans."""

    def __call__(self, doc: Doc) -> Doc:
        set_doc_value(doc, "results", extract_results(doc))  # doc._.results = ...
        return doc


@dataclass
class _Num:
    start: int
    end: int  # end of the number and its unit
    value: str
    unit: str | None
    num_end: int


@dataclass
class _Mention:
    start: int
    end: int
    variants: list[Offsets]  # longest first


_DIGIT = re.compile(r"\d")


def extract_results(doc: Doc) -> list[ResultCandidate]:
    text = doc_text(doc).replace("**", "  ")  # markdown bold: same offsets, no noise between words
    title_end = doc_value(doc, "title_end") if Doc.has_extension("title_end") else 0
    begin = title_end + 1 if title_end else 0
    sentences = [(s0, s1) for s0, s1 in _sentences(text, begin) if _DIGIT.search(text, s0, s1)]  # no number, no result
    if not sentences:
        return []
    mentions = _mentions(doc, sentences)
    headline = _headline(doc)
    # where the lexicon's metrics start: a number before one is a score ('reaches 53.1 nDCG@10')
    metric_at = {s.start_char for s in group_spans(doc, "lexicon") if s.label_ == "metric"} if "lexicon" in doc.spans else set()
    out: list[ResultCandidate] = []
    k = 0
    for s0, s1 in sentences:
        while k < len(mentions) and mentions[k].start < s0:
            k += 1
        inside = []
        for m in mentions[k:]:
            if m.start >= s1:
                break
            if m.end <= s1:
                inside.append(m)
        out.extend(_sentence_results(text, s0, s1, inside, headline, metric_at))
    return out


def _sentences(text: str, begin: int):
    start = begin
    for m in _SENT_END.finditer(text, begin):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _headline(doc: Doc) -> Offsets | None:
    if "proposed" not in doc.spans:
        return None
    for span in group_spans(doc, "proposed"):
        if Doc.has_extension("title_end") and span_value(doc, span, "headline", False):
            return (span.start_char, span.end_char)
    return None


def _mentions(doc: Doc, sentences: list[Offsets]) -> list[_Mention]:
    """Every name-like span (lexicon, names, proposed, Latin-script runs) in ``sentences``, overlapping ones grouped."""
    lo, hi = sentences[0][0], sentences[-1][1]
    spans: set[Offsets] = set()
    for key in ("lexicon", "names", "proposed"):
        if key in doc.spans:
            spans.update((s.start_char, s.end_char) for s in group_spans(doc, key) if lo <= s.start_char < hi)
    text = doc_text(doc)
    for m in (m for s0, s1 in sentences for m in _latin_names(text, s0, s1)):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in "'’.-":
            e -= 1
        spans.add((s, e))
        words = list(_WORDS.finditer(text, s, e))
        for i in range(1, len(words)):  # shorter prefixes and suffixes of a multi-word run
            spans.add((s, words[i - 1].end()))
            spans.add((words[i].start(), e))
    # a modifier before a name: 平均准确率 / average accuracy (tried before the bare name)
    for s, e in list(spans):
        mod = _MODIFIERS.search(text, max(0, s - 8), s)
        if mod and mod.end() == s:
            spans.add((mod.start(), e))
    groups: list[_Mention] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if s >= e:
            continue
        if groups and s < groups[-1].end:
            g = groups[-1]
            g.variants.append((s, e))
            g.end = max(g.end, e)
        else:
            groups.append(_Mention(s, e, [(s, e)]))
    for g in groups:
        g.variants.sort(key=lambda v: (-(v[1] - v[0]), v[0]))
    return groups


def _latin_names(text: str, s0: int, s1: int):
    """``_LATIN_NAME.finditer(text, s0, s1)``, faster.

    ``_LATIN_NAME`` starts with a lookbehind, so the regex engine tries it at every character
    of the (mostly Chinese) text.  Each of its matches starts at a ``_WORD_START``, which the
    engine finds fast (its pattern starts with a character class): the name is tried only there,
    past the end of the last match, as ``finditer`` would."""
    end = s0
    for w in _WORD_START.finditer(text, s0, s1):
        if w.start() >= end:
            m = _LATIN_NAME.match(text, w.start(), s1)
            if m is not None:
                end = m.end()
                yield m


def _numbers(text: str, s0: int, s1: int, metric_at=frozenset()) -> list[_Num]:
    nums = []
    for m in _NUMBER.finditer(text, s0, s1):
        raw, unit_raw = m.group(1), m.group(2)
        num_end = m.end(1)
        if (unit_raw is None and _NOT_AFTER.match(text, num_end) and not _WORD_AFTER_SCORE.match(text, num_end)
                and not (text[num_end : num_end + 1] == " " and num_end + 1 in metric_at)):
            continue
        if unit_raw and unit_raw in ("x", "×") and _RESOLUTION_AFTER.match(text[m.end():m.end() + 2]):
            continue  # a resolution: 256×256
        if _COMPOUND_AFTER.match(text, m.end()):
            continue  # a compound: 1-Sentence, 3-D
        if unit_raw and _RANGE_AFTER.match(text, m.end()):
            continue  # a range: 20%-50%
        if _NOT_BEFORE.search(text, max(s0, m.start() - 10), m.start()):
            continue
        value = raw.replace(",", "")
        unit = UNITS.get(unit_raw.lower() if unit_raw and unit_raw.isascii() else unit_raw) if unit_raw else None
        if unit is None and "." not in value and _YEAR.fullmatch(value):
            continue  # a year
        nums.append(_Num(m.start(), m.end(), value, unit, num_end))
    return nums


def _clauses(text: str, s0: int, s1: int) -> list[Offsets]:
    """The clauses of ``text[s0:s1]``: cut at ，；;：:, at a comma not between digits (1,000) and at
    ' and ' between a value and a capitalised word, never inside brackets."""
    out, start = [], s0
    depth = 0
    for m in _CLAUSE_CHARS.finditer(text, s0, s1):
        c, i = m.group(), m.start()
        if c in "（(":
            depth += 1
        elif c in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and (c != "," or not (i + 1 < s1 and text[i + 1].isdigit() and i > 0 and text[i - 1].isdigit())):
            out.append((start, i))
            start = m.end()
    out.append((start, s1))
    return out


def _clause_of(clauses: list[Offsets], pos: int) -> int:
    for i, (a, b) in enumerate(clauses):
        if a <= pos <= b:
            return i
    return len(clauses) - 1


def _sentence_results(text: str, s0: int, s1: int, mentions: list[_Mention], headline, metric_at=frozenset()) -> list[ResultCandidate]:
    # a number inside a recognised name ('AIME 24', 'Claude 4.1 Opus') is part of the name, not a value
    nums = [n for n in _numbers(text, s0, s1, metric_at) if not any(m.start <= n.start and n.end <= m.end for m in mentions)]
    if not nums:
        return []
    clauses = _clauses(text, s0, s1)
    cl = {id(n): _clause_of(clauses, n.start) for n in nums}
    # the mentions inside each clause, and which are benchmark frames there: asked for every value
    in_clause_of: dict[int, list[_Mention]] = {}
    frame_of: dict[tuple[int, int], bool] = {}

    def mentions_in(ci: int) -> list[_Mention]:
        if ci not in in_clause_of:
            a, b = clauses[ci]
            in_clause_of[ci] = [mm for mm in mentions if a <= mm.start and mm.end <= b]
        return in_clause_of[ci]

    def is_frame(mm: _Mention, ci: int) -> bool:
        key = (id(mm), ci)
        if key not in frame_of:
            frame_of[key] = _is_frame(text, mm, *clauses[ci])
        return frame_of[key]
    claimed: set[int] = set()  # ids of numbers used as baselines / compared values
    baseline_of: dict[int, _Num] = {}

    # 1. 从A到B / from A to B / A→B
    for a, b in zip(nums, nums[1:]):
        if cl[id(a)] != cl[id(b)]:
            continue
        between = text[a.end:b.start]
        if (_FROM_TO_BETWEEN.match(between) and _FROM.search(text, max(s0, a.start - 24), a.start)) or _ARROW.match(between):
            if a.unit and b.unit and a.unit != b.unit:
                continue
            baseline_of[id(b)] = a
            claimed.add(id(a))

    # 2. comparison segments: cue + names (+ their values)
    segments: list[tuple[Offsets, list[Comparison]]] = []
    taken_segs: list[Offsets] = []
    before_cues: set[Offsets] = set()  # segments whose value follows them (与X相比，…; compared with X, …)
    for m in _CMP_AROUND.finditer(text, s0, s1):
        seg = (m.start(1), m.end(1))
        before_cues.add(seg)
        segments.append((seg, []))
        taken_segs.append((m.start(), m.end()))
    for m in _CMP_AFTER.finditer(text, s0, s1):
        if any(a <= m.start() < b for a, b in taken_segs):
            continue
        ci = _clause_of(clauses, m.start())
        seg = (m.end(), clauses[ci][1])
        if _BEFORE_CUE.match(m.group()):
            before_cues.add(seg)
        segments.append((seg, []))
        taken_segs.append(seg)
    for seg, comps in segments:
        seg_mentions = [mm for mm in mentions if seg[0] <= mm.start and mm.end <= seg[1] + 0]
        for g in _GENERIC_BASELINE.finditer(text, seg[0], seg[1]):
            if not any(mm.start <= g.start() < mm.end for mm in seg_mentions):
                seg_mentions.append(_Mention(g.start(), g.end(), []))
        seg_mentions.sort(key=lambda mm: mm.start)
        seg_nums = [n for n in nums if seg[0] <= n.start < seg[1] and id(n) not in claimed and id(n) not in baseline_of]
        used_nums: set[int] = set()
        for i, mm in enumerate(seg_mentions):
            nxt = seg_mentions[i + 1].start if i + 1 < len(seg_mentions) else seg[1]
            comp = Comparison(span=mm.variants[0] if mm.variants else None, candidates=list(mm.variants))
            for n in seg_nums:
                if mm.end <= n.start < nxt and id(n) not in used_nums:
                    between = text[mm.end:n.start]
                    if _VALUE_OF.fullmatch(between):
                        comp.value, comp.value_span, comp.unit = n.value, (n.start, n.num_end), n.unit
                        used_nums.add(id(n))
                        claimed.add(id(n))
                    break
            if comp.span is None and comp.value is None:
                continue
            comps.append(comp)

    # 3. the values that are scores
    mains: list[_Num] = []
    weak_ids: set[int] = set()
    clause_cues: dict[int, tuple[bool, bool]] = {}  # what a clause says, the same for each of its values

    def cues_of(ci: int) -> tuple[bool, bool]:
        """(a score word, a benchmark frame with a result verb) in clause ``ci``; a list named in
        an earlier clause frames a clause that reports values for it 'respectively'
        ('使用A、B和C进行评估，X分别取得了71.2%、58.4%和812分')."""
        if ci not in clause_cues:
            c0, c1 = clauses[ci]
            clause_text = text[c0:c1]
            verb = bool(_RESULT_VERB.search(clause_text))
            framed = verb and (
                any(is_frame(mm, ci) for mm in mentions_in(ci))
                or (any(True for _ in _RESPECTIVELY.finditer(text, c0, c1))
                    and any(len(g) >= 2 and g[-1][1] <= c0 for g in _enumerations(text, mentions)))
            )
            clause_cues[ci] = (bool(_SCORE_WORDS.search(clause_text)), framed)
        return clause_cues[ci]

    delta = None  # the last value skipped as a gain
    for n in nums:
        if id(n) in claimed:
            continue
        c0, c1 = clauses[cl[id(n)]]
        if n.unit == "pp":
            continue
        before = text[c0:n.start]
        after = text[n.end:c1]
        if n.unit != "×" and id(n) not in baseline_of:
            if (_DELTA_BEFORE.search(before[-14:]) or _DELTA_AFTER.match(after)
                    or (delta is not None and _VALUE_LIST_GAP.fullmatch(text, delta.end, n.start))):
                delta = n  # (a value listed after a gain is one too: '分别提高了约9.4%和16.1%')
                continue
        if _CONDITION_AFTER.match(after) or ("当" in before and "时" in after):
            continue
        inside = mentions_in(cl[id(n)])
        has_metric = bool(inside) and _near_metricish(text, n, inside, c0, c1)
        score_word, framed_result = cues_of(cl[id(n)])
        weak = False
        if n.unit in ("FPS", "×"):
            ok = True
        elif n.unit in ("s", "ms", "min", "h"):
            ok = bool(_TIME_CUE.search(text[c0:c1]))
        elif n.unit in ("%", "points"):
            ok = has_metric or score_word or framed_result
            weak = not (score_word or framed_result)
        else:
            ok = has_metric or score_word or id(n) in baseline_of
            weak = not score_word
        if not ok and mains and cl[id(mains[-1])] == cl[id(n)] and _VALUE_LIST_GAP.fullmatch(text, mains[-1].end, n.start):
            ok, weak = True, id(mains[-1]) in weak_ids  # '分别为0.402、0.251、0.219和0.391': listed with a score, a score
        if ok:
            mains.append(n)
            weak_ids.add(id(n)) if weak else None
    if not mains:
        return []

    # attach each comparison segment to one value: same clause, else the next, else the previous
    comp_of: dict[int, list[Comparison]] = {}
    for seg, comps in segments:
        if not comps:
            continue
        ci = _clause_of(clauses, seg[0])
        same = [n for n in mains if cl[id(n)] == ci]
        nxt = [n for n in mains if n.start >= seg[1]]
        prev = [n for n in mains if n.end <= seg[0]]
        if same:
            target = min(same, key=lambda n: abs(n.start - seg[0]))
        elif seg in before_cues:
            target = nxt[0] if nxt else prev[-1] if prev else None
        else:
            target = prev[-1] if prev else nxt[0] if nxt else None
        if target is not None:
            comp_of.setdefault(id(target), []).extend(comps)

    seg_ranges = [seg for seg, comps in segments]
    in_segment = {id(mm) for mm in mentions if _in_any(mm, seg_ranges)}
    lists = _enumerations(text, mentions)
    resp = [m for m in _RESPECTIVELY.finditer(text, s0, s1)]
    out = []
    main_clauses = {cl[id(n)] for n in mains}
    # the candidates that earlier clauses add to a value's metric and benchmark slots: the same
    # for every value of a clause, so found once per clause
    metric_tail: dict[int, list[_Mention]] = {}
    bench_tail: dict[int, list[_Mention]] = {}

    def metric_before(ci: int) -> list[_Mention]:
        """Names of the clauses before ``ci``, back to one that holds a value, each clause last name first."""
        if ci not in metric_tail:
            tail = metric_tail[ci] = []
            for cj in range(ci - 1, -1, -1):
                if cj in main_clauses:
                    break
                tail += sorted(mentions_in(cj), key=lambda mm: -mm.start)
        return metric_tail[ci]

    def bench_before(ci: int) -> list[_Mention]:
        """Names of every clause before ``ci`` (not in a comparison), each clause its frames first, last name first."""
        if ci not in bench_tail:
            tail = bench_tail[ci] = []
            for cj in range(ci - 1, -1, -1):
                prev = [mm for mm in mentions_in(cj) if id(mm) not in in_segment]
                tail += sorted([mm for mm in prev if is_frame(mm, cj)], key=lambda mm: -mm.start)
                tail += sorted([mm for mm in prev if not is_frame(mm, cj)], key=lambda mm: -mm.start)
        return bench_tail[ci]
    metric_names: dict[int, list[_Mention]] = {}  # value -> its metric candidates, nearest first

    def parallel_metric(n: _Num, in_clause: list[_Mention]) -> list[_Mention]:
        """The metric candidates of the value before ``n`` in the sentence, when ``n``'s clause only
        states a name's value ('而B为31.2%'), the measure going without saying; else none."""
        named = [mm for mm in in_clause if mm.end <= n.start]
        before = [x for x in mains if x.end <= n.start and cl[id(x)] < cl[id(n)]]
        if not named or not before or not _STATES_VALUE.fullmatch(text, named[-1].end, n.start):
            return []
        return metric_names[id(before[-1])]  # (which may be borrowed the same way: '，C为40.1%')

    for n in mains:
        ci = cl[id(n)]
        c0, c1 = clauses[ci]
        cand = ResultCandidate(
            value=n.value,
            value_span=(n.start, n.num_end),
            unit=n.unit,
            sentence=text[s0:s1].strip().replace("**", ""),
            sentence_span=(s0, s1),
            raw_text=text[c0:c1].strip().replace("**", ""),
            requires_metric=id(n) in weak_ids,
        )
        in_clause = mentions_in(ci)
        # metric: nearest in the clause, then earlier clauses not owned by another value
        metric_c = sorted(in_clause, key=lambda mm: _dist(mm, n))
        if id(n) not in weak_ids and n.unit != "×":  # a weak cue needs its metric in its own clause, and
            metric_c += metric_before(ci)  # so does a factor ('召回率均高出5个百分点，但构图成本高出10倍')
        # ...or a clause parallel to an earlier value's: 'A取得43.5%的成功率，而B为31.2%', '在A上的准确率达到81.3%，在B上达到76.9%'
        metric_c += [mm for mm in parallel_metric(n, in_clause) if mm not in metric_c]
        metric_names[id(n)] = metric_c
        cand.metric_candidates = _flat(metric_c)
        # benchmark: frames in the clause, other names in the clause, then earlier clauses
        frames = [mm for mm in in_clause if is_frame(mm, ci)]
        others = sorted([mm for mm in in_clause if not is_frame(mm, ci) and id(mm) not in in_segment], key=lambda mm: _dist(mm, n))
        bench_c = sorted(frames, key=lambda mm: _dist(mm, n)) + others + bench_before(ci)
        cand.benchmark_candidates = _flat(bench_c)
        # evaluated entity: names before the value, nearest first (not in a comparison);
        # an anaphor (该方法, its, ...) stands for the paper's headline
        ent: list[tuple[int, list[Offsets]]] = []
        for mm in mentions:
            if mm.end <= n.start and id(mm) not in in_segment:
                ent.append((mm.start, mm.variants))
        if headline:
            for a in _ANAPHOR.finditer(text, s0, n.start):
                if not any(x <= a.start() < y for x, y in seg_ranges) and not any(mm.start <= a.start() < mm.end for mm in mentions):
                    ent.append((a.start(), [headline]))
        ent.sort(key=lambda t: -t[0])
        cand.entity_candidates = [v for _, vs in ent for v in vs]
        # baseline: 从A到B
        if id(n) in baseline_of:
            a = baseline_of[id(n)]
            cand.baseline_value, cand.baseline_span = a.value, (a.start, a.num_end)
            if cand.unit is None and a.unit:
                cand.unit = a.unit
        cand.compared = comp_of.get(id(n), [])
        # respectively: the ith value goes with the ith name listed before 分别
        r = next((m for m in resp if c0 <= m.start() <= c1 or (m.start() < n.start and _clause_of(clauses, m.start()) == ci)), None)
        if r is None and not any(mm.end <= n.start for mm in in_clause):  # (a clause naming its own measure is not the list going on)
            r = next((m for m in resp if s0 <= m.start() < n.start and all(cl[id(x)] >= _clause_of(clauses, m.start()) for x in mains if x.start > m.start())), None)
        group = []
        if r is not None:
            group = [x for x in mains if x.start > r.start() and cl[id(x)] in (ci, _clause_of(clauses, r.start()))]
        if len(group) < 2:  # English order: 'reaches 52.4% and 38.9% accuracy on GAIA and BrowseComp, respectively'
            after = next((m for m in resp if n.end <= m.start() and m.group().isascii()), None)
            if after is not None and not any(x.start > after.start() and cl[id(x)] == _clause_of(clauses, after.start()) for x in mains):
                r, group = after, [x for x in mains if cl[id(x)] == ci]
        if len(group) >= 2 and n in group:
            # the names listed before the cue in the sentence; the resolver keeps those of a slot's type
            listed = [mm for mm in mentions if s0 <= mm.start and mm.end <= r.start()]
            cand.respectively = (group.index(n), len(group))
            cand.respectively_candidates = [mm.variants[0] for mm in listed]
        cand.lists = lists
        cand.metric = cand.metric_candidates[0] if cand.metric_candidates else None
        cand.benchmark = cand.benchmark_candidates[0] if cand.benchmark_candidates else None
        cand.entity = cand.entity_candidates[0] if cand.entity_candidates else None
        out.append(cand)
    return out


_STATES_VALUE = re.compile(r"\s*(?:上|中)?\s*(?:为|是|达到了?|取得了?|获得了?|:|：|of|at|reaches|achieves|scores)\s*")  # ('，在B上达到76.9%')
_LIST_GAP = re.compile(r"^(?:\s|、|,|，|和|与|及|以及|或|\band\b|\bor\b|&|/)+$")


def _enumerations(text: str, mentions: list[_Mention]) -> list[list[Offsets]]:
    """Names listed together (``HotpotQA、2WikiMultihopQA和Musique``): a value said of the list
    as a whole (an average) belongs to none of them alone."""
    out, cur = [], []
    for mm in mentions:
        if cur and _LIST_GAP.match(text[cur[-1].end:mm.start] or "x"):
            cur.append(mm)
        else:
            if len(cur) >= 2:
                out.append([(m.start, m.end) for m in cur])
            cur = [mm]
    if len(cur) >= 2:
        out.append([(m.start, m.end) for m in cur])
    return out


def _near_metricish(text: str, n: _Num, mentions: list[_Mention], c0: int, c1: int) -> bool:
    """A name next to the value (``FID达到了40.3``, ``40.3的FID``, ``MUSIQ 73.01``)."""
    for mm in mentions:
        if c0 <= mm.start and mm.end <= c1 and (0 <= n.start - mm.end <= 16 or 0 <= mm.start - n.end <= 8):
            return True
    return False


def _is_frame(text: str, mm: _Mention, c0: int, c1: int) -> bool:
    after = text[mm.end:min(c1, mm.end + 16)]
    if _TRAIN_AFTER.match(after):
        return False
    if _FRAME_AFTER.match(after):
        return True
    wide = text[max(c0, mm.start - 12):mm.start]
    if _IN_FRAME_BEFORE.search(wide) and _IN_FRAME_AFTER.match(after):
        return True
    before = text[max(c0, mm.start - 8):mm.start]
    return bool(_ON_BEFORE.search(before) or _ON_INSIDE.match(text, mm.start))


def _dist(mm: _Mention, n: _Num) -> int:
    return mm.start - n.end if mm.start >= n.end else n.start - mm.end


def _in_any(mm: _Mention, ranges: list[Offsets]) -> bool:
    return any(a <= mm.start and mm.end <= b for a, b in ranges)


def _flat(ms: list[_Mention]) -> list[Offsets]:
    seen, out = set(), []
    for mm in ms:
        for v in mm.variants:
            if v not in seen:
                seen.add(v)
                out.append(v)
    return out
