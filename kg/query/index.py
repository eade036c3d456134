""""Papers evaluated on a benchmark" as a table, for benchmarks thousands of papers share.

SPARQL answers ``papers_by_benchmark_key_rows.rq`` at about 50 µs a row on Oxigraph: a few
milliseconds for a typical benchmark, over a second for one 7,000 papers use.  ``kg build``
therefore also writes the answer of every benchmark into ``store/papers_by_benchmark.sqlite``
(one row per paper and benchmark, kept in step with the graphs a build rewrites, and each
benchmark's rows again as pickled columns of up to ``2 * PART_ROWS`` rows, split by id: the file
is the build's own, as trusted as its cache), and
:func:`kg.query.papers_by_benchmark` and :func:`kg.query.shared_benchmarks` read it when it is
given.  Same rows as the SPARQL queries (``tests/store/test_benchmark_index.py`` checks every
benchmark of the corpus), the dates and ids sorted.  Only ``sqlite3``: a query process imports
nothing else for it.
"""

from __future__ import annotations

import pickle
import sqlite3
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

from kg.gc_pause import gc_paused

__all__ = ["BenchmarkIndex", "INDEX_FILE", "PART_ROWS"]

INDEX_FILE = "papers_by_benchmark.sqlite"
_ENTITY = "https://w3id.org/paperkg/entity/"
_ROWS_OF_KEY = "SELECT id, title, dates, evidence FROM rows WHERE key = ? ORDER BY id"
_ROWS_FROM = "SELECT id, title, dates, evidence FROM rows WHERE key = ? AND id >= ? ORDER BY id"
_ROWS_BETWEEN = "SELECT id, title, dates, evidence FROM rows WHERE key = ? AND id >= ? AND id < ? ORDER BY id"
# Rows per part of a benchmark's answer.  A day's new papers have the newest ids, so an add
# rewrites the last part of each benchmark it touches, not the whole answer (100k papers: the
# most shared benchmarks' answers are 2 MB each, and rewriting 30 of them took 0.5 s of an add);
# reading an answer of 7,000 rows costs 14 parts instead of one blob
PART_ROWS = 500


class BenchmarkIndex:
    """``benchmark key -> [(id, title, dates, evidence)]`` and ``key -> label`` in SQLite."""

    def __init__(self, path: Path, write: bool = False, fresh: bool = False):
        self.path = Path(path)
        if fresh:
            self.path.unlink(missing_ok=True)
        if write:
            self.conn = sqlite3.connect(str(self.path))
            self.conn.executescript(
                "CREATE TABLE IF NOT EXISTS rows (key TEXT, id TEXT, title TEXT, dates TEXT, evidence TEXT,"
                " PRIMARY KEY (key, id)) WITHOUT ROWID;"
                "CREATE INDEX IF NOT EXISTS rows_id ON rows (id);"
                "CREATE TABLE IF NOT EXISTS labels (key TEXT PRIMARY KEY, label TEXT) WITHOUT ROWID;"
                "CREATE TABLE IF NOT EXISTS answers (key TEXT, part TEXT, rows BLOB, PRIMARY KEY (key, part));"
            )
            self._changed: dict[str, set[str]] = defaultdict(set)  # key -> ids whose rows changed
        else:
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            self.conn.execute("PRAGMA mmap_size=1073741824")  # pages read in place: no read() copy per page

    @classmethod
    def at(cls, graph_dir) -> "BenchmarkIndex | None":
        """The index of the store that ``kg build --out graph_dir`` wrote, or None."""
        path = Path(graph_dir) / "store" / INDEX_FILE
        return cls(path) if path.is_file() else None

    def rows(self, name: str, key_iri: str) -> list[dict] | None:
        """The papers evaluated on the benchmark ``key_iri`` as papers_by_benchmark gives them,
        or None when the index has no benchmark with that key (the caller asks SPARQL)."""
        key = key_iri[len(_ENTITY):] if key_iri.startswith(_ENTITY) else key_iri
        label = self.conn.execute("SELECT label FROM labels WHERE key = ?", (key,)).fetchone()
        if label is None:
            return None
        label = label[0]
        with gc_paused():  # 7,000 rows make 35,000 objects, none in a cycle
            return [{"query": name, "key": key_iri, "id": i, "title": t, "benchmark": key_iri, "label": label,
                     "dates": d, "evidence": e} for i, t, d, e in self._answer(key)]

    def shared(self) -> list[dict]:
        """The benchmarks two or more papers are evaluated on, as shared_benchmarks gives them
        (the ids sorted): one scan of the table (100k papers: 40 ms; SPARQL: 2.4 s)."""
        rows = self.conn.execute(
            "SELECT r.key, l.label, COUNT(*), group_concat(r.id, ' ') FROM rows r JOIN labels l ON l.key = r.key"
            " GROUP BY r.key HAVING COUNT(*) > 1").fetchall()
        out = [{"benchmark": _ENTITY + k, "label": label, "papers": n, "ids": " ".join(sorted(ids.split(" ")))}
               for k, label, n, ids in rows]
        return sorted(out, key=lambda r: (-r["papers"], r["label"]))

    def _answer(self, key: str) -> Iterable[tuple]:
        """``(id, title, dates, evidence)`` of the benchmark's papers, by id: its ``answers`` parts
        (pickled: 7,000 rows load in 3.6 ms where reading them row by row takes 7.3 ms), else the
        ``rows`` table (a store written before the answers table had parts)."""
        try:
            parts = self.conn.execute("SELECT rows FROM answers WHERE key = ? ORDER BY part", (key,)).fetchall()
        except sqlite3.OperationalError:
            parts = None
        if parts:
            return chain.from_iterable(_part_rows(pickle.loads(blob)) for (blob,) in parts)
        return self.conn.execute(_ROWS_OF_KEY, (key,)).fetchall()

    # -- written by kg.store.build ---------------------------------------------------------
    def replace_papers(self, rows_of: dict[str, list[tuple[str, str, str, str]]]) -> None:
        """For each paper id: its rows ``(key, title, dates, evidence)`` replace the ones it had."""
        for pid, rows in rows_of.items():
            for (k,) in self.conn.execute("SELECT key FROM rows WHERE id = ?", (pid,)):
                self._changed[k].add(pid)
            for k, _, _, _ in rows:
                self._changed[k].add(pid)
        self.conn.executemany("DELETE FROM rows WHERE id = ?", ((pid,) for pid in rows_of))
        self.conn.executemany("INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?, ?)",
                              ((k, pid, t, d, e) for pid, rows in rows_of.items() for k, t, d, e in rows))

    def set_labels(self, labels: dict[str, str | None]) -> None:
        """Benchmark key -> label; None: the key is no benchmark (any more)."""
        self.conn.executemany("INSERT OR REPLACE INTO labels VALUES (?, ?)", ((k, v) for k, v in labels.items() if v is not None))
        self.conn.executemany("DELETE FROM labels WHERE key = ?", ((k,) for k, v in labels.items() if v is None))

    def commit(self) -> None:
        """Write the answer parts that hold a changed row, then commit."""
        for key in sorted(self._changed):
            self._rewrite_parts(key, self._changed[key])
        self._changed.clear()
        self.conn.commit()

    def _rewrite_parts(self, key: str, ids: set[str]) -> None:
        """Rewrite the parts of ``key``'s answer where ``ids`` fall.  A part is named by the
        lowest id it may hold and holds the ids up to the next part's name (the first part also
        those below its name)."""
        names = [p for (p,) in self.conn.execute("SELECT part FROM answers WHERE key = ? ORDER BY part", (key,))]
        if not names:
            self._write_parts(key, None, self._rows_in(key, "", None))
            return
        for i in sorted({max(0, bisect_right(names, pid) - 1) for pid in ids}):
            lo = names[i] if i else ""
            hi = names[i + 1] if i + 1 < len(names) else None
            self.conn.execute("DELETE FROM answers WHERE key = ? AND part = ?", (key, names[i]))
            self._write_parts(key, names[i], self._rows_in(key, lo, hi))

    def _rows_in(self, key: str, lo: str, hi: str | None) -> list[tuple]:
        if hi is None:
            return self.conn.execute(_ROWS_FROM, (key, lo)).fetchall()
        return self.conn.execute(_ROWS_BETWEEN, (key, lo, hi)).fetchall()

    def _write_parts(self, key: str, name: str | None, rows: list[tuple]) -> None:
        """``rows`` as the part ``name`` (None: named by its first id); more than ``2 * PART_ROWS``
        rows are split into parts of ``PART_ROWS``, each after the first named by its first id;
        no rows, no part."""
        step = PART_ROWS if len(rows) > 2 * PART_ROWS else len(rows) or 1
        for j in range(0, len(rows), step):
            part = name if j == 0 and name is not None else rows[j][0]
            self.conn.execute("INSERT INTO answers VALUES (?, ?, ?)",
                              (key, part, pickle.dumps(_columns(rows[j:j + step]), protocol=pickle.HIGHEST_PROTOCOL)))

    def close(self) -> None:
        self.conn.close()


def _columns(rows: list[tuple]) -> tuple[tuple, ...]:
    """A part's rows as four columns, each distinct dates string once (pickle writes a shared
    object once, and loads it once).  ``kg papers`` on a benchmark 6,943 papers share (100k
    papers): p50 7.7 and 7.4 ms against 8.3 and 8.1 ms with lists of tuples, two runs of 300
    alternating calls each."""
    ids, titles, dates, evidence = zip(*rows)
    shared: dict[str, str] = {}
    return ids, titles, tuple(shared.setdefault(d, d) for d in dates), evidence


def _part_rows(part) -> Iterable[tuple]:
    """The rows of an unpickled part: columns (:func:`_columns`), or a list of rows as stores
    written before them hold."""
    return zip(*part) if isinstance(part, tuple) else part
