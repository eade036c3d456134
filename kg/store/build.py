"""``build_store``: the incremental build (see :mod:`kg.store` for the design)."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import json
import os
import pickle
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.extract.parallel import Extracted, extract_records, iter_records, result_docs
from kg.parse import DigestError, Paper, Skipped, collect_inputs, parse_digest
from kg.export.terms import ENTITIES_GRAPH, ENTITY_TYPES, entity_iri
from kg.query.index import INDEX_FILE, BenchmarkIndex
from kg.store.quads import UNDATED, benchmark_rows, digest_graph, digest_nquads, entity_nquads, papers_by_date

__all__ = ["build_store", "export_trig", "BuildSummary", "STORE_DIR", "store_path", "FORMAT_VERSION"]

STORE_DIR = "store"  # under the exports directory
FORMAT_VERSION = 1
#: above this many papers the rdflib file exports (canonical Turtle/TriG) are replaced by
#: Oxigraph's own TriG dump of the store, and the HTML explorer is skipped unless asked for
RDFLIB_EXPORT_LIMIT = 500
HTML_LIMIT = 500


@dataclass
class BuildSummary:
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


def store_path(out_dir) -> Path:
    return Path(out_dir) / STORE_DIR


def _pipeline_version(lexicon_dir) -> str:
    """A hash of the extractor, resolver and lexicon sources: cached records are void when it changes."""
    import kg

    root = Path(kg.__file__).resolve().parent
    h = hashlib.sha256(str(FORMAT_VERSION).encode())
    files = []
    for sub in ("extract", "resolve", "parse"):
        files += [p for p in (root / sub).rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".jsonl")]
    if lexicon_dir:
        files += [p for p in Path(lexicon_dir).rglob("*") if p.is_file()]
    for p in sorted(files):
        h.update(str(p.relative_to(p.anchor)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _paper_key(p) -> str:
    return hashlib.sha1("\x1f".join((p.arxiv_id, p.title, p.summary)).encode("utf-8")).hexdigest()


def _atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class _Cache:
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
        _atomic(self.dir / f"{sha}.pkl", pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def has(self, sha: str) -> bool:
        return (self.dir / f"{sha}.pkl").is_file()

    def prune(self, keep: set[str]) -> None:
        for p in self.dir.glob("*.pkl") if self.dir.is_dir() else ():
            if p.stem not in keep:
                p.unlink(missing_ok=True)


class _Chunks(io.RawIOBase):
    """A readable stream over an iterator of ``bytes`` chunks (no concatenation, no copy but the read)."""

    def __init__(self, chunks):
        self._it = iter(chunks)
        self._buf = memoryview(b"")
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while self._pos >= len(self._buf):
            try:
                self._buf, self._pos = memoryview(next(self._it)), 0
            except StopIteration:
                return 0
        n = min(len(b), len(self._buf) - self._pos)
        b[:n] = self._buf[self._pos:self._pos + n]
        self._pos += n
        return n


def _file_sha(path: Path, known: dict | None) -> tuple[str, dict]:
    st = path.stat()
    if known and known.get("size") == st.st_size and known.get("mtime_ns") == st.st_mtime_ns:
        return known["sha256"], known
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return sha, {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": sha}


def _fingerprint(date: str, papers, links_of, facts_of, entity_types) -> str:
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


@contextlib.contextmanager
def _gc_paused():
    """No cyclic garbage collection while a build loads and builds millions of small objects
    (cached records, mentions, links): the collector would walk them all again and again
    (unpickling the cache of 100,000 papers takes 3x longer with it).  The build makes
    little cyclic garbage; the collector runs again when it returns."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def build_store(paths=("seeds",), out_dir="exports", *, workers: int | None = None, progress: bool = True,
                strict: bool = False, lexicon_dir: str | None = None, exports: bool = True,
                formats=("turtle",), html: bool | None = None, prune_cache: bool = True,
                trig: bool | None = None) -> BuildSummary:
    """Build or update the persistent store ``OUT/store`` and the file exports of ``paths``.

    Only digests whose content is new are parsed and extracted; everything is then resolved
    again from the cached records (so entities stay right across increments), and only the
    named graphs whose content changed are replaced.  Running it twice on the same input
    changes nothing.  ``html=None`` writes the explorer up to ``HTML_LIMIT`` papers;
    ``trig=None`` writes ``graph.trig`` up to ``RDFLIB_EXPORT_LIMIT`` papers (above it the store
    is the graph: ``trig=True`` or :func:`export_trig` dumps it on demand).
    Raises :class:`kg.BuildError` like :func:`kg.build`.
    """
    with _gc_paused():
        return _build_store(paths, out_dir, workers=workers, progress=progress, strict=strict, lexicon_dir=lexicon_dir,
                            exports=exports, formats=formats, html=html, prune_cache=prune_cache, trig=trig)


def _build_store(paths, out_dir, *, workers, progress, strict, lexicon_dir, exports, formats, html, prune_cache,
                 trig) -> BuildSummary:
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    root = store_path(out_dir)
    state_path = root / "state.json"
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    version = _pipeline_version(lexicon_dir)
    if state.get("version") != version:
        state = {"version": version}  # new extractor or lexicon: nothing cached is valid
        for p in (root / "cache").glob("*.pkl") if (root / "cache").is_dir() else ():
            p.unlink(missing_ok=True)
    cache = _Cache(root)

    files, skipped = collect_inputs(paths)
    known_files = state.get("files", {})
    shas: dict[str, tuple[str, dict]] = {}
    for path in files:
        try:
            shas[str(path)] = _file_sha(path, known_files.get(str(path)))
        except OSError as exc:
            skipped.append(Skipped(str(path), 0, f"cannot read: {exc.strerror or exc}"))
    new = [p for p in files if str(p) in shas and str(p) not in known_files]
    same = all(str(p) in shas and shas[str(p)][0] == info["sha256"] for p, info in known_files.items())
    run = _Run(out_dir, root, state, state_path, cache, skipped, t0, workers, progress, strict, lexicon_dir)
    if same and _can_add(state, root, exports, html, trig):
        before = list(skipped)
        summary = _add_digests(run, [(p, shas[str(p)]) for p in new], known_files)
        if summary is not None:
            return summary
        skipped[:] = before  # the full build reports the new files' skipped entries again itself
    return _full_build(run, files, shas, known_files, exports, formats, html, prune_cache, trig)


@dataclass
class _Run:
    """What every path of a build shares."""

    out_dir: Path
    root: Path
    state: dict
    state_path: Path
    cache: "_Cache"
    skipped: list
    t0: float
    workers: int | None
    progress: bool
    strict: bool
    lexicon_dir: str | None
    timings: dict = field(default_factory=dict)
    extracted_now: int = 0

    def save_state(self) -> None:
        _atomic(self.state_path, json.dumps(self.state, indent=1, sort_keys=True).encode("utf-8"))


def _can_add(state, root, exports, html, trig) -> bool:
    """Whether a build may add new digests to the store without redoing the rest: the store
    holds a whole build, and no file export needs the whole graph in memory."""
    from kg.store.state import StateDB

    whole = state.get("graphs") and (root / "oxigraph").exists() and (root / StateDB.FILE).exists()
    small = state.get("papers", 0) <= RDFLIB_EXPORT_LIMIT
    return bool(whole) and not html and not trig and (not exports or not small)


def _parse_entry(run: _Run, path: Path, sha: str, prev_sha: str | None = None):
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


def _extract_missing(run: _Run, entries, papers, dirty: set) -> list[Extracted]:
    """The records of ``papers``, extracting those no entry holds; entries that changed are saved."""
    pool: dict[str, Extracted] = {}
    for _, e in entries:
        pool.update(e["extracted"])
    keys = [_paper_key(p) for p in papers]
    missing = [p for p, k in zip(papers, keys) if k not in pool]
    if missing:
        done = extract_records(missing, workers=run.workers, progress=run.progress, lexicon_dir=run.lexicon_dir)
        for p, ex in zip(missing, done):
            pool[_paper_key(p)] = ex
        owner = {}
        for sha, e in entries:
            for p in e["digest"].papers:
                owner.setdefault(_paper_key(p), []).append((sha, e))
        for p in missing:
            for sha, e in owner.get(_paper_key(p), []):
                e["extracted"][_paper_key(p)] = pool[_paper_key(p)]
                dirty.add(sha)
    for sha, e in entries:
        if sha in dirty:
            own = {_paper_key(p) for p in e["digest"].papers}
            e["extracted"] = {k: v for k, v in e["extracted"].items() if k in own}
            run.cache.save(sha, e)
    run.extracted_now = len(missing)
    return [pool[k] for k in keys]


def _paper_facts(ex: Extracted, recorder, lexicon) -> list:
    from types import SimpleNamespace

    from kg.results import resolve_results

    if ex.results is None:
        return []
    return resolve_results(result_docs([ex.results]), SimpleNamespace(entities=recorder), lexicon, index=recorder.index())


class _Types:
    """``entity key -> type`` over the entities table, as :func:`_fingerprint` reads it."""

    def __init__(self, entities):
        self.entities = entities

    def __contains__(self, key) -> bool:
        return key in self.entities

    def get(self, key, default=None):
        e = self.entities.get(key)
        return e.type if e is not None else default


def _add_digests(run: _Run, new, known_files) -> BuildSummary | None:
    """Add new digest files to the store, redoing only what they change (None: they would
    change what this path cannot redo, so the caller builds everything again).

    The day's records are folded into the tallies kept in ``resolver.sqlite``; the names they
    touch are decided again; papers whose links or results read a name whose decision or lookup
    changed (``postings``) are linked again, and the named graphs of their dates and of the new
    dates are rewritten, with the changed entities' statements in the entities graph.  This
    gives the same store as a full build (tests/store/test_incremental.py)."""
    from kg.api import gather_papers
    from kg.extract.lexicon_data import load_lexicon
    from kg.resolve.resolver import LexiconIndex, Resolver, paper_links
    from kg.store.state import EntityIndex, Recorder, StateDB, forms_of

    timings, state, root = run.timings, run.state, run.root
    refuse = run.strict and run.skipped  # --strict with something skipped: the full path raises
    if not new:
        return None if refuse else _unchanged(run)
    entries, new_files = [], {}
    for path, (sha, info) in new:
        entry, _ = _parse_entry(run, path, sha)
        if entry is not None:
            entries.append((sha, entry))
            new_files[str(path)] = {**info, **_light(entry)}
    if not entries:
        return None if run.strict and run.skipped else _unchanged(run)
    digests = [e["digest"] for _, e in entries]
    papers, warnings = gather_papers(digests, run.skipped, run.strict)
    sdb = StateDB(root)
    try:
        if any(p.arxiv_id in sdb.papers for p in papers):
            return None  # a paper seen before: its merged record and dates change
        timings["parse"] = time.perf_counter() - run.t0

        t = time.perf_counter()
        extracted = _extract_missing(run, entries, papers, {sha for sha, _ in entries})
        for ex in extracted:
            warnings.extend(ex.warnings)
        timings["extract"] = time.perf_counter() - t

        t = time.perf_counter()
        lexicon = load_lexicon(run.lexicon_dir)
        lex = LexiconIndex.build(lexicon)
        resolver = Resolver(lex, sdb.alias_counts, sdb.tallies, sdb.long_forms)
        records = [ex.mentions for ex in extracted if ex.mentions is not None]
        rekeyed = resolver.define(records)
        if any(k in sdb.raw_seen for k in rekeyed):
            return None  # a new alias for a name old papers use: their tallies move
        evs = resolver.fold(records)
        touched = resolver.touched(evs, records)
        for k in list(touched):  # a lexicon model named for the first time can become variants' family
            if k in lex.types and lex.types[k][0] == "model" and k not in sdb.entities:
                touched.update(sdb.tallies.keys_with_prefix(k))
        changed = {}
        for k in touched:
            old, now = sdb.entities.get(k), resolver.entity(k)
            if old != now:
                changed[k] = (old, now)
        # the results' name lookup, before and after
        forms = set()
        for k, (old, now) in changed.items():
            forms |= {k} | (forms_of(old) if old else set()) | (forms_of(now) if now else set())
            if (old is None) != (now is None):
                forms |= lex.alias_forms.get(k, set())
        before = EntityIndex(sdb.entities, sdb.form_owners, lex)
        looked_up = {f: before.get(f) for f in forms}
        for k, (old, now) in changed.items():
            for e, add in ((old, False), (now, True)):
                if e is None:
                    continue
                for f in forms_of(e):
                    _update_set(sdb.form_owners, f, k, add)
                if e.family:
                    _update_set(sdb.members, e.family, k, add)
            if now is None:
                del sdb.entities[k]
            else:
                sdb.entities[k] = now
        after = EntityIndex(sdb.entities, sdb.form_owners, lex)
        terms = {"i:" + f for f in forms if after.get(f) != looked_up[f]}
        terms |= {"e:" + k for k, (old, now) in changed.items() if (old and old.type) != (now and now.type)}
        affected = sdb.papers_reading(terms)
        rewrite_entities = set(changed)
        for k, (old, now) in changed.items():
            if (old is None) != (now is None):
                rewrite_entities |= sdb.members.get(k, set())

        # the dates to rewrite: the new ones, and those of the affected papers
        dates = {d for p in papers for d in (p.dates or [UNDATED])}
        dates |= {d for pid in affected for d in (sdb.papers.get(pid) or [UNDATED])}
        all_entries = list(entries)
        have = {sha for sha, _ in entries}
        for d in sorted(dates):
            for sha in sdb.dates.get(d, ()):
                if sha not in have:
                    e = run.cache.load(sha)
                    if e is None:
                        return None  # a cache entry went missing: build everything
                    all_entries.append((sha, e))
                    have.add(sha)
        if any(len(sdb.papers.get(p.arxiv_id) or ()) > 1 for _, e in all_entries[len(entries):] for p in e["digest"].papers):
            return None  # an old paper of several digests: rare, and a full build merges it exactly
        from kg.parse import merge_papers

        day_papers = merge_papers([e["digest"] for _, e in all_entries])
        pool = {}
        for _, e in all_entries:
            pool.update(e["extracted"])
        links_of: dict[str, list] = defaultdict(list)
        facts_of: dict[str, list] = defaultdict(list)
        for p in day_papers:
            ex = pool.get(_paper_key(p))
            if ex is None:
                return None
            rec = Recorder(sdb.entities, EntityIndex(sdb.entities, sdb.form_owners, lex))
            if ex.mentions is not None:
                links_of[p.arxiv_id] = paper_links(resolver.evidence(ex.mentions), rec.entity_of)
            facts_of[p.arxiv_id] = _paper_facts(ex, rec, lexicon)
            sdb.add_postings((term, p.arxiv_id) for term in rec.terms)
        for ev in evs:
            for r in ev.raw:
                sdb.raw_seen[r] = ""
        for p in papers:
            sdb.papers[p.arxiv_id] = list(p.dates)
        for sha, e in entries:
            d = e["digest"].date or UNDATED
            sdb.dates[d] = [*sdb.dates.get(d, ()), sha]
        new_keywords = {kw for p in papers for kw in p.keywords if kw not in sdb.keywords}
        for kw in new_keywords:
            sdb.keywords[kw] = ""
        timings["resolve"] = time.perf_counter() - t

        # rewrite the graphs (and the papers-by-benchmark table of the papers linked again)
        t = time.perf_counter()
        bench_index = BenchmarkIndex(root / INDEX_FILE, write=True)
        bench_index.set_labels({k: (now.label if now is not None and now.type == "benchmark" else None)
                                for k, (_, now) in changed.items()})
        bench_index.replace_papers({p.arxiv_id: benchmark_rows(p, links_of[p.arxiv_id], facts_of[p.arxiv_id], sdb.entities)
                                    for p in day_papers})
        by_date = papers_by_date(day_papers)
        types = _Types(sdb.entities)
        graphs = dict(state["graphs"])
        replaced = []
        store = ox.Store(str(root / "oxigraph"))
        ent_iri = str(ENTITIES_GRAPH)
        if rewrite_entities:
            g = ox.NamedNode(ent_iri)
            for k in rewrite_entities:
                node = ox.NamedNode(entity_iri(k))
                for q in list(store.quads_for_pattern(node, None, None, g)):
                    store.remove(q)
            text = "".join(entity_nquads(sdb.entities[k], sdb.entities) for k in sorted(rewrite_entities) if k in sdb.entities)
            store.load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS, lenient=True)
            graphs[ent_iri] = "updated incrementally"  # a full build compares it with its own text
            replaced.append(ent_iri)
        date_links = dict(state.get("date_links", {}))
        for d in sorted(dates):
            iri = digest_graph(d)
            day = by_date.get(d, [])
            _replace_graph(store, iri, digest_nquads(d, day, links_of, facts_of, sdb.entities).encode("utf-8"))
            graphs[iri] = _fingerprint(d, day, links_of, facts_of, types)
            date_links[d] = _date_links(d, day, links_of)
            replaced.append(iri)
        store.flush()
        del store
        bench_index.commit()
        bench_index.close()
        sdb.commit()
    finally:
        sdb.close()

    counts = Counter(state.get("counts", {}))
    for k, (old, now) in changed.items():
        if old is not None:
            counts[ENTITY_TYPES[old.type]] -= 1
        if now is not None:
            counts[ENTITY_TYPES[now.type]] += 1
    counts["Paper"] += len(papers)
    counts["Keyword"] += len(new_keywords)
    links = sum((Counter(c) for c in date_links.values()), Counter())
    state.update(files={**known_files, **new_files}, graphs=graphs, papers=state.get("papers", 0) + len(papers),
                 digests=state.get("digests", 0) + len(digests), counts=dict(counts), links=dict(links),
                 date_links=date_links,
                 built=time.strftime("%Y-%m-%dT%H:%M:%S"))
    run.save_state()
    timings["store"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - run.t0
    summary = BuildSummary(
        digests=state["digests"], papers=state["papers"], extracted=run.extracted_now,
        graphs_replaced=sorted(replaced), entities_changed=bool(rewrite_entities),
        skipped=[str(s) for s in run.skipped], warnings=[str(w) for w in warnings], store=root,
        digest_info=[{"source": d.source, "date": d.date, "papers": len(d.papers)} for d in digests],
        counts=dict(counts), links=dict(links), timings=timings,
        notes=[f"added {len(papers)} paper(s) of {len(digests)} new digest(s); "
               f"{len(affected)} earlier paper(s) linked again"],
    )
    return summary


def _date_links(date, papers, links_of) -> dict:
    """Links per relation of the papers first seen on ``date`` (summed over dates: every link once)."""
    return dict(Counter(link.relation for p in papers if (p.dates or [UNDATED])[0] == date
                        for link in links_of.get(p.arxiv_id, ())))


def _update_set(table, key: str, item: str, add: bool) -> None:
    have = set(table.get(key, ()))
    if add:
        have.add(item)
    else:
        have.discard(item)
    if have:
        table[key] = have
    elif key in table:
        del table[key]


def _unchanged(run: _Run) -> BuildSummary:
    """Nothing new: the store stays as it is."""
    state = run.state
    run.timings["total"] = time.perf_counter() - run.t0
    return BuildSummary(digests=state.get("digests", 0), papers=state.get("papers", 0), store=run.root,
                        skipped=[str(s) for s in run.skipped], counts=state.get("counts", {}),
                        links=state.get("links", {}), timings=run.timings,
                        notes=["nothing new: the store is unchanged"])


LOADS_IN_FLIGHT = 2  # concurrent Oxigraph bulk loads of a full build
BATCH_PAPERS = 1_500  # papers a full build holds at once (records, quads being loaded).  At 30k
# papers, two loads in flight: whole-tree peak 1.35 GB with batches of 3,000, 0.91 GB with 1,500
# (same time); one load in flight with 3,000: 1.05 GB and 9 s slower


def _light(entry) -> dict:
    """What a full build keeps of a digest between its passes (also kept in ``state.json``)."""
    d = entry["digest"]
    return {"date": d.date, "ids": [p.arxiv_id for p in d.papers],
            "skipped": [[x.source, x.line, x.reason] for x in d.skipped],
            "warnings": [[x.source, x.line, x.reason] for x in d.warnings]}


class _Batches:
    """The digests of a full build, read from the cache a batch at a time.

    A paper listed in several digests is merged from all of them (``merge_papers``) and is
    handled in the batch of its first digest (or, by date, in every date group it appears in)."""

    def __init__(self, run: _Run, files: dict[str, dict]):
        self.run = run
        self.files = files  # path -> light info with sha256
        self.shas: list[str] = list(dict.fromkeys(info["sha256"] for info in files.values()))
        self.info = {info["sha256"]: info for info in files.values()}
        self.shas_of: dict[str, list[str]] = defaultdict(list)  # arXiv id -> its digests
        for sha in self.shas:
            for pid in self.info[sha]["ids"]:
                if sha not in self.shas_of[pid]:
                    self.shas_of[pid].append(sha)
        self._memo: tuple | None = None

    def chunks(self, groups: list[list[str]], size=lambda key: 0) -> list[list[str]]:
        """Consecutive groups joined up to BATCH_PAPERS papers."""
        out, cur, n = [], [], 0
        for g in groups:
            k = sum(size(x) for x in g)
            if cur and n + k > BATCH_PAPERS:
                out.append(cur)
                cur, n = [], 0
            cur += g
            n += k
        return out + ([cur] if cur else [])

    def by_digest(self) -> list[list[str]]:
        return self.chunks([[sha] for sha in self.shas], lambda sha: len(self.info[sha]["ids"]))

    def by_date(self) -> list[list[str]]:
        dates: dict[str, list[str]] = defaultdict(list)
        for sha in self.shas:
            dates[self.info[sha]["date"] or UNDATED].append(sha)
        size = {d: sum(len(self.info[sha]["ids"]) for sha in shas) for d, shas in dates.items()}
        return self.chunks([[d] for d in sorted(dates)], lambda d: size[d]), dates

    def load(self, shas: list[str]):
        """The entries of ``shas`` and of every other digest of their papers; their merged papers."""
        from kg.parse import merge_papers

        key = frozenset(shas)
        if self._memo and self._memo[0] == key:
            return self._memo[1], self._memo[2]
        want = list(dict.fromkeys([*shas, *(o for sha in shas for pid in self.info[sha]["ids"] for o in self.shas_of[pid])]))
        entries = []
        for sha in want:
            e = self.run.cache.load(sha)
            if e is None:
                from kg.api import BuildError

                raise BuildError(f"cache entry {sha[:12]} vanished during the build; run it again")
            entries.append((sha, e))
        papers = merge_papers([e["digest"] for _, e in entries])
        self._memo = (key, entries, papers)
        return entries, papers

    def first_in(self, papers, shas) -> list:
        """The papers whose first digest is one of ``shas`` (each paper is in one such batch)."""
        mine = set(shas)
        return [p for p in papers if self.shas_of[p.arxiv_id][0] in mine]


def _replace_graph(store, iri: str, nquads: bytes | None) -> None:
    """Drop the named graph ``iri`` and load ``nquads`` (our own text: lenient) in its place."""
    node = ox.NamedNode(iri)
    if store.contains_named_graph(node):
        store.remove_graph(node)
    if nquads:
        store.load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)


def _bulk_load(store, chunks: list[bytes]) -> None:
    """Oxigraph's bulk loader over N-Quads chunks, streamed (lenient: the text is ours, from
    kg.store.quads, so its IRIs need no second check)."""
    reader = io.BufferedReader(_Chunks(chunks), buffer_size=1 << 20)
    store.bulk_load(reader, format=ox.RdfFormat.N_QUADS, lenient=True)


def _stream_extract(run: _Run, pending: dict[str, dict], single: set[str], define) -> int:
    """Extract the papers of the new digests ``pending`` (sha -> entry) that their entries lack,
    in one stream over the worker processes; an entry is saved (and dropped) when its last paper
    is back; ``define(record)`` is called for each paper of a single digest (``single``) once
    (papers of several digests are defined from their merged record by the caller).  Returns
    how many papers were extracted."""
    todo: dict[str, Paper] = {}  # paper key -> paper, each extracted once
    waiting: dict[str, int] = {}  # sha -> papers still to come
    owners: dict[str, list[str]] = defaultdict(list)  # paper key -> shas of the entries that list it
    for sha, e in pending.items():
        keys = {_paper_key(p): p for p in e["digest"].papers}
        missing = [k for k in keys if k not in e["extracted"]]
        waiting[sha] = len(missing)
        for k in missing:
            todo.setdefault(k, keys[k])
            owners[k].append(sha)

    def done(sha: str) -> None:
        e = pending.pop(sha)
        for p in e["digest"].papers:
            if p.arxiv_id in single:
                define(e["extracted"][_paper_key(p)])
        own = {_paper_key(p) for p in e["digest"].papers}
        e["extracted"] = {k: v for k, v in e["extracted"].items() if k in own}
        run.cache.save(sha, e)

    for sha in [sha for sha, n in waiting.items() if n == 0]:
        done(sha)
    keys = list(todo)
    for k, ex in zip(keys, iter_records([todo[k] for k in keys], workers=run.workers, progress=run.progress,
                                        lexicon_dir=run.lexicon_dir)):
        for sha in owners[k]:
            pending[sha]["extracted"][k] = ex
            waiting[sha] -= 1
            if waiting[sha] == 0:
                done(sha)
    return len(keys)


def _records(entries, papers) -> list[Extracted]:
    pool = {}
    for _, e in entries:
        pool.update(e["extracted"])
    return [pool[_paper_key(p)] for p in papers]


def _full_build(run: _Run, files, shas, known_files, exports, formats, html, prune_cache, trig) -> BuildSummary:
    """Build everything in three passes over the digests, a batch of BATCH_PAPERS papers at a time
    (memory stays bounded whatever the archive's size): extract and collect acronym definitions;
    fold the evidence into the tallies; then decide every entity and link, write and load the
    graphs date by date."""
    from kg.api import check_readable
    from kg.extract.lexicon_data import load_lexicon
    from kg.resolve import Resolution
    from kg.resolve.resolver import LexiconIndex, Resolver, paper_links
    from kg.store.state import EntityIndex, Recorder, StateDB, forms_of

    timings, state, root, out_dir = run.timings, run.state, run.root, run.out_dir
    # 0. index every digest file: its date and paper ids (parsing only content not seen before)
    new_files: dict[str, dict] = {}
    pending: dict[str, dict] = {}
    for path in files:
        if str(path) not in shas:
            continue
        sha, info = shas[str(path)]
        known = known_files.get(str(path)) or {}
        if known.get("sha256") == sha and "ids" in known and run.cache.has(sha):
            new_files[str(path)] = {**known, **info}
            continue
        entry, parsed = _parse_entry(run, path, sha, known.get("sha256"))
        if entry is None:
            continue
        if parsed:
            pending[sha] = entry  # extracted and saved in pass 1, once the build is known to read something
        new_files[str(path)] = {**info, **_light(entry)}
    batches = _Batches(run, new_files)
    extracted_from_new = set(pending)
    warnings = []
    for sha in batches.shas:
        run.skipped.extend(Skipped(*x) for x in batches.info[sha]["skipped"])
        warnings.extend(Skipped(*x) for x in batches.info[sha]["warnings"])
    check_readable(len(batches.shas_of), run.skipped, run.strict)
    root.mkdir(parents=True, exist_ok=True)  # only now: a build that read nothing writes nothing
    timings["parse"] = time.perf_counter() - run.t0

    # 1. extract what no cache entry holds (one stream over all new papers, each digest saved and
    #    dropped as soon as its last paper is back); collect every paper's acronym definitions
    t = time.perf_counter()
    lexicon = load_lexicon(run.lexicon_dir)
    lex = LexiconIndex.build(lexicon)
    resolver = Resolver(lex)

    def define(ex: Extracted) -> None:
        warnings.extend(ex.warnings)
        if ex.mentions is not None:
            resolver.define([ex.mentions])

    single = {pid for pid, owners in batches.shas_of.items() if len(owners) == 1}
    run.extracted_now += _stream_extract(run, pending, single, define)  # (+ what a fallen-back add extracted)
    del pending
    for batch in batches.by_digest():  # digests that were cached already
        if all(sha in extracted_from_new for sha in batch):
            continue
        entries, _ = batches.load(batch)
        for sha, e in entries:
            if sha in batch and sha not in extracted_from_new:
                for p in e["digest"].papers:
                    if p.arxiv_id in single:
                        define(e["extracted"][_paper_key(p)])
    multi = [pid for pid in batches.shas_of if pid not in single]  # papers of several digests: merged first
    if multi:
        shas = list(dict.fromkeys(sha for pid in multi for sha in batches.shas_of[pid]))
        entries, papers = batches.load(shas)
        wanted = set(multi)
        for ex in _records(entries, [p for p in papers if p.arxiv_id in wanted]):
            define(ex)
    timings["extract"] = time.perf_counter() - t

    # 2. fold every paper's evidence into the tallies, then decide every entity
    t = time.perf_counter()
    raw_seen: set[str] = set()
    for batch in batches.by_digest():
        entries, papers = batches.load(batch)
        records = [ex.mentions for ex in _records(entries, batches.first_in(papers, batch)) if ex.mentions is not None]
        for ev in resolver.fold(records):
            raw_seen |= ev.raw
    entities = {}
    for key in sorted(resolver.tallies):
        e = resolver.entity(key)
        if e is not None:
            entities[key] = e
    owners: dict[str, set] = defaultdict(set)
    members: dict[str, set] = defaultdict(set)
    for key, e in entities.items():
        for f in forms_of(e):
            owners[f].add(key)
        if e.family:
            members[e.family].add(key)
    index = EntityIndex(entities, owners, lex)
    entity_types = {k: e.type for k, e in entities.items()}
    # from here on the store and resolver.sqlite change: until state.json is written again at the
    # end, it says the store holds no whole build (so a build killed now is followed by a full one)
    db = root / "oxigraph"
    fresh = not db.exists() or not state.get("graphs")
    old_graphs: dict[str, str] = {} if fresh else state.pop("graphs")
    run.save_state()
    # the tallies go to resolver.sqlite now and leave memory: linking needs only the decisions
    sdb = StateDB(root, fresh=True)
    sdb.tallies.write_all(resolver.tallies.items())
    sdb.long_forms.write_all(resolver.long_forms.items())
    sdb.alias_counts.write_all(resolver.alias_counts.items())
    resolver.tallies, resolver._defs = {}, {}  # the definitions are recomputed per paper when linking
    timings["resolve"] = time.perf_counter() - t

    # 3. link every paper and (re)write the graphs whose content changed, a date group at a time
    t = time.perf_counter()
    new_graphs: dict[str, str] = {}
    store = ox.Store(str(db))
    if fresh:
        store.clear()

    # a fresh store is bulk-loaded by background threads while the next date groups are linked and
    # written: one Oxigraph bulk_load keeps about one core busy and releases the GIL, so two loads
    # in flight use both cores (1.2 M quads: 12.7 s in one call, 7.0 s in two concurrent ones)
    loader = ThreadPoolExecutor(max_workers=LOADS_IN_FLIGHT, thread_name_prefix="kg-load") if fresh else None
    loading: list = []

    def write(texts: dict[str, str]) -> None:
        if not texts:
            return
        texts_iris = sorted(texts)
        chunks = [texts.pop(iri).encode("utf-8") for iri in texts_iris]
        if fresh:
            if len(loading) >= LOADS_IN_FLIGHT:  # bounded: at most LOADS_IN_FLIGHT + 1 groups' text in memory
                t_wait = time.perf_counter()
                loading.pop(0).result()
                timings["load wait"] = timings.get("load wait", 0.0) + time.perf_counter() - t_wait
            loading.append(loader.submit(_bulk_load, store, chunks))
            return
        for iri, data in zip(texts_iris, chunks):
            _replace_graph(store, iri, data)

    ent_iri = str(ENTITIES_GRAPH)
    ent_text = "".join(entity_nquads(entities[k], entities) for k in sorted(entities))
    new_graphs[ent_iri] = hashlib.sha1(ent_text.encode("utf-8")).hexdigest()
    entities_changed = old_graphs.get(ent_iri) != new_graphs[ent_iri]
    write({ent_iri: ent_text} if entities_changed else {})
    del ent_text
    replaced = [ent_iri] if entities_changed else []
    keep_all = exports and (len(batches.shas_of) <= RDFLIB_EXPORT_LIMIT or bool(html))
    all_papers, all_links, all_facts = {}, [], []
    link_counts, n_results, date_links = Counter(), 0, {}
    groups, shas_of_date = batches.by_date()
    bench_index = BenchmarkIndex(root / INDEX_FILE, write=True, fresh=True)
    bench_index.set_labels({k: e.label for k, e in entities.items() if e.type == "benchmark"})
    for group in groups:
        entries, papers = batches.load([sha for d in group for sha in shas_of_date[d]])
        links_of: dict[str, list] = {}
        facts_of: dict[str, list] = {}
        for p, ex in zip(papers, _records(entries, papers)):
            rec = Recorder(entities, index)
            links_of[p.arxiv_id] = paper_links(resolver.evidence(ex.mentions), rec.entity_of) if ex.mentions else []
            facts_of[p.arxiv_id] = _paper_facts(ex, rec, lexicon)
            sdb.add_postings((term, p.arxiv_id) for term in rec.terms)
            if (p.dates or [UNDATED])[0] in group and p.arxiv_id not in all_papers:  # count each paper once
                link_counts.update(link.relation for link in links_of[p.arxiv_id])
                n_results += sum(1 + len(f.baselines) for f in facts_of[p.arxiv_id])
                if keep_all:
                    all_papers[p.arxiv_id] = p
                    all_links += links_of[p.arxiv_id]
                    all_facts += facts_of[p.arxiv_id]
                else:
                    all_papers[p.arxiv_id] = None
        bench_index.replace_papers({p.arxiv_id: benchmark_rows(p, links_of[p.arxiv_id], facts_of[p.arxiv_id], entities)
                                    for p in papers})
        by_date = papers_by_date(papers)
        texts = {}
        for date in group:
            iri = digest_graph(date)
            day = by_date.get(date)
            if not day:
                continue  # a digest whose every entry was skipped: no graph
            new_graphs[iri] = fp = _fingerprint(date, day, links_of, facts_of, entity_types)
            date_links[date] = _date_links(date, day, links_of)
            if old_graphs.get(iri) != fp:
                texts[iri] = digest_nquads(date, day, links_of, facts_of, entities)
        replaced += texts
        write(texts)
    bench_index.commit()
    bench_index.close()
    while loading:
        t_wait = time.perf_counter()
        loading.pop(0).result()
        timings["load wait"] = timings.get("load wait", 0.0) + time.perf_counter() - t_wait
    if loader:
        loader.shutdown()
    removed = sorted(set(old_graphs) - set(new_graphs))
    for iri in removed:
        _replace_graph(store, iri, None)
    if fresh:
        # compact what the bulk loads wrote: lookups probe fewer files (papers_by_benchmark at 10k
        # papers: 1.4 -> 0.7 ms for 3 papers, 221 -> 91 ms for 678; the compaction took 3.2 s)
        t_opt = time.perf_counter()
        store.optimize()
        timings["optimize"] = time.perf_counter() - t_opt
    store.flush()
    timings["rdf+store"] = time.perf_counter() - t

    # the resolver's tallies and indexes, for the next build to add days to
    t = time.perf_counter()
    sdb.entities.write_all(entities.items())
    sdb.form_owners.write_all(owners.items())
    sdb.members.write_all(members.items())
    sdb.raw_seen.write_all((r, "") for r in raw_seen)
    dates_of: dict[str, set] = defaultdict(set)
    keywords: set[str] = set()
    for group in groups:
        for d in group:
            for sha in shas_of_date[d]:
                for pid in batches.info[sha]["ids"]:
                    dates_of[pid].add(batches.info[sha]["date"])
    sdb.papers.write_all((pid, sorted(d for d in ds if d)) for pid, ds in dates_of.items())
    sdb.dates.write_all(shas_of_date.items())
    if keep_all:
        keywords = {kw for p in all_papers.values() for kw in p.keywords}
    sdb.keywords.write_all((kw, "") for kw in keywords)
    sdb.commit()
    sdb.close()
    timings["state"] = time.perf_counter() - t

    digest_info = [{"source": str(path), "date": info["date"], "papers": len(info["ids"])} for path, info in new_files.items()]
    summary = BuildSummary(
        digests=len(new_files), papers=len(batches.shas_of), extracted=run.extracted_now,
        graphs_replaced=sorted(replaced), graphs_removed=removed, entities_changed=entities_changed,
        skipped=[str(s) for s in run.skipped], warnings=[str(w) for w in warnings], store=root, digest_info=digest_info,
    )
    summary.counts = dict(Counter(ENTITY_TYPES[e.type] for e in entities.values()))
    summary.counts["Paper"] = len(batches.shas_of)
    summary.counts["Keyword"] = len(keywords) if keep_all else state.get("counts", {}).get("Keyword", 0)
    summary.counts["Result"] = n_results
    summary.links = dict(link_counts)
    state.update(files=new_files, graphs=new_graphs, papers=len(batches.shas_of), digests=len(new_files),
                 counts=summary.counts, links=summary.links, date_links=date_links,
                 built=time.strftime("%Y-%m-%dT%H:%M:%S"))
    run.save_state()
    if prune_cache:
        run.cache.prune(set(batches.shas))

    # the file exports
    large = len(batches.shas_of) > RDFLIB_EXPORT_LIMIT
    expected = [] if large and not trig else [out_dir / "graph.trig"]
    signature = repr((str(out_dir.resolve()), sorted(formats), html, trig))
    if exports and not summary.changed and state.get("exports") == signature and all(p.is_file() for p in expected):
        summary.notes.append("nothing changed: file exports left as they are")
    elif exports:
        t = time.perf_counter()
        resolution = Resolution(entities, sorted(all_links, key=lambda l: (l.paper_id, l.key, l.relation)))
        papers = [all_papers[k] for k in sorted(all_papers)] if keep_all else []
        digests = [SimpleNamespace(**d) for d in digest_info]
        summary.written = _write_files(out_dir, store, papers, resolution, all_facts, summary, formats, html, digests,
                                       run.skipped, warnings, trig)
        timings["exports"] = time.perf_counter() - t
        state["exports"] = signature
        run.save_state()
    del store
    timings["total"] = time.perf_counter() - run.t0
    summary.timings = timings
    return summary


def _write_files(out_dir, store, papers, resolution, facts, summary, formats, html, digests, skipped, warnings,
                 trig=None) -> list[Path]:
    from kg.export.files import atomic_write

    n = summary.papers
    if n <= RDFLIB_EXPORT_LIMIT:
        from kg.export import write_exports
        from kg.graph import build_graph
        from kg.results import add_results_to_graph

        g = build_graph(papers, resolution)
        add_results_to_graph(g, facts)
        g.graph["digests"] = summary.digest_info
        g.graph["skipped"] = [str(s) for s in skipped]
        g.graph["warnings"] = [str(w) for w in warnings]
        want_html = html is not False and (html or n <= HTML_LIMIT)
        return write_exports(g, out_dir, formats=formats, html=want_html)
    # large: the store is the graph.  Rewriting a whole graph.trig on every build (18 s at 10k papers,
    # minutes at 100k) would make every increment cost as much as a full export, so it is written
    # only when asked for (trig=True, or export_trig()); a graph.trig left by an earlier build no
    # longer matches the store and is removed, so nothing reads a stale graph.
    path = Path(out_dir) / "graph.trig"
    written: list[Path] = []
    if trig:
        export_trig(out_dir, store)
        written.append(path)
        summary.notes.append(f"{n:,} papers > {RDFLIB_EXPORT_LIMIT:,}: graph.trig dumped by Oxigraph from the store; "
                             f"{', '.join(f for f in formats if f != 'trig') or 'no other format'} not written")
    else:
        path.unlink(missing_ok=True)
        summary.notes.append(f"{n:,} papers > {RDFLIB_EXPORT_LIMIT:,}: no file exports (the store {STORE_DIR}/ is the graph; "
                             "kg.store.export_trig() or build_store(trig=True) writes graph.trig)")
    if html:
        from kg.graph import build_graph
        from kg.results import add_results_to_graph
        from kg.viz.html import render_html

        g = build_graph(papers, resolution)
        add_results_to_graph(g, facts)
        atomic_write(Path(out_dir) / "graph.html", render_html(g).encode("utf-8"))
        return written + [Path(out_dir) / "graph.html"]
    summary.notes.append(f"HTML explorer skipped: {n:,} papers > {HTML_LIMIT:,} (pass html=True / --html to force)")
    return written


def export_trig(out_dir="exports", store=None) -> Path:
    """Dump the store ``OUT/store`` as ``OUT/graph.trig`` (Oxigraph's TriG: valid, not canonically
    ordered).  Builds above ``RDFLIB_EXPORT_LIMIT`` papers do not rewrite it on every increment."""
    from kg.export.files import atomic_write
    from kg.vocab import PREFIXES

    out_dir = Path(out_dir)
    if store is None:
        store = ox.Store.read_only(str(store_path(out_dir) / "oxigraph"))
    path = out_dir / "graph.trig"
    atomic_write(path, store.dump(format=ox.RdfFormat.TRIG, prefixes={k: str(v) for k, v in PREFIXES.items()}))
    return path
