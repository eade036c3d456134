"""Stage 6: SPARQL over the exported graph (see :mod:`kg.query.sparql`)."""

from kg.query.sparql import (
    GraphNotFound,
    load_query,
    open_store,
    papers_by_benchmark,
    related_papers,
    select,
    shared_benchmarks,
    suggest_benchmarks,
)

__all__ = [
    "GraphNotFound",
    "load_query",
    "open_store",
    "papers_by_benchmark",
    "related_papers",
    "select",
    "shared_benchmarks",
    "suggest_benchmarks",
]
