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
from kg.store.run import (BuildSummary, EntityTypes, Run, extract_missing, fingerprint, light_info, paper_facts,
                          paper_key, parse_entry, relation_counts, replace_graph, unchanged)

__all__ = ["add_digests"]


def add_digests(run: Run, new, known_files) -> BuildSummary | None:
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
        return None if refuse else unchanged(run)
    entries, new_files = [], {}
    for path, (sha, info) in new:
        entry, _ = parse_entry(run, path, sha)
        if entry is not None:
            entries.append((sha, entry))
            new_files[str(path)] = {**info, **light_info(entry)}
    if not entries:
        return None if run.strict and run.skipped else unchanged(run)
    digests = [e["digest"] for _, e in entries]
    papers, warnings = gather_papers(digests, run.skipped, run.strict)
    sdb = StateDB(root)
    try:
        if any(p.arxiv_id in sdb.papers for p in papers):
            return None  # a paper seen before: its merged record and dates change
        timings["parse"] = time.perf_counter() - run.t0

        t = time.perf_counter()
        extracted = extract_missing(run, entries, papers, {sha for sha, _ in entries})
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
            ex = pool.get(paper_key(p))
            if ex is None:
                return None
            rec = Recorder(sdb.entities, EntityIndex(sdb.entities, sdb.form_owners, lex))
            if ex.mentions is not None:
                links_of[p.arxiv_id] = paper_links(resolver.evidence(ex.mentions, tallied=False), rec.entity_of)
            facts_of[p.arxiv_id] = paper_facts(ex, rec, lexicon)
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
        types = EntityTypes(sdb.entities)
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
            replace_graph(store, iri, digest_nquads(d, day, links_of, facts_of, sdb.entities).encode("utf-8"))
            graphs[iri] = fingerprint(d, day, links_of, facts_of, types)
            date_links[d] = relation_counts(d, day, links_of)
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
