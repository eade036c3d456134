"""Component ``paperkg_proposals``: decide what the paper itself introduces.

Cues, strongest first:

1. the title names the work before its colon (``LongLive: Real-time…``) — unless the
   prefix is a slogan, i.e. plain English words (``No Prompt Left Behind``);
2. the summary introduces a name: ``提出了…名为X的``, ``称为X``, ``介绍了…X``,
   ``we propose/introduce/present X``, or opens with ``X是一种…``;
3. an abbreviation whose long form is the title's head phrase
   (``Quantile Advantage Estimation … (QAE)``);
4. named parts: numbered bold items of the method (``1) **KV-recache机制**``) and
   ``via X`` in the title.

The headline's kind comes from what the text calls it: 模型/model → ``model``,
数据集/基准/benchmark → ``benchmark``, otherwise ``framework`` (a system or method that
is the paper's own).  Named parts are ``method`` unless the text calls them a model or dataset.
Results: ``doc.spans["proposed"]`` with the kind as label and ``span._.headline``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.spans import set_extensions

__all__ = ["ProposalFinder"]

_INTRO = re.compile(
    r"(?:提出了?|介绍了?|推出了?|发布了?|开发了?|构建了?|设计了?|引入了?|创建了?|打造了?|研发了?|"
    r"\b(?:propos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|present(?:s|ed|ing)?|develop(?:s|ed)?|releas(?:e|es|ed))\b)"
)
_NAMED = re.compile(r"(?:名为|称为|称作|叫做|dubbed|named|called)\s*[“\"'「]?")
_SENT_END = re.compile(r"[。！？；\n]|\.\s")
_KIND_WORDS = [
    ("benchmark", re.compile(r"基准|数据集|测试集|评测|语料|benchmark|dataset|corpus|suite|leaderboard", re.I)),
    ("model", re.compile(r"模型|model\b|checkpoint", re.I)),
    ("metric", re.compile(r"指标|度量|metric\b|score\b", re.I)),
]
_SLOGAN_WORD = re.compile(r"^(?:[a-z]+|[A-Z][a-z]+|a|A|the|The)[,!?']*$")
_HAS_NAME_SHAPE = re.compile(r"[A-Z].*[A-Z]|\d|^[A-Z][a-z]+[A-Z]|-")
_PART_ITEM = re.compile(r"(?:^|\s|[：:；;。])(?:\d|[ivx]+)[)）.、]\s*\*\*(?P<name>[^*：:]{2,40}?)\*\*")
_PART_SUFFIX = re.compile(r"(?:机制|模块|策略|方法|算法|损失|组件|阶段|技术)$")


def title_prefix(title: str) -> str | None:
    """The name before a title's colon, unless it is a slogan.

    >>> title_prefix("LongLive: Real-time Interactive Long Video Generation")
    'LongLive'
    >>> title_prefix("No Prompt Left Behind: Exploiting Zero-Variance Prompts") is None
    True
    """
    if ":" not in title:
        return None
    head = title.split(":", 1)[0].strip()
    words = head.split()
    if not words or len(words) > 5:
        return None
    if len(words) == 1:
        return head if re.match(r"^[A-Za-z0-9][\w.\-+']*$", head) and (head[:1].isupper() or _HAS_NAME_SHAPE.search(head)) else None
    # 'PromptCoT 2.0', 'Think-on-Graph 3.0', 'Qwen3-Omni Technical Report'
    if any(_HAS_NAME_SHAPE.search(w) and not _SLOGAN_WORD.match(w) for w in words[:1]) and all(
        re.match(r"^(?:v?\d+(?:\.\d+)*|[A-Z][\w\-.]*)$", w) for w in words[1:]
    ):
        return head
    return None


def _kind_near(text: str) -> str:
    for kind, rx in _KIND_WORDS:
        if rx.search(text):
            return kind
    return "framework"


class ProposalFinder:
    def __init__(self, nlp: Language, name: str = "paperkg_proposals"):
        set_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        title_end = doc._.title_end or 0
        title = text[:title_end]
        names = list(doc.spans["names"]) if "names" in doc.spans else []
        abbrevs = doc._.abbreviations
        found: list[Span] = []

        def add(span: Span | None, kind: str, headline: bool):
            if span is None or not span.text.strip():
                return
            new = Span(doc, span.start, span.end, label=kind)
            new._.headline = headline
            found.append(new)

        def kind_of(span: Span) -> str:
            after = text[span.end_char : span.end_char + 12]
            before = text[max(title_end, span.start_char - 14) : span.start_char]
            ctx = re.split(r"[，。；,]", after, maxsplit=1)[0] + "|" + re.split(r"[，。；,]", before)[-1]
            return _kind_near(ctx)

        # 1. the title's name before the colon
        prefix = title_prefix(title)
        if prefix:
            span = doc.char_span(0, len(prefix), alignment_mode="expand")
            if span is not None:
                add(span, self._headline_kind(doc, prefix, title_end), True)
        # 2. the summary introduces a name
        for m in _INTRO.finditer(text, title_end):
            sent_end = _SENT_END.search(text, m.end())
            clause_end = sent_end.start() if sent_end else len(text)
            clause = (m.end(), min(clause_end, m.end() + 80))
            named = _NAMED.search(text, *clause)
            start = named.end() if named else clause[0]
            cand = self._first_name(doc, names, abbrevs, start, clause[1])
            if cand is not None:
                add(cand, kind_of(cand), not found or not any(s._.headline for s in found))
        # 3. an abbreviation spelling out the title's head phrase
        for short, long in abbrevs:
            if long.text and long.text.lower() in title.lower() and short.start_char >= title_end:
                add(short, self._headline_kind(doc, short.text, title_end), not any(s._.headline for s in found))
        # 4. named parts: numbered bold items in the method
        for m in _PART_ITEM.finditer(text, title_end):
            name = m.group("name").strip()
            name = _PART_SUFFIX.sub("", name).strip() or name
            span = doc.char_span(m.start("name"), m.start("name") + len(name), alignment_mode="contract")
            if span is not None and len(span.text) >= 2:
                add(span, "method", False)
        doc.spans["proposed"] = filter_spans(found)
        return doc

    def _first_name(self, doc, names, abbrevs, start, end) -> Span | None:
        """The first name in [start, end), preferring an abbreviation's short form."""
        for short, long in abbrevs:
            if start <= long.start_char < end:
                return short
        for span in names:
            if start <= span.start_char < end and not span.text.islower():
                return span
        return None

    @staticmethod
    def _headline_kind(doc: Doc, name: str, title_end: int) -> str:
        text = doc.text
        kinds = []
        for m in re.finditer(re.escape(name), text[title_end:], re.I):
            i = title_end + m.end()
            after = re.split(r"[，。；,]", text[i : i + 10], maxsplit=1)[0]
            j = title_end + m.start()
            before = re.split(r"[，。；,]", text[max(title_end, j - 12) : j])[-1]
            kinds.append(_kind_near(after + "|" + before))
        for kind in ("benchmark", "model"):
            if kind in kinds:
                return kind
        return _kind_near(text[:title_end]) if re.search(r"benchmark", text[:title_end], re.I) else "framework"


@Language.factory("paperkg_proposals")
def make_proposal_finder(nlp: Language, name: str):
    return ProposalFinder(nlp, name)
