"""``kg build``: digests in, exports out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

import kg
from kg.export import RDF_FORMATS
from kg.export.files import ExportError
from kg.parse import DigestError


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="exports", show_default=True, type=click.Path(path_type=Path), help="Directory for the exports.")
@click.option("--format", "formats", multiple=True, type=click.Choice([f for f in RDF_FORMATS if f != "trig"]), default=("turtle",), show_default=True, help="RDF serialisations to write besides TriG (repeatable).")
@click.option("--no-html", is_flag=True, help="Skip the HTML explorer.")
@click.option("--strict", is_flag=True, help="Fail (exit 1, nothing written) if any entry was skipped.")
def build_cmd(paths, out_dir, formats, no_html, strict):
    """Build the knowledge graph from digest files or folders (default: seeds/).

    Every paper heading ends up in the graph or in the 'skipped:' lines printed on stderr,
    with the file, line and reason.  Exit status: 0 built (possibly with skips), 1 nothing
    usable was read, --strict and something was skipped, or the exports could not be
    written; the previous exports are then left as they were.
    """
    paths = paths or (Path("seeds"),)
    try:
        g = kg.build(paths, strict=strict)
    except (DigestError, kg.BuildError) as exc:
        raise click.ClickException(f"{exc}\nnothing written; the previous exports in {out_dir} are unchanged") from None
    for line in g.graph["skipped"]:
        click.echo(f"skipped: {line}", err=True)
    for line in g.graph["warnings"]:
        click.echo(f"warning: {line}", err=True)
    try:
        written = kg.write_exports(g, out_dir, formats=formats, html=not no_html)
    except OSError as exc:
        where = exc.filename or out_dir
        raise click.ClickException(f"cannot write the exports to {where}: {exc.strerror or exc}; previous exports unchanged") from None
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    counts = Counter(d["type"] for _, d in g.nodes(data=True))
    links = Counter(k for _, _, k in g.edges(keys=True))
    n_skip = len(g.graph["skipped"])
    click.echo(
        f"{len(g.graph['digests'])} digest(s), {counts['Paper']} papers, {n_skip} skipped"
        + (" (listed above on stderr; --strict makes this an error)" if n_skip else "")
    )
    for t in ("Benchmark", "Model", "Method", "Metric", "Framework", "Keyword"):
        click.echo(f"  {t:<10} {counts[t]}")
    click.echo("  links      " + ", ".join(f"{k} {v}" for k, v in sorted(links.items())))
    for path in written:
        click.echo(f"wrote {path}")
