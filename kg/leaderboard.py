"""Leaderboards: the results reported on a benchmark across all papers, best first.

>>> from kg.query import open_store
>>> store = open_store("exports")                                   # doctest: +SKIP
>>> board = leaderboard(store, "AIME'24")                           # doctest: +SKIP
>>> [(r["metric"], r["value"], r["model"], r["paper"]) for r in board][:1]  # doctest: +SKIP
[('pass@1', '48.23', 'Qwen3-8B-Base', '2509.22611')]

Which way is better for a metric is data: ``kg/extract/patterns/metric_direction.json``
(higher for accuracy, lower for FID, perplexity, latency, ...).  Where it is unknown the
metric's rows keep the order of the papers and ``direction`` says ``unknown``.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.query.sparql import entities_called, load_query, normalize, select, smallest_sentence  # (normalize: without spaCy)

__all__ = ["leaderboard", "best_results", "metric_direction", "leaderboards_from_graph", "COLUMNS", "DIRECTIONS_FILE"]

DIRECTIONS_FILE = Path(__file__).resolve().parent / "extract" / "patterns" / "metric_direction.json"
COLUMNS = ["metric", "rank", "value", "unit", "model", "paper", "title", "role", "baseline", "compared_with", "direction"]


@lru_cache(maxsize=1)
def _directions() -> dict:
    return json.loads(DIRECTIONS_FILE.read_text(encoding="utf-8"))


def metric_direction(names, unit: str | None = None) -> str:
    """``"higher"``, ``"lower"`` or ``"unknown"`` for a metric known by any of ``names``.

    >>> metric_direction(["FID"]), metric_direction(["pass@1"]), metric_direction(["error rate"])
    ('lower', 'higher', 'lower')
    >>> metric_direction([], unit="FPS"), metric_direction([None])
    ('higher', 'unknown')
    """
    d = _directions()
    keys = [normalize(n) for n in names if n]
    for k in keys:
        if k in d["lower"]:
            return "lower"
        if k in d["higher"]:
            return "higher"
    for k in keys:
        if any(p in k for p in d["lower_contains"]):
            return "lower"
        if any(p in k for p in d["higher_contains"]):
            return "higher"
    if not keys and unit in d["units"]:
        return d["units"][unit]
    return "unknown"


def _patterns() -> tuple[str, str]:
    """Regexes over a lower-cased metric label for best_results.rq, from the direction table."""
    d = _directions()

    def alt(exact, contains):
        parts = [f"^{re.escape(x)}$" for x in exact] + [re.escape(x) for x in contains]
        return "|".join(parts)

    # labels are matched raw (lower-cased), so also accept the separators normalize() drops
    lower = alt(d["lower"], d["lower_contains"])
    higher = alt(d["higher"], d["higher_contains"])
    return lower, higher


def _dec(v) -> Decimal | None:
    try:
        return Decimal(str(v))
    except (InvalidOperation, TypeError):
        return None


def leaderboard(store: ox.Store, benchmark: str, metric: str | None = None) -> list[dict]:
    """Results on ``benchmark`` (label or alias, any case), grouped by metric, best first.

    Each row: ``metric`` (label, or None for an overall score), ``rank`` (1 = best; None when
    the metric's direction is unknown), ``value`` (as written), ``unit``, ``model`` (the
    evaluated model/method), ``paper`` (arXiv id), ``title``, ``role`` (reported | baseline),
    ``baseline``, ``compared_with``, ``direction``, ``benchmark``, ``evidence``.
    """
    rows = []
    for iri in entities_called(store, benchmark, "Benchmark"):
        bound = ox.NamedNode(iri)
        evidence = smallest_sentence(select(store, load_query("leaderboard_evidence"), benchmark=bound)[1], "result")
        for r in select(store, load_query("leaderboard"), benchmark=bound)[1]:
            rows.append({**r, "evidence": evidence.get(r["result"])})
    if metric:
        metrics = set(entities_called(store, metric, "Metric"))
        rows = [r for r in rows if r["metric"] in metrics]
    seen, groups = set(), {}
    for r in rows:
        if r["result"] in seen:
            continue
        seen.add(r["result"])
        groups.setdefault((r.get("metricLabel"), r.get("unit")), []).append(r)
    out = []
    for (mlabel, unit), rs in sorted(groups.items(), key=lambda kv: ((kv[0][0] is None), kv[0][0] or "", kv[0][1] or "")):
        direction = metric_direction([mlabel], unit) if mlabel else metric_direction([], unit)
        if direction in ("higher", "lower"):
            rs = sorted(rs, key=lambda r: (_dec(r["value"]) is None, _dec(r["value"]) or 0), reverse=False)
            if direction == "higher":
                rs = [r for r in rs if _dec(r["value"]) is not None][::-1] + [r for r in rs if _dec(r["value"]) is None]
        else:
            rs = sorted(rs, key=lambda r: (r["id"], r["result"]))
        rank, last = 0, None
        for i, r in enumerate(rs, 1):
            v = _dec(r["value"])
            if direction in ("higher", "lower") and v != last:
                rank, last = i, v
            out.append({
                "metric": mlabel,
                "rank": rank if direction in ("higher", "lower") else None,
                "value": _plain(r["value"]),
                "unit": r.get("unit"),
                "model": r.get("entityLabel"),
                "paper": r["id"],
                "title": r["title"],
                "role": r["role"],
                "baseline": _plain(r.get("baselineValue")),
                "compared_with": ", ".join(sorted(r["comparedWith"].split("\x1f"))) if r.get("comparedWith") else None,
                "direction": direction,
                "benchmark": r["benchmarkLabel"],
                "evidence": r.get("evidence") or r.get("rawText"),
            })
    return out


def _plain(v) -> str | None:
    """An xsd:decimal as written (Oxigraph prints 90.67 as 90.67, 40.30 as 40.3 -- fine)."""
    return None if v is None else str(v)


def best_results(store: ox.Store) -> list[dict]:
    """The best reported value per benchmark, metric and unit (metrics of known direction only)."""
    lower, higher = _patterns()
    _, rows = select(store, load_query("best_results"), lowerPattern=lower, higherPattern=higher)
    return [
        {
            "benchmark": r["benchmarkLabel"],
            "metric": r["metricLabel"],
            "unit": r["unit"] or None,
            "direction": r["direction"],
            "best": _plain(r["best"]),
            "paper": r["paper"],
            "model": r["model"],
            "ties": r["ties"],
        }
        for r in rows
    ]


def leaderboards_from_graph(g) -> dict[str, list[dict]]:
    """Leaderboards straight from the NetworkX graph, for the HTML view: benchmark node id ->
    rows (same keys as :func:`leaderboard`), grouped by metric and best first."""
    boards: dict[str, dict] = {}
    for node, d in g.nodes(data=True):
        if d.get("type") != "Result" or not d.get("benchmark"):
            continue
        metric = g.nodes[d["metric"]]["label"] if d.get("metric") else None
        names = [metric] + list(g.nodes[d["metric"]].get("aliases", ())) if metric else []
        pid = d["paper"]
        row = {
            "metric": metric,
            "value": d["value"],
            "unit": d.get("unit"),
            "model": g.nodes[d["entity"]]["label"] if d.get("entity") else d.get("compared_text"),
            "paper": g.nodes[pid].get("arxiv_id"),
            "title": g.nodes[pid].get("title"),
            "role": d.get("role", "reported"),
            "baseline": d.get("baseline_value"),
            "compared_with": ", ".join(g.nodes[c]["label"] for c in d.get("compared") or []) or None,
            "direction": metric_direction(names, d.get("unit")) if metric else metric_direction([], d.get("unit")),
            "evidence": d.get("evidence"),
        }
        boards.setdefault(d["benchmark"], {}).setdefault((metric, d.get("unit")), []).append(row)
    out = {}
    for bench, groups in boards.items():
        rows = []
        for (metric, unit), rs in sorted(groups.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or "", kv[0][1] or "")):
            direction = rs[0]["direction"]
            if direction in ("higher", "lower"):
                rs.sort(key=lambda r: _dec(r["value"]) or 0, reverse=direction == "higher")
                for i, r in enumerate(rs, 1):
                    r["rank"] = i
            else:
                rs.sort(key=lambda r: r["paper"] or "")
                for r in rs:
                    r["rank"] = None
            rows.extend(rs)
        out[bench] = rows
    return out
