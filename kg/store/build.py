"""``build_store``: the entry of a build, which picks one of its two paths (see :mod:`kg.store`):
:func:`kg.store.add.add_digests` when digest files were only added, else
:func:`kg.store.full.full_build`."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from kg.gc_pause import gc_paused
from kg.parse import Skipped, collect_inputs
from kg.store import exports as _exports
from kg.store.add import add_digests
from kg.store.exports import export_trig
from kg.store.full import full_build
from kg.store.run import STORE_DIR, BuildSummary, DigestCache, Run, store_path

__all__ = ["build_store", "export_trig", "BuildSummary", "STORE_DIR", "store_path", "FORMAT_VERSION"]

# Raised whenever the records cached, the RDF or the benchmark table written change shape: a
# store built by another version is then rebuilt from scratch (2: mentions without
# prov:wasDerivedFrom; 4: the benchmark table's answers in parts)
FORMAT_VERSION = 4


def _pipeline_version(lexicon_dir) -> str:
    """A hash of the extractor, resolver and lexicon sources: cached records are void when it changes."""
    import kg

    root = Path(kg.__file__).resolve().parent
    h = hashlib.sha256(str(FORMAT_VERSION).encode())
    files = []  # (name relative to its folder, path): a checkout moved elsewhere keeps its cache
    for sub in ("extract", "resolve", "parse"):
        files += [(p.relative_to(root), p) for p in (root / sub).rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".jsonl")]
    if lexicon_dir:
        files += [(Path("lexicon") / p.relative_to(lexicon_dir), p) for p in Path(lexicon_dir).rglob("*") if p.is_file()]
    for name, p in sorted(files):
        h.update(str(name).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _file_sha(path: Path, known: dict | None) -> tuple[str, dict]:
    st = path.stat()
    if known and known.get("size") == st.st_size and known.get("mtime_ns") == st.st_mtime_ns:
        return known["sha256"], known
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return sha, {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": sha}


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
    with gc_paused():  # millions of small objects: cached records, mentions, links
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
    cache = DigestCache(root)

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
    run = Run(out_dir, root, state, state_path, cache, skipped, t0, workers, progress, strict, lexicon_dir)
    if same and _can_add(state, root, exports, html, trig):
        before = list(skipped)
        summary = add_digests(run, [(p, shas[str(p)]) for p in new], known_files)
        if summary is not None:
            return summary
        skipped[:] = before  # the full build reports the new files' skipped entries again itself
    return full_build(run, files, shas, known_files, exports, formats, html, prune_cache, trig)


def _can_add(state, root, exports, html, trig) -> bool:
    """Whether a build may add new digests to the store without redoing the rest: the store
    holds a whole build, and no file export needs the whole graph in memory."""
    from kg.store.state import StateDB

    whole = state.get("graphs") and (root / "oxigraph").exists() and (root / StateDB.FILE).exists()
    small = state.get("papers", 0) <= _exports.RDFLIB_EXPORT_LIMIT
    return bool(whole) and not html and not trig and (not exports or not small)


