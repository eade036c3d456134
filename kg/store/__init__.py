"""The persistent, incremental store: an embedded Oxigraph database the query commands read.

Layout (under the exports directory, ``exports/store/`` by default)::

    store/oxigraph/        the Oxigraph (RocksDB) database: one named graph per digest date
                           (https://w3id.org/paperkg/digest/DATE) + the entities graph
    store/resolver.sqlite  the resolver's tallies and indexes (:mod:`kg.store.state`)
    store/papers_by_benchmark.sqlite
                           every benchmark's papers as ``kg papers`` shows them
                           (:mod:`kg.query.index`), kept in step with the graphs
    store/state.json       pipeline version; per input file: size, mtime, sha256;
                           per named graph: the fingerprint of what it was built from; counts
    store/cache/SHA.pkl    per digest file (by content hash): its parsed Digest and, per paper,
                           the extraction records (PaperMentions + ResultRecord)

A build takes one of two paths (:func:`build_store`):

**Adding digests** (:func:`kg.store.add.add_digests`; the daily case: files were only added, the store holds a whole build, and
no file export needs the whole graph in memory, i.e. above ``RDFLIB_EXPORT_LIMIT`` papers or
with ``exports=False``): only the new files are parsed and extracted; their records are folded
into the tallies kept in ``resolver.sqlite`` (:class:`kg.resolve.resolver.Resolver`); the names
they touch are decided again; earlier papers whose links or results read a name whose decision
or lookup changed (the ``postings`` table) are linked again; and only the graphs of their dates,
of the new dates, and the changed entities' statements are rewritten.  A benchmark first seen
today merges with last year's, and a name whose pooled type changes with today's papers changes
in every old day's graph too.  It falls back to a full build when a new paper id was seen
before (its merged record changes) or a new acronym definition rekeys a name earlier papers use.

**A full build** (:func:`kg.store.full.full_build`; first build, files changed or removed, new extractor, fallback) reads the
archive in batches of ``BATCH_PAPERS`` papers, so its memory does not grow with the archive's
records:

0. **Index** every file: a file whose size, mtime and sha256 match ``state.json`` is not read
   (its date and paper ids are there); new content is parsed into the cache.
1. **Extract** only papers no cache entry holds (keyed by arXiv id + title + summary), in
   worker processes (:func:`kg.extract.parallel.map_groups`) with a progress bar; each worker
   saves the cache entries of the digests it extracted and sends back only the papers' acronym
   definitions, which the parent collects.
2. **Fold** every paper's evidence into the tallies (half the digests in a forked process:
   the fold is order-free, its tallies sums) and decide every entity.
3. **Link** every paper date group by date group, writing down what its links and results
   read (the postings of the next add), and replace the named graphs whose fingerprint changed
   (plus the entities graph when its text changed; graphs of dates no longer in the input are
   removed).  The statements are N-Quads text (:mod:`kg.store.quads`, identical to
   :func:`kg.export.rdf.to_dataset` + ``results_to_rdf``); a fresh store is bulk-loaded by two
   background threads while the next groups are linked, then compacted in the background
   while the resolver's state is written.  ``state.json`` is written last, so a build killed
   half-way is redone by the next one.  Each of passes 1-3 and the compaction shows a progress
   bar from 200 papers up (:mod:`kg.progress`).
4. **File exports** up to ``RDFLIB_EXPORT_LIMIT`` papers.  Above it the store is the graph:
   ``graph.trig`` is not rewritten on each build, a stale one is removed, and
   :func:`export_trig` (or ``build_store(trig=True)``) dumps it on demand; the HTML explorer
   is skipped unless asked for.

Both paths give the same store (tests/store/test_incremental.py adds corpus days in random
orders and compares with full builds quad for quad).
The cyclic garbage collector is paused while a build runs (millions of small cached objects;
see docs/benchmarks-scale.md).  Building twice on the same input changes nothing (no extraction, no graph replaced).  A new
extractor, resolver or lexicon (``state.json`` ``version``) voids the cache.

The modules, in the order a build runs them: :mod:`kg.store.build` (``build_store``: picks the
path), :mod:`kg.store.add` and :mod:`kg.store.full` (the two paths), :mod:`kg.store.run` (what they
share: the digest cache, the fingerprints), :mod:`kg.store.state` (``resolver.sqlite``),
:mod:`kg.store.quads` (the N-Quads text) and :mod:`kg.store.exports` (the file exports).

Readers open the database read-only (:func:`kg.query.open_store`); do not run a build while a
query is reading (Oxigraph's read-only mode does not guard against a concurrent writer).
"""

from kg.store.build import BuildSummary, STORE_DIR, build_store, export_trig, store_path

__all__ = ["build_store", "export_trig", "BuildSummary", "STORE_DIR", "store_path"]
