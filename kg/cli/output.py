"""Print query rows as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

import click

FORMATS = ("table", "csv", "json")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(value, limit: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    if _width(text) <= limit:
        return text
    out, w = "", 0
    for c in text:
        w += _width(c)
        if w > limit - 1:
            break
        out += c
    return out + "…"


def render(columns: list[str], rows: list[dict], fmt: str = "table", limit: int = 60) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: r.get(c) for c in columns} for r in rows)
        return buf.getvalue().rstrip("\n")
    cells = [[_cell(r.get(c), limit) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    pad = lambda text, w: text + " " * (w - _width(text))  # noqa: E731
    lines = ["  ".join(pad(c, w) for c, w in zip(columns, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(v, w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(lines)


def echo_rows(columns, rows, fmt="table") -> None:
    click.echo(render(columns, rows, fmt))
    if fmt == "table":
        click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)
