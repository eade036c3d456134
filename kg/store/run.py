"""What both paths of a build share: the run's context, the digest cache, parsing and
extracting a digest into its cache entry, and the fingerprint of a date's graph."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.extract.parallel import Extracted, extract_records, result_docs
from kg.parse import DigestError, Skipped, parse_digest
from kg.store.quads import UNDATED

__all__ = ["BuildSummary", "Run", "DigestCache", "STORE_DIR", "store_path"]

STORE_DIR = "store"  # under the exports directory


def store_path(out_dir) -> Path:
    return Path(out_dir) / STORE_DIR


@dataclass
class BuildSummary:
    """What a build did: what it read, extracted, replaced and wrote, and how long each stage took."""

    digests: int = 0
    papers: int = 0
    extracted: int = 0  # papers run through the extractor in this build (the rest came from the cache)
    graphs_replaced: list[str] = field(default_factory=list)
    graphs_removed: list[str] = field(default_factory=list)
    entities_changed: bool = False
    counts: dict = field(default_factory=dict)  # entity type -> count, "Paper", "Keyword", "Result"
    links: dict = field(default_factory=dict)  # relation -> count
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "HTML skipped: 100,000 papers > 5,000"
    timings: dict = field(default_factory=dict)  # stage -> seconds
    store: Path | None = None
    digest_info: list[dict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.extracted or self.graphs_replaced or self.graphs_removed or self.entities_changed)


def paper_key(p) -> str:
    """A paper's key in the cache: its records hold as long as its id, title and summary do."""
    return hashlib.sha1("\x1f".join((p.arxiv_id, p.title, p.summary)).encode("utf-8")).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never half."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class DigestCache:
    """``store/cache/<sha256 of a digest file>.pkl``: its parsed Digest and extraction records."""

    def __init__(self, root: Path):
        self.dir = root / "cache"

    def load(self, sha: str):
        path = self.dir / f"{sha}.pkl"
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def save(self, sha: str, entry: dict) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)  # created on first write: a failed build leaves no folder
        write_atomic(self.dir / f"{sha}.pkl", pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def has(self, sha: str) -> bool:
        return (self.dir / f"{sha}.pkl").is_file()

    def prune(self, keep: set[str]) -> None:
        for p in self.dir.glob("*.pkl") if self.dir.is_dir() else ():
            if p.stem not in keep:
                p.unlink(missing_ok=True)


def fingerprint(date: str, papers, links_of, facts_of, entity_types) -> str:
    """What a date's graph is made of, hashed; equal fingerprints give equal graphs."""
    h = hashlib.sha1(date.encode())
    for p in papers:
        h.update(repr((p.arxiv_id, p.title, p.url, p.summary, p.keywords, p.dates)).encode())
        for link in links_of.get(p.arxiv_id, ()):
            h.update(repr((link.key, link.relation, link.sentence, link.key in entity_types)).encode())
        if (p.dates or [UNDATED])[0] == date:
            for f in facts_of.get(p.arxiv_id, ()):
                h.update(repr(f).encode())
                keys = {f.benchmark, f.metric, f.entity, *f.compared_with}
                keys |= {k for b in f.baselines for k in (b.benchmark, b.metric, b.entity)}
                h.update(repr(sorted((k, entity_types.get(k)) for k in keys if k)).encode())
    return h.hexdigest()


@dataclass
class Run:
    """What every path of a build shares."""

    out_dir: Path
    root: Path
    state: dict
    state_path: Path
    cache: "DigestCache"
    skipped: list
    t0: float
    workers: int | None
    progress: bool
    strict: bool
    lexicon_dir: str | None
    timings: dict = field(default_factory=dict)
    extracted_now: int = 0

    def save_state(self) -> None:
        # compact: json's C encoder runs only without indent (100k papers: 21 ms against 73-96 ms a write)
        write_atomic(self.state_path, json.dumps(self.state, sort_keys=True, separators=(",", ":")).encode("utf-8"))


def parse_entry(run: Run, path: Path, sha: str, prev_sha: str | None = None):
    """The cache entry of a digest file, parsing it when no entry holds it (None: unreadable)."""
    entry = run.cache.load(sha)
    if entry is not None and entry["digest"].source == str(path):
        return entry, False
    try:
        digest = parse_digest(path)
    except DigestError as exc:
        run.skipped.append(Skipped(exc.source, exc.line, exc.reason))
        return None, False
    old = entry["extracted"] if entry else {}
    if not old and prev_sha and prev_sha != sha:  # a changed file: its unchanged papers keep their records
        prev_entry = run.cache.load(prev_sha)
        old = prev_entry["extracted"] if prev_entry else {}
    return {"digest": digest, "extracted": old}, True


def extract_missing(run: Run, entries, papers, dirty: set) -> list[Extracted]:
    """The records of ``papers``, extracting those no entry holds; entries that changed are saved."""
    pool: dict[str, Extracted] = {}
    for _, e in entries:
        pool.update(e["extracted"])
    keys = [paper_key(p) for p in papers]
    missing = [p for p, k in zip(papers, keys) if k not in pool]
    if missing:
        done = extract_records(missing, workers=run.workers, progress=run.progress, lexicon_dir=run.lexicon_dir)
        for p, ex in zip(missing, done):
            pool[paper_key(p)] = ex
        owner = {}
        for sha, e in entries:
            for p in e["digest"].papers:
                owner.setdefault(paper_key(p), []).append((sha, e))
        for p in missing:
            for sha, e in owner.get(paper_key(p), []):
                e["extracted"][paper_key(p)] = pool[paper_key(p)]
                dirty.add(sha)
    for sha, e in entries:
        if sha in dirty:
            own = {paper_key(p) for p in e["digest"].papers}
            e["extracted"] = {k: v for k, v in e["extracted"].items() if k in own}
            run.cache.save(sha, e)
    run.extracted_now = len(missing)
    return [pool[k] for k in keys]


def link_paper(ex: Extracted, resolver, recorder, lexicon) -> tuple[list, list]:
    """One paper's links and result facts under the decided entities, as both build paths make
    them; ``recorder`` (a :class:`kg.store.state.Recorder`) writes down what they read."""
    from types import SimpleNamespace

    from kg.resolve.resolver import paper_links
    from kg.results import resolve_results

    links = paper_links(resolver.evidence(ex.mentions, tallied=False), recorder.entity_of) if ex.mentions else []
    if ex.results is None:
        return links, []
    docs = result_docs([ex.results])
    return links, resolve_results(docs, SimpleNamespace(entities=recorder), lexicon, index=recorder.index())


class EntityTypes:
    """``entity key -> type`` over the entities table, as :func:`fingerprint` reads it."""

    def __init__(self, entities):
        self.entities = entities

    def __contains__(self, key) -> bool:
        return key in self.entities

    def get(self, key, default=None):
        e = self.entities.get(key)
        return e.type if e is not None else default


def relation_counts(date, papers, links_of) -> dict:
    """Links per relation of the papers first seen on ``date`` (summed over dates: every link once)."""
    return dict(Counter(link.relation for p in papers if (p.dates or [UNDATED])[0] == date
                        for link in links_of.get(p.arxiv_id, ())))


def unchanged(run: Run) -> BuildSummary:
    """Nothing new: the store stays as it is."""
    state = run.state
    run.timings["total"] = time.perf_counter() - run.t0
    return BuildSummary(digests=state.get("digests", 0), papers=state.get("papers", 0), store=run.root,
                        skipped=[str(s) for s in run.skipped], counts=state.get("counts", {}),
                        links=state.get("links", {}), timings=run.timings,
                        notes=["nothing new: the store is unchanged"])


def light_info(entry) -> dict:
    """What a full build keeps of a digest between its passes (also kept in ``state.json``)."""
    d = entry["digest"]
    return {"date": d.date, "ids": [p.arxiv_id for p in d.papers],
            "skipped": [[x.source, x.line, x.reason] for x in d.skipped],
            "warnings": [[x.source, x.line, x.reason] for x in d.warnings]}


def replace_graph(store, iri: str, nquads: bytes | None) -> None:
    """Drop the named graph ``iri`` and load ``nquads`` (our own text: lenient) in its place."""
    node = ox.NamedNode(iri)
    if store.contains_named_graph(node):
        store.remove_graph(node)
    if nquads:
        store.load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)
