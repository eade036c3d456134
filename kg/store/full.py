"""The full path of a build: every digest of the archive, in batches, into a store.

See :mod:`kg.store` for its passes and :func:`full_build` for how they run.
"""

from __future__ import annotations

import gc
import hashlib
import io
import multiprocessing as mp
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from types import SimpleNamespace

import pyoxigraph as ox

from kg.extract.parallel import Extracted, map_groups
from kg.parse import Skipped
from kg.progress import MIN_TOTAL
from kg.progress import bar as progress_bar
from kg.export.terms import ENTITIES_GRAPH, ENTITY_TYPES
from kg.query.index import INDEX_FILE, BenchmarkIndex
from kg.store import exports as _exports
from kg.store.quads import UNDATED, benchmark_rows, digest_graph, digest_nquads, entity_nquads, papers_by_date
from kg.store.run import (BuildSummary, Run, fingerprint, light_info, link_paper, paper_key, parse_entry,
                          relation_counts, replace_graph)

__all__ = ["full_build", "BATCH_PAPERS", "LOADS_IN_FLIGHT"]


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


LOADS_IN_FLIGHT = 2  # concurrent Oxigraph bulk loads of a full build
BATCH_PAPERS = 1_500  # papers a full build holds at once (records, quads being loaded).  At 30k
# papers, two loads in flight: whole-tree peak 1.35 GB with batches of 3,000, 0.91 GB with 1,500
# (same time); one load in flight with 3,000: 1.05 GB and 9 s slower


class _Batches:
    """The digests of a full build, read from the cache a batch at a time.

    A paper listed in several digests is merged from all of them (``merge_papers``) and is
    handled in the batch of its first digest (or, by date, in every date group it appears in)."""

    def __init__(self, run: Run, files: dict[str, dict]):
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


class _GraphWriter:
    """Writes named graphs into the store of a full build.

    A fresh store is bulk-loaded by background threads while the caller links the next date
    groups: one Oxigraph ``bulk_load`` keeps about one core busy and releases the GIL, so
    ``LOADS_IN_FLIGHT`` loads use both cores (1.2 M quads: 12.7 s in one call, 7.0 s in two
    concurrent ones); :meth:`finish` waits for them and starts compacting what they wrote.  An existing
    store has each changed graph dropped and loaded again."""

    def __init__(self, path, fresh: bool, timings: dict, progress: bool = False):
        self.store = ox.Store(str(path))
        self.fresh, self.timings, self.progress = fresh, timings, progress
        if fresh:
            self.store.clear()
        self._pool = ThreadPoolExecutor(max_workers=LOADS_IN_FLIGHT, thread_name_prefix="kg-load") if fresh else None
        self._loading: list = []
        self._compacting = None

    def write(self, texts: dict[str, str]) -> None:
        """Load ``texts`` (graph IRI -> its N-Quads), emptying the dict as it goes."""
        iris = sorted(texts)
        chunks = [texts.pop(iri).encode("utf-8") for iri in iris]
        if not chunks:
            return
        if not self.fresh:
            for iri, data in zip(iris, chunks):
                replace_graph(self.store, iri, data)
            return
        if len(self._loading) >= LOADS_IN_FLIGHT:  # bounded: at most LOADS_IN_FLIGHT + 1 groups' text in memory
            self._wait()
        self._loading.append(self._pool.submit(self._bulk_load, chunks))

    def _bulk_load(self, chunks: list[bytes]) -> None:
        # lenient: the text is ours (kg.store.quads), its IRIs need no second check
        reader = io.BufferedReader(_Chunks(chunks), buffer_size=1 << 20)
        self.store.bulk_load(reader, format=ox.RdfFormat.N_QUADS, lenient=True)

    def _wait(self) -> None:
        t = time.perf_counter()
        self._loading.pop(0).result()
        self.timings["load wait"] = self.timings.get("load wait", 0.0) + time.perf_counter() - t

    def remove(self, iri: str) -> None:
        replace_graph(self.store, iri, None)

    def finish(self) -> None:
        """Wait for the loads; start compacting a fresh store in the background (:meth:`close`
        waits for it).  Compacted, lookups probe fewer files: papers_by_benchmark at 100k papers
        3.5 s -> 1.0 s for the most shared benchmark, shared_benchmarks 6.7 s -> 2.1 s.  The
        compaction takes 20-25 s on one core; the caller writes the resolver's state meanwhile."""
        while self._loading:
            self._wait()
        if self.fresh:
            self._compacting = self._pool.submit(self._optimize)

    def _optimize(self) -> None:
        t = time.perf_counter()
        # no progress to report from RocksDB: a one-step bar that says it runs, then how long it took
        with progress_bar(1, "compact", self.progress, unit="store", min_total=1) as shown:
            self.store.optimize()  # releases the GIL
            shown.update(1)
        self.timings["optimize"] = time.perf_counter() - t

    def close(self) -> None:
        """Wait for the compaction, and flush."""
        if self._compacting is not None:
            t = time.perf_counter()
            self._compacting.result()
            self.timings["optimize wait"] = time.perf_counter() - t
        if self._pool:
            self._pool.shutdown()
        self.store.flush()


def _stream_extract(run: Run, pending: dict[str, dict], single: set[str], lex, define) -> int:
    """Extract the papers of the new digests ``pending`` (sha -> entry) that their entries lack.

    Each digest's records are saved to its cache entry by the worker that extracted them, which
    sends back only what pass 1 needs: the definitions and warnings of the papers listed in a
    single digest (``single``), for ``define(paper_id, definitions, warnings)`` (papers of
    several digests are defined from their merged record by the caller).  The parent thus never
    unpickles the records nor pickles them again (100k papers: the parent's CPU in pass 1 went
    from 17 to 2.4 s, and its peak memory with it).  A paper missing
    from two new digests is extracted for each (rare: a paper listed again unchanged).  Returns
    how many distinct papers were extracted."""
    from kg.resolve.resolver import definitions

    shas = list(pending)
    keys_of = {sha: [paper_key(p) for p in pending[sha]["digest"].papers] for sha in shas}  # hashed once
    missing = {sha: [k for k in keys_of[sha] if k not in pending[sha]["extracted"]] for sha in shas}
    groups = []
    for sha in shas:
        papers = dict(zip(keys_of[sha], pending[sha]["digest"].papers))
        groups.append([papers[k] for k in missing[sha]])

    def finish(i: int, records: list[Extracted]) -> list[tuple]:  # in the worker
        sha = shas[i]
        e = pending[sha]
        pool = {**e["extracted"], **dict(zip(missing[sha], records))}
        run.cache.save(sha, {**e, "extracted": {k: pool[k] for k in keys_of[sha]}})
        return [(ex.paper_id, None if ex.mentions is None else definitions(ex.mentions, lex), ex.warnings)
                for p, ex in zip(e["digest"].papers, (pool[k] for k in keys_of[sha])) if p.arxiv_id in single]

    for defined in map_groups(groups, finish, workers=run.workers, progress=run.progress, lexicon_dir=run.lexicon_dir):
        for paper_id, defs, warnings in defined:
            define(paper_id, defs, warnings)
    pending.clear()
    return len({k for ks in missing.values() for k in ks})


def _fold(batches: _Batches, parts: list[list[str]], resolver, done) -> set[str]:
    """Fold the evidence of the papers first listed in ``parts`` (batches of digests) into
    ``resolver``'s tallies, calling ``done(n)`` after each batch of ``n`` papers; returns the
    names seen as extracted (``PaperEvidence.raw``)."""
    raw: set[str] = set()
    for batch in parts:
        entries, papers = batches.load(batch)
        mine = batches.first_in(papers, batch)
        for ev in resolver.fold([ex.mentions for ex in _records(entries, mine) if ex.mentions is not None]):
            raw |= ev.raw
        done(len(mine))
    return raw


_FORKED_FOLD = None  # (batches, parts, resolver) for the forked half of _fold_in_two


def _fold_half() -> tuple[dict, set[str], int]:
    batches, parts, resolver = _FORKED_FOLD
    resolver.tallies = {}
    papers = []
    raw = _fold(batches, parts, resolver, papers.append)
    return resolver.tallies, raw, sum(papers)


def _fold_in_two(batches: _Batches, resolver, shown, workers: int | None) -> set[str]:
    """:func:`_fold` of every batch, half of them in a forked process: the fold is order-free
    (tallies are sums), so the two halves' tallies are added up (100k papers: pass 2 took
    10.0 s on one core, 5.1-5.9 s so)."""
    global _FORKED_FOLD
    parts = batches.by_digest()
    if (workers or 2) < 2 or len(parts) < 2 or "fork" not in mp.get_all_start_methods():
        return _fold(batches, parts, resolver, shown.update)
    _FORKED_FOLD = (batches, parts[1::2], resolver)
    gc.freeze()  # as for extraction: the child neither walks nor copies the parent's heap
    try:
        with ProcessPoolExecutor(1, mp_context=mp.get_context("fork")) as pool:
            other = pool.submit(_fold_half)
            raw = _fold(batches, parts[0::2], resolver, shown.update)
            tallies, other_raw, other_papers = other.result()
    finally:
        gc.unfreeze()
        _FORKED_FOLD = None
    resolver.add_tallies(tallies)
    shown.update(other_papers)
    return raw | other_raw


def _records(entries, papers) -> list[Extracted]:
    pool = {}
    for _, e in entries:
        pool.update(e["extracted"])
    return [pool[paper_key(p)] for p in papers]


def full_build(run: Run, files, shas, known_files, exports, formats, html, prune_cache, trig) -> BuildSummary:
    """Build everything in three passes over the digests, a batch of BATCH_PAPERS papers at a time
    (memory stays bounded whatever the archive's size): extract and collect acronym definitions;
    fold the evidence into the tallies and decide every entity; then link, write and load the
    graphs date by date.  See :class:`_FullBuild` for each pass."""
    build = _FullBuild(run)
    build.index(files, shas, known_files)
    build.extract()
    build.decide()
    keep_all = exports and (len(build.batches.shas_of) <= _exports.RDFLIB_EXPORT_LIMIT or bool(html))
    build.link_and_write(keep_all)  # the store is compacted in the background from here on...
    build.save_resolver_state()
    build.writer.close()  # ...till here
    summary = build.summary()
    if prune_cache:
        run.cache.prune(set(build.batches.shas))
    build.write_exports(summary, exports, formats, html, trig)
    run.timings["total"] = time.perf_counter() - run.t0
    summary.timings = run.timings
    return summary


class _FullBuild:
    """What a full build carries from one pass to the next; one method per pass."""

    def __init__(self, run: Run):
        self.run, self.timings, self.state = run, run.timings, run.state
        self.warnings: list[Skipped] = []

    def index(self, files, shas, known_files) -> None:
        """Pass 0: every digest file's date and paper ids, parsing only content not seen before."""
        from kg.api import check_readable

        run = self.run
        self.new_files: dict[str, dict] = {}
        self.pending: dict[str, dict] = {}  # parsed now: extracted and saved in pass 1
        for path in files:
            if str(path) not in shas:
                continue
            sha, info = shas[str(path)]
            known = known_files.get(str(path)) or {}
            if known.get("sha256") == sha and "ids" in known and run.cache.has(sha):
                self.new_files[str(path)] = {**known, **info}
                continue
            entry, parsed = parse_entry(run, path, sha, known.get("sha256"))
            if entry is None:
                continue
            if parsed:
                self.pending[sha] = entry
            self.new_files[str(path)] = {**info, **light_info(entry)}
        self.batches = batches = _Batches(run, self.new_files)
        for sha in batches.shas:
            run.skipped.extend(Skipped(*x) for x in batches.info[sha]["skipped"])
            self.warnings.extend(Skipped(*x) for x in batches.info[sha]["warnings"])
        check_readable(len(batches.shas_of), run.skipped, run.strict)
        run.root.mkdir(parents=True, exist_ok=True)  # only now: a build that read nothing writes nothing
        self.timings["parse"] = time.perf_counter() - run.t0

    def extract(self) -> None:
        """Pass 1: extract what no cache entry holds (one stream over all new papers, each digest
        saved and dropped as soon as its last paper is back); collect every paper's acronym
        definitions."""
        from kg.extract.lexicon_data import load_lexicon
        from kg.resolve.resolver import LexiconIndex, Resolver

        t = time.perf_counter()
        run, batches = self.run, self.batches
        self.lexicon = load_lexicon(run.lexicon_dir)
        self.lex = LexiconIndex.build(self.lexicon)
        self.resolver = Resolver(self.lex)
        single = {pid for pid, owners in batches.shas_of.items() if len(owners) == 1}
        new = set(self.pending)
        run.extracted_now += _stream_extract(run, self.pending, single, self.lex, self._add_definitions)  # (+ what a fallen-back add extracted)
        del self.pending
        for batch in batches.by_digest():  # digests that were cached already
            if all(sha in new for sha in batch):
                continue
            entries, _ = batches.load(batch)
            for sha, e in entries:
                if sha in batch and sha not in new:
                    for p in e["digest"].papers:
                        if p.arxiv_id in single:
                            self._define(e["extracted"][paper_key(p)])
        multi = [pid for pid in batches.shas_of if pid not in single]  # papers of several digests: merged first
        if multi:
            entries, papers = batches.load(list(dict.fromkeys(sha for pid in multi for sha in batches.shas_of[pid])))
            wanted = set(multi)
            for ex in _records(entries, [p for p in papers if p.arxiv_id in wanted]):
                self._define(ex)
        self.timings["extract"] = time.perf_counter() - t

    def _define(self, ex: Extracted) -> None:
        self.warnings.extend(ex.warnings)
        if ex.mentions is not None:
            self.resolver.define([ex.mentions])

    def _add_definitions(self, paper_id: str, defs, warnings: list) -> None:
        self.warnings.extend(warnings)
        if defs is not None:
            self.resolver.add_definitions(paper_id, defs)

    def decide(self) -> None:
        """Pass 2: fold every paper's evidence into the tallies, decide every entity, and move the
        tallies to ``resolver.sqlite`` (linking needs only the decisions)."""
        from kg.store.state import EntityIndex, StateDB, forms_of

        t = time.perf_counter()
        run, batches, resolver = self.run, self.batches, self.resolver
        with progress_bar(len(batches.shas_of), "resolve", run.progress) as shown:
            self.raw_seen = _fold_in_two(batches, resolver, shown, run.workers)
        self.entities = entities = {}
        for key in sorted(resolver.tallies):
            e = resolver.entity(key)
            if e is not None:
                entities[key] = e
        self.owners: dict[str, set] = defaultdict(set)
        self.members: dict[str, set] = defaultdict(set)
        for key, e in entities.items():
            for f in forms_of(e):
                self.owners[f].add(key)
            if e.family:
                self.members[e.family].add(key)
        self.index = EntityIndex(entities, self.owners, self.lex)
        self.entity_types = {k: e.type for k, e in entities.items()}
        # from here on the store and resolver.sqlite change: until state.json is written again at
        # the end, it says the store holds no whole build (so a build killed now is followed by a full one)
        self.db = run.root / "oxigraph"
        self.fresh = not self.db.exists() or not self.state.get("graphs")
        self.old_graphs: dict[str, str] = {} if self.fresh else self.state.pop("graphs")
        run.save_state()
        self.sdb = sdb = StateDB(run.root, fresh=True)
        sdb.tallies.write_all(resolver.tallies.items())
        sdb.long_forms.write_all(resolver.long_forms.items())
        sdb.alias_counts.write_all(resolver.alias_counts.items())
        resolver.tallies = {}  # (the papers' definitions stay: linking keys names with them, as the fold did)
        self.timings["resolve"] = time.perf_counter() - t

    def link_and_write(self, keep_all: bool) -> None:
        """Pass 3: link every paper and (re)write the graphs whose content changed, a date group at
        a time; ``keep_all``: keep every paper, link and fact for the rdflib file exports."""
        t = time.perf_counter()
        entities = self.entities
        self.new_graphs: dict[str, str] = {}
        self.writer = writer = _GraphWriter(self.db, self.fresh, self.timings,
                                            progress=self.run.progress and len(self.batches.shas_of) >= MIN_TOTAL)
        ent_iri = str(ENTITIES_GRAPH)
        ent_text = "".join(entity_nquads(entities[k], entities) for k in sorted(entities))
        self.new_graphs[ent_iri] = hashlib.sha1(ent_text.encode("utf-8")).hexdigest()
        self.entities_changed = self.old_graphs.get(ent_iri) != self.new_graphs[ent_iri]
        writer.write({ent_iri: ent_text} if self.entities_changed else {})
        del ent_text
        self.replaced = [ent_iri] if self.entities_changed else []
        self.keep_all = keep_all
        self.all_papers, self.all_links, self.all_facts = {}, [], []
        self.link_counts, self.n_results, self.date_links = Counter(), 0, {}
        self.groups, self.shas_of_date = self.batches.by_date()
        # what a date group's papers read, and their benchmark rows: kept (compactly) and written
        # to SQLite while the store compacts on one core (the other would idle; 100k: ~6 CPU-s)
        self.postings: list[tuple[str, str]] = []  # (paper id, its terms joined by \x1f)
        self.rows: dict[str, list] = {}  # paper id -> its benchmark rows (if any)
        with progress_bar(len(self.batches.shas_of), "store", self.run.progress) as shown:
            for group in self.groups:
                before = len(self.all_papers)
                texts = self._link_group(group)
                self.replaced += texts
                writer.write(texts)
                shown.update(len(self.all_papers) - before)
        self.removed = sorted(set(self.old_graphs) - set(self.new_graphs))
        for iri in self.removed:
            writer.remove(iri)
        writer.finish()
        self.timings["rdf+store"] = time.perf_counter() - t

    def _link_group(self, group: list[str]) -> dict[str, str]:
        """Link the papers of a date group; their benchmark rows; the N-Quads of its dates whose
        fingerprint changed (graph IRI -> text)."""
        from kg.store.state import Recorder

        entities = self.entities
        entries, papers = self.batches.load([sha for d in group for sha in self.shas_of_date[d]])
        links_of: dict[str, list] = {}
        facts_of: dict[str, list] = {}
        for p, ex in zip(papers, _records(entries, papers)):
            rec = Recorder(entities, self.index)
            links_of[p.arxiv_id], facts_of[p.arxiv_id] = link_paper(ex, self.resolver, rec, self.lexicon)
            self.postings.append((p.arxiv_id, "\x1f".join(rec.terms)))
            if (p.dates or [UNDATED])[0] in group and p.arxiv_id not in self.all_papers:  # count each paper once
                self.link_counts.update(link.relation for link in links_of[p.arxiv_id])
                self.n_results += sum(1 + len(f.baselines) for f in facts_of[p.arxiv_id])
                self.all_papers[p.arxiv_id] = p if self.keep_all else None
                if self.keep_all:
                    self.all_links += links_of[p.arxiv_id]
                    self.all_facts += facts_of[p.arxiv_id]
        for p in papers:
            rows = benchmark_rows(p, links_of[p.arxiv_id], facts_of[p.arxiv_id], entities)
            if rows:  # (the index is written fresh: a paper without rows has none to replace)
                self.rows[p.arxiv_id] = rows
        by_date = papers_by_date(papers)
        texts = {}
        for date in group:
            iri = digest_graph(date)
            day = by_date.get(date)
            if not day:
                continue  # a digest whose every entry was skipped: no graph
            self.new_graphs[iri] = fp = fingerprint(date, day, links_of, facts_of, self.entity_types)
            self.date_links[date] = relation_counts(date, day, links_of)
            if self.old_graphs.get(iri) != fp:
                texts[iri] = digest_nquads(date, day, links_of, facts_of, entities)
        return texts

    def save_resolver_state(self) -> None:
        """The benchmark table, and the resolver's decisions and indexes (with the postings) for
        the next build to add days to; written while the store compacts."""
        t = time.perf_counter()
        sdb, batches = self.sdb, self.batches
        bench_index = BenchmarkIndex(self.run.root / INDEX_FILE, write=True, fresh=True)
        bench_index.set_labels({k: e.label for k, e in self.entities.items() if e.type == "benchmark"})
        bench_index.replace_papers(self.rows)
        bench_index.commit()
        bench_index.close()
        del self.rows
        sdb.add_postings((term, pid) for pid, terms in self.postings for term in terms.split("\x1f") if term)
        del self.postings
        sdb.entities.write_all(self.entities.items())
        sdb.form_owners.write_all(self.owners.items())
        sdb.members.write_all(self.members.items())
        sdb.raw_seen.write_all((r, "") for r in self.raw_seen)
        dates_of: dict[str, set] = defaultdict(set)
        for group in self.groups:
            for d in group:
                for sha in self.shas_of_date[d]:
                    for pid in batches.info[sha]["ids"]:
                        dates_of[pid].add(batches.info[sha]["date"])
        sdb.papers.write_all((pid, sorted(d for d in ds if d)) for pid, ds in dates_of.items())
        sdb.dates.write_all(self.shas_of_date.items())
        self.keywords = {kw for p in self.all_papers.values() for kw in p.keywords} if self.keep_all else set()
        sdb.keywords.write_all((kw, "") for kw in self.keywords)
        sdb.commit()
        sdb.close()
        self.timings["state"] = time.perf_counter() - t

    def summary(self) -> BuildSummary:
        """The build's summary; ``state.json`` written last: the store now holds a whole build."""
        run, state, batches = self.run, self.state, self.batches
        self.digest_info = [{"source": str(path), "date": info["date"], "papers": len(info["ids"])}
                            for path, info in self.new_files.items()]
        summary = BuildSummary(
            digests=len(self.new_files), papers=len(batches.shas_of), extracted=run.extracted_now,
            graphs_replaced=sorted(self.replaced), graphs_removed=self.removed, entities_changed=self.entities_changed,
            skipped=[str(s) for s in run.skipped], warnings=[str(w) for w in self.warnings], store=run.root,
            digest_info=self.digest_info,
        )
        summary.counts = dict(Counter(ENTITY_TYPES[e.type] for e in self.entities.values()))
        summary.counts["Paper"] = len(batches.shas_of)
        summary.counts["Keyword"] = len(self.keywords) if self.keep_all else state.get("counts", {}).get("Keyword", 0)
        summary.counts["Result"] = self.n_results
        summary.links = dict(self.link_counts)
        state.update(files=self.new_files, graphs=self.new_graphs, papers=len(batches.shas_of), digests=len(self.new_files),
                     counts=summary.counts, links=summary.links, date_links=self.date_links,
                     built=time.strftime("%Y-%m-%dT%H:%M:%S"))
        run.save_state()
        return summary

    def write_exports(self, summary: BuildSummary, exports, formats, html, trig) -> None:
        """The file exports (:mod:`kg.store.exports`), unless nothing changed since they were written."""
        from kg.resolve import Resolution

        run, state, out_dir = self.run, self.state, self.run.out_dir
        large = len(self.batches.shas_of) > _exports.RDFLIB_EXPORT_LIMIT
        expected = [] if large and not trig else [out_dir / "graph.trig"]
        signature = repr((str(out_dir.resolve()), sorted(formats), html, trig))
        if not exports:
            return
        if not summary.changed and state.get("exports") == signature and all(p.is_file() for p in expected):
            summary.notes.append("nothing changed: file exports left as they are")
            return
        t = time.perf_counter()
        resolution = Resolution(self.entities, sorted(self.all_links, key=lambda l: (l.paper_id, l.key, l.relation)))
        papers = [self.all_papers[k] for k in sorted(self.all_papers)] if self.keep_all else []
        digests = [SimpleNamespace(**d) for d in self.digest_info]
        summary.written = _exports.write_files(out_dir, self.writer.store, papers, resolution, self.all_facts, summary,
                                               formats, html, digests, run.skipped, self.warnings, trig)
        self.timings["exports"] = time.perf_counter() - t
        state["exports"] = signature
        run.save_state()

