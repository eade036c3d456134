"""What the store keeps between builds besides the RDF: the resolver's tallies and the indexes
an incremental build needs, in one SQLite file (``store/resolver.sqlite``).

Every table maps a text key to a pickled value and is read on demand, so that adding a day
reads the few thousand rows the day touches, not the whole archive:

=============  ===========================================================================
table          key -> value
=============  ===========================================================================
alias_counts   long form key -> Counter(entity key): the acronym definitions seen
tallies        entity key -> :class:`~kg.resolve.resolver.Tally`
long_forms     acronym key -> Counter(long form)
entities       entity key -> the decided :class:`~kg.resolve.Entity`
form_owners    normalised label or alias -> entity keys that carry it (results' name lookup)
members        family key -> entity keys whose family it is
postings       ("e:<key>" or "i:<form>", paper id) pairs: the papers whose links or results
               read an entity's decision or a name's lookup (a table of pairs, not of sets)
raw_seen       a name as extracted (before aliases) -> "" (a new alias for it rekeys old papers)
papers         arXiv id -> the dates it appears on
dates          date -> sha256 of the digest files of that date
keywords       keyword -> "" (to count the distinct ones)
=============  ===========================================================================
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import MutableMapping
from pathlib import Path

__all__ = ["StateDB", "Table", "EntityIndex", "Recorder"]

_GONE = object()
TABLES = ("alias_counts", "tallies", "long_forms", "entities", "form_owners", "members", "raw_seen",
          "papers", "dates", "keywords")


class Table(MutableMapping):
    """A SQLite table ``(k TEXT PRIMARY KEY, v BLOB)`` as a mapping of pickled values.

    Reads are cached; writes stay in memory until :meth:`flush`.  Iteration is not offered:
    nothing in an incremental build may need every row."""

    def __init__(self, conn: sqlite3.Connection, name: str):
        self.conn, self.name = conn, name
        conn.execute(f"CREATE TABLE IF NOT EXISTS {name} (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID")
        self._cache: dict = {}
        self._dirty: set = set()

    def __getitem__(self, key):
        v = self._cache.get(key)
        if v is None:
            row = self.conn.execute(f"SELECT v FROM {self.name} WHERE k = ?", (key,)).fetchone()
            v = self._cache[key] = pickle.loads(row[0]) if row else _GONE
        if v is _GONE:
            raise KeyError(key)
        return v

    def __setitem__(self, key, value) -> None:
        self._cache[key] = value
        self._dirty.add(key)

    def __delitem__(self, key) -> None:
        self._cache[key] = _GONE
        self._dirty.add(key)

    def __iter__(self):
        raise TypeError(f"{self.name}: a store table is read by key, never whole")

    def __len__(self) -> int:
        return self.conn.execute(f"SELECT COUNT(*) FROM {self.name}").fetchone()[0]

    def keys_with_prefix(self, prefix: str) -> list[str]:
        rows = self.conn.execute(f"SELECT k FROM {self.name} WHERE k >= ? AND k < ?", (prefix, prefix + "\U0010ffff"))
        keys = {r[0] for r in rows} | {k for k, v in self._cache.items() if v is not _GONE and k.startswith(prefix)}
        return sorted(k for k in keys if self._cache.get(k, True) is not _GONE)

    def flush(self) -> None:
        puts = [(k, pickle.dumps(self._cache[k], protocol=pickle.HIGHEST_PROTOCOL))
                for k in self._dirty if self._cache[k] is not _GONE]
        dels = [(k,) for k in self._dirty if self._cache[k] is _GONE]
        self.conn.executemany(f"INSERT OR REPLACE INTO {self.name} (k, v) VALUES (?, ?)", puts)
        self.conn.executemany(f"DELETE FROM {self.name} WHERE k = ?", dels)
        self._dirty.clear()

    def write_all(self, items) -> None:
        """Fill an empty table at once (a full build)."""
        self.conn.executemany(f"INSERT OR REPLACE INTO {self.name} (k, v) VALUES (?, ?)",
                              ((k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items))


class StateDB:
    """``store/resolver.sqlite``: one :class:`Table` attribute per name in ``TABLES``."""

    FILE = "resolver.sqlite"

    def __init__(self, root: Path, fresh: bool = False):
        path = Path(root) / self.FILE
        if fresh:
            for p in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
                p.unlink(missing_ok=True)
        self.conn = sqlite3.connect(str(path), isolation_level="DEFERRED")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        for name in TABLES:
            setattr(self, name, Table(self.conn, name))
        self.conn.execute("CREATE TABLE IF NOT EXISTS postings (term TEXT, pid TEXT, PRIMARY KEY (term, pid)) WITHOUT ROWID")
        # a fresh database (a full build, millions of pairs) appends them to an unindexed table and
        # sorts them into the index once, at commit (inserting each into the B-tree as it came took
        # about 7 s of a 100k build's main thread)
        self._staged = fresh
        if fresh:
            self.conn.execute("CREATE TEMP TABLE postings_staged (term TEXT, pid TEXT)")

    def add_postings(self, pairs) -> None:
        """Record ``(term, paper id)`` pairs: the paper's links or results read ``term``."""
        into = "postings_staged" if self._staged else "postings"
        self.conn.executemany(f"INSERT OR IGNORE INTO {into} VALUES (?, ?)", pairs)

    def papers_reading(self, terms) -> set[str]:
        """The ids of the papers that read any of ``terms``."""
        out: set[str] = set()
        for term in terms:
            out.update(r[0] for r in self.conn.execute("SELECT pid FROM postings WHERE term = ?", (term,)))
        return out

    def commit(self) -> None:
        for name in TABLES:
            getattr(self, name).flush()
        if self._staged:
            self.conn.execute("INSERT OR IGNORE INTO postings SELECT term, pid FROM postings_staged ORDER BY term, pid")
            self.conn.execute("DELETE FROM postings_staged")
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


class EntityIndex:
    """The name -> entity key lookup of :func:`kg.results.resolve_results` (its ``_alias_index``),
    answered on demand: the key itself, else the smallest entity key having the name as label or
    alias, else the first lexicon entry in the graph that lists it as an alias."""

    def __init__(self, entities, form_owners, lex):
        self.entities, self.form_owners, self.lex = entities, form_owners, lex

    def get(self, form: str, default=None):
        if form in self.entities:
            return form
        owners = self.form_owners.get(form)
        if owners:
            return min(owners)
        for k in self.lex.alias_keys.get(form, ()):
            if k in self.entities:
                return k
        return default


class Recorder:
    """Wraps the entities mapping and the name index, writing down what one paper reads from them
    (``e:<key>``, ``i:<form>``): the postings that tell a later build whose links to redo."""

    def __init__(self, entities, index: EntityIndex):
        self._entities, self._index = entities, index
        self.terms: set[str] = set()

    # the entities mapping, as resolve_results and the quads writer read it
    def __contains__(self, key) -> bool:
        self.terms.add("e:" + key)
        return key in self._entities

    def __getitem__(self, key):
        self.terms.add("e:" + key)
        return self._entities[key]

    def get(self, key, default=None):
        self.terms.add("e:" + key)
        return self._entities.get(key, default)

    def entity_of(self, key):
        return self.get(key)

    def index(self) -> "_RecordingIndex":
        return _RecordingIndex(self)


class _RecordingIndex:
    """The name index as ``resolve_results`` reads it, each lookup written down by its Recorder."""

    __slots__ = ("recorder",)

    def __init__(self, recorder: Recorder):
        self.recorder = recorder

    def get(self, form, default=None):
        self.recorder.terms.add("i:" + form)
        return self.recorder._index.get(form, default)


def forms_of(entity) -> set[str]:
    """The normalised names an entity answers to in the results' lookup."""
    from kg.resolve.normalize import normalize

    return {normalize(entity.label)} | {normalize(a) for a in entity.aliases}
