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
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.extract.parallel import Extracted, extract_records, result_docs
from kg.parse import DigestError, Skipped, collect_inputs, parse_digest
from kg.store.quads import UNDATED, digest_graph, digest_nquads, entities_nquads, papers_by_date

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
    from kg.api import gather_papers
    from kg.extract.lexicon_data import load_lexicon
    from kg.resolve import resolve_records
    from kg.results import resolve_results

    t0 = time.perf_counter()
    timings: dict[str, float] = {}
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

    # 1. parse (or load from the cache) every digest file
    files, skipped = collect_inputs(paths)
    known_files = state.get("files", {})
    new_files: dict[str, dict] = {}
    entries: list[tuple[str, dict]] = []
    dirty: set[str] = set()
    for path in files:
        try:
            sha, info = _file_sha(path, known_files.get(str(path)))
        except OSError as exc:
            skipped.append(Skipped(str(path), 0, f"cannot read: {exc.strerror or exc}"))
            continue
        entry = cache.load(sha)
        if entry is None or entry["digest"].source != str(path):
            try:
                digest = parse_digest(path)
            except DigestError as exc:
                skipped.append(Skipped(exc.source, exc.line, exc.reason))
                continue
            old = entry["extracted"] if entry else {}
            prev = known_files.get(str(path), {}).get("sha256")
            if not old and prev and prev != sha:  # a changed file: its unchanged papers keep their records
                prev_entry = cache.load(prev)
                old = prev_entry["extracted"] if prev_entry else {}
            entry = {"digest": digest, "extracted": old}
            dirty.add(sha)
        new_files[str(path)] = info
        entries.append((sha, entry))
    digests = [e["digest"] for _, e in entries]
    papers, warnings = gather_papers(digests, skipped, strict)
    timings["parse"] = time.perf_counter() - t0
    root.mkdir(parents=True, exist_ok=True)  # only now: a build that read nothing writes nothing

    # 2. extract what no cache entry holds
    t = time.perf_counter()
    pool: dict[str, Extracted] = {}
    for _, e in entries:
        pool.update(e["extracted"])
    keys = [_paper_key(p) for p in papers]
    missing = [p for p, k in zip(papers, keys) if k not in pool]
    if missing:
        for p, ex in zip(missing, extract_records(missing, workers=workers, progress=progress, lexicon_dir=lexicon_dir)):
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
            cache.save(sha, e)
    extracted = [pool[k] for k in keys]
    for ex in extracted:
        warnings.extend(ex.warnings)
    timings["extract"] = time.perf_counter() - t

    # 3. resolve everything again from the records
    t = time.perf_counter()
    lexicon = load_lexicon(lexicon_dir)
    resolution = resolve_records([ex.mentions for ex in extracted if ex.mentions is not None], lexicon)
    facts = resolve_results(result_docs(ex.results for ex in extracted), resolution, lexicon)
    timings["resolve"] = time.perf_counter() - t

    # 4. replace the named graphs whose content changed
    t = time.perf_counter()
    links_of: dict[str, list] = defaultdict(list)
    for link in resolution.links:
        links_of[link.paper_id].append(link)
    facts_of: dict[str, list] = defaultdict(list)
    for f in facts:
        facts_of[f.paper_id].append(f)
    entity_types = {k: e.type for k, e in resolution.entities.items()}
    by_date = papers_by_date(papers)
    db = root / "oxigraph"
    fresh = not db.exists() or not state.get("graphs")
    old_graphs: dict[str, str] = {} if fresh else state.get("graphs", {})
    new_graphs: dict[str, str] = {}
    changed_dates: dict[str, str] = {}  # graph IRI -> date, for the graphs to (re)write
    for date in sorted(by_date):
        iri = digest_graph(date)
        fp = _fingerprint(date, by_date[date], links_of, facts_of, entity_types)
        new_graphs[iri] = fp
        if old_graphs.get(iri) != fp:
            changed_dates[iri] = date
    ent_text = entities_nquads(resolution)
    ent_fp = hashlib.sha1(ent_text.encode("utf-8")).hexdigest()
    from kg.export.rdf import ENTITIES_GRAPH

    ent_iri = str(ENTITIES_GRAPH)
    entities_changed = old_graphs.get(ent_iri) != ent_fp
    new_graphs[ent_iri] = ent_fp
    replaced = sorted([*changed_dates, *([ent_iri] if entities_changed else [])])
    removed = sorted(set(old_graphs) - set(new_graphs))
    timings["rdf"] = time.perf_counter() - t

    def graph_bytes(iri: str) -> bytes:
        """The N-Quads of one graph, written when it is loaded (never the whole store at once:
        at 100,000 papers that text is several GB)."""
        if iri == ent_iri:
            return ent_text.encode("utf-8")
        date = changed_dates[iri]
        return digest_nquads(date, by_date[date], links_of, facts_of, resolution.entities).encode("utf-8")

    t = time.perf_counter()
    store = ox.Store(str(db))
    if fresh:
        store.clear()
        if replaced:
            # one streamed pass; lenient: the text is ours (kg.store.quads), its IRIs need no second check
            reader = io.BufferedReader(_Chunks(graph_bytes(iri) for iri in replaced), buffer_size=1 << 20)
            store.bulk_load(reader, format=ox.RdfFormat.N_QUADS, lenient=True)
    else:
        for iri in removed + replaced:
            node = ox.NamedNode(iri)
            if store.contains_named_graph(node):
                store.remove_graph(node)
        for iri in replaced:
            store.load(graph_bytes(iri), format=ox.RdfFormat.N_QUADS, lenient=True)
    store.flush()
    state.update(files=new_files, graphs=new_graphs, papers=len(papers), built=time.strftime("%Y-%m-%dT%H:%M:%S"))
    _atomic(state_path, json.dumps(state, indent=1, sort_keys=True).encode("utf-8"))
    if prune_cache:
        cache.prune({sha for sha, _ in entries})
    timings["store"] = time.perf_counter() - t

    summary = BuildSummary(
        digests=len(digests), papers=len(papers), extracted=len(missing),
        graphs_replaced=replaced, graphs_removed=removed, entities_changed=entities_changed,
        skipped=[str(s) for s in skipped], warnings=[str(w) for w in warnings], store=root,
        digest_info=[{"source": d.source, "date": d.date, "papers": len(d.papers)} for d in digests],
    )
    from collections import Counter

    from kg.graph.build import ENTITY_TYPES

    summary.counts = dict(Counter(ENTITY_TYPES[e.type] for e in resolution.entities.values()))
    summary.counts["Paper"] = len(papers)
    summary.counts["Keyword"] = len({kw for p in papers for kw in p.keywords})
    summary.counts["Result"] = len(facts) + sum(len(f.baselines) for f in facts)
    summary.links = dict(Counter(link.relation for link in resolution.links))

    # 5. the file exports
    large = len(papers) > RDFLIB_EXPORT_LIMIT
    expected = [] if large and not trig else [out_dir / "graph.trig"]
    signature = repr((str(out_dir.resolve()), sorted(formats), html, trig))
    if exports and not summary.changed and state.get("exports") == signature and all(p.is_file() for p in expected):
        summary.notes.append("nothing changed: file exports left as they are")
    elif exports:
        t = time.perf_counter()
        summary.written = _write_files(out_dir, store, papers, resolution, facts, summary, formats, html, digests, skipped,
                                       warnings, trig)
        timings["exports"] = time.perf_counter() - t
        state["exports"] = signature
        _atomic(state_path, json.dumps(state, indent=1, sort_keys=True).encode("utf-8"))
    del store
    timings["total"] = time.perf_counter() - t0
    summary.timings = timings
    return summary


def _write_files(out_dir, store, papers, resolution, facts, summary, formats, html, digests, skipped, warnings,
                 trig=None) -> list[Path]:
    from kg.export.files import atomic_write

    n = len(papers)
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
