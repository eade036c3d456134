"""Component ``paperkg_lexicon``: mark every lexicon name and alias in the text.

Two spaCy ``PhraseMatcher``s run over the mixed-script tokens: one on ``LOWER`` for
ordinary entries, one on ``ORTH`` for entries flagged case-sensitive (names that are also
English words).  Matches go to ``doc.spans["lexicon"]`` with the type as label and the
canonical name as ``kb_id_``; where matches overlap the longest wins, so ``MMLU-Pro`` is
never read as ``MMLU`` (tokens keep ``MMLU-Pro`` whole anyway).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.spans import set_extensions

__all__ = ["LexiconMatcher"]


class LexiconMatcher:
    def __init__(self, nlp: Language, name: str, entries):
        set_extensions()
        self.name = name
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries = {}
        for n, entry in enumerate(entries):
            key = f"{entry.type}|{entry.label}"
            self.entries[key] = entry
            forms = sorted({entry.label, *entry.aliases})
            docs = [nlp.make_doc(f) for f in forms]
            (self.exact if entry.case_sensitive else self.lower).add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.lower, self.exact):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                type_, label = key.split("|", 1)
                spans.append(Span(doc, start, end, label=type_, kb_id=label))
        doc.spans["lexicon"] = filter_spans(spans)
        return doc


@Language.factory("paperkg_lexicon", default_config={"lexicon_dir": None})
def make_lexicon_matcher(nlp: Language, name: str, lexicon_dir: str | None):
    from kg.extract.lexicon_data import load_lexicon

    return LexiconMatcher(nlp, name, load_lexicon(lexicon_dir))
