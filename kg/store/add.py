"""The daily path of a build: add new digest files to a store that holds a whole build.

See :mod:`kg.store` for when it runs and :func:`add_digests` for what it redoes.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict

import pyoxigraph as ox

from kg.export.terms import ENTITIES_GRAPH, ENTITY_TYPES, entity_iri
from kg.query.index import INDEX_FILE, BenchmarkIndex
from kg.store.quads import UNDATED, benchmark_rows, digest_graph, digest_nquads, entity_nquads, papers_by_date
from kg.store.run import (BuildSummary, EntityTypes, Run, extract_missing, fingerprint, light_info, link_paper,
                          paper_key, parse_entry, relation_counts, replace_graph, unchanged)

__all__ = ["add_digests"]


def add_digests(run: Run, new, known_files) -> BuildSummary | None:
    """Add new digest files to the store, redoing only what they change (None: they would
    change what this path cannot redo, so the caller builds everything again).

    The day's records are folded into the tallies kept in ``resolver.sqlite``; the names they
    touch are decided again; papers whose links or results read a name whose decision or lookup
    changed (``postings``) are linked again, and the named graphs of their dates and of the new
    dates are rewritten, with the changed entities' statements in the entities graph.  This
    gives the same store as a full build (tests/store/test_incremental.py).  See :class:`_Add`
    for each step."""
    from kg.store.state import StateDB

    refuse = run.strict and run.skipped  # --strict with something skipped: the full path raises
    if not new:
        return None if refuse else unchanged(run)
    add = _Add(run)
    if not add.read(new):
        return None if run.strict and run.skipped else unchanged(run)
    add.sdb = StateDB(run.root)  # its tables change in memory: written only by the commit below
    try:
        add.extract()
        add.decide_again()
        add.relink()
        add.rewrite()
        add.sdb.commit()
    except _FallBack:
        return None
    finally:
        add.sdb.close()
    return add.summary(known_files)


class _FallBack(Exception):
    """The add would change what this path cannot redo: the caller builds everything."""


class _Add:
    """What an add carries from one step to the next; one method per step."""

    def __init__(self, run: Run):
        self.run, self.timings, self.state = run, run.timings, run.state

    def read(self, new) -> bool:
        """Parse the new files (False: none is readable)."""
        from kg.api import gather_papers

        self.entries, self.new_files = [], {}
        for path, (sha, info) in new:
            entry, _ = parse_entry(self.run, path, sha)
            if entry is not None:
                self.entries.append((sha, entry))
                self.new_files[str(path)] = {**info, **light_info(entry)}
        if not self.entries:
            return False
        self.digests = [e["digest"] for _, e in self.entries]
        self.papers, self.warnings = gather_papers(self.digests, self.run.skipped, self.run.strict)
        return True

    def extract(self) -> None:
        """Extract the new papers (a paper seen before falls back: its merged record and dates change)."""
        if any(p.arxiv_id in self.sdb.papers for p in self.papers):
            raise _FallBack
        self.timings["parse"] = time.perf_counter() - self.run.t0
        t = time.perf_counter()
        self.extracted = extract_missing(self.run, self.entries, self.papers, {sha for sha, _ in self.entries})
        for ex in self.extracted:
            self.warnings.extend(ex.warnings)
        self.timings["extract"] = time.perf_counter() - t

    def decide_again(self) -> None:
        """Fold the new records into the tallies and decide again the names they touch; update the
        name indexes; find the earlier papers whose links or results read a changed decision or
        lookup (``self.affected``)."""
        from kg.extract.lexicon_data import load_lexicon
        from kg.resolve.resolver import LexiconIndex, Resolver

        self.t_resolve = time.perf_counter()
        sdb = self.sdb
        self.lexicon = load_lexicon(self.run.lexicon_dir)
        self.lex = lex = LexiconIndex.build(self.lexicon)
        self.resolver = resolver = Resolver(lex, sdb.alias_counts, sdb.tallies, sdb.long_forms)
        records = [ex.mentions for ex in self.extracted if ex.mentions is not None]
        rekeyed = resolver.define(records)
        if any(k in sdb.raw_seen for k in rekeyed):
            raise _FallBack  # a new alias for a name old papers use: their tallies move
        self.evs = resolver.fold(records)
        touched = resolver.touched(self.evs, records)
        for k in list(touched):  # a lexicon model named for the first time can become variants' family
            if k in lex.types and lex.types[k][0] == "model" and k not in sdb.entities:
                touched.update(sdb.tallies.keys_with_prefix(k))
        self.changed = changed = {}
        for k in touched:
            old, now = sdb.entities.get(k), resolver.entity(k)
            if old != now:
                changed[k] = (old, now)
        terms = self._update_indexes()
        self.affected = sdb.papers_reading(terms)
        self.rewrite_entities = set(changed)
        for k, (old, now) in changed.items():
            if (old is None) != (now is None):
                self.rewrite_entities |= sdb.members.get(k, set())

    def _update_indexes(self) -> set[str]:
        """Apply the changed decisions to the entities table and the name indexes; the postings
        terms whose answer changed (a lookup of a name, an entity's type)."""
        from kg.store.state import EntityIndex, forms_of

        sdb, lex, changed = self.sdb, self.lex, self.changed
        forms = set()  # the names whose lookup by the results may change
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
        return terms | {"e:" + k for k, (old, now) in changed.items() if (old and old.type) != (now and now.type)}

    def relink(self) -> None:
        """Link the papers of the dates to rewrite (the new dates and those of the affected papers),
        writing their postings; record the new papers, dates and keywords."""
        from kg.parse import merge_papers
        from kg.store.state import EntityIndex, Recorder

        run, sdb, entries = self.run, self.sdb, self.entries
        self.dates = {d for p in self.papers for d in (p.dates or [UNDATED])}
        self.dates |= {d for pid in self.affected for d in (sdb.papers.get(pid) or [UNDATED])}
        all_entries = list(entries)
        have = {sha for sha, _ in entries}
        for d in sorted(self.dates):
            for sha in sdb.dates.get(d, ()):
                if sha not in have:
                    e = run.cache.load(sha)
                    if e is None:
                        raise _FallBack  # a cache entry went missing: build everything
                    all_entries.append((sha, e))
                    have.add(sha)
        if any(len(sdb.papers.get(p.arxiv_id) or ()) > 1 for _, e in all_entries[len(entries):] for p in e["digest"].papers):
            raise _FallBack  # an old paper of several digests: rare, and a full build merges it exactly
        self.day_papers = merge_papers([e["digest"] for _, e in all_entries])
        pool = {}
        for _, e in all_entries:
            pool.update(e["extracted"])
        self.links_of: dict[str, list] = defaultdict(list)
        self.facts_of: dict[str, list] = defaultdict(list)
        for p in self.day_papers:
            ex = pool.get(paper_key(p))
            if ex is None:
                raise _FallBack
            rec = Recorder(sdb.entities, EntityIndex(sdb.entities, sdb.form_owners, self.lex))
            self.links_of[p.arxiv_id], self.facts_of[p.arxiv_id] = link_paper(ex, self.resolver, rec, self.lexicon)
            sdb.add_postings((term, p.arxiv_id) for term in rec.terms)
        for ev in self.evs:
            for r in ev.raw:
                sdb.raw_seen[r] = ""
        for p in self.papers:
            sdb.papers[p.arxiv_id] = list(p.dates)
        for sha, e in entries:
            d = e["digest"].date or UNDATED
            sdb.dates[d] = [*sdb.dates.get(d, ()), sha]
        self.new_keywords = {kw for p in self.papers for kw in p.keywords if kw not in sdb.keywords}
        for kw in self.new_keywords:
            sdb.keywords[kw] = ""
        self.timings["resolve"] = time.perf_counter() - self.t_resolve

    def rewrite(self) -> None:
        """Rewrite the graphs of those dates, the changed entities' statements and the
        papers-by-benchmark table of the papers linked again."""
        self.t_store = time.perf_counter()
        root, entities, links_of, facts_of = self.run.root, self.sdb.entities, self.links_of, self.facts_of
        bench_index = BenchmarkIndex(root / INDEX_FILE, write=True)
        bench_index.set_labels({k: (now.label if now is not None and now.type == "benchmark" else None)
                                for k, (_, now) in self.changed.items()})
        bench_index.replace_papers({p.arxiv_id: benchmark_rows(p, links_of[p.arxiv_id], facts_of[p.arxiv_id], entities)
                                    for p in self.day_papers})
        by_date = papers_by_date(self.day_papers)
        types = EntityTypes(entities)
        self.graphs = dict(self.state["graphs"])
        self.replaced = []
        store = ox.Store(str(root / "oxigraph"))
        ent_iri = str(ENTITIES_GRAPH)
        if self.rewrite_entities:
            g = ox.NamedNode(ent_iri)
            for k in self.rewrite_entities:
                node = ox.NamedNode(entity_iri(k))
                for q in list(store.quads_for_pattern(node, None, None, g)):
                    store.remove(q)
            text = "".join(entity_nquads(entities[k], entities) for k in sorted(self.rewrite_entities) if k in entities)
            store.load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS, lenient=True)
            self.graphs[ent_iri] = "updated incrementally"  # a full build compares it with its own text
            self.replaced.append(ent_iri)
        self.date_links = dict(self.state.get("date_links", {}))
        for d in sorted(self.dates):
            iri = digest_graph(d)
            day = by_date.get(d, [])
            fp = fingerprint(d, day, links_of, facts_of, types)
            if self.graphs.get(iri) == fp:
                continue  # its papers were linked again, to the same links: the graph stays as it is
            replace_graph(store, iri, digest_nquads(d, day, links_of, facts_of, entities).encode("utf-8"))
            self.graphs[iri] = fp
            self.date_links[d] = relation_counts(d, day, links_of)
            self.replaced.append(iri)
        store.flush()
        del store
        bench_index.commit()
        bench_index.close()

    def summary(self, known_files) -> BuildSummary:
        """Counts and ``state.json`` (written last) for the store as it now is."""
        state, timings = self.state, self.timings
        counts = Counter(state.get("counts", {}))
        for k, (old, now) in self.changed.items():
            if old is not None:
                counts[ENTITY_TYPES[old.type]] -= 1
            if now is not None:
                counts[ENTITY_TYPES[now.type]] += 1
        counts["Paper"] += len(self.papers)
        counts["Keyword"] += len(self.new_keywords)
        links = sum((Counter(c) for c in self.date_links.values()), Counter())
        state.update(files={**known_files, **self.new_files}, graphs=self.graphs,
                     papers=state.get("papers", 0) + len(self.papers), digests=state.get("digests", 0) + len(self.digests),
                     counts=dict(counts), links=dict(links), date_links=self.date_links,
                     built=time.strftime("%Y-%m-%dT%H:%M:%S"))
        self.run.save_state()
        timings["store"] = time.perf_counter() - self.t_store
        timings["total"] = time.perf_counter() - self.run.t0
        return BuildSummary(
            digests=state["digests"], papers=state["papers"], extracted=self.run.extracted_now,
            graphs_replaced=sorted(self.replaced), entities_changed=bool(self.rewrite_entities),
            skipped=[str(s) for s in self.run.skipped], warnings=[str(w) for w in self.warnings], store=self.run.root,
            digest_info=[{"source": d.source, "date": d.date, "papers": len(d.papers)} for d in self.digests],
            counts=dict(counts), links=dict(links), timings=timings,
            notes=[f"added {len(self.papers)} paper(s) of {len(self.digests)} new digest(s); "
                   f"{len(self.affected)} earlier paper(s) linked again"],
        )


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
