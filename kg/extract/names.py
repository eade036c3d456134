"""Find names no lexicon knows, and type them from their context.

Component ``paperkg_names``.  A *name* is a run of Latin-script tokens that looks like a
proper name in AI writing: it has an upper-case letter or a digit beside letters
(``OmniDocBench``, ``Qwen3-8B-Base``, ``pass@1``), or it is a Title Case phrase
(``Monte Carlo Tree Search``), possibly with a version (``Claude 4.1 Opus``, ``Arena Hard v2``).
Each name collects typed votes from

* the words right after it (``X基准``, ``X数据集``, ``X模型``, ``X方法``, ``X benchmark``),
* the words right before it (``在X上``, ``on X``, ``模型X``, ``优于X``), and around it (``与X相比``),
* its own shape (``-7B`` sizes and family prefixes for models; ``Bench``/``Eval``/``QA``
  endings for benchmarks; ``@k`` for metrics),
* the list it stands in: ``在A、B和C基准上`` gives all three the benchmark cue,
* the long form the paper defines it with: ``贝叶斯优化（BO）`` names a technique.

The cue tables are data (``patterns/cues.json``, ``patterns/names.json``).  Votes go on
``span._.votes`` (a ``{type: weight}`` dict); the resolver pools them over the corpus, so
a name typed with a strong cue in one paper is typed in every paper.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.abbreviations import names_a_class, schwartz_hearst_long_form
from kg.extract.spans import (doc_text, doc_value, group_spans, past_bold_after, past_bold_before, set_extensions, set_group,
                              set_span_values)
from kg.extract.tokenizer import LATIN_CHARS, SUPERSCRIPT_DIGITS
from kg.parse.sections import section_key

__all__ = ["DESCRIBING_SUFFIX", "NameFinder", "find_names", "is_gloss", "names_measure", "shape_kinds", "type_votes"]

PATTERNS = Path(__file__).parent / "patterns"
TYPES = ("benchmark", "model", "method", "metric")

# (a Greek letter with a digit is a name too: 'π0.7', 'α-2', 'τ³-bench')
_HAS_UPPER_INSIDE = re.compile(rf".[A-Z]|[A-Z].*\d|\d.*[A-Za-z]|[A-Za-z\u0370-\u03ff].*[\d{SUPERSCRIPT_DIGITS}]|@")
_TITLE = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*\+{0,2}$")  # ('SWE-bench Pro++': an edition word may end in '+')
_MID_SENTENCE = re.compile(r"[a-z,] $")  # (after a lower-case word or a comma, not after '. ', '**' or a heading)
# a lower-case word with the tail of a benchmark's name: 'fev-bench', 'mt-eval' (lower case
# otherwise names nothing without a digit)
_LOWER_BENCH = re.compile(r"^[a-z][a-z0-9]*-(?:bench|eval|arena|gym)$")
_BENCH_END = re.compile(r"-(?:Bench|Eval|Arena|Gym)$")  # a hyphenated Title Case word so ending names a benchmark
_VERSION = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|V\d+(?:\.\d+)*)$")
_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
# a size, count or unit, never a name: '30B-A3B', '3B-active' (mixture-of-experts sizes), '1T-Parameter', '4-bit',
# '60-second' (not a version: 'Grok 3-mini-beta'), '7B', '3.8x', '1st'
_QUANTITY = re.compile(r"^(?:\d+(?:\.\d+)?[BM]-A\d+(?:\.\d+)?[BM]|\d+(?:\.\d+)?[BMKT]-(?:active|total|[Pp]aram(?:eter)?s?)|\d+(?:\.\d+)?-(?:(?:bit|shot|way|step|turn|layer|stage|dim|second|minute|hour|day|week|month|year|frame|hop|class|head|node|block|round|fold|gram|member|level|channel|view|digit)s?|[dD])|\d+(?:[.,]\d+)*[KMBTkmbt]?|\d+(?:\.\d+)?[xX×]|\d+(?:\.\d+)?[KMBT]-(?:tokens?|[a-z]{3,})|(?:Trillion|Billion|Million)-(?:Parameter|Token|Scale)s?|\d+(?:\.\d+)?[KMBT]?-to-\d+(?:\.\d+)?[KMBT]|\d+(?:st|nd|rd|th)|\d+[DdKk]|\d+(?:\.\d+)?(?:ms|s|h|GB|MB|TB|fps|FPS|Hz|kHz|MHz|GHz)|dB|[kMG]?Hz|[KMGT]B)$")  # (a unit alone: '26.71 dB PSNR')
_L = LATIN_CHARS  # (the tokenizer keeps a run of these one token)
# ('pass@1', 'pass^4', 'TPR@0.1%FPR': a metric's cut-off stays in its name; 'Min-K%++')
_WORD = rf"[{_L}](?:[{_L}'’@^._\-%]*[{_L}])?(?:%(?=\+))?\+*(?![A-Za-z])"
# a run of Latin-script words separated by single spaces, not glued to more Latin text
# (the check on the character before the run comes after its first letter, so that the pattern
# starts with a character class: the regex engine then skips quickly over the Chinese text)
_RUN = re.compile(rf"[{_L}](?<![{_L}'’@^._\-%].)(?:[{_L}'’@^._\-%]*[{_L}])?(?:%(?=\+))?\+*(?![A-Za-z])(?: {_WORD})*")  # (a '+' joins two names: the tokenizer's)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_THOUSANDS = re.compile(r",\d")  # '2,294 tasks': a count goes on after the comma, no version
_GAIN_AFTER = re.compile(r"\s*(?:个百分点|百分点|个点|%|％|倍|pp\b|points?\b)")  # '优于SpinQuant 4.7个百分点': a margin, no version
_EDITION_YEAR = re.compile(r"^(?:199\d|20\d\d)$")
_SHORT_YEAR = re.compile(r"^(?:1[5-9]|2\d)$")
_ACRONYM = re.compile(r"^[A-Z]{2,8}$")
_MEASURE_NOUNS = frozenset(["rate", "score", "ratio", "error"])
_MEASURE_ACRONYM = re.compile(r"^[a-z]?[A-Z]{2,8}$")  # ('FAD', 'gFID', 'rFID')
_HUNDREDTHS = re.compile(r"^\d+\.\d{2,}$")  # a value to two decimals: a score, not a version ('SAM 2.1' is one)
# what may follow such a year: the end, punctuation, 'and'/'or', or Chinese other than a measure word
# ('AIME 24测试集', 'AIME 24 and AIME 25'; not 'MMLU 25个子任务', 'SFT 20 epochs')
_SHORT_YEAR_ENDS = re.compile(r"(?:\s*$|[，。,;；:：)）.!?]|\s+(?:and|or)\b|(?![个道篇条项种名位人天次轮步层倍组类])[\u4e00-\u9fff])")
_DATE_GOES_ON = re.compile(r"[年月/]|[-.]\d")  # '2025年', '2025-01', '2025.03': a date, not an edition
# what follows a count of data, not of a model's parameters: 'TSPile 900B tokens', 'X 1.2M条'
_DATA_UNIT = re.compile(r"\s*(?:tokens?\b|words?\b|samples?\b|images?\b|pairs?\b|examples?\b|hours?\b|的?(?:token|数据|语料|样本)|[个条张对句段小])", re.I)
# a word that describes rather than names: 'LLM-based', 'Training-free' (kg.resolve.entities too)
DESCRIBING_SUFFIX = r"-(?:based|centric|driven|guided|aware|free|level|style|like|specific|oriented|agnostic|only|wise|scale|grained|class|trained|tuned|enhanced|augmented|conditioned|generated|informed|powered|inspired|constrained)"
_ADJECTIVE = re.compile(DESCRIBING_SUFFIX + "$", re.I)
_SIZED = re.compile(r"(?:^|[-_ ])A?\d+(?:\.\d+)?[Bb](?:$|[-_ ])")  # a parameter count: '-8B', '-A22B', ' 1.7B'

_ON = re.compile(r"\b[Oo]n\b|\b[Aa]cross\b")  # (sentence-initial too: "On X and Y, …")
_COLON_AFTER = re.compile(r"\s*\**\s*[:：]")
_LABEL_AFTER = re.compile(r"\s*(?:\*\*\s*[:：]|[:：]\s*\*\*|(\*\*\s+\*\*))")  # (group 1: a bold item before the next)
_CONNECTORS = {"with", "of", "for", "via", "and", "on", "in", "to", "from", "the"}
# (a name's value in brackets may stand before the separator: 'PGSR（0.52）和2DGS（0.80）等方法')
_BRACKETED_VALUE = r"\s*[（(]\s*\d[\d.,]*\s*(?:%|％|分|points?)?\s*[）)]"
# (and an acronym's closing bracket, '原生稀疏注意力（NSA）、MoBA和…', or a short note in Chinese
# brackets, 'Ring-mini-linear-2.0（16B参数）和Ring-flash-linear-2.0'; not 'On τ²-bench (airline), pass^1 …')
# (the last item may be the authors' own: '在CAMELYON16、TCGA-Reason和作者新建的PathoQA-Hard上')
_LIST_GAP = re.compile(r"^(?:" + _BRACKETED_VALUE + r"|\s*（[^（）()，。；]{1,16}）|[）)])?\s*(?:[、,/]|和|与|及|以及|或|and|or|&)\s*(?:和|与|and)?\s*"
                       r"(?:(?:作者|本文|我们)(?:新|自行)?(?:构建|提出|发布|整理|新建)的|(?<=[和与及])[\u4e00-\u9fff]{2,6}的)?$")
_VALUE_AFTER = re.compile(_BRACKETED_VALUE)
_LOWERCASE_LAST_ITEM = re.compile(r"\s*(?:和|与|及|以及|、)\s*[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?=\s*[\u4e00-\u9fff])")
_PAREN_GAP = re.compile(r"^\s*[（(]\s*$")
_AND_GAP = re.compile(r"\s(?:and|or)\s")
_VERB_NEXT = re.compile(r" (?!and\b|or\b)[a-z]")  # an English word after a name: it is the subject
_CLOSERS = (")", "）")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:\d+(?:\.\d+)?[BMKT]\s+)?$|:\s*$")  # (or the subtitle's start)
_CLASS_AFTER = re.compile(r"\s+(?:Models?|Transformers?|Networks?|Agents?|Systems?)\b")
_NAME_AFTER_HEAD = re.compile(r"\s*[\u4e00-\u9fff]{1,6}\s*[A-Za-z]")


@lru_cache(maxsize=1)
def _tables():
    cues = json.loads((PATTERNS / "cues.json").read_text(encoding="utf-8"))
    shapes = json.loads((PATTERNS / "names.json").read_text(encoding="utf-8"))
    # per type, one alternation per weight, highest weight first: the first that matches is the vote
    after = {t: _by_weight(cues["after"].get(t, []), "^\\s*(?:{})") for t in TYPES}
    before = {t: _by_weight(cues["before"].get(t, []), "{}") for t in TYPES}
    # one alternation per type: a name's shape is a single search, not one per pattern
    shapes["model"] = [*shapes["model"], shapes["model_families"]]
    shape = {t: [re.compile("|".join(_scoped(rx) for rx in shapes[t]))] if shapes.get(t) else [] for t in TYPES}
    return {
        "after": after,
        "before": before,
        # every cue after a name, of any type and weight, as one pattern: most names have none
        # (5 in 6), and one match then replaces one per type and weight
        "any_after": _any_of([rx for t in TYPES for _, rx in cues["after"].get(t, [])], "^\\s*(?:{})"),
        "shape": shape,
        # (weight, kind, before, after): both parts around the name or its list ('与X和Y相比')
        "around": [(w, kind, re.compile(b), re.compile(a)) for kind, rows in cues.get("around", {}).items() for w, b, a in rows],
        "benchmark_close": re.compile(cues["benchmark_close"]),
        "value_after": re.compile(cues["value_after"], re.I),
        "not_metric": re.compile(shapes["not_metric"]),
        "method_heads": [re.compile(shapes["method_long_form_heads"]), re.compile(shapes["technique_heads"])],
        "task_head": re.compile(shapes["task_heads"]),
        "gloss_technique_head": re.compile(shapes["gloss_technique_heads"]),
        "not_method_gloss": re.compile(shapes["not_method_gloss"]),
        "metric_head": re.compile(shapes["metric_long_form_heads"]),
        # a name of a known model family ('DeepSeek-V4-Lite'): experimented on, not evaluated on, after '在…上'
        "model_family": re.compile(shapes["model_families"]),
    }


def _by_weight(cues: list, template: str) -> list[tuple[int, re.Pattern]]:
    """``[(weight, regex)]`` cues as one case-insensitive alternation per weight, highest first."""
    weights = sorted({w for w, _ in cues}, reverse=True)
    return [(w, re.compile(template.format("|".join(f"(?:{rx})" for v, rx in cues if v == w)), re.I)) for w in weights]


def _any_of(cues: list[str], template: str) -> re.Pattern:
    """One case-insensitive pattern matching where any of ``cues`` matches (as ``_by_weight``)."""
    return re.compile(template.format("|".join(f"(?:{rx})" for rx in cues)), re.I)


def _scoped(rx: str) -> str:
    """A pattern as an alternative of a larger one ('(?i)x' becomes '(?i:x)')."""
    return f"(?i:{rx[4:]})" if rx.startswith("(?i)") else f"(?:{rx})"


@lru_cache(maxsize=65536)  # pure, and the same words recur paper after paper
def _is_name_word(text: str, in_cjk: bool) -> bool:
    if not text[:1].isalpha() and not (text[:1].isdigit() and any(c.isalpha() for c in text)):
        return False
    if len(text) < 2 or _QUANTITY.match(text):
        return False
    if _HAS_UPPER_INSIDE.search(text) or _LOWER_BENCH.match(text):
        return True
    # a lone Title Case word is a name inside Chinese text (English prose capitalises sentences)
    return bool(_TITLE.match(text)) and in_cjk


def _touches_cjk(text: str, a: int, b: int) -> bool:
    """A CJK character within 3 characters before ``a`` or after ``b`` (searched in place, no slicing)."""
    return _CJK.search(text, max(0, a - 3), a) is not None or _CJK.search(text, b, b + 3) is not None


# What a word (or a name) is on its own, as bit flags: find_names asks the same questions of
# every word, and the same words recur paper after paper (one dict look-up, not several regexes)
_TITLE_WORD = 1  # Title Case (_TITLE)
_NAME_WORD = 2  # _is_name_word(word, in_cjk=False)
_NAME_WORD_IN_CJK = 4  # _is_name_word(word, in_cjk=True)
_VERSION_WORD = 8  # a version that is not a plain number: v2, V3.1, 4o
_SMALL_NUMBER = 16  # 4, 4.1, 4.15: a version number, or a score ('GLM-4.5 45.1' is not a version)
_CONNECTOR = 32  # of, for, and... inside a Title Case phrase
_ADJECTIVE_END = 64  # ends in '-based', '-centric'... (_ADJECTIVE)
_YEAR_WORD = 128  # 1990-2099: an edition after a name ('AIME 2026', 'HMMT Feb 2026', 'COCO 2017')
_SIZE_WORD = 256  # a parameter count: 27B, 1.5B, 30B-A3B
_SIZE = re.compile(r"^\d+(?:\.\d+)?[BM](?:-A\d+(?:\.\d+)?[BM])?$")


def _flags_of(word: str) -> int:
    flags = _TITLE_WORD if _TITLE.match(word) else 0
    flags |= _NAME_WORD if _is_name_word(word, False) else 0
    flags |= _NAME_WORD_IN_CJK if _is_name_word(word, True) else 0
    flags |= _VERSION_WORD if _VERSION.match(word) and not _is_number(word) else 0
    flags |= _SMALL_NUMBER if _is_number(word) and re.match(r"^\d(?:\.\d{1,2})?$", word) else 0
    flags |= _CONNECTOR if word.lower() in _CONNECTORS else 0
    flags |= _YEAR_WORD if _EDITION_YEAR.match(word) else 0
    flags |= _SIZE_WORD if _SIZE.match(word) else 0
    return flags | (_ADJECTIVE_END if _ADJECTIVE.search(word) else 0)


class _WordFlags(dict):
    """word -> ``_flags_of(word)``, filled on first use; restarts beyond ``MAX`` words."""

    MAX = 65536

    def __missing__(self, word: str) -> int:
        if len(self) >= self.MAX:
            self.clear()
        flags = self[word] = _flags_of(word)
        return flags


_FLAGS = _WordFlags()


def _inside_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` stands inside an English sentence (after a lower-case word or a
    comma), where a capital marks a name rather than the sentence's start."""
    return _MID_SENTENCE.search(text, max(0, start - 3), start) is not None


def _starts_name(text: str, a: int, b: int, flags: int, in_title: bool) -> bool:
    """``_is_name_word(word, in_cjk)`` for the word at [a, b) with ``flags``, ``in_cjk`` being
    whether it touches Chinese text outside the title.  Only a Title Case word depends on the
    context: it starts a name inside Chinese text, and inside an English sentence (English prose
    capitalises a sentence's first word, not its others: 'versus 21.6% for Chroma'); for any other
    word the context is not searched."""
    if flags & _NAME_WORD:
        return True
    if not in_title and flags & _TITLE_WORD and _inside_sentence(text, a):
        return True
    return not in_title and bool(flags & _NAME_WORD_IN_CJK) and _touches_cjk(text, a, b)


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word))


def _run_words(run: re.Match) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of a ``_RUN`` match: its words are joined by single spaces."""
    start, words = run.start(), []
    for w in run.group().split(" "):
        words.append((start, start + len(w), w))
        start += len(w) + 1
    return words


def find_names(doc: Doc, stoplist=frozenset(), upper_stops=None) -> list[Span]:
    """Candidate name spans in ``doc`` (untyped); ``stoplist`` casefolded, and ``upper_stops`` the
    casefolded stoplist words written in capitals there (see :func:`_stopped`).

    Works on the text, not token by token: a regular expression finds the runs of
    Latin-script words (the tokenizer keeps each such word one token), and the rules below
    pick names out of each run; the spans are then cut from the doc by character offsets.
    """
    text = doc_text(doc)
    title_end = doc_value(doc, "title_end") or 0
    spans: list[Span] = []
    for run in _RUN.finditer(text):
        in_title = run.start() < title_end
        word = run.group()
        if " " not in word:  # most runs are one word: the loop below, in short
            if _starts_name(text, run.start(), run.end(), _FLAGS[word], in_title):
                _keep_name(doc, text, run.start(), _unpossessed(text, run.end()), in_title, stoplist, spans, upper_stops)
            continue
        words = _run_words(run)
        flags = [_FLAGS[w] for _, _, w in words]
        n = len(words)
        i = 0
        while i < n:
            a, b, w = words[i]
            if w in _ARTICLES:
                i += 1  # 'An Overlap-Aware Scheduler then reorders …': the article opens the sentence, not the name
                continue
            phrase = (not in_title and flags[i] & _TITLE_WORD and not flags[i] & _CONNECTOR
                      and i + 1 < n and flags[i + 1] & _TITLE_WORD)  # ('On Sudoku-Extreme, …': no phrase 'On …')
            if not phrase and not _starts_name(text, a, b, flags[i], in_title):
                i += 1
                continue
            j = _name_end(text, words, flags, i, in_title)
            _keep_name(doc, text, a, _unpossessed(text, words[j - 1][1]), in_title, stoplist, spans, upper_stops)
            i = j
    return spans


_DESCRIBED_ACRONYM = re.compile(r"^(?:[A-Z][a-z]+-[A-Z][a-z]+ )+[A-Z]{3,6}$")  # hyphenated describing words, then an acronym
_SPLIT_ARROW = re.compile(r"→[A-Z]{1,4}(?![A-Za-z])")
_CONNECTED_PHRASE = re.compile(r" (?:with|for|of|via|and|to|in|on|by|from) [A-Z]")
_PLAIN_TITLE_WORD = re.compile(r"^[A-Z][a-z]+$")
_SUBSET_AFTER = re.compile(r"\s*(?:\*\*)?\s*(?:[一二两三四五六七八九十\d]+\s*个)?(?:子集|subsets?\b|splits?\b)")
_EDITION_WORDS = frozenset(["mini", "nano"])
# words a number counts or points to, not a release: 'Figure 3', 'Stage 2', 'Top 5'
_NUMBERED_NOUNS = frozenset("Figure Fig Table Section Appendix Eq Equation Stage Phase Step Level Round Part Chapter Task Type Tier Day Week Top Rank Group Case Setting Experiment".split())
_GROUP_AFTER = re.compile(r"\(\d\)")  # a group's dimension: 'SE(3)', 'SO(2)'
_EDITION_TAG = re.compile(r" ?\[(?:dev|pro|schnell|klein|max|flex|ultra|mini|preview)\]")
_ON_QUALIFIED = re.compile(r"(?:在|于)(?:(?![在上中，。；、的])[\u4e00-\u9fff]){1,8}的\s*$")
_ON_PART_OF = re.compile(r"(?:在|于)\s*[A-Za-z][\w\-.]*\s*的\s*$")  # '在MoleculeNet的HIV与BBBP分子图任务上': its parts
_POSSESSIVE = ("'s", "’s")
_ARTICLES = frozenset(["A", "An", "The"])


def _unpossessed(text: str, end: int) -> int:
    """``end`` before a possessive 's ("StratoFlow's" names StratoFlow)."""
    return end - 2 if text.endswith(_POSSESSIVE, 0, end) else end


def _name_end(text: str, words: list[tuple[int, int, str]], flags: list[int], i: int, in_title: bool) -> int:
    """Index of the first word after the name that starts at word ``i`` of a run."""
    name_word = _NAME_WORD if in_title else _NAME_WORD_IN_CJK
    n = len(words)
    j = i + 1
    while j < n and not words[j - 1][2].endswith(_POSSESSIVE):  # ("StratoFlow's 50-member ensemble": the name ends at its 's)
        f = flags[j]
        if f & name_word or (f & _TITLE_WORD and not in_title) or f & _VERSION_WORD:
            j += 1
        elif (not in_title and f & _CONNECTOR and j + 1 < n and flags[j - 1] & _TITLE_WORD and flags[j + 1] & _TITLE_WORD
              and words[j][2] not in ("and", "or")):
            j += 2  # ('Chain of Thought'; not 'the Materials Project and Alexandria databases': a list)
        elif f & _SMALL_NUMBER and not _THOUSANDS.match(text, words[j][1]) and not _GAIN_AFTER.match(text, words[j][1]) and not (
            _HUNDREDTHS.match(words[j][2]) and _MEASURE_ACRONYM.match(words[j - 1][2])  # 'FAD 1.02、KL 1.38', 'gFID 1.79': scores
        ) and (
            j + 1 == n or words[j + 1][2][:1].isupper() or not words[j + 1][2].isalpha() or words[j + 1][2] in ("and", "or")
            or words[j][2].endswith(".0")  # ('On Terminal-Bench 2.0 it obtains': a score is seldom a whole number written so)
        ):
            j += 1  # 'PromptCoT 2.0', 'Claude 4.1 Opus', 'Claude Opus 5 and …': a version number continues the name
        elif (f & _SMALL_NUMBER and words[j][2].isdigit() and flags[j - 1] & _TITLE_WORD
              and words[j - 1][2] not in _NUMBERED_NOUNS and not _GAIN_AFTER.match(text, words[j][1])):
            j += 1  # 'Claude Opus 5 achieves', 'Deep Research 2 with': a whole number after a Title Case word is its version
        elif words[j][2] in _MEASURE_NOUNS and _ACRONYM.match(words[j - 1][2]) and text.startswith((*_CLOSERS, "，", ","), words[j][1]):
            j += 1  # '药物相互作用率（DDI rate）': an acronym and its measure's noun, in the brackets of a definition
        elif words[j][2] in _EDITION_WORDS and any(c.isdigit() for c in words[j - 1][2]):
            j += 1  # 'GPT-6 mini', 'GPT-5 nano': a lower-case edition of a numbered release
        elif f & _SIZE_WORD and (flags[j - 1] & (_SMALL_NUMBER | _VERSION_WORD) and j - 1 > i
                                 or j == i + 1 and not _DATA_UNIT.match(text, words[j][1])):
            j += 1  # 'Gemma 4 27B', 'Llama 3.1 70B', 'MedGemma 27B': the size after a name or its version is the model's
        elif f & _YEAR_WORD and not _DATE_GOES_ON.match(text, words[j][1]):
            j += 1  # 'AIME 2026', 'HMMT Feb 2026': a year names the edition (versions are distinct entities)
        elif _SHORT_YEAR.match(words[j][2]) and _ACRONYM.match(words[j - 1][2]) and _SHORT_YEAR_ENDS.match(text, words[j][1]):
            j += 1  # 'AIME 24测试集': a two-digit year after an acronym, where no count or unit follows
        else:
            break
    return j


_CAPITALS = re.compile(r"[A-Z][A-Z0-9\-]*")


def _stopped(word: str, stoplist, upper_stops) -> bool:
    """Whether the stoplist has ``word``: a word it writes in lower or Title Case stops no name in
    capitals, which is an acronym of its own ('ULTRA', a graph foundation model, is not 'Ultra')."""
    key = word.casefold()
    if key not in stoplist:
        return False
    return upper_stops is None or len(word) < 4 or not _CAPITALS.fullmatch(word) or key in upper_stops


def _keep_name(doc: Doc, text: str, start: int, end: int, in_title: bool, stoplist, spans: list[Span], upper_stops=None) -> None:
    """Append the span of the name at [start, end) to ``spans``, unless it is a label or no name."""
    if text[end : end + 1] == "→" and (split := _SPLIT_ARROW.match(text, end)) and " " in text[start:end] and text[start:end].rsplit(" ", 1)[-1].isupper():
        end = split.end()  # 'CALVIN ABC→D': train and test environments name the split
    if text[end : end + 1] in " [" and (tag := _EDITION_TAG.match(text, end)):
        end = tag.end()  # 'FLUX.2 [dev]', 'FLUX.1 Kontext [pro]': the bracketed edition is the release's name
    label = _LABEL_AFTER.match(text, end)
    if (label and not _CJK.match(text, start - 1) and (label.group(1) is None or section_key(text[start:end]))) or (
        not in_title and _COLON_AFTER.match(text, end) and section_key(text[start:end])
    ):
        return  # a section label ("**Key Methodology**:", "Core Keywords:"; not "**技能检索器SkillRecall**：", nor
        # a keyword before the next label: '**Qwen5**  **1-Sentence Core Summary**')
    single = text[start:end]
    if _GROUP_AFTER.match(text, end) and len(single) <= 3 and single.isupper():
        return  # 'SE(3)等变网络', 'SO(3)': a symmetry group, no name
    flags = _FLAGS[single]
    if (" " not in single and flags & _TITLE_WORD and not (not in_title and _touches_cjk(text, start, end)) and not _BENCH_END.search(single)
            and not (not in_title and _inside_sentence(text, start))):
        return  # a lone sentence-initial English word ("The", "Experiments") is not a name (but "Full-Duplex-Bench" is,
        # and so is a capitalised word inside a sentence: 'distilled from Orion-Ultra', '21.6% for Chroma')
    if _stopped(single, stoplist, upper_stops) or (" " in single and all(x.casefold() in stoplist for x in single.split(" "))):
        return
    words = single.split(" ")
    if len(words) > 1 and _ADJECTIVE.search(words[0]) and " ".join(words[1:]).casefold() in stoplist:
        return  # 'Learning-Free VLM': a description of a field word
    if in_title and start > 0 and len(words) > 1 and _DESCRIBED_ACRONYM.match(single):
        start = end - len(words[-1])  # '…: Stabilizing Long-Horizon GRPO with …', '… in Open-Ended RLHF': inside a title
        # the words describe the technique worked on (a name coined heads the title or stands in the summary:
        # 'Training-Free GRPO')
    if flags & _ADJECTIVE_END:
        return  # 'LLM-centric', 'CLIP-based': a description, names do not end in an adjective
    if in_title and " " in single and _ARTICLE_BEFORE.search(text, max(0, start - 12), start) and _CLASS_AFTER.match(text, end):
        return  # 'via a 0.9B Ultra-Compact Vision-Language Model', 'X: Reasoning-Enhanced Vision-Language-Action Model
        # for …': a description of the paper's model
    around = text[max(0, start - 2) : start] + text[end : end + 2]  # (most names have no bracket around)
    if ("(" in around or "（" in around) and _glosses_field_word(text, start, end, stoplist):
        return  # 'VLA（Vision-Language-Action）': the gloss of a field word is one too
    # (where a strict char_span has a span, "expand" has the same: one look-up instead of two)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        spans.append(span)


def _past_closer(text: str, end: int) -> int:
    """Where the words describing the name that ends at ``end`` start: past the closing bracket of
    'long form（X）方法' (the words after an acronym's bracket describe it), but not of
    '项目（CSIs）数据集DIWALI', where they head the name that follows."""
    if text[end : end + 1] in _CLOSERS and not _NAME_AFTER_HEAD.match(text, end + 1):
        return end + 1
    return end


_WORD_BEFORE_BRACKET = re.compile(rf"({_WORD})\s*[（(]\s*$")
_BRACKETED_WORD_AFTER = re.compile(rf"\s*[（(]\s*({_WORD})\s*[）)]")


def _glosses_field_word(text: str, start: int, end: int, stoplist) -> bool:
    """True if the name at [start, end) spells out (as Schwartz & Hearst match a long form) a
    stoplisted word in brackets next to it: ``VLA（Vision-Language-Action）``, ``Large Language
    Model (LLM)``."""
    if not stoplist:
        return False
    words = text[start:end].split()
    before = _WORD_BEFORE_BRACKET.search(text, max(0, start - 12), start)
    after = _BRACKETED_WORD_AFTER.match(text, end)
    if before and text[end : end + 2].strip()[:1] in _CLOSERS:
        acronym = before.group(1)  # 'VLA（Vision-Language-Action）'
    elif after:
        acronym = after.group(1)  # 'Large Language Model (LLM)'
    else:
        return False
    # the name must spell the word out: 'Transformer（Flux.1）' names an instance, not the word
    return acronym.casefold() in stoplist and schwartz_hearst_long_form(acronym, words) == 0


def type_votes(doc: Doc, span: Span, group_start: int | None = None, group_end: int | None = None, text: str | None = None) -> dict[str, int]:
    """Typed votes for one name span from its context and shape (see module docstring).

    ``group_start``/``group_end`` give the character range of the list the name stands in.
    """
    t = _tables()
    text = text if text is not None else doc_text(doc)
    # (past the bold marks around a name: '基准**WeekLong-Research**', '在**SWE-Horizon**基准上')
    a = past_bold_before(text, group_start if group_start is not None else span.start_char)
    b = past_bold_after(text, group_end if group_end is not None else span.end_char)
    title_end = doc_value(doc, "title_end") or 0
    # (English cues are long: "compared with ", "benchmarks such as "; the title's last word cues no name of the summary)
    before = text[max(0, a - 20, title_end + 1 if a > title_end else 0) : a]
    after = text[b : b + 40]
    own_end = past_bold_after(text, span.end_char)
    own_after = text[own_end : own_end + 40]
    if after[:1] in "（(" and (value := _VALUE_AFTER.match(text, b)):
        after = text[value.end() : value.end() + 40]  # 'X（0.80）等方法': the cue follows the value
    if after[:1] in _CLOSERS or own_after[:1] in _CLOSERS:  # 'long form（X）方法': see _past_closer
        after = text[_past_closer(text, b) : b + 40]
        own_end = _past_closer(text, own_end)
        own_after = text[own_end : own_end + 40]
    votes: dict[str, int] = {}
    in_list = own_after != after  # the list's cue and the name's own may differ
    name = text[span.start_char : span.end_char]
    shape = shape_kinds(name)
    after_cued = bool(t["any_after"].match(after) or (in_list and t["any_after"].match(own_after)))
    for kind in TYPES:
        best = 0  # the kind's vote: the highest weight any cue gives it
        for weight, rx in t["after"][kind] if after_cued else ():
            if rx.match(after) or (in_list and rx.match(own_after)):
                best = weight
                break
        for weight, rx in t["before"][kind]:
            if weight <= best:
                break
            if rx.search(before):
                if kind == "benchmark" and weight == 2 and (
                    (not t["benchmark_close"].match(after) and not _ON.search(before)) or _SIZED.search(name) or t["model_family"].search(name)
                ):
                    continue  # ('在Qwen3-8B上训练', 'on Llama-3-8B', '在DeepSeek-V4-Lite上': experiments on a model)
                best = weight
                break
        if best < 2 and kind in shape:
            best = 2
        if best:
            votes[kind] = best
    if ("benchmark" not in votes and "model" not in shape and t["benchmark_close"].match(after)
            and ("-" in name and _ON_QUALIFIED.search(before) or _ON_PART_OF.search(before))):
        # 在…上/中 around a qualified hyphenated name ('在更具挑战性的LIBERO-Plus扰动测试中'), or around
        # the parts of a named set ('在MoleculeNet的HIV与BBBP分子图任务上')
        votes["benchmark"] = 2
    for weight, kind, before_rx, after_rx in t["around"]:
        if votes.get(kind, 0) < weight and before_rx.search(before) and after_rx.match(after):
            votes[kind] = weight
    if t["value_after"].match(own_after) and not t["benchmark_close"].match(own_after):
        votes["metric"] = max(votes.get("metric", 0), 1)
    if "metric" in votes and t["not_metric"].search(text, span.start_char, span.end_char):
        del votes["metric"]  # a score word after 'XBench' scores the benchmark
    if _PLAIN_TITLE_WORD.match(name) and (_SUBSET_AFTER.match(after) or _SUBSET_AFTER.match(own_after)):
        return {}  # 'RM-Bench的Hard子集', '分为Easy、Hard与Trap三个子集': a split's label, no benchmark (nor its score's name)
    if "method" in votes and _SIZED.search(name):  # 'ReasonIR-8B与Rank1-7B等现有方法': a checkpoint compared as a method
        votes["model"] = max(votes.get("model", 0), votes.pop("method"))
    return votes


def of_model_family(name: str) -> bool:
    """Whether the name is one of a known model family's ('Qwen4-14B', 'DeepSeek-V4-Lite')."""
    return bool(_tables()["model_family"].search(name))


@lru_cache(maxsize=65536)  # pure, and names recur paper after paper
def shape_kinds(name: str) -> frozenset[str]:
    """The types whose shape patterns the name has (``-7B``: model, ``…Bench``: benchmark).  A phrase
    joined by a connector has no checkpoint's shape ('Visual Sketch-Thinking with Interleaved Rationales')."""
    kinds = frozenset(kind for kind, rxs in _tables()["shape"].items() if any(rx.search(name) for rx in rxs))
    return kinds - {"model"} if "model" in kinds and _CONNECTED_PHRASE.search(name) else kinds


def _list_ranges(doc: Doc, spans: list[Span], text: str) -> list[tuple[int, int]]:
    """:func:`_groups` of the name spans, the lexicon's names counted as list items too: in
    'methods such as Reflexion and Agent Workflow Memory (AWM)' the cue before the lexicon's
    Reflexion is the list's."""
    lexicon = [s for s in group_spans(doc, "lexicon")] if "lexicon" in doc.spans else []
    lexicon = [s for s in lexicon if not any(s.start_char < n.end_char and n.start_char < s.end_char for n in spans)]
    if not lexicon:
        return _groups(doc, spans, text)
    merged = sorted([(s.start_char, 0, i, s) for i, s in enumerate(spans)] + [(s.start_char, 1, i, s) for i, s in enumerate(lexicon)])
    ranges = _groups(doc, [m[3] for m in merged], text)
    out = [None] * len(spans)
    for (_, is_lexicon, i, _), r in zip(merged, ranges):
        if not is_lexicon:
            out[i] = r
    return out


def _groups(doc: Doc, spans: list[Span], text: str) -> list[tuple[int, int]]:
    """For each span, the character range of the list ('A、B和C') it belongs to."""
    out = [(s.start_char, s.end_char) for s in spans]
    k = 0
    while k < len(spans):
        m = k
        while m + 1 < len(spans):
            gap = text[spans[m].end_char : spans[m + 1].start_char]
            if not _LIST_GAP.match(gap) or (gap.strip() == "," and (
                _AND_GAP.search(text, spans[k].end_char, spans[m].end_char) or _VERB_NEXT.match(text, spans[m + 1].end_char)
            )):
                break  # (an English list ends at its 'and', and a comma before a subject is none:
                # 'On GLUE and SuperGLUE, SMoLE matches…', 'On BEIR, RetroLens reaches…')
            m += 1
        end = spans[m].end_char
        tail = _LOWERCASE_LAST_ITEM.match(text, end) if m > k else None
        if tail:  # 'VisuLogic-Pro、ChartMaze和mmgeo-hard三个基准': the list's cue follows its last item, no name
            end = tail.end()
        for x in range(k, m + 1):
            out[x] = (spans[k].start_char, end)
        k = m + 1
    return out


def _kin_votes(doc: Doc, spans: list[Span], groups: list[tuple[int, int]], votes: list[dict]) -> None:
    """Give a name without votes the kind of the other names of its list, where they are all of
    one kind (by the lexicon, or by a vote of 2 or more): '比较了GRPO、DAPO和CISPO' makes CISPO a
    method.  A name inside the long form of an acronym is part of that name, no member
    ('MoBA和DeepSeek稀疏注意力（DSA）').  Changes ``votes`` in place."""
    if len(set(groups)) == len(groups):
        return  # no list of two names (most papers)
    lexicon_kind = {(s.start_char, s.end_char): s.label_ for s in group_spans(doc, "lexicon")}
    pairs = doc_value(doc, "abbreviations") or ()
    long_forms = [(lf.start_char, lf.end_char) for _, lf in pairs]
    # an acronym is of its long form's lexicon type ('classifier-free guidance, CFG）与F5-TTS': no model)
    for short, lf in pairs:
        kind = lexicon_kind.get((lf.start_char, lf.end_char))
        if kind:
            lexicon_kind.setdefault((short.start_char, short.end_char), kind)
    text = doc_text(doc)
    # each name's lexicon type, or None; a lexicon name with an edition is of its type ('BraTS 2023')
    by_start = {a: (b, kind) for (a, b), kind in lexicon_kind.items()}
    known = [lexicon_kind.get((s.start_char, s.end_char)) or _edition_kind(by_start.get(s.start_char), s, text) for s in spans]
    # a name the paper calls one kind elsewhere ('文本水印方法（如KGW…）') is of that kind in a list
    # where nothing is said of it ('而KGW、SWEET和SynthID-Text分别仅为0.22、0.35和0.29')
    said = _said_kinds(spans, votes, text)
    known = [k or (said.get(text[s.start_char:s.end_char]) if max(v.values(), default=0) < 2 else None)
             for k, s, v in zip(known, spans, votes)]
    members: dict[tuple[int, int], list[int]] = {}
    for i, (g, s) in enumerate(zip(groups, spans)):
        if not any(a <= s.start_char and s.end_char <= b and (a, b) != (s.start_char, s.end_char) for a, b in long_forms):
            members.setdefault(g, []).append(i)
    for idx in members.values():
        if len(idx) < 2:
            continue
        _break_ties_by_sibling([text[spans[i].start_char:spans[i].end_char] for i in idx], [votes[i] for i in idx])
        lexicon_kinds = [known[i] for i in idx if known[i]]
        if len(lexicon_kinds) >= 2 and set(lexicon_kinds) == {"method"}:
            # '超过DoRA、AdaLoRA和MoLA': compared among known methods, a new name is one more method,
            # not the model a comparison alone would make it
            for i in idx:
                if not known[i] and max(votes[i].values(), default=0) <= 2:
                    votes[i] = {"method": 3}
            continue
        if lexicon_kinds and set(lexicon_kinds) == {"model"}:
            # '现有前馈方法如MVSplat和DepthSplat', 'UniAD、VAD等端到端方法': named networks the text calls
            # methods beside known models are models (the guide: a named network used as a baseline)
            for i in idx:
                v = votes[i]
                if not known[i] and v and max(v, key=v.get) == "method" and "method" not in shape_kinds(text[spans[i].start_char:spans[i].end_char]):
                    votes[i] = {"model": v["method"]}
        if all(max(votes[i].values(), default=0) >= 2 for i in idx):
            continue  # (a weak vote says nothing: 'ReAct和CodeAct' after '采用' gives CodeAct a model hint)
        kinds = set()
        for i in idx:
            kind = known[i]
            if kind is None and max(votes[i].values(), default=0) >= 2:  # (a weak vote says nothing either way)
                top = max(votes[i].values())
                best = [k for k, w in votes[i].items() if w == top]
                kind = best[0] if len(best) == 1 else "?"
            if kind is not None:
                kinds.add(kind)
        if len(kinds) == 1 and "?" not in kinds:
            kind = kinds.pop()
            for i in idx:
                if max(votes[i].values(), default=0) < 2 and not lexicon_kind.get((spans[i].start_char, spans[i].end_char)):
                    votes[i][kind] = 2


_LAST_PART = re.compile(r"[-_ ][^-_ ]+$")


def _break_ties_by_sibling(names: list[str], votes: list[dict]) -> None:
    """A name of a list whose strongest votes tie takes the kind that the shape of a sibling of one
    stem says: in 'Liuguang-200M与Liuguang-1B', 200M could count a dataset's items or a model's
    parameters, and 1B says which (a cue the whole list shares says nothing more of one member);
    without such a sibling, a list whose other members all have a parameter count is of models.
    Changes ``votes`` in place."""
    for i, v in enumerate(votes):
        top = max(v.values(), default=0)
        tied = [k for k, w in v.items() if w == top]
        if top < 2 or len(tied) < 2:
            continue
        stem = _LAST_PART.sub("", names[i])
        said = {k for j, name in enumerate(names) if j != i and _LAST_PART.sub("", name) == stem
                for k in shape_kinds(name)}
        if not said and all(_SIZED.search(name) for j, name in enumerate(names) if j != i):
            said = {"model"}  # every other member a checkpoint by its size: '在Dream-v0-Instruct-7B与LLaDA2.0-mini上'
        if len(said) == 1 and (kind := said.pop()) in tied:
            v[kind] = top + 1


_EDITION = re.compile(r"[\s\-]?(?:19|20)\d\d")


def _edition_kind(lexicon: tuple[int, str] | None, span: Span, text: str) -> str | None:
    """The lexicon type of a name that is a lexicon name (ending at ``lexicon[0]``) and a year."""
    if lexicon is None:
        return None
    end, kind = lexicon
    return kind if _EDITION.fullmatch(text, end, span.end_char) else None


def _said_kinds(spans: list[Span], votes: list[dict], text: str) -> dict[str, str]:
    """name -> the one kind the paper's strong votes (3: '方法X', 'X基准') give it, where they agree."""
    said: dict[str, str] = {}
    for s, v in zip(spans, votes):
        top = max(v.values(), default=0)
        if top >= 3:
            best = [k for k, w in v.items() if w == top]
            name = text[s.start_char:s.end_char]
            kind = best[0] if len(best) == 1 else "?"
            said[name] = kind if said.get(name, kind) == kind else "?"
    return {n: k for n, k in said.items() if k != "?"}


def _acronyms_defined_as(doc: Doc, text: str, test) -> set[str]:
    """The acronyms the doc defines with a long form for which ``test(long_form)`` holds."""
    pairs = doc_value(doc, "abbreviations") or ()
    return {text[s.start_char : s.end_char] for s, long in pairs if test(text[long.start_char : long.end_char])}


@lru_cache(maxsize=65536)  # pure, and long forms recur paper after paper
def _names_technique(long_form: str) -> bool:
    """Whether a long form names a technique (``贝叶斯优化（BO）``, ``Direct Preference Optimization
    (DPO)``): it ends in a method head word that is not also the head of task names
    (``视觉空间推理（VSR）`` is a task)."""
    t, phrase = _tables(), long_form.strip()
    return any(rx.search(phrase) for rx in t["method_heads"]) and not t["task_head"].search(phrase)


# a task from one medium or range to another: '语音到文本', '次季节至季节', 'Text-to-Video' (not '端到端', end-to-end)
FROM_TO_TASK = re.compile(r"(?!.*端到端)[\u4e00-\u9fff]{1,6}(?:到|至)[\u4e00-\u9fff]{1,6}|[A-Za-z]+(?:[- ][A-Za-z]+)?-to-[A-Za-z]+(?:[- ][A-Za-z]+)?", re.I)


def names_measure(long_form: str) -> bool:
    """Whether a long form names a measure (``任务目标完成率（TGC）``, ``Attack Success Rate (ASR)``)."""
    return bool(_tables()["metric_head"].search(long_form.strip()))


def value_follows(text: str, end: int) -> bool:
    """Whether a reported value follows ``end`` (a closing bracket aside): ``…（BWT）从-6.9%改善到…``."""
    end += 1 if text[end : end + 1] in _CLOSERS else 0
    return bool(_tables()["value_after"].match(text[end : end + 60]))  # (sliced: the pattern opens with "^")


class NameFinder:
    """spaCy component: candidate names with typed votes into ``doc.spans["names"]``."""

    def __init__(self, nlp: Language, name: str = "paperkg_names", stoplist=frozenset()):
        set_extensions()
        self.name = name
        self.stoplist = frozenset(s.casefold() for s in stoplist)
        self.upper_stops = frozenset(s.casefold() for s in stoplist if s.isupper())

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans = find_names(doc, self.stoplist, self.upper_stops)
        if named := _named_lowercase(doc, text, spans):
            spans = sorted([*spans, *named], key=lambda sp: sp.start_char)
        classes = _acronyms_defined_as(doc, text, lambda long_form: names_a_class(long_form, self.stoplist)
                                       or FROM_TO_TASK.fullmatch(long_form.strip()) is not None)
        if classes:  # '多模态奖励模型（MRM）': the acronym of a class of models is a field word here, and so is
            # that of a task from one medium to another ('语音到文本（S2T）模型', 'Text-to-Video (T2V)')
            spans = [s for s in spans if text[s.start_char : s.end_char] not in classes]
        groups = _list_ranges(doc, spans, text)
        votes = [type_votes(doc, span, g0, g1, text) for span, (g0, g1) in zip(spans, groups)]
        techniques = _acronyms_defined_as(doc, text, _names_technique)
        for span, v in zip(spans, votes) if techniques else ():
            if text[span.start_char : span.end_char] in techniques and v.get("method", 0) < 2:
                v["method"] = 2  # 'BO' defined as 贝叶斯优化: the long form says what it is
        measures = _acronyms_defined_as(doc, text, names_measure)
        for span, v in zip(spans, votes) if measures else ():
            if text[span.start_char : span.end_char] in measures and v.get("metric", 0) < 2:
                v["metric"] = 2  # 'TGC' defined as 任务目标完成率
        _kin_votes(doc, spans, groups, votes)
        _gloss_votes(text, spans, votes, doc_value(doc, "keywords_end") or 0)
        phrases = [(sp, {"metric": 2}) for sp in _measure_phrases(doc, text, spans)]
        phrases += [(sp, {"method": 2}) for sp in _technique_glosses(doc, text, spans)]
        phrases += [(sp, {"benchmark": 3}) for sp in _lowercase_datasets(doc, text, spans)]
        if phrases:
            pairs = sorted([*zip(spans, votes), *phrases], key=lambda p: p[0].start_char)
            spans, votes = [sp for sp, _ in pairs], [v for _, v in pairs]
        set_span_values(doc, "votes", zip(spans, votes))  # span._.votes
        set_group(doc, "names", spans)
        return doc


# an English measure named in lower case, with its value: 'a match rate of 71.4%', 'its spread-skill
# ratio stays between 0.95 and 1.02' (not a setting: 'a learning rate of 1e-4')
_MEASURE_PHRASE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?P<name>(?:[a-z][a-z\-]+\s+){1,2}?(?:rate|ratio|score|error|accuracy))"
    r"(?:\s*\([^()]{0,80}\))?\s+"  # ('the stability rate (scenes that stay stable …) from 61% to 88%')
    r"(?:of|is|was|stays|remains|reaches|reached|drops|rises|falls|goes|at|from|to|between|below|above)\b[^.;。；]{0,25}?\d")
_SETTING = re.compile(r"\b(?:learning|dropout|sampling|frame|mask|masking|mixing|warmup|warm-up|decay|bit|token)\b"
                      r"|^(?:average|overall|mean|final|total|best|higher|lower|relative|absolute|same|new|high|low)\b")  # (or no name of its own)


# the same in Chinese: a term ending in 率/误差/增益 (or a time or cost: 时间/耗时/开销/成本) right
# before its value ('序列恢复率为58.7%', '答案泄露率从31.5%降到6.8%'), starting after a word that
# cannot be part of it; a term of more than five characters before its head is not taken (where it
# starts is then a guess).  The regex finds the heads, :func:`_zh_term_start` the start (one regex
# with look-behinds at every character cost 0.07 ms a paper, 5% of the extraction)
_MEASURE_HEAD_ZH = re.compile(r"(?:率|误差|增益|(?P<cost>时间|耗时|开销|成本))(?=(?:[（(][^（）()]{0,30}[）)])?\s*(?:的(?:中位数|平均值|均值))?(?:分别)?"
                              r"(?:为|约为|达到了?|达|从|由|仅为|降至|降到|提升至|提高到|提升到|(?:降低|减少|下降|提升|提高|上升|增加|缩短)了?)\s*约?\s*[-−]?\d)")
# a time or cost is named by the two to four characters before it, after what says how it is taken
# ('每轮通信开销仅为4.2MB', '200帧输入的重建时间为9.4秒'; not '同时重建时间')
_COST_PREFIX = re.compile(r"(?:同时|每轮|每步|每个|每条|每次|单次|单步|单卡|平均|总体|整体|总)")
_ZH_TERM_STARTS_AFTER = frozenset("的在上中和与及或将使把了均以且而该此其各并即但却仍也还都则又，、：")  # (or any character not CJK)
_ZH_NOT_IN_TERM = _ZH_TERM_STARTS_AFTER | frozenset("为从由比较个项种")


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _zh_term_start(text: str, head: int) -> int | None:
    """Where the Chinese term whose head starts at ``head`` begins (None: no term of 1-5
    characters before the head starts after a word that ends others)."""
    i = head
    while i > 0 and head - i < 6 and _is_han(text[i - 1]) and text[i - 1] not in _ZH_NOT_IN_TERM:
        i -= 1
    if i == head or head - i > 5:
        return None
    return i if i == 0 or not _is_han(text[i - 1]) or text[i - 1] in _ZH_TERM_STARTS_AFTER else None


_LATIN_BRACKET = re.compile(r"[（(]\s*[A-Z][A-Z0-9@\-]*[A-Z0-9]\s*[）)]")
_SETTING_ZH = re.compile(r"(?:学习|采样|压缩|丢弃|掩码|帧|码|比特|衰减|稀疏|剪枝|量化|分辨|汇|税|利|概|频|效)率$"
                         r"|^(?:性能|平均|整体|总体|相对|绝对|额外)(?:增益|误差)$")  # (or no name of its own)


def _measure_phrases(doc: Doc, text: str, names: list[Span]) -> list[Span]:
    """Spans of measures no lexicon knows, named in lower-case English or in Chinese and followed
    by a value (or glossed in English and reported), where no name or lexicon entry stands."""
    glossed = [m.span("gloss") for m in _GLOSSED_MEASURE.finditer(text) if not _SETTING.search(m.group("gloss"))] if (
        "（" in text or "(" in text) else []
    english = any(w in text for w in (" rate ", " ratio ", " score ", " error ", " accuracy "))
    if not english and not glossed and not any(h in text for h in ("率", "误差", "增益", "时间", "耗时", "开销", "成本")):
        return []  # (no regex scan)
    found = glossed + [m.span("name") for m in (_MEASURE_PHRASE.finditer(text) if english else ())
                       if not _SETTING.search(m.group("name"))]
    for m in _MEASURE_HEAD_ZH.finditer(text):
        if _LATIN_BRACKET.match(text, m.end()):
            continue  # '平均关节位置误差（MPJPE）为38.2毫米': the acronym in the bracket is the measure's name
        a = _zh_term_start(text, m.start())
        if a is not None and m.group("cost"):
            if prefix := _COST_PREFIX.match(text, a, m.start()):
                a = prefix.end()
            if not 2 <= m.start() - a <= 4:
                continue
        if a is not None and not _SETTING_ZH.search(text[a:m.end()]):
            found.append((a, m.end()))
    return _free_spans(doc, names, found)


# a Chinese term glossed by a lower-case English measure and then reported: '技能分数（skill score）大幅领先',
# '人均观看时长（watch time）提升了2.1%' (the gloss names the measure; one only discussed is none)
_GLOSSED_MEASURE = re.compile(
    r"[\u4e00-\u9fff]{2,8}[（(](?P<gloss>[a-z][a-z\-]*(?: [a-z][a-z\-]*){0,2} (?:score|rate|accuracy|error|time|ratio|precision|recall|latency|cost))[）)]"
    r"(?=[^，。；,;]{0,12}?(?:为|达|从|提升|提高|降低|下降|领先|优于|超过|高出|缩短|减少|\d))")


def _free_spans(doc: Doc, names: list[Span], ranges: list[tuple[int, int]]) -> list[Span]:
    """The spans of the character ``ranges`` where no name and no lexicon entry stands."""
    if not ranges:
        return []
    lexicon = group_spans(doc, "lexicon") if "lexicon" in doc.spans else []
    taken = [(s.start_char, s.end_char) for s in [*names, *lexicon]]
    spans = [doc.char_span(a, b, alignment_mode="contract") for a, b in ranges if not any(x < b and a < y for x, y in taken)]
    return [span for span in spans if span is not None]


# Lower-case names of datasets, listed in Chinese text before what they are: '在TGB的tgbl-wiki、
# tgbl-review和tgbl-coin数据集上' (each hyphenated: a lower-case English word is no name; nor a split
# after a name: 'LibriSpeech test-other测试集').  Found here,
# not by find_names, which takes a lower-case word for prose
_LOWER_NAME = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+"
_LOWER_DATA_LIST = re.compile(
    rf"(?<![A-Za-z0-9\-.])(?<![A-Za-z0-9] ){_LOWER_NAME}(?:\s*(?:、|和|与|及|以及)\s*{_LOWER_NAME})*(?=\s*(?:[一二两三四五六七八九十\d]+\s*个)?(?:数据集|基准|测试集))")
_LOWER_ITEM = re.compile(_LOWER_NAME)


# a lower-case word the text calls by name: '名为needlechain的压力测试集', 'a retriever called cellquill,'
# (find_names takes lower-case words for prose; naming one makes it a name)
_NAMING_ZH, _NAMING_EN = "名为|称为|称作|叫做|记为|记作", "dubbed|named|called|termed"
NAMING_VERBS = f"{_NAMING_ZH}|{_NAMING_EN}"  # what a text says before a name it gives (kg.extract.proposals too)
_NAMING_WORDS = tuple(NAMING_VERBS.split("|"))
_NAMED_LOWER = re.compile(rf"(?:{_NAMING_ZH})\s*[“\"]?(?P<cjk>[a-z][a-z0-9]*(?:[-_.+][a-z0-9]+)*)(?=[”\"]?\s*[的，,、（(。；\u4e00-\u9fff])"
                          rf"|\b(?:{_NAMING_EN})\s+[“\"]?(?P<en>[a-z][a-z0-9]*(?:[-_.+][a-z0-9]+)*)(?=[”\"]?\s*[,.;:(])")


def _named_lowercase(doc: Doc, text: str, names: list[Span]) -> list[Span]:
    """Spans of the lower-case names of ``_NAMED_LOWER`` where no name stands."""
    if not any(w in text for w in _NAMING_WORDS):
        return []
    return _free_spans(doc, names, [m.span("cjk") if m.group("cjk") else m.span("en") for m in _NAMED_LOWER.finditer(text)])


def _lowercase_datasets(doc: Doc, text: str, names: list[Span]) -> list[Span]:
    """Spans of the lower-case dataset names of ``_LOWER_DATA_LIST`` where no name stands."""
    if "数据集" not in text and "基准" not in text and "测试集" not in text:
        return []
    found = [m.span() for lst in _LOWER_DATA_LIST.finditer(text) for m in _LOWER_ITEM.finditer(text, lst.start(), lst.end())]
    return _free_spans(doc, names, found)


# An English gloss in brackets right after a Chinese term: '注意力汇聚保留（Sink Retention）',
# '滚动KV缓存（rolling KV cache）'.  A summary glosses the parts of a method so: a Title Case gloss
# nothing else types is a method (unless it names a task: '多模态检索（Multimodal Retrieval）'), and
# so is a lower-case one of two words or more ending in a technique's head word ('增量式差异更新
# （incremental delta updates）'; not 'brevity bias', 'reward hacking', 'KV cache', 'on-policy', 'prompting')
_GLOSS_BEFORE = re.compile(r"[\u4e00-\u9fff]{2}[“”\"]? ?[（(]$")  # (a space may stand before the bracket: '频带专家路由 (Band-wise …)')
# (a bracket opening on a lower-case letter, then a look at what precedes it: one regex with
# look-behinds took 0.04 ms a paper, this 0.007)
_LOWER_GLOSS_OPEN = re.compile(r"[（(](?=[a-z])")
_LOWER_GLOSS = re.compile(r"[a-z][a-z0-9\-]*(?: [A-Za-z0-9][A-Za-z0-9\-]*){0,5}(?=[）)])")


def is_gloss(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the whole of a bracket right after a Chinese term: ``双流条件注入（Dual-Stream Conditioning）``."""
    return text[end:end + 1] in ("）", ")") and bool(_GLOSS_BEFORE.search(text, max(0, start - 5), start))


_TWO_WORDS = re.compile(r"[A-Za-z]{2}.*[ -].*[A-Za-z]{2}")  # ('Graph-RAG', 'Force Tokenizer'; not 'SE 3.0', a version)


def _gloss_votes(text: str, spans: list[Span], votes: list[dict], keywords_end: int = 0) -> None:
    """A method vote for each Title Case gloss of a Chinese term that has no vote (see above), past
    the keywords (where glosses name topics: '**统一框架 (Unified Framework)**')."""
    t = _tables()
    for span, v in zip(spans, votes):
        if v or span.start_char < keywords_end or not is_gloss(text, span.start_char, span.end_char):
            continue
        name = text[span.start_char:span.end_char]
        if _TWO_WORDS.search(name) and name[:1].isupper() and not (t["task_head"].search(name) or t["not_method_gloss"].search(name)):
            v["method"] = 2


def _technique_glosses(doc: Doc, text: str, names: list[Span]) -> list[Span]:
    """Spans of lower-case glosses of Chinese terms that end in a technique's head word (see above)."""
    if "（" not in text and "(" not in text:
        return []
    t = _tables()
    found = []
    for opening in _LOWER_GLOSS_OPEN.finditer(text):
        i = opening.start()
        if not (i and _is_han(text[i - 1]) or i > 1 and text[i - 1] in "“”\"" and _is_han(text[i - 2])):
            continue
        m = _LOWER_GLOSS.match(text, opening.end())
        phrase = m.group() if m else ""
        if (" " in phrase or "-" in phrase) and t["gloss_technique_head"].search(phrase) and not t["task_head"].search(phrase):
            found.append(m.span())  # (one word is a field's word: 'prompting', 'masking')
    return _free_spans(doc, names, found)


@Language.factory("paperkg_names", default_config={"use_stoplist": True})
def make_name_finder(nlp: Language, name: str, use_stoplist: bool):
    from kg.extract.lexicon_data import load_stoplist

    return NameFinder(nlp, name, load_stoplist(keep_case=True) if use_stoplist else frozenset())
