"""``kg leaderboard BENCHMARK``: results reported on a benchmark, grouped by metric, best first."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.output import FORMATS, echo_rows
from kg.leaderboard import COLUMNS, leaderboard
from kg.query import GraphNotFound, open_store, suggest_benchmarks
from kg.query.sparql import entities_called


@click.command("leaderboard")
@click.argument("benchmark")
@click.option("--metric", default=None, help="Only this metric (name or alias, any case).")
@click.option("--graph", "graph_dir", default="exports", show_default=True, type=click.Path(path_type=Path), help="Directory that 'kg build --out' wrote.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--endpoint", default=None, metavar="URL", help="Query a SPARQL 1.1 endpoint instead of the local store.")
def leaderboard_cmd(benchmark, metric, graph_dir, fmt, endpoint):
    """The results reported on BENCHMARK across all papers: per metric, best first where the
    metric's direction is known (higher accuracy, lower FID/perplexity/latency)."""
    try:
        store = open_store(graph_dir, endpoint=endpoint)
    except GraphNotFound as exc:
        raise click.ClickException(str(exc)) from None
    rows = leaderboard(store, benchmark, metric)
    if not rows:
        if not entities_called(store, benchmark, "Benchmark"):  # a name the graph does not know: an error
            hint = suggest_benchmarks(store, benchmark)
            msg = f"no benchmark called {benchmark!r}"
            raise click.ClickException(msg + (f"; did you mean: {', '.join(hint)}?" if hint else ""))
        if metric and leaderboard(store, benchmark):
            raise click.ClickException(f"no results on {benchmark!r} in metric {metric!r}")
        # a known benchmark that no paper reports a value on has an empty leaderboard, not an error
        click.echo(f"no results reported on {benchmark!r} (its papers: kg papers --benchmark {benchmark!r})", err=True)
    columns = COLUMNS if fmt == "table" else COLUMNS + ["benchmark", "evidence"]
    echo_rows(columns, rows, fmt)
