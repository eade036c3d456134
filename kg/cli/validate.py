"""``kg validate``: check exports against the SHACL shapes (pySHACL) and print the violations."""

from __future__ import annotations

from pathlib import Path

import click

from kg.validate import ValidationSetupError, validate_path


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(path_type=Path), default=None, help="SHACL shapes (default: ontology/shapes.ttl).")
@click.option("--limit", default=50, show_default=True, help="Print at most this many violations per file (0: all).")
def validate_cmd(paths, shapes, limit):
    """Validate exports (files, or 'kg build --out' directories; default: exports/).

    Exits 0 when every file conforms, 1 when there are violations, 2 when a file
    or the shapes cannot be read.
    """
    paths = paths or (Path("exports"),)
    failed = False
    for path in paths:
        try:
            report = validate_path(path, shapes)
        except ValidationSetupError as exc:
            click.echo(f"error: {exc}", err=True)
            raise SystemExit(2) from None
        if report.conforms:
            click.echo(f"{path}: conforms ({report.triples} triples)")
            continue
        failed = True
        n = len(report.violations)
        click.echo(f"{path}: {n} violation{'s' if n != 1 else ''} ({report.triples} triples)")
        shown = report.violations if limit <= 0 else report.violations[:limit]
        for v in shown:
            click.echo(f"  {v}")
        if len(shown) < n:
            click.echo(f"  ... and {n - len(shown)} more (--limit 0 shows all)")
    if failed:
        raise SystemExit(1)
