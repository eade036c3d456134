"""``kg eval``: precision, recall and F1 of the extraction against gold annotations."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

import kg
from kg.evaluate import TYPES, evaluate, load_gold, predictions_from_store
from kg.query import open_store


@click.command("eval")
@click.option("--gold", "gold_files", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Gold JSON file (repeatable).")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--details/--no-details", default=True, show_default=True, help="List misses and false positives.")
def eval_cmd(gold_files, paths, details):
    """Build from PATHS (default: seeds/) and score the RDF against gold."""
    g = kg.build(paths or (Path("seeds"),))
    with tempfile.TemporaryDirectory() as tmp:
        kg.write_exports(g, tmp, formats=(), html=False)
        predicted = predictions_from_store(open_store(tmp))
    scores = evaluate(load_gold(gold_files), predicted)
    if details:
        for kind in (*TYPES, "shared_pairs"):
            s = scores[kind]
            for pid, name in s.misses if kind != "shared_pairs" else [(a, b) for a, b in s.misses]:
                click.echo(f"miss  {kind:<12} {pid}  {name}")
            for pid, name in s.false_positives if kind != "shared_pairs" else [(a, b) for a, b in s.false_positives]:
                click.echo(f"extra {kind:<12} {pid}  {name}")
    click.echo(f"{'type':<13}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
    for kind in (*TYPES, "any", "shared_pairs"):
        s = scores[kind]
        click.echo(f"{kind:<13}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6d}{s.fp:6d}{s.fn:6d}")
