"""The persistent, incremental store: an embedded Oxigraph database the query commands read.

Layout (under the exports directory, ``exports/store/`` by default)::

    store/oxigraph/        the Oxigraph (RocksDB) database: one named graph per digest date
                           (https://w3id.org/paperkg/digest/DATE) + the entities graph
    store/state.json       pipeline version; per input file: size, mtime, sha256;
                           per named graph: the fingerprint of what it was built from
    store/cache/SHA.pkl    per digest file (by content hash): its parsed Digest and, per paper,
                           the extraction records (PaperMentions + ResultRecord)

How a build goes (:func:`build_store`):

1. **Parse** only files whose content is new: a file whose size and mtime match
   ``state.json`` keeps its recorded sha256 (no read); a known sha256 loads its cache entry.
2. **Extract** only papers no cache entry holds (keyed by arXiv id + title + summary, so a
   paper merged from several digests is extracted once), in worker processes
   (:mod:`kg.extract.parallel`), with a progress bar.
3. **Resolve** all papers again from the cached records (``resolve_records`` +
   ``resolve_results`` on record views).  This is what keeps entities right across
   increments: a benchmark first seen today merges with last year's, and a name whose pooled
   type changes with today's papers changes in every old day's graph too.
4. **Replace** only the named graphs whose fingerprint changed (a hash of the papers, links
   and results that make the graph), and the entities graph when its text changed; graphs of
   dates no longer in the input are removed.  The statements are written as N-Quads text
   (:mod:`kg.store.quads`, identical to :func:`kg.export.rdf.to_dataset` + ``results_to_rdf``)
   and parsed by Oxigraph: a fresh store is bulk-loaded in one streamed pass (each graph's
   text is written while Oxigraph reads, never the whole store's at once).  ``state.json`` is
   written last, so a build killed half-way is redone by the next one.
5. **File exports** as before (``kg.export.write_exports``) up to ``RDFLIB_EXPORT_LIMIT``
   papers.  Above it the store is the graph: no ``graph.trig`` is rewritten on each build
   (a full dump costs about 1.8 s per 1,000 papers, far more than an increment), a stale
   one is removed, and :func:`export_trig` (or ``build_store(trig=True)``) dumps it on
   demand; the HTML explorer is skipped unless asked for.

The cyclic garbage collector is paused while a build runs (millions of small cached objects;
see docs/benchmarks-scale.md).  Building twice on the same input changes nothing (no extraction, no graph replaced).  A new
extractor, resolver or lexicon (``state.json`` ``version``) voids the cache.

Readers open the database read-only (:func:`kg.query.open_store`); do not run a build while a
query is reading (Oxigraph's read-only mode does not guard against a concurrent writer).
"""

from kg.store.build import BuildSummary, STORE_DIR, build_store, export_trig, store_path

__all__ = ["build_store", "export_trig", "BuildSummary", "STORE_DIR", "store_path"]
