"""The ``Doc``/``Span`` extensions the extraction components write.

* ``doc.spans["lexicon"]``: names found in the lexicon; ``span.label_`` is the type
  (``benchmark``/``model``/``method``/``metric``), ``span.kb_id_`` the canonical label.
* ``doc.spans["names"]``: candidate names with ``span._.votes`` = ``{type: weight}``.
* ``doc.spans["proposed"]``: what the paper itself introduces; ``span.label_`` is its kind
  (``model``, ``benchmark``, ``method``, ``metric`` or ``framework``) and
  ``span._.headline`` is True for the headline contribution.
* ``doc._.abbreviations``: ``(short, long)`` span pairs, e.g. ``(MCTS, Monte Carlo Tree Search)``.
* ``doc._.paper_id``: the arXiv id of the paper the doc was made from.
"""

import re
from bisect import bisect_left
from functools import cache

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

TYPES = ("benchmark", "model", "method", "metric")


def set_extensions() -> None:
    """Register the extensions once (idempotent)."""
    if not Doc.has_extension("paper_id"):
        Doc.set_extension("paper_id", default=None)
        Doc.set_extension("abbreviations", default=[])
        Doc.set_extension("title_end", default=0)
        Doc.set_extension("keywords_end", default=0)
        Span.set_extension("votes", default=None)
        Span.set_extension("headline", default=False)


@cache
def _keyed_in_user_data(name: str, on_doc: bool = False) -> bool:
    """Whether ``span._.<name> = v`` stores ``v`` in ``doc.user_data[("._.", name, start_char, end_char)]``
    (spaCy 2.1 to 3.x do, for an extension with a default), checked once on a scratch doc; with
    ``on_doc``, whether ``doc._.<name> = v`` stores it at ``("._.", name, None, None)``."""
    probe = Doc(Vocab(), words=["a", "b"])
    marker = object()
    if on_doc:
        probe._.set(name, marker)
        return probe.user_data.get(("._.", name, None, None)) is marker
    span = probe[1:2]
    span._.set(name, marker)
    return probe.user_data.get(("._.", name, span.start_char, span.end_char)) is marker


_UNSET = object()


def doc_value(doc: Doc, name: str):
    """``doc._.<name>``, read straight from ``doc.user_data`` where spaCy keeps it (``doc._``
    builds an object on every access, 20x slower).  A value never set is left to ``doc._``,
    which copies a mutable default in."""
    value = doc.user_data.get(("._.", name, None, None), _UNSET)
    if value is _UNSET or not _keyed_in_user_data(name, True):
        return doc._.get(name)
    return value


def set_doc_value(doc: Doc, name: str, value) -> None:
    """``doc._.<name> = value``, straight into ``doc.user_data`` (see :func:`doc_value`)."""
    if _keyed_in_user_data(name, True):
        doc.user_data["._.", name, None, None] = value
    else:
        doc._.set(name, value)


def set_span_values(doc: Doc, name: str, pairs) -> None:
    """``span._.<name> = value`` for each ``(span, value)`` of ``pairs``, straight into
    ``doc.user_data`` where spaCy keeps them (``span._`` builds an object on every access)."""
    if not _keyed_in_user_data(name):
        for span, value in pairs:
            span._.set(name, value)
        return
    user_data = doc.user_data
    for span, value in pairs:
        user_data["._.", name, span.start_char, span.end_char] = value


def span_value(doc: Doc, span: Span, name: str, default=None):
    """``span._.<name>``, read where :func:`set_span_values` puts it (``span._`` builds an
    object on every access).  Only for an extension whose default is immutable (``votes``:
    None, ``headline``: False): a mutable default would have to be copied in, as spaCy does."""
    if not _keyed_in_user_data(name):
        return span._.get(name)
    return doc.user_data.get(("._.", name, span.start_char, span.end_char), default)


_GROUP_KEY = "paperkg_group"


def set_group(doc: Doc, name: str, spans: list[Span]) -> None:
    """``doc.spans[name] = spans``, keeping the list for :func:`group_spans`."""
    doc.spans[name] = spans
    doc.user_data[_GROUP_KEY, name] = (doc.spans[name], spans)


def group_spans(doc: Doc, name: str) -> list[Span]:
    """The spans of ``doc.spans[name]`` (KeyError without that group, as ``doc.spans[name]``).

    Iterating a SpanGroup makes a new Span per item, and each new Span reads its first and last
    token: the list the group was set from (:func:`set_group`) is returned instead while the
    group is still that object with as many spans (a group replaced or grown since is read as
    usual; a span replaced in place, ``group[i] = span``, would not be seen).  Read-only: the
    list is the one kept."""
    group = doc.spans[name]
    kept = doc.user_data.get((_GROUP_KEY, name))
    if kept is not None and kept[0] is group and len(group) == len(kept[1]):
        return kept[1]
    return list(group)


_SENT_BREAK = "。！？；\n"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("paperkg_text")
    if text is None:
        text = doc.user_data["paperkg_text"] = doc.text
    return text


def sentence_of(doc: Doc, start_char: int, end_char: int) -> str:
    """The sentence around a character range (Chinese and English sentence ends)."""
    text = doc_text(doc)
    starts, ends = _sentence_index(text)
    # from after the last break before the range to the first break at or after its end
    a = starts[bisect_left(starts, start_char) - 1]
    end = ends[bisect_left(ends, end_char)]
    return text[a + 1 : end + 1 if end < len(text) else end].strip().replace("**", "")


_SENT_BREAK_RX = re.compile(f"[{_SENT_BREAK}]")
_DOT_SPACE = re.compile(r"\. ")
_last_index: tuple = (None, [], [])


def _sentence_index(text: str) -> tuple[list[int], list[int]]:
    """Where sentences may start and end in ``text``: ``starts`` holds -1, each sentence break
    and the space of each '. ' (a sentence starts after the last one before it), ``ends`` each
    break and the period of each '. ', then ``len(text)`` (it ends with the first at or after its
    end).  Found once per text: a paper's mentions ask one after the other about the same text,
    so the last one is kept."""
    global _last_index
    last = _last_index
    if last[0] is not text:
        breaks = [m.start() for m in _SENT_BREAK_RX.finditer(text)]
        dots = [m.start() for m in _DOT_SPACE.finditer(text)]
        starts = sorted([-1, *breaks, *(d + 1 for d in dots)]) if dots else [-1, *breaks]
        ends = sorted([*breaks, *dots]) + [len(text)] if dots else [*breaks, len(text)]
        last = _last_index = (text, starts, ends)
    return last[1], last[2]


# Characters that re.IGNORECASE matches to an ASCII letter although str.lower() does not give
# it: dotless ı and long ſ, and the combining dot that "İ".lower() adds after its "i".
_IGNORECASE_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})


class CueScanner:
    """``re.finditer`` for an alternation of Chinese cue words and English ones, faster.

    Python's regex engine scans quickly for a pattern whose matches all start with a literal
    character (the Chinese words), but tries every position of the text in turn for one that
    starts with ``\\b`` (the English words).  So the two parts are separate patterns, and the
    English one runs only when the text holds one of ``needles``, lowercase words that each
    English match contains.  A Chinese match starts with a CJK character and holds no ASCII
    letter, an English one starts with an ASCII letter and holds no CJK character: their matches
    never overlap, and merged by position they are exactly the matches of ``zh|en``.
    """

    def __init__(self, zh: str, en: str, needles: tuple[str, ...], flags: int = 0):
        self.zh = re.compile(zh, flags)
        self.en = re.compile(en, flags)
        self.needles = needles
        self.ignorecase = bool(flags & re.IGNORECASE)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match]:
        endpos = len(text) if endpos is None else endpos
        found = list(self.zh.finditer(text, pos, endpos))
        window = text[pos:endpos]
        if self.ignorecase:
            window = window.lower()
            if "ı" in window or "ſ" in window or "\u0307" in window:  # rare: translate is slow
                window = window.translate(_IGNORECASE_FOLD)
        if any(n in window for n in self.needles):
            en = list(self.en.finditer(text, pos, endpos))
            if en:
                found = sorted(found + en, key=re.Match.start)
        return found


def past_bold_before(text: str, start: int) -> int:
    """``start`` moved back over the bold marks before a name ('基准**X**' -> before the '**').

    >>> past_bold_before("基准**X**", 4), past_bold_after("基准**X**", 5)
    (2, 7)
    """
    while start > 0 and text[start - 1] == "*":
        start -= 1
    return start


def past_bold_after(text: str, end: int) -> int:
    """``end`` moved on over the bold marks after a name ('**X**框架' -> at 框架)."""
    while text.startswith("*", end):
        end += 1
    return end
