"""Component ``paperkg_abbreviations``: pair short forms with their long forms.

Implements the abbreviation-definition algorithm of Schwartz & Hearst, *A simple algorithm
for identifying abbreviation definitions in biomedical text* (PSB 2003) — the one
scispaCy's ``AbbreviationDetector`` uses — for English long forms, and extends it to the
patterns of Chinese summaries:

* ``Monte Carlo Tree Search (MCTS)``: S&H finds the shortest run of preceding words whose
  letters contain the short form's characters in order, the first at a word start;
* ``GEM (General Experience Maker)``: the same check, long form inside the brackets;
* ``熵正则化策略优化（EPO）`` / ``RLVR（可验证奖励强化学习）``: a Chinese long form is the run of
  Chinese characters next to the brackets, cut at function words (的, 了, 一种, 名为…).

Pairs go to ``doc._.abbreviations`` as ``(short_span, long_span)``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.spans import doc_text, set_doc_value, set_extensions

__all__ = ["AbbreviationDetector", "find_abbreviations", "is_acronym", "names_a_class", "schwartz_hearst_long_form"]

_SHORT = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z][A-Za-z0-9\-.+&']{1,14}$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_OR_QUOTE = re.compile(r"[\u4e00-\u9fff”」\"]")
# where a Chinese long form starts: after these characters/words (longest first)
_HAN_STOPS = re.compile(
    r".*(?:名为|称为|称作|叫做|解决|针对|旨在|面向|用于|关于|对于|分别|提出了?|引入了?|采用了?|使用了?|利用了?|基于|通过|进行|一种|一个|一套|一项|即|是|的|了|和|与|及|或|"
    # one-character words, not where they are part of a word the long form holds ('平均绝对误差',
    # '行为克隆', '在线学习', '中位数', '通用奖励模型', '相对位置编码')
    # a pronoun and the verb 'compute' before a measure's name ('其加权分位数损失（WQL）', '并计算自洽均方根偏差（scRMSD）';
    # not '其他', '计算机', '计算量', nor '计算效率', a name of its own)
    r"其(?![他余中])|计算(?![机量])(?=[\u4e00-\u9fff]{4})|"
    r"在(?!线)|(?<![绝相比])对(?![齐话比应抗称数象偶接照冲焦])|将|(?<![通应作费引复占信调])用|(?<![可所难])以|(?<![行作成因认])为|中(?![位心])|、|，|。|：|；|“|”|「|」|《|》|\s)"
)
_OPEN, _CLOSE = "(（", ")）"
_BRACKET = re.compile(r"[(（]")
_CLOSING = re.compile(r"[)）]")  # each one a token of its own (see kg.extract.tokenizer)
_TAIL = re.compile(r"^(?P<long>[A-Za-z][\w\- ]+?)\s*[,，]\s*(?P<short>[A-Za-z][\w\-]*)$")
_CLAUSE_PUNCT = re.compile(r"[，。,;；]")
_HAN_RUN_END = re.compile(r"[\u4e00-\u9fffA-Za-z0-9\-]*[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9\-]*$")
_QUOTED_END = re.compile(r"[“\"「]([^”\"」]{2,30})[”\"」]$")
_MAX_INNER = 29  # tokens between the brackets, at most
_GLOSS = re.compile(r"^[A-Za-z][\w\-]*(?: [A-Za-z][\w\-]*){1,7}$")
# a bracket after an acronym that opens on these words explains it, it does not spell it out:
# 'CRPS（均为相对季节朴素基线归一化后的几何平均）', 'X（即…）', 'X（分别为…）'
_EXPLAINS = re.compile(r"(?:均为|均是|都是|即(?!时)|分别|包括|包含|例如|比如|如|是指|是|为|用于|来自|约\d|共\d|仅为|仅需|对应)")


def is_acronym(short: str) -> bool:
    """Whether a pair's short form is an acronym (one word, two capitals at least), not an
    English gloss of a Chinese term ('指令微调（instruction tuning）', '图像奖励（Image Reward）'),
    which defines no sense of its own.

    >>> is_acronym("EM"), is_acronym("instruction tuning"), is_acronym("Image Reward")
    (True, False, False)
    """
    return " " not in short.strip() and sum(c.isupper() for c in short) >= 2


def names_a_class(long_form: str, field_words) -> bool:
    """Whether a long form is a kind of model named by the field, with a modifier before it: the
    acronym then names a class of models, not one of them ('多模态奖励模型（MRM）', 'Process Reward Model (PRM)';
    ``field_words`` casefolded, as the stoplist's).

    >>> names_a_class("多模态奖励模型", {"奖励模型"}), names_a_class("Tiny Recursive Model", {"reward model"})
    (True, False)
    """
    phrase = long_form.strip().casefold()
    return any(
        phrase.endswith(w) and len(phrase) > len(w) and (not w.isascii() or " " in w and phrase[-len(w) - 1] in " -")
        for w in _class_heads(frozenset(field_words))
    )


@lru_cache(maxsize=4)
def _class_heads(field_words: frozenset) -> tuple[str, ...]:
    """The field words that can head a class name: kinds of model, in Chinese of 3 characters or
    more, in English of two words or more ('奖励模型', 'reward model'; not '模型', 'agent', and not
    '智能体': '“行为纠正智能体”（ACA）' is a part the paper names)."""
    return tuple(w for w in field_words if (len(w) >= 3 and w.endswith("模型")) or (" " in w and w.endswith(" model")))


def schwartz_hearst_long_form(short: str, words: list[str]) -> int | None:
    """Index into ``words`` where the long form of ``short`` starts, or None.

    ``words`` are the words before the parenthesis.  Every letter/digit of ``short`` must
    occur in order, matched from the end, and its first character must start a word.

    >>> schwartz_hearst_long_form("MCTS", "we use Monte Carlo Tree Search".split())
    2
    >>> schwartz_hearst_long_form("QAE", "a new baseline".split()) is None
    True

    A version after the acronym is not spelled out ('Tiny Recursive Model (TRM-2)'):

    >>> schwartz_hearst_long_form("TRM-2", "a Tiny Recursive Model".split())
    1
    """
    at = _sh_long_form(short, words)
    if at is None and (stem := _VERSIONED.match(short)):
        at = _sh_long_form(stem.group(1), words)
    return at


_VERSIONED = re.compile(r"^([A-Za-z][A-Za-z\-.+&']*[A-Za-z])[-\s]?v?\d+(?:\.\d+)*$")  # 'TRM-2', 'LLaDA2', 'FooNet-v3'


def _sh_long_form(short: str, words: list[str]) -> int | None:
    chars = [c.lower() for c in short if c.isalnum()]
    if not chars or not words:
        return None
    long = " ".join(words).lower()
    s, l = len(chars) - 1, len(long) - 1
    while s >= 0:
        c = chars[s]
        while l >= 0 and (long[l] != c or (s == 0 and l > 0 and long[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return None
        s -= 1
        l -= 1
    start_char = l + 1
    # map the character offset back to a word index
    pos = 0
    for k, w in enumerate(words):
        if pos + len(w) > start_char:
            return k if len(words) - k <= min(len(chars) + 5, 2 * len(chars)) else None
        pos += len(w) + 1
    return None


def _han_long_form(text: str) -> tuple[int, int] | None:
    """The Chinese long form at the end of ``text``: (start, end) offsets, or None."""
    m = _HAN_RUN_END.search(text)
    if not m:
        return None
    run = m.group()
    cut = _HAN_STOPS.match(run)
    start = m.start() + (cut.end() if cut else 0)
    if len(text) - start < 2 or not _HAN.search(text[start:]):
        return None
    return start, len(text)


def find_abbreviations(doc: Doc) -> list[tuple[Span, Span]]:
    """All (short, long) pairs in ``doc`` (see module docstring)."""
    pairs = []
    text = doc_text(doc)
    for m in _BRACKET.finditer(text):
        tok = doc.char_span(m.start(), m.end())
        if tok is None:
            continue
        tok = tok[0]
        close = _closing_bracket(doc, text, tok)
        if close is None:
            continue
        inner = doc[tok.i + 1 : close]
        if not len(inner):
            continue
        inner_text = text[inner.start_char : inner.end_char]  # == inner.text, without building it from tokens
        before = doc[max(0, tok.i - 20) : tok.i]
        tail = _TAIL.match(inner_text)
        if tail and _SHORT.match(tail.group("short")):
            # '反馈条件策略 (Feedback-Conditional Policy, FCP)': both forms inside the brackets
            short = doc.char_span(inner.start_char + tail.start("short"), inner.start_char + tail.end("short"))
            long_en = doc.char_span(inner.start_char + tail.start("long"), inner.start_char + tail.end("long"), alignment_mode="contract")
            if short is not None and long_en is not None:
                pairs.append((short, long_en))
                han = _long_form_before(doc, before, "")
                if han is not None:
                    pairs.append((short, han))
            continue
        if len(inner) == 1 and _SHORT.match(inner_text):
            long = _long_form_before(doc, before, inner_text)
            if long is not None:
                pairs.append((inner, long))
        elif tok.i > 0 and _SHORT.match(doc[tok.i - 1].text):
            short = doc[tok.i - 1 : tok.i]
            words = [t.text for t in inner if not t.is_space]
            if _HAN.search(inner_text):
                if len(inner_text) <= 20 and not _CLAUSE_PUNCT.search(inner_text) and not _EXPLAINS.match(inner_text):
                    pairs.append((short, inner))
            elif schwartz_hearst_long_form(short.text, words) == 0 and len(words) > 1:
                pairs.append((short, inner))
        elif _GLOSS.match(inner_text) and tok.i > 0 and _HAN_OR_QUOTE.match(text[tok.idx - 1 : tok.idx].strip() or text[tok.idx - 2 : tok.idx - 1]):
            # '流式长视频微调 (Streaming Long Tuning)', '“预算令牌”（Budget Token）': an English gloss names the Chinese term
            long = _long_form_before(doc, before, "")
            if long is not None:
                pairs.append((inner, long))
    return pairs


def _closing_bracket(doc: Doc, text: str, open_tok) -> int | None:
    """Index of the first closing bracket token within ``_MAX_INNER`` tokens after ``open_tok``:
    found in the text, not by walking the tokens."""
    m = _CLOSING.search(text, open_tok.idx + 1)
    if m is None:
        return None
    close = doc.char_span(m.start(), m.end())
    if close is None or close.start > open_tok.i + _MAX_INNER:
        return None
    return close.start


def _long_form_before(doc: Doc, before: Span, short: str) -> Span | None:
    if not len(before):
        return None
    text = doc_text(doc)
    end_char = before.end_char
    while end_char > before.start_char and text[end_char - 1] == " ":
        end_char -= 1
    quoted = _QUOTED_END.search(text[before.start_char : end_char])
    if quoted:  # '“思考-行为一致性”（TAC）': the quoted name is the long form
        a = before.start_char + quoted.start(1)
        return doc.char_span(a, a + len(quoted.group(1)), alignment_mode="contract")
    if _HAN.match(text[end_char - 1 : end_char] or " "):
        found = _han_long_form(text[before.start_char : end_char])
        if found is None:
            return None
        return doc.char_span(before.start_char + found[0], end_char, alignment_mode="contract")
    if not short:
        return None
    words = [t for t in before if not t.is_space]
    k = schwartz_hearst_long_form(short, [t.text for t in words])
    # one word spells out no acronym of three letters ('Transformer (TFM)') -- unless its hyphens
    # join as many words ('Reason-then-Edit (RtE)': the tokenizer keeps it one token)
    if k is None or k == len(words) - 1 and len(short) > 2 and words[k].text.count("-") + 1 < sum(c.isalnum() for c in short):
        return None
    span = doc[words[k].i : words[-1].i + 1]
    if any(t.text in "，。；;,." for t in span):
        return None
    return span


class AbbreviationDetector:
    """Pairs whose short form is a field word (LLM, VLM, RL) are dropped: they name no entity."""

    def __init__(self, nlp: Language, name: str = "paperkg_abbreviations", stoplist=frozenset()):
        set_extensions()
        self.name = name
        self.stoplist = frozenset(s.casefold() for s in stoplist)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # span texts by slicing (Span.text rebuilds them from the tokens)
        pairs = [
            (s, l) for s, l in find_abbreviations(doc)
            if l is not None and _singular(text[s.start_char : s.end_char].casefold()) not in self.stoplist
        ]
        set_doc_value(doc, "abbreviations", pairs)  # doc._.abbreviations = pairs
        return doc


def _singular(short: str) -> str:
    return short[:-1] if short.endswith("s") and len(short) > 2 else short


@Language.factory("paperkg_abbreviations", default_config={"use_stoplist": True})
def make_abbreviation_detector(nlp: Language, name: str, use_stoplist: bool):
    from kg.extract.lexicon_data import load_stoplist

    return AbbreviationDetector(nlp, name, load_stoplist() if use_stoplist else frozenset())
