"""Build the seed's result facts, graph and RDF store without the pipeline wiring
(``paperkg_results`` in kg.extract.pipeline, ``add_results_to_graph`` in kg.api,
``results_to_rdf`` in kg.export.rdf), so the result tests run on their own."""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

import kg.extract.results  # noqa: F401  (registers paperkg_results)
from kg.export.rdf import to_dataset
from kg.extract.lexicon_data import load_lexicon
from kg.extract.pipeline import extract_docs, make_nlp
from kg.graph import build_graph
from kg.parse import collect_digests, merge_papers, parse_digest
from kg.resolve import resolve
from kg.export.results_rdf import results_to_rdf
from kg.results import add_results_to_graph, resolve_results


def build_all(paths):
    papers = merge_papers([parse_digest(p) for p in collect_digests(paths)])
    nlp = make_nlp()
    if "paperkg_results" not in nlp.pipe_names:
        nlp.add_pipe("paperkg_results")
    docs = list(extract_docs(papers, nlp))
    lexicon = load_lexicon()
    resolution = resolve(docs, lexicon)
    facts = resolve_results(docs, resolution, lexicon)
    g = build_graph(papers, resolution)
    if not any(d.get("type") == "Result" for _, d in g.nodes(data=True)):
        add_results_to_graph(g, facts)
    ds = to_dataset(g)
    if not any(True for _ in ds.quads((None, None, None, None)) if str(_[1]).endswith("#hasResult")):
        results_to_rdf(g, ds)
    store = ox.Store()
    store.load(ds.serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return docs, resolution, facts, g, ds, store


@lru_cache(maxsize=None)
def seed_build(seed_dir: str):
    return build_all([seed_dir])
