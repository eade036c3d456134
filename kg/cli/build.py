"""``kg build``: digests in, the persistent store and the exports out (incremental: see :mod:`kg.store`)."""

from __future__ import annotations

from pathlib import Path

import click

import kg
from kg.export import RDF_FORMATS
from kg.export.files import ExportError
from kg.parse import DigestError
from kg.store import build_store


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="exports", show_default=True, type=click.Path(path_type=Path), help="Directory for the exports.")
@click.option("--format", "formats", multiple=True, type=click.Choice([f for f in RDF_FORMATS if f != "trig"]), default=("turtle",), show_default=True, help="RDF serialisations to write besides TriG (repeatable).")
@click.option("--html/--no-html", default=None, help="Write the HTML explorer (default: up to 500 papers; above, it is skipped).")
@click.option("--strict", is_flag=True, help="Fail (exit 1, nothing written) if any entry was skipped.")
@click.option("--workers", type=int, default=None, help="Extraction processes for large builds (default: all cores).")
@click.option("--trig/--no-trig", default=None, help="Write graph.trig (default: up to 500 papers; above, the store is the graph).")
def build_cmd(paths, out_dir, formats, html, strict, workers, trig):
    """Build the knowledge graph from digest files or folders (default: seeds/).

    Every paper heading ends up in the graph or in the 'skipped:' lines printed on stderr,
    with the file, line and reason.  Exit status: 0 built (possibly with skips), 1 nothing
    usable was read, --strict and something was skipped, or the exports could not be
    written; the previous exports are then left as they were.
    """
    paths = paths or (Path("seeds"),)
    try:
        summary = build_store(paths, out_dir, strict=strict, formats=formats, html=html,
                              workers=workers, progress=True, trig=trig)
    except (DigestError, kg.BuildError) as exc:
        raise click.ClickException(f"{exc}\nnothing written; the previous exports in {out_dir} are unchanged") from None
    except OSError as exc:
        where = exc.filename or out_dir
        raise click.ClickException(f"cannot write the exports to {where}: {exc.strerror or exc}; previous exports unchanged") from None
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    for line in summary.skipped:
        click.echo(f"skipped: {line}", err=True)
    for line in summary.warnings:
        click.echo(f"warning: {line}", err=True)
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    n_skip = len(summary.skipped)
    click.echo(
        f"{summary.digests} digest(s), {summary.papers} papers, {n_skip} skipped"
        + (" (listed above on stderr; --strict makes this an error)" if n_skip else "")
        + f"; {summary.extracted} extracted, {len(summary.graphs_replaced)} graph(s) rewritten"
    )
    for t in ("Benchmark", "Model", "Method", "Metric", "Framework", "Keyword"):
        click.echo(f"  {t:<10} {summary.counts.get(t, 0)}")
    click.echo("  links      " + ", ".join(f"{k} {v}" for k, v in sorted(summary.links.items())))
    for path in summary.written:
        click.echo(f"wrote {path}")
    click.echo(f"store {summary.store}")
