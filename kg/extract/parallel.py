"""Extraction in worker processes, returning plain picklable records instead of spaCy Docs.

A build keeps, per paper, two records that together hold everything the later stages read
off a ``Doc``:

* :class:`~kg.resolve.PaperMentions` (from :func:`kg.resolve.paper_mentions`): what entity
  resolution needs;
* :class:`ResultRecord`: what :func:`kg.results.resolve_results` needs -- the paper's text,
  its lexicon spans (offsets and canonical ids) and its result candidates.
  :func:`result_docs` wraps records in light objects with the few attributes of a ``Doc``
  that ``resolve_results`` reads, so it runs unchanged on records.

:func:`extract_records` runs the pipeline over papers with ``workers`` processes (forked, so
the loaded pipeline is shared copy-on-write), in order, paper by paper like
:func:`kg.api.build`: a summary longer than ``MAX_EXTRACT_CHARS`` is cut, and a paper the
extractor fails on is kept without entity links; both give a warning.  :func:`map_groups` does
the same for groups of papers and hands each group's records to a function in the worker that
made them, so that a full build's records never travel to the parent (the workers save them).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from kg.extract.spans import doc_text
from kg.progress import bar as progress_bar
from kg.parse import Paper, Skipped
from kg.resolve import PaperMentions, paper_mentions

__all__ = ["ResultRecord", "Extracted", "extract_records", "iter_records", "map_groups", "extract_one", "extract_batch",
           "result_docs", "default_workers"]

MAX_EXTRACT_CHARS = 100_000  # as kg.api.MAX_EXTRACT_CHARS


@dataclass
class ResultRecord:
    """What :func:`kg.results.resolve_results` reads from one Doc, as plain data."""

    paper_id: str
    text: str
    lexicon: list[tuple[int, int, str]]  # (start_char, end_char, kb_id) of every lexicon span
    candidates: list  # kg.extract.results.ResultCandidate (dataclasses, picklable)


@dataclass
class Extracted:
    """One paper's extraction: ``mentions`` and ``results`` are None when it failed."""

    paper_id: str
    mentions: PaperMentions | None
    results: ResultRecord | None
    warnings: list[Skipped] = field(default_factory=list)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


_NLP = None


def _nlp(lexicon_dir=None):
    global _NLP
    if _NLP is None:
        from kg.extract.pipeline import default_nlp, make_nlp

        _NLP = make_nlp(lexicon_dir) if lexicon_dir else default_nlp()
    return _NLP


def extract_one(paper: Paper, nlp=None) -> Extracted:
    """Extract one paper into records (never raises on the paper's content)."""
    return extract_batch([paper], nlp)[0]


def _trimmed(paper: Paper) -> tuple[Paper, list[Skipped]]:
    if len(paper.summary) <= MAX_EXTRACT_CHARS:
        return paper, []
    warning = Skipped(paper.source, paper.line, f"{paper.arxiv_id}: summary has {len(paper.summary):,} characters; "
                      f"entities are extracted from the first {MAX_EXTRACT_CHARS:,} only")
    return replace(paper, summary=paper.summary[:MAX_EXTRACT_CHARS]), [warning]


def _failed(paper: Paper, warnings: list, exc: Exception) -> Extracted:
    warnings.append(Skipped(paper.source, paper.line, f"{paper.arxiv_id}: entity extraction failed ({type(exc).__name__}: {exc}); "
                            "paper kept without entity links"))
    return Extracted(paper.arxiv_id, None, None, warnings)


def _records(doc, paper: Paper, warnings: list) -> Extracted:
    mentions = paper_mentions(doc)
    lex = [(s.start_char, s.end_char, s.kb_id_) for s in doc.spans["lexicon"]] if "lexicon" in doc.spans else []
    cands = doc._.results if doc.has_extension("results") else None
    results = ResultRecord(paper.arxiv_id, doc_text(doc), lex, list(cands or []))  # doc.text rebuilds it from tokens
    _share_sentences([*mentions.mentions, *mentions.proposals, *results.candidates])
    return Extracted(paper.arxiv_id, mentions, results, warnings)


def _share_sentences(items) -> None:
    """One string object per distinct sentence of a paper: pickle writes a shared object once, and
    a paper's mentions and result candidates quote the same few sentences over and over (a
    digest's cache entry pickles 18% smaller: less worker-to-parent traffic, smaller cache files
    that load 16% faster)."""
    seen: dict[str, str] = {}
    for item in items:
        item.sentence = seen.setdefault(item.sentence, item.sentence)


def extract_batch(papers: list[Paper], nlp=None) -> list[Extracted]:
    """:func:`extract_one` of each paper, the pipeline run over the whole batch (component by
    component: about 1.5x faster than paper by paper).  If the batch fails, its papers are
    done one by one, so a text the extractor cannot process loses only its own links."""
    from kg.extract.pipeline import extract_docs

    nlp = nlp or _nlp()
    prepared = [_trimmed(p) for p in papers]
    try:
        docs = list(extract_docs([p for p, _ in prepared], nlp))
    except Exception as exc:  # noqa: BLE001 - narrowed down paper by paper, never silent
        if len(papers) == 1:
            return [_failed(prepared[0][0], prepared[0][1], exc)]
        return [extract_batch([p], nlp)[0] for p in papers]
    out = []
    for doc, (paper, warnings) in zip(docs, prepared):
        try:
            out.append(_records(doc, paper, warnings))
        except Exception as exc:  # noqa: BLE001 - reported, never silent
            out.append(_failed(paper, warnings, exc))
    return out


def _work(chunk: list[Paper]) -> list[Extracted]:
    nlp = _nlp(_WORKER_LEXICON_DIR)
    return [ex for i in range(0, len(chunk), BATCH) for ex in extract_batch(chunk[i:i + BATCH], nlp)]


def _work_groups(span: tuple[int, int]) -> list:
    """Groups ``span`` of :func:`map_groups`: extracted together, each then handed to ``finish``."""
    groups = _WORKER_GROUPS[span[0]:span[1]]
    records = iter(_work([p for g in groups for p in g]))
    return [_WORKER_FINISH(i, [next(records) for _ in g]) for i, g in enumerate(groups, span[0])]


_WORKER_LEXICON_DIR = None
_WORKER_GROUPS: list | None = None
_WORKER_FINISH = None
CHUNK = 200  # papers per task, at most
BATCH = 32  # papers run through the pipeline together
TASKS_PER_WORKER = 10  # tasks (of up to CHUNK papers) before a worker process is replaced
MIN_PARALLEL = 64  # smaller batches run in process


def extract_records(papers: list[Paper], *, workers: int | None = None, progress: bool = False,
                    lexicon_dir: str | None = None) -> list[Extracted]:
    """:func:`extract_one` over ``papers`` in ``workers`` processes; results in input order.

    ``workers=None`` uses every core (up to 8); batches under ``MIN_PARALLEL`` papers run in
    process (forking and shipping records back costs more than it saves).  Papers go to the
    workers in tasks of up to ``CHUNK``, at least 4 tasks per worker so that the last tasks do
    not leave a core idle (see :func:`map_groups`).  ``progress`` shows a tqdm bar on stderr.
    """
    return list(iter_records(papers, workers=workers, progress=progress, lexicon_dir=lexicon_dir))


def iter_records(papers: list[Paper], *, workers: int | None = None, progress: bool = False,
                 lexicon_dir: str | None = None) -> Iterator[Extracted]:
    """:func:`extract_records` as a stream: each record as soon as it (and those before it) is
    back, so the caller can store and drop records while the workers go on."""
    papers = list(papers)
    batches = [papers[i:i + BATCH] for i in range(0, len(papers), BATCH)]
    for records in map_groups(batches, _records_back, workers=workers, progress=progress, lexicon_dir=lexicon_dir):
        yield from records


def _records_back(_, records: list[Extracted]) -> list[Extracted]:
    return records  # (from a worker: the records travel back to the caller)


def map_groups(groups: list[list[Paper]], finish, *, workers: int | None = None, progress: bool = False,
               lexicon_dir: str | None = None) -> Iterator:
    """Extract each group of papers and call ``finish(i, records)`` on group ``i``'s records
    where they were extracted -- in a worker process; yields what ``finish`` returns, group by
    group in order.  For work that needs the records but not in the caller's process (a full
    build saves each digest's records to its cache in the worker: the records never travel to
    the parent, which gets back only what ``finish`` returns).  ``finish`` runs in a forked
    copy of the caller: it sees the caller's state as it was when this was called."""
    global _WORKER_GROUPS, _WORKER_FINISH
    workers = default_workers() if workers is None else max(1, workers)
    n = sum(map(len, groups))
    if workers == 1 or n < MIN_PARALLEL or "fork" not in mp.get_all_start_methods():
        yield from _in_process(groups, finish, progress, lexicon_dir)
        return
    chunk = max(8, min(CHUNK, -(-n // (workers * 4))))
    spans, start, size = [], 0, 0
    for i, g in enumerate(groups):  # consecutive groups, up to ``chunk`` papers a task
        if size and size + len(g) > chunk:
            spans.append((start, i))
            start, size = i, 0
        size += len(g)
    spans.append((start, len(groups)))
    _WORKER_GROUPS, _WORKER_FINISH = groups, finish
    try:
        sizes = [sum(len(g) for g in groups[a:b]) for a, b in spans]
        for part in _forked(_work_groups, spans, sizes, workers, progress, lexicon_dir):
            yield from part
    finally:
        _WORKER_GROUPS = _WORKER_FINISH = None


def _in_process(groups, finish, progress, lexicon_dir) -> Iterator:
    nlp = _nlp(lexicon_dir) if lexicon_dir is None else _fresh(lexicon_dir)
    with progress_bar(sum(map(len, groups)), "extract", progress) as bar:
        for i, group in enumerate(groups):
            records = []
            for j in range(0, len(group), BATCH):
                part = extract_batch(group[j:j + BATCH], nlp)
                bar.update(len(part))
                records += part
            yield finish(i, records)


def _forked(work, tasks: list, sizes: list[int], workers: int, progress: bool, lexicon_dir) -> Iterator[list]:
    """``work(task)`` for each task in a pool of forked workers, in order; ``sizes``: papers per
    task (for the progress bar)."""
    global _WORKER_LEXICON_DIR
    _WORKER_LEXICON_DIR = lexicon_dir
    if lexicon_dir is None:
        _nlp()  # load once in the parent: forked workers share it copy-on-write
    ctx = mp.get_context("fork")
    # gc.freeze: a worker's collector skips every object it inherits, so it neither walks the
    # parent's heap nor copies its pages (the Python docs' advice for forked workers; 100k
    # papers: extraction 77 -> 66 s, and 115 -> 74 s inside a build, whose parent holds more)
    gc.freeze()
    try:
        with progress_bar(sum(sizes), "extract", progress) as bar:
            # gc.enable: a build pauses the collector in the parent (kg.store.build); the workers
            # run spaCy, whose garbage the collector must see
            # maxtasksperchild: a worker's memory grows with every paper (spaCy's string store keeps
            # each new token, and pages it shared with the parent get copied); a fresh worker,
            # forked again from the parent, starts small (100k papers: 1.2 GB -> see docs)
            with ctx.Pool(min(workers, len(tasks)), initializer=gc.enable, maxtasksperchild=TASKS_PER_WORKER) as pool:
                for size, part in zip(sizes, pool.imap(work, tasks)):
                    gc.freeze()  # and what the parent made since: workers are forked again (maxtasksperchild)
                    bar.update(size)
                    yield part
    finally:
        gc.unfreeze()


def _fresh(lexicon_dir):
    from kg.extract.pipeline import make_nlp

    return make_nlp(lexicon_dir)


# ----------------------------------------------------------------------------------------
#  resolve_results on records
# ----------------------------------------------------------------------------------------


class _Span:
    __slots__ = ("start_char", "end_char", "kb_id_")

    def __init__(self, start, end, kb):
        self.start_char, self.end_char, self.kb_id_ = start, end, kb


class _Ext:
    __slots__ = ("results", "paper_id")

    def __init__(self, results, paper_id):
        self.results, self.paper_id = results, paper_id


class _RecordDoc:
    """The part of a spaCy Doc that :func:`kg.results.resolve_results` reads."""

    __slots__ = ("text", "spans", "_")

    def __init__(self, rec: ResultRecord):
        self.text = rec.text
        self.spans = {"lexicon": [_Span(*t) for t in rec.lexicon]}
        self._ = _Ext(rec.candidates, rec.paper_id)

    @staticmethod
    def has_extension(name: str) -> bool:
        return name == "results"


def result_docs(records) -> list:
    """Doc-like views of :class:`ResultRecord` s with candidates, for ``resolve_results``."""
    return [_RecordDoc(r) for r in records if r is not None and r.candidates]
