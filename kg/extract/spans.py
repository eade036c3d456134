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

from spacy.tokens import Doc, Span

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
    a = max(text.rfind(c, 0, start_char) for c in _SENT_BREAK)
    dot = text.rfind(". ", 0, start_char)
    a = max(a, dot + 1 if dot >= 0 else -1)
    ends = [i for i in (text.find(c, end_char) for c in _SENT_BREAK) if i >= 0]
    dot = text.find(". ", end_char)
    if dot >= 0:
        ends.append(dot)
    b = min(ends) + 1 if ends else len(text)
    return text[a + 1 : b].strip().replace("**", "")
