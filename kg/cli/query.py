"""``kg query``, ``kg papers``, ``kg shared``, ``kg related``: SPARQL over a built graph.

They read the persistent store ``DIR/store`` that ``kg build --out DIR`` writes (else
``DIR/graph.trig``), or with ``--endpoint URL`` any SPARQL 1.1 Protocol endpoint.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.output import FORMATS, echo_rows
from kg.query import BenchmarkIndex, EndpointError, GraphNotFound, open_store, papers_by_benchmark, related_papers, select, shared_benchmarks, suggest_benchmarks

graph_option = click.option("--graph", "graph_dir", default="exports", show_default=True, type=click.Path(path_type=Path), help="Directory that 'kg build --out' wrote (its store/, else graph.trig).")
format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
endpoint_option = click.option("--endpoint", default=None, metavar="URL", help="Query a SPARQL 1.1 endpoint (e.g. http://localhost:7878/query) instead of --graph.")


def _store(graph_dir, endpoint=None):
    try:
        return open_store(graph_dir, endpoint=endpoint)
    except GraphNotFound as exc:
        raise click.ClickException(str(exc)) from None


def _run(fn, *args):
    try:
        return fn(*args)
    except EndpointError as exc:
        raise click.ClickException(str(exc)) from None


@click.command("query")
@click.argument("sparql")
@graph_option
@format_option
@endpoint_option
def query_cmd(sparql, graph_dir, fmt, endpoint):
    """Run a SPARQL query given as text or as a path to a .rq file."""
    path = Path(sparql)
    text = path.read_text(encoding="utf-8") if len(sparql) < 4096 and "\n" not in sparql and path.is_file() else sparql
    store = _store(graph_dir, endpoint)
    try:
        columns, rows = _run(select, store, text)
    except SyntaxError as exc:
        raise click.ClickException(f"SPARQL syntax error: {exc}") from None
    echo_rows(columns, rows, fmt)


@click.command("papers")
@click.option("--benchmark", required=True, help="Benchmark name or alias (any case).")
@graph_option
@format_option
@endpoint_option
def papers_cmd(benchmark, graph_dir, fmt, endpoint):
    """Papers evaluated on a benchmark."""
    store = _store(graph_dir, endpoint)
    index = None if endpoint else BenchmarkIndex.at(graph_dir)  # the store's table: milliseconds for any benchmark
    rows = _run(papers_by_benchmark, store, benchmark, index)
    if not rows:
        hint = _run(suggest_benchmarks, store, benchmark)
        msg = f"no benchmark called {benchmark!r}"
        raise click.ClickException(msg + (f"; did you mean: {', '.join(hint)}?" if hint else ""))
    echo_rows(["id", "title", "label", "dates", "evidence"], rows, fmt)


@click.command("shared")
@graph_option
@format_option
@endpoint_option
def shared_cmd(graph_dir, fmt, endpoint):
    """Benchmarks shared by two or more papers, most shared first."""
    index = None if endpoint else BenchmarkIndex.at(graph_dir)
    echo_rows(["label", "papers", "ids"], _run(shared_benchmarks, _store(graph_dir, endpoint), index), fmt)


@click.command("related")
@click.argument("arxiv_id")
@graph_option
@format_option
@endpoint_option
def related_cmd(arxiv_id, graph_dir, fmt, endpoint):
    """Papers that share benchmarks, models or methods with one paper."""
    rows = _run(related_papers, _store(graph_dir, endpoint), arxiv_id.strip())
    echo_rows(["id", "title", "overlap", "shared"], rows, fmt)
