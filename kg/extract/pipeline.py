"""Stage 2: papers -> spaCy ``Doc``s with mentions, abbreviations and proposals.

The pipeline is a blank multilingual spaCy pipeline with the project's own tokenizer and
four components, each with one job::

    MixedScriptTokenizer -> paperkg_abbreviations -> paperkg_lexicon -> paperkg_names
                         -> paperkg_proposals -> paperkg_results

>>> from kg.parse import parse_text
>>> paper = parse_text("## [QAE: Quantile Advantage Estimation](https://arxiv.org/abs/2509.22611)\\n"
...                    "summary:在AIME'24基准测试上，Qwen3-8B-Base模型的pass@1得分提升。", date="2025-09-30").papers[0]
>>> doc = next(extract_docs([paper]))
>>> sorted((s.text, s.label_) for s in doc.spans["lexicon"])
[("AIME'24", 'benchmark'), ('Qwen3-8B-Base', 'model'), ('pass@1', 'metric')]
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# importing the modules registers their factories
from kg.extract import abbreviations, lexicon_matcher, names, proposals, results  # noqa: F401
from kg.extract.spans import set_doc_value, set_extensions
from kg.extract.tokenizer import MixedScriptTokenizer
from kg.parse import Paper

__all__ = ["make_nlp", "extract_docs", "paper_text"]



def make_nlp(lexicon_dir: str | None = None) -> Language:
    """A fresh extraction pipeline (see module docstring)."""
    set_extensions()
    nlp = spacy.blank("xx")
    nlp.tokenizer = MixedScriptTokenizer(nlp.vocab)
    nlp.add_pipe("paperkg_abbreviations")  # first: the lexicon defers to acronyms a paper defines itself
    nlp.add_pipe("paperkg_lexicon", config={"lexicon_dir": lexicon_dir})
    nlp.add_pipe("paperkg_names")
    nlp.add_pipe("paperkg_proposals", config={"lexicon_dir": lexicon_dir})
    nlp.add_pipe("paperkg_results")
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    return make_nlp()


def paper_text(paper: Paper) -> tuple[str, int]:
    """The text the extractor reads, and where the title ends in it."""
    return f"{paper.title}\n{paper.summary}", len(paper.title)


def keywords_end(text: str, keywords: list[str]) -> int:
    """Where the summary's keyword list ends in ``text`` (0 when it has none)."""
    if not keywords:
        return 0
    at = text.find(keywords[-1])
    return at + len(keywords[-1]) if 0 <= at < 1000 else 0


def extract_docs(papers: Iterable[Paper], nlp: Language | None = None, batch_size: int = 64) -> Iterator[Doc]:
    """Run the pipeline over papers, yielding one Doc per paper (``doc._.paper_id`` set)."""
    nlp = nlp or default_nlp()
    papers = list(papers)

    def make_docs():
        for paper in papers:
            text, title_end = paper_text(paper)
            doc = nlp.make_doc(text)
            doc.user_data["paperkg_text"] = text  # the tokenizer keeps text intact: no need to rebuild it
            set_doc_value(doc, "paper_id", paper.arxiv_id)  # doc._.paper_id = ... (and so on), faster
            set_doc_value(doc, "title_end", title_end)
            set_doc_value(doc, "keywords_end", keywords_end(text, paper.keywords))
            yield doc

    # component by component over a batch: each component's tables stay warm in the CPU cache
    docs = make_docs()
    while batch := list(islice(docs, batch_size)):
        for _, proc in nlp.pipeline:
            batch = [proc(doc) for doc in batch]
        yield from batch
