"""``kg build``: digests in, exports out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

import kg
from kg.export import RDF_FORMATS
from kg.parse import DigestError


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="exports", show_default=True, type=click.Path(path_type=Path), help="Directory for the exports.")
@click.option("--format", "formats", multiple=True, type=click.Choice([f for f in RDF_FORMATS if f != "trig"]), default=("turtle",), show_default=True, help="RDF serialisations to write besides TriG (repeatable).")
@click.option("--no-html", is_flag=True, help="Skip the HTML explorer.")
@click.option("--strict", is_flag=True, help="Fail if any entry was skipped.")
def build_cmd(paths, out_dir, formats, no_html, strict):
    """Build the knowledge graph from digest files or folders (default: seeds/)."""
    paths = paths or (Path("seeds"),)
    try:
        g = kg.build(paths, strict=strict)
    except (DigestError, kg.BuildError) as exc:
        raise click.ClickException(str(exc)) from None
    for line in g.graph["skipped"]:
        click.echo(f"skipped: {line}", err=True)
    for line in g.graph["warnings"]:
        click.echo(f"warning: {line}", err=True)
    written = kg.write_exports(g, out_dir, formats=formats, html=not no_html)
    counts = Counter(d["type"] for _, d in g.nodes(data=True))
    links = Counter(k for _, _, k in g.edges(keys=True))
    click.echo(f"{len(g.graph['digests'])} digest(s), {counts['Paper']} papers, {len(g.graph['skipped'])} skipped")
    for t in ("Benchmark", "Model", "Method", "Metric", "Framework", "Keyword"):
        click.echo(f"  {t:<10} {counts[t]}")
    click.echo("  links      " + ", ".join(f"{k} {v}" for k, v in sorted(links.items())))
    for path in written:
        click.echo(f"wrote {path}")
