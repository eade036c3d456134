"""Split a digest summary into labelled sections and read its keyword list.

Summaries come in several shapes: bold or plain labels, Chinese or English
(``**核心关键词**：``, ``核心关键词:``, ``**Core Keywords**:``, ``i) **1-Sentence Core Summary**:``),
or no labels at all, where a leading comma-separated list is the keyword list.
A label is recognised by the words it contains (see ``SECTION_WORDS``), so a new
wording of the same label ("一句话核心概述") still lands in the right section.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["split_sections", "split_keywords", "section_bounds", "SECTION_WORDS"]

# canonical section key -> words whose presence in a label names that section (checked in order)
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "keywords": ("关键词", "关键字", "keyword"),
    "tldr": ("一句", "摘要", "总结", "概述", "概要", "summary", "tl;dr"),
    "question": ("问题", "目标", "question", "objective"),
    "method": ("方法", "methodolog", "method"),
    "results": ("成果", "结果", "result", "finding"),
    "implications": ("启示", "implication", "takeaway"),
}

# A label: at the start of the text or after a run of 2+ spaces / a newline, optionally
# numbered ("i)", "1."), optionally bold, a short phrase without sentence punctuation, then a colon.
LABEL = re.compile(
    r"(?:^|(?<=\s\s)|(?<=\n))[ \t]*(?:[ivx\d]{1,4}[.)]\s*)?(?:\*\*\s*)?"
    r"(?P<label>[^\s*：:。，,；;！？!?()（）][^*：:。，,；;！？!?\n]{0,38}?)"
    r"(?:\s*(?:\*\*)?\s*[:：]\s*(?:\*\*(?=\s))?|(?<=\S)\*\*(?=\s))",
    re.I,
)
# LABEL without its start condition, tried only where a label may start (see _label_matches):
# scanning every position of a summary with LABEL's lookbehinds is the slowest step of parsing.
# (A change to LABEL's start condition needs the same change in _label_starts.)
# The lookahead fails fast where no label is: a label holds a colon or "**" and none of
# "。，,；;！？!?", so the first of all these characters from its start must be ":", "：" or "*".
_LABEL_AT = re.compile(
    r"(?=[^。，,；;！？!?:：*]*[:：*])" + LABEL.pattern.replace(r"(?:^|(?<=\s\s)|(?<=\n))", "", 1), re.I
)
# every character ``\s`` matches except " " and "\n" (all of Unicode's whitespace lies below U+3001)
OTHER_SPACE_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")
_OTHER_SPACE = re.compile(f"[{re.escape(OTHER_SPACE_CHARS)}]")
KEYWORD_SPLIT = re.compile(r"\s*(?:[，,、；;]|\*\*\s+\*\*)\s*")
# where a leading keyword list ends: two spaces, a full stop, '** ' before plain text, or a
# single space touching Chinese that does not follow a list separator ("诊断准确性 EchoVLM是…")
LEAD_BREAK = re.compile(
    r"(?=[\s。])"  # every alternative starts at a blank or '。': a cheap test rejects the other positions
    r"(?:\s{2,}|。|(?<=\*\*)\s+(?=[^*\s])|(?<=[^，,、；;\s])\s(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s(?=[^，,、；;\s*(（]))"
)
MARKUP = re.compile(r"\*\*|__|`")
_BOLD_GAP = re.compile(r"\*\*\s+\*\*")  # "**a** **b**": a list separator written as bold gap


def section_key(label: str) -> str | None:
    """The canonical key of a section label, or None if it names no known section.

    >>> section_key("一句话核心概述"), section_key("Main Research Question or Objective")
    ('tldr', 'question')
    """
    low = label.lower()
    for key, words in SECTION_WORDS.items():
        if any(w in low for w in words):
            return key
    return None


def split_sections(summary: str, plain_spaces: bool = False) -> tuple[dict[str, str], list[str]]:
    r"""Return ``(sections, keywords)`` for a summary.

    Text before the first label, or the whole summary when it has no labels, goes under
    ``body``; a leading list of short comma-separated phrases there is taken as the keywords.
    ``plain_spaces=True`` tells that the summary's only whitespace is " " and "\n" (a digest
    checks its whole text once rather than each summary); the result is the same either way.

    >>> s, k = split_sections("**核心关键词**：长视频生成，KV-recache  **主要成果**：20.7 FPS")
    >>> k, s["results"]
    (['长视频生成', 'KV-recache'], '20.7 FPS')

    Unlabelled, a first sentence is not a keyword list for having commas:

    >>> split_sections("强化学习，预训练数据，训练时扩展  本文提出一种方法。")[1]
    ['强化学习', '预训练数据', '训练时扩展']
    >>> split_sections("在ARC-AGI-2上，o4-mini和Grok 4的得分分别为8.6%和16.0%，而人类平均水平为60%。")[1]
    []
    """
    sections: dict[str, str] = {}
    bounds = section_bounds(summary, plain_spaces)
    head_end = bounds[0][1] if bounds else len(summary)
    head = _clean(summary[:head_end])
    for key, _, body_start, body_end in bounds:
        text = _clean(summary[body_start:body_end])
        if text:
            sections[key] = f"{sections[key]} {text}" if key in sections else text
    keywords: list[str] = []
    if "keywords" in sections:
        keywords, _ = _leading_keyword_list(sections["keywords"], minimum=1)
    elif head:
        keywords, head = _leading_keyword_list(head)
    if head:
        sections = {"body": head, **sections}
    return sections, keywords


def section_bounds(text: str, plain_spaces: bool = False) -> list[tuple[str, int, int, int]]:
    """``(key, label_start, body_start, body_end)`` of each labelled section of ``text``, in order
    (a body runs to the next label).

    >>> section_bounds("**主要研究问题或目标**：X很慢。  **关键方法论**：提出Y。")
    [('question', 0, 14, 20), ('method', 20, 30, 34)]
    """
    cuts = []
    for m in _label_matches(text, plain_spaces):
        key = _section_key(m.group("label"))
        if key:
            cuts.append((m.start(), m.end(), key))
    return [(key, start, body_start, cuts[i + 1][0] if i + 1 < len(cuts) else len(text))
            for i, (start, body_start, key) in enumerate(cuts)]


# Summaries reuse a handful of label wordings, so their keys are worth remembering.
_section_key = lru_cache(maxsize=4096)(section_key)


def _label_matches(summary: str, plain_spaces: bool = False):
    r"""``LABEL.finditer(summary)``, but trying only the positions where a label may start.

    When the only whitespace is " " and "\n", those positions (the start, after a newline,
    after two blanks) are found with ``str.find``; otherwise the regex scans as before.
    """
    if not plain_spaces and _OTHER_SPACE.search(summary):
        yield from LABEL.finditer(summary)
        return
    end = 0
    for start in _label_starts(summary):
        if start >= end:  # matches do not overlap, as with finditer
            m = _LABEL_AT.match(summary, start)
            if m:
                end = m.end()
                yield m


def _label_starts(text: str) -> list[int]:
    r"""Positions LABEL's ``^|(?<=\s\s)|(?<=\n)`` allows, for text whose only whitespace is " " and "\n"."""
    starts = [0]
    for before in ("\n", "  ", "\n "):  # " \n" and "\n\n" end in "\n": found by the first
        i = text.find(before)
        while i >= 0:
            starts.append(i + len(before))
            i = text.find(before, i + 1)
    starts.sort()
    return starts


def split_keywords(text: str) -> list[str]:
    """Split a keyword list written with any of ``，,、；;`` as separators.

    >>> split_keywords("**强化学习, 预训练数据**，**训练时扩展**。")
    ['强化学习', '预训练数据', '训练时扩展']
    """
    # each sub() is skipped when a substring test shows it cannot match (a regex scan costs more)
    if "**" in text:
        text = _BOLD_GAP.sub("，", text)
    if "**" in text or "__" in text or "`" in text:
        text = MARKUP.sub("", text)
    parts = KEYWORD_SPLIT.split(text)
    out = []
    for part in parts:
        part = part.strip(" 。.\t\n")
        if part and len(part) <= 60 and part not in out:
            out.append(part)
    return out


def _leading_keyword_list(head: str, minimum: int = 3) -> tuple[list[str], str]:
    """Summaries often open with 'kw1, kw2, kw3  Sentence...' (labelled or not); split that off."""
    m = LEAD_BREAK.search(head)
    first, rest = (head[: m.start()], head[m.end() :]) if m else (head, "")
    items = split_keywords(first)
    short = []
    for item in items:  # a long "keyword" is the body running on: stop there
        if len(item) > 30:
            break
        short.append(item)
    if len(short) >= minimum and len(short) == len(items) and not (minimum > 1 and any(_CLAUSE.search(i) for i in short)):
        return short, rest.strip()
    if minimum == 1:
        return short, rest.strip()
    return [], head


# what a keyword never holds, but a first sentence cut at its commas does ('…的得分分别为8.6%和16.0%')
_CLAUSE = re.compile(r"\d\s*[%％]")
_BLANKS = re.compile(r"[ \t]{2,}|\t")  # runs only: rewriting every single space is slow on big texts


def _clean(text: str) -> str:
    # stripping first is equivalent (the ends are whitespace either way) and usually leaves no run to rewrite
    text = text.strip()
    return _BLANKS.sub(" ", text) if "  " in text or "\t" in text else text
