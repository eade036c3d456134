"""``kg viz``: the HTML explorer of some digests, or of one node's neighbourhood.

The exports of ``kg build`` are RDF, which does not keep everything the explorer shows
(evidence per digest date, layout inputs), so ``kg viz`` rebuilds the graph from the
digests, exactly as ``kg build`` does; ``kg build`` already writes the whole-graph
explorer as ``graph.html`` next to the RDF.
"""

from __future__ import annotations

from pathlib import Path

import click

import kg
from kg.parse import DigestError


@click.command("viz")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--focus", metavar="NAME_OR_ID", help="Only the neighbourhood of this node: a node id, arXiv id, name or alias.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 10), help="Links to follow from --focus.")
@click.option("--out", "out_file", default="graph.html", show_default=True, type=click.Path(path_type=Path), help="The HTML file to write.")
@click.option("--all/--auto", "show_all", default=False, help="Show one-off entities from the start (default: hidden on graphs over 500 nodes).")
@click.option("--title", default=None, help="Page title (default: paperkg, or paperkg: <focus>).")
def viz_cmd(paths, focus, depth, out_file, show_all, title):
    """Write the interactive HTML explorer for digest files or folders (default: seeds/)."""
    from kg.export.files import atomic_write
    from kg.viz.html import NodeNotFound, neighbourhood, render_html

    paths = paths or (Path("seeds"),)
    try:
        g = kg.build(paths)
    except (DigestError, kg.BuildError) as exc:
        raise click.ClickException(str(exc)) from None
    center = None
    if focus:
        try:
            g, center = neighbourhood(g, focus, depth)
        except NodeNotFound as exc:
            raise click.ClickException(str(exc)) from None
    label = g.nodes[center].get("label", center) if center else None
    page = render_html(
        g,
        title=title or (f"paperkg: {label} (depth {depth})" if center else "paperkg"),
        hide_one_offs=False if show_all else None,
        focus=center,
    )
    atomic_write(out_file, page.encode("utf-8"))
    drawn = sum(1 for _, d in g.nodes(data=True) if d.get("type") != "Result")
    click.echo(f"wrote {out_file} ({drawn} nodes{', around ' + center if center else ''})")
