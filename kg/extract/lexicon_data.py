"""Loader for the curated lexicon data files in ``kg/extract/lexicon/``.

The lexicon is the project's general knowledge of the field, kept as data:

* ``benchmarks.jsonl``, ``models.jsonl``, ``methods.jsonl``, ``metrics.jsonl`` --
  hand-curated, one JSON object per line::

      {"label": "Qwen2.5-VL-72B", "aliases": ["Qwen2.5-VL-72B-Instruct"],
       "family": "Qwen2.5-VL", "case_sensitive": false}

  ``family`` and ``case_sensitive`` are optional.  ``case_sensitive: true`` marks
  names that are ordinary words in lower case (MATH, GLUE, CLIP, DROP ...): match
  them only with the exact casing given.
* ``generated/*.jsonl`` -- produced by scripts (``scripts/lexicon_from_*.py``).
  Their first line is ``{"_meta": {"source": ..., "version": ..., ...}}``; entries
  carry a ``type`` key unless the file name says it (``benchmarks_*.jsonl``,
  ``models_*.jsonl`` ...).
* ``not_entities.jsonl`` -- ``{"text": ..., "reason": ...}``: names that look like
  entities but are not (architectures, field words, objectives, libraries, generic
  acronyms, organisations).  :func:`load_stoplist` returns them casefolded.

Curated entries win over generated ones with the same normalized name.
"""

from __future__ import annotations

import json
import pathlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

TYPES = ("benchmark", "model", "method", "metric")
_CURATED_FILES = {
    "benchmarks.jsonl": "benchmark",
    "models.jsonl": "model",
    "methods.jsonl": "method",
    "metrics.jsonl": "metric",
}
_PREFIX_TYPES = {
    "benchmarks": "benchmark",
    "models": "model",
    "methods": "method",
    "metrics": "metric",
}
STOPLIST_FILE = "not_entities.jsonl"
STOPLIST_REASONS = ("architecture", "field word", "objective", "library", "generic", "organisation")

_DROP = re.compile(r"[\s\-_.'`()\[\]{}/:,]+")


@dataclass(frozen=True)
class LexiconEntry:
    label: str  # canonical name
    type: str  # "benchmark" | "model" | "method" | "metric"
    aliases: tuple[str, ...]
    family: str | None = None
    case_sensitive: bool = False
    source: str = "curated"  # or "lm-eval 0.4.x" etc.

    @property
    def names(self) -> tuple[str, ...]:
        """The label followed by the aliases."""
        return (self.label, *self.aliases)


def normalize_name(name: str) -> str:
    """The gold guide's scoring normalization.

    NFKC, casefold, ``’`` as ``'``, then drop whitespace and ``- _ . ' ` ( ) [ ] { } / : ,``.
    """
    text = unicodedata.normalize("NFKC", name).casefold().replace("\u2019", "'")
    return _DROP.sub("", text)


def lexicon_dir() -> pathlib.Path:
    """The folder holding the lexicon data files."""
    try:
        return pathlib.Path(str(resources.files("kg.extract") / "lexicon"))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - fallback for odd installs
        return pathlib.Path(__file__).resolve().parent / "lexicon"


def _iter_json_lines(path: pathlib.Path):
    """Yield (line number, object) for each non-blank line; ValueError names file:line."""
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: invalid JSON: {exc.msg}") from exc
            if not isinstance(obj, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object")
            yield number, obj


def _str_list(value, path, number, key) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{path}:{number}: '{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _entry(obj: dict, path, number, default_type: str | None, source: str) -> LexiconEntry:
    label = obj.get("label")
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"{path}:{number}: missing or empty 'label'")
    etype = obj.get("type", default_type)
    if etype not in TYPES:
        raise ValueError(f"{path}:{number}: invalid or missing 'type' {etype!r}")
    if default_type is not None and etype != default_type:
        raise ValueError(f"{path}:{number}: type {etype!r} in a file of {default_type!r} entries")
    if "aliases" in obj and not isinstance(obj["aliases"], list):
        raise ValueError(f"{path}:{number}: 'aliases' must be a list")
    aliases = _str_list(obj.get("aliases", []), path, number, "aliases")
    family = obj.get("family")
    if family is not None and (not isinstance(family, str) or not family.strip()):
        raise ValueError(f"{path}:{number}: 'family' must be a non-empty string")
    case_sensitive = obj.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise ValueError(f"{path}:{number}: 'case_sensitive' must be true or false")
    unknown = set(obj) - {"label", "type", "aliases", "family", "case_sensitive", "source"}
    if unknown:
        raise ValueError(f"{path}:{number}: unknown keys {sorted(unknown)}")
    label = label.strip()
    aliases = tuple(a for a in dict.fromkeys(aliases) if a != label)
    return LexiconEntry(
        label=label,
        type=etype,
        aliases=aliases,
        family=family.strip() if family else None,
        case_sensitive=case_sensitive,
        source=obj.get("source", source) if isinstance(obj.get("source", source), str) else source,
    )


def read_curated_file(path: pathlib.Path, etype: str) -> list[LexiconEntry]:
    return [_entry(obj, path, n, etype, "curated") for n, obj in _iter_json_lines(path)]


def read_generated_file(path: pathlib.Path) -> tuple[dict, list[LexiconEntry]]:
    """Return (meta, entries) of a generated file; its first line must be the _meta line."""
    prefix = path.name.split("_", 1)[0].removesuffix(".jsonl")
    default_type = _PREFIX_TYPES.get(prefix)
    meta: dict | None = None
    entries: list[LexiconEntry] = []
    source = "generated"
    for number, obj in _iter_json_lines(path):
        if meta is None:
            meta = obj.get("_meta")
            if not isinstance(meta, dict) or not meta.get("source") or not meta.get("version"):
                raise ValueError(f"{path}:{number}: first line must be a _meta object with source and version")
            source = f"{meta['source']} {meta['version']}"
            continue
        if "_meta" in obj:
            raise ValueError(f"{path}:{number}: _meta allowed only on the first line")
        entries.append(_entry(obj, path, number, default_type, source))
    return meta or {}, entries


def load_lexicon(directory: str | pathlib.Path | None = None) -> list[LexiconEntry]:
    """All lexicon entries: curated first, then generated ones not already covered.

    A generated entry is dropped when its label or any alias normalizes to a name
    (label or alias) of a curated entry of the same type; its remaining names are
    kept otherwise.  Raises ValueError naming file:line on a malformed line.
    """
    base = pathlib.Path(directory) if directory is not None else lexicon_dir()
    # read once a process: the extractor's two components and the resolver each ask for it (an
    # incremental add paid 0.06 s a time for 4,000 entries); a file changed on disk is read again
    stamp = tuple((str(p), st.st_mtime_ns, st.st_size) for p in sorted(base.rglob("*.jsonl")) for st in [p.stat()])
    return list(_read_lexicon(base, stamp))


@lru_cache(maxsize=4)
def _read_lexicon(base: pathlib.Path, stamp: tuple) -> tuple[LexiconEntry, ...]:
    curated: list[LexiconEntry] = []
    for filename, etype in _CURATED_FILES.items():
        path = base / filename
        if path.exists():
            curated.extend(read_curated_file(path, etype))
    taken: dict[str, set[str]] = {t: set() for t in TYPES}
    for entry in curated:
        taken[entry.type].update(normalize_name(n) for n in entry.names)
    result = list(curated)
    generated_dir = base / "generated"
    if generated_dir.is_dir():
        for path in sorted(generated_dir.glob("*.jsonl")):
            _, entries = read_generated_file(path)
            for entry in entries:
                keys = {normalize_name(n) for n in entry.names}
                if keys & taken[entry.type]:
                    continue
                taken[entry.type].update(keys)
                result.append(entry)
    return tuple(result)


def load_stoplist(directory: str | pathlib.Path | None = None, keep_case: bool = False) -> frozenset[str]:
    """Casefolded texts of not_entities.jsonl (as written, with ``keep_case``)."""
    base = pathlib.Path(directory) if directory is not None else lexicon_dir()
    path = base / STOPLIST_FILE
    if not path.exists():
        return frozenset()
    texts = set()
    for number, obj in _iter_json_lines(path):
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{path}:{number}: missing or empty 'text'")
        if obj.get("reason") not in STOPLIST_REASONS:
            raise ValueError(f"{path}:{number}: 'reason' must be one of {STOPLIST_REASONS}")
        texts.add(text.strip() if keep_case else text.strip().casefold())
    return frozenset(texts)
