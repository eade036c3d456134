"""Stage 6: SPARQL over the persistent store, the exported files or an endpoint (see :mod:`kg.query.sparql`)."""

from kg.query.index import BenchmarkIndex
from kg.query.sparql import (
    Endpoint,
    EndpointError,
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
    "BenchmarkIndex",
    "Endpoint",
    "EndpointError",
    "GraphNotFound",
    "load_query",
    "open_store",
    "papers_by_benchmark",
    "related_papers",
    "select",
    "shared_benchmarks",
    "suggest_benchmarks",
]
