"""Split a digest summary into labelled sections and read its keyword list.

Summaries come in several shapes: bold or plain labels, Chinese or English
(``**核心关键词**：``, ``核心关键词:``, ``**Core Keywords**:``, ``i) **1-Sentence Core Summary**:``),
or no labels at all, where a leading comma-separated list is the keyword list.
A label is recognised by the words it contains (see ``SECTION_WORDS``), so a new
wording of the same label ("一句话核心概述") still lands in the right section.
"""

from __future__ import annotations

import re

__all__ = ["split_sections", "split_keywords", "SECTION_WORDS"]

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
KEYWORD_SPLIT = re.compile(r"\s*(?:[，,、；;]|\*\*\s+\*\*)\s*")
# where a leading keyword list ends: two spaces, a full stop, '** ' before plain text, or a
# single space touching Chinese that does not follow a list separator ("诊断准确性 EchoVLM是…")
LEAD_BREAK = re.compile(
    r"\s{2,}|。|(?<=\*\*)\s+(?=[^*\s])|(?<=[^，,、；;\s])\s(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s(?=[^，,、；;\s*(（])"
)
MARKUP = re.compile(r"\*\*|__|`")


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


def split_sections(summary: str) -> tuple[dict[str, str], list[str]]:
    """Return ``(sections, keywords)`` for a summary.

    Text before the first label, or the whole summary when it has no labels, goes under
    ``body``; a leading list of short comma-separated phrases there is taken as the keywords.

    >>> s, k = split_sections("**核心关键词**：长视频生成，KV-recache  **主要成果**：20.7 FPS")
    >>> k, s["results"]
    (['长视频生成', 'KV-recache'], '20.7 FPS')
    """
    sections: dict[str, str] = {}
    matches = [m for m in LABEL.finditer(summary) if section_key(m.group("label"))]
    cuts = [(m.start(), m.end(), section_key(m.group("label"))) for m in matches]
    head_end = cuts[0][0] if cuts else len(summary)
    head = _clean(summary[:head_end])
    for i, (_, body_start, key) in enumerate(cuts):
        body_end = cuts[i + 1][0] if i + 1 < len(cuts) else len(summary)
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


def split_keywords(text: str) -> list[str]:
    """Split a keyword list written with any of ``，,、；;`` as separators.

    >>> split_keywords("**强化学习, 预训练数据**，**训练时扩展**。")
    ['强化学习', '预训练数据', '训练时扩展']
    """
    text = re.sub(r"\*\*\s+\*\*", "，", text)
    parts = KEYWORD_SPLIT.split(MARKUP.sub("", text))
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
    if len(short) >= minimum and len(short) == len(items):
        return short, rest.strip()
    if minimum == 1:
        return short, rest.strip()
    return [], head


_BLANKS = re.compile(r"[ \t]{2,}|\t")  # runs only: rewriting every single space is slow on big texts


def _clean(text: str) -> str:
    return _BLANKS.sub(" ", text).strip()
