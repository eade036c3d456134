"""The file exports of a store build: the rdflib exports and HTML explorer of a small archive;
above ``RDFLIB_EXPORT_LIMIT`` papers the store is the graph (``graph.trig`` on demand)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.store.run import STORE_DIR, store_path

__all__ = ["write_files", "export_trig", "RDFLIB_EXPORT_LIMIT", "HTML_LIMIT"]

#: above this many papers the rdflib file exports (canonical Turtle/TriG) are replaced by
#: Oxigraph's own TriG dump of the store, and the HTML explorer is skipped unless asked for
RDFLIB_EXPORT_LIMIT = 500
HTML_LIMIT = 500


def write_files(out_dir, store, papers, resolution, facts, summary, formats, html, digests, skipped, warnings,
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
